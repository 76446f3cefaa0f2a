import crypto from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { RedisDeps } from '../realtime/redis.js';
import { UpdateStreams } from './update-stream.js';

/*
 * Between instances, through Redis pub/sub: one channel per loaded document carrying update bytes
 * and awareness batches, and one control channel for closing connections and read-only flags.
 * Every message carries the id of the instance that sent it; an instance ignores its own. Updates
 * also go to the document's update stream (update-stream.ts) until they are stored.
 */

const INSTANCE_ID_BYTES = 16;
const FanoutKind = { Updates: 0, Awareness: 1 } as const;

/** A document message from another instance. */
export type FanoutMessage =
  | { kind: 'updates'; instanceId: string; updates: Uint8Array[] }
  | { kind: 'awareness'; instanceId: string; update: Uint8Array };

/** What an instance publishes about a document. */
export type PublishBody =
  { kind: 'updates'; updates: Uint8Array[] } | { kind: 'awareness'; update: Uint8Array };

export function encodeFanoutMessage(instanceId: Uint8Array, body: PublishBody): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, body.kind === 'updates' ? FanoutKind.Updates : FanoutKind.Awareness);
  encoding.writeUint8Array(encoder, instanceId);
  if (body.kind === 'updates') {
    encoding.writeVarUint(encoder, body.updates.length);
    for (const update of body.updates) encoding.writeVarUint8Array(encoder, update);
  } else {
    encoding.writeVarUint8Array(encoder, body.update);
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Decodes a document message; null for anything malformed (logged by the caller). */
export function decodeFanoutMessage(data: Uint8Array): FanoutMessage | null {
  try {
    const decoder = decoding.createDecoder(data);
    const kind = decoding.readUint8(decoder);
    const instanceId = Buffer.from(decoding.readUint8Array(decoder, INSTANCE_ID_BYTES)).toString('hex');
    if (kind === FanoutKind.Updates) {
      const count = decoding.readVarUint(decoder);
      const updates: Uint8Array[] = [];
      for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
      return { kind: 'updates', instanceId, updates };
    }
    if (kind === FanoutKind.Awareness) {
      return { kind: 'awareness', instanceId, update: decoding.readVarUint8Array(decoder) };
    }
    return null;
  } catch {
    return null;
  }
}

/** Control messages every instance acts on. */
export const ControlMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('close-person'),
    roomId: z.string(),
    personId: z.string(),
    code: z.number().int().min(4000).max(4999),
    reason: z.string().max(120),
  }),
  z.object({ type: z.literal('read-only'), docName: z.string(), readOnly: z.boolean() }),
]);
export type ControlMessage = z.infer<typeof ControlMessageSchema>;

const ControlEnvelopeSchema = z.object({ from: z.string(), message: ControlMessageSchema });

export interface Fanout {
  /** Resolves once subscribed: messages published after that are delivered to `onMessage`. */
  subscribeDoc(docName: string, onMessage: (message: FanoutMessage) => void): Promise<void>;
  unsubscribeDoc(docName: string): Promise<void>;
  /**
   * An update this instance accepted: to the other instances now (not after the store write), and
   * kept in the document's stream until `stored` reports it durable. Fire and forget; a failure is
   * logged and counted (the update is still stored, and its author's client keeps it).
   */
  publishUpdate(docName: string, update: Uint8Array): void;
  /** These updates (as given to `publishUpdate`) are in the store: their stream entries go. */
  stored(docName: string, updates: readonly Uint8Array[]): void;
  /** Updates in the document's stream: accepted by an instance, perhaps not stored yet. */
  readUnstored(docName: string): Promise<Uint8Array[]>;
  /**
   * Hands updates left in streams by instances that died before storing them to `adopt` (which
   * stores them), then drops them from the streams. Resolves with how many entries were adopted.
   */
  sweepOrphans(
    now: number,
    adopt: (docName: string, updates: Uint8Array[]) => Promise<void>,
  ): Promise<number>;
  /** Fire and forget, like `publishUpdate`. */
  publishAwareness(docName: string, update: Uint8Array): void;
  /** Delivers to every other instance (this one applies the change itself). */
  publishControl(message: ControlMessage): void;
  onControl(handler: (message: ControlMessage) => void): void;
  close(): Promise<void>;
}

