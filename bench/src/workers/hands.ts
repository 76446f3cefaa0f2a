import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  ErrorBodySchema,
  PROTOCOL_VERSION,
  SpeakingEvents,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SpeakingStatePush,
} from '@roundtable/shared';
import { now, pollUntil, sleep, withTimeout } from '../clock.js';
import type { HandsOutcome, HandsPlan } from './api.js';

type SpeakingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 50;

/** Acknowledgements arrive untyped from `emitWithAck`; the envelope is checked, not trusted. */
const AckSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBodySchema }),
]);

/**
 * The participants of one worker. `connect` opens and subscribes them all; `raise` then has each
 * raise a hand at a random moment of the window, so every worker's crowd is connected before the
 * first hand goes up. A participant "has the final state" when a pushed list holds every
 * participant of the run exactly once.
 */
export class HandsCrowd {
  private readonly expected: Set<string>;
  private readonly sockets: SpeakingSocket[];
  private readonly finalAt: number[];
  private duplicates = 0;

  constructor(private readonly plan: HandsPlan) {
    this.expected = new Set(plan.expectedPersonIds);
    this.finalAt = plan.tokens.map(() => Number.NaN);
    this.sockets = plan.tokens.map((token, i) => this.open(token, i));
  }

  /** Opens and subscribes everyone, 50 at a time (people do not all arrive in the same millisecond). */
  async connect(): Promise<void> {
    const failures: string[] = [];
    for (let i = 0; i < this.sockets.length; i += CONNECT_BATCH) {
      const batch = this.sockets.slice(i, i + CONNECT_BATCH);
      const outcomes = await Promise.allSettled(batch.map((socket) => this.subscribe(socket)));
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') failures.push(String(outcome.reason));
    }
    if (failures.length) {
      throw new Error(
        `${failures.length} of ${this.sockets.length} not subscribed: ${failures.slice(0, 3).join('; ')}`,
      );
    }
  }

  private async subscribe(socket: SpeakingSocket): Promise<void> {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
        socket.connect();
      }),
      ACK_TIMEOUT_MS,
      'socket.io connect',
    );
    const ack = AckSchema.parse(
      await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(SpeakingEvents.Subscribe, { roomId: this.plan.roomId }),
    );
    if (!ack.ok) throw new Error(`${SpeakingEvents.Subscribe}: ${ack.error.code} ${ack.error.message}`);
  }

  async raise(startAt: number, windowMs: number): Promise<HandsOutcome> {
    const refused: string[] = [];
    const ackMs = this.sockets.map(() => Number.NaN);
    let firstRaiseAt = Infinity;
    let lastRaiseAt = 0;
    await sleep(Math.max(0, startAt - now()));
    await Promise.all(
      this.sockets.map(async (socket, i) => {
        await sleep(Math.random() * windowMs);
        const raisedAt = now();
        firstRaiseAt = Math.min(firstRaiseAt, raisedAt);
        lastRaiseAt = Math.max(lastRaiseAt, raisedAt);
        try {
          const ack = AckSchema.parse(
            await socket
              .timeout(ACK_TIMEOUT_MS)
              .emitWithAck(SpeakingEvents.RaiseHand, { roomId: this.plan.roomId, kind: 'normal' }),
          );
          if (ack.ok) ackMs[i] = now() - raisedAt;
          else refused.push(ack.error.code);
        } catch (err) {
          refused.push(err instanceof Error ? err.message : String(err));
        }
      }),
    );
    await pollUntil(() => this.finalAt.every((t) => !Number.isNaN(t)), 30_000, 20);
    return {
      acked: ackMs.filter((ms) => !Number.isNaN(ms)).length,
      refused,
      ackMs,
      finalAt: this.finalAt,
      firstRaiseAt,
      lastRaiseAt,
      duplicates: this.duplicates,
    };
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }

  private open(token: string, i: number): SpeakingSocket {
    const socket: SpeakingSocket = io(this.plan.url, {
      auth: { token, protocol: PROTOCOL_VERSION },
      // Browsers start with polling and upgrade; the bench skips the polling leg for 500 clients.
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    let version = -1;
    socket.on(SpeakingEvents.State, (push: SpeakingStatePush) => {
      // Pushes can overtake each other; like the client, keep only the newest.
      if (push.version <= version) return;
      version = push.version;
      const ids = push.state.entries.map((entry) => entry.personId);
      if (new Set(ids).size !== ids.length) this.duplicates++;
      if (
        Number.isNaN(this.finalAt[i]) &&
        ids.length === this.expected.size &&
        ids.every((id) => this.expected.has(id))
      ) {
        this.finalAt[i] = now();
      }
    });
    return socket;
  }
}