/** Single instance: nothing to fan out. */
export function createLocalFanout(): Fanout {
  return {
    subscribeDoc: () => Promise.resolve(),
    unsubscribeDoc: () => Promise.resolve(),
    publishUpdate: () => undefined,
    stored: () => undefined,
    readUnstored: () => Promise.resolve([]),
    sweepOrphans: () => Promise.resolve(0),
    publishAwareness: () => undefined,
    publishControl: () => undefined,
    onControl: () => undefined,
    close: () => Promise.resolve(),
  };
}

export async function createRedisFanout(
  redis: RedisDeps,
  logger: Logger,
  onPublishFailure: () => void,
): Promise<Fanout> {
  const instanceIdBytes = crypto.randomBytes(INSTANCE_ID_BYTES);
  const instanceId = instanceIdBytes.toString('hex');
  const docChannel = (docName: string): string => `${redis.prefix}yjs:doc:${docName}`;
  const controlChannel = `${redis.prefix}yjs:control`;
  const listeners = new Map<string, (data: Buffer) => void>();
  const controlHandlers: ((message: ControlMessage) => void)[] = [];

  const streams = new UpdateStreams(
    redis,
    instanceId,
    (data) => {
      const message = decodeFanoutMessage(data);
      return message?.kind === 'updates' ? message : null;
    },
    logger,
  );
  streams.startHeartbeat();
  // Stream entry of each update not yet reported stored (resolves null when the append failed).
  const entryIds = new Map<Uint8Array, Promise<string | null>>();

  const report = (err: unknown, what: string): void => {
    onPublishFailure();
    logger.error({ err }, `publishing ${what} to other instances failed`);
  };

  const onControlMessage = (raw: string): void => {
    try {
      const envelope = ControlEnvelopeSchema.parse(JSON.parse(raw));
      if (envelope.from === instanceId) return;
      for (const handler of controlHandlers) handler(envelope.message);
    } catch (err) {
      logger.warn({ err }, 'ignored a malformed collab control message');
    }
  };
  await redis.subscriber.subscribe(controlChannel, onControlMessage);

  const unsubscribeDoc = async (docName: string): Promise<void> => {
    const listener = listeners.get(docName);
    if (!listener) return;
    listeners.delete(docName);
    await redis.subscriber.unsubscribe(docChannel(docName), listener, true);
  };

  return {
    async subscribeDoc(docName, onMessage) {
      const listener = (data: Buffer): void => {
        const message = decodeFanoutMessage(data);
        if (!message) logger.warn({ docName }, 'ignored a malformed document fan-out message');
        else if (message.instanceId !== instanceId) onMessage(message);
      };
      listeners.set(docName, listener);
      await redis.subscriber.subscribe(docChannel(docName), listener, true);
    },
    unsubscribeDoc,
    publishUpdate(docName, update) {
      const data = encodeFanoutMessage(instanceIdBytes, { kind: 'updates', updates: [update] });
      const id = streams.appendAndPublish(docName, docChannel(docName), data).catch((err: unknown) => {
        report(err, 'an update');
        return null;
      });
      entryIds.set(update, id);
    },
    stored(docName, updates) {
      const ids = updates.map((update) => {
        const id = entryIds.get(update) ?? Promise.resolve(null);
        entryIds.delete(update);
        return id;
      });
      void Promise.all(ids)
        .then((found) =>
          streams.remove(
            docName,
            found.filter((id): id is string => id !== null),
          ),
        )
        .catch((err: unknown) =>
          logger.warn({ err, docName }, 'removing stored updates from the stream failed'),
        );
    },
    async readUnstored(docName) {
      return (await streams.read(docName)).flatMap((entry) => entry.updates);
    },
    sweepOrphans: (now, adopt) => streams.sweepOrphans(now, adopt),
    publishAwareness(docName, update) {
      const data = encodeFanoutMessage(instanceIdBytes, { kind: 'awareness', update });
      redis.client.publish(docChannel(docName), data).catch((err: unknown) => report(err, 'awareness'));
    },
    publishControl(message) {
      redis.client
        .publish(controlChannel, JSON.stringify({ from: instanceId, message }))
        .catch((err: unknown) => report(err, 'a control message'));
    },
    onControl(handler) {
      controlHandlers.push(handler);
    },
    async close() {
      streams.stopHeartbeat();
      await Promise.allSettled([...listeners.keys()].map(unsubscribeDoc));
      await redis.subscriber.unsubscribe(controlChannel, onControlMessage).catch((err: unknown) => {
        logger.warn({ err }, 'unsubscribing the collab control channel failed');
      });
    },
  };
}
