import { RESP_TYPES } from 'redis';
import type { Logger } from '../logger.js';
import type { RedisDeps } from '../realtime/redis.js';

/*
 * The per-document update stream (the y-redis idea, implemented here): every update an instance
 * accepts is appended to a Redis stream of its document at once, in the same MULTI as its
 * pub/sub message, and its entry is deleted by that instance once the update is in the store. So
 * the stream holds exactly the accepted updates the store may not have yet, and:
 * - the hop between instances never waits for the store (pub/sub carries it right away);
 * - an instance loading a document reads the store and then the stream, so it misses nothing
 *   another instance accepted but has not stored (for instance while the store is down);
 * - after a Redis reconnect an instance reads the streams of its documents for what pub/sub lost;
 * - entries of an instance that died before storing them (no heartbeat for a while) are stored by
 *   whichever instance sweeps first. Storing an update twice is harmless: Yjs ignores duplicates.
 */

/** How long an instance's heartbeat key lives; it is renewed every third of that. */
const HEARTBEAT_TTL_MS = 15_000;
/** An entry is adopted only when this old and its instance's heartbeat is gone. */
const ORPHAN_AGE_MS = 30_000;
/** Approximate cap per document stream: bounds Redis memory through a very long store outage. */
const MAX_STREAM_ENTRIES = 100_000;

/** Reads an entry's bytes (the fan-out message encoding): updates and their instance, or null. */
export type DecodeEntry = (data: Uint8Array) => { instanceId: string; updates: Uint8Array[] } | null;

export interface UpdateStreamEntry {
  id: string;
  instanceId: string;
  updates: Uint8Array[];
}

/** Key names and commands of the update streams of one deployment (`redis.prefix`). */
export class UpdateStreams {
  private readonly binary;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: RedisDeps,
    private readonly instanceId: string,
    private readonly decode: DecodeEntry,
    private readonly logger: Logger,
  ) {
    this.binary = redis.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  }

  key(docName: string): string {
    return `${this.redis.prefix}yjs:stream:${docName}`;
  }

  private heartbeatKey(instanceId: string): string {
    return `${this.redis.prefix}yjs:instance:${instanceId}`;
  }

  /** Keeps this instance's heartbeat alive until `stop`. */
  startHeartbeat(): void {
    const beat = (): void => {
      this.redis.client
        .set(this.heartbeatKey(this.instanceId), '1', { PX: HEARTBEAT_TTL_MS })
        .catch((err: unknown) => this.logger.debug({ err }, 'collab heartbeat failed'));
    };
    beat();
    this.heartbeat = setInterval(beat, HEARTBEAT_TTL_MS / 3);
    this.heartbeat.unref();
  }

  stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Appends the encoded fan-out message to the document's stream and publishes it on `channel`. */
  async appendAndPublish(docName: string, channel: string, message: Buffer): Promise<string> {
    const [id] = await this.redis.client
      .multi()
      .xAdd(
        this.key(docName),
        '*',
        { m: message },
        { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: MAX_STREAM_ENTRIES } },
      )
      .publish(channel, message)
      .exec();
    if (typeof id !== 'string') throw new Error('XADD answered without an entry id');
    return id;
  }

  /** Deletes entries whose updates are in the store. */
  async remove(docName: string, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.client.xDel(this.key(docName), ids);
  }

  /** Every entry of the document's stream, oldest first. */
  async read(docName: string): Promise<UpdateStreamEntry[]> {
    return this.readKey(this.key(docName));
  }

  private async readKey(key: string): Promise<UpdateStreamEntry[]> {
    const entries = (await this.binary.xRange(key, '-', '+')) ?? [];
    const out: UpdateStreamEntry[] = [];
    for (const entry of entries) {
      const raw = (entry.message as Record<string, Buffer | undefined>)['m'];
      const decoded = raw ? this.decode(raw) : null;
      if (!decoded) {
        this.logger.warn({ key }, 'ignored a malformed update stream entry');
        continue;
      }
      out.push({ id: String(entry.id), instanceId: decoded.instanceId, updates: decoded.updates });
    }
    return out;
  }

  /**
   * Finds entries left by instances that are gone (no heartbeat, entry older than the orphan age)
   * and hands them to `adopt`, which must store them; then deletes them. Returns how many.
   */
  async sweepOrphans(
    now: number,
    adopt: (docName: string, updates: Uint8Array[]) => Promise<void>,
  ): Promise<number> {
    const prefix = this.key('');
    const alive = new Map<string, boolean>();
    let adopted = 0;
    for await (const keys of this.redis.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 200 })) {
      for (const key of keys) {
        const docName = key.slice(prefix.length);
        const orphans: UpdateStreamEntry[] = [];
        for (const entry of await this.readKey(key)) {
          if (entry.instanceId === this.instanceId || now - Number(entry.id.split('-')[0]) < ORPHAN_AGE_MS)
            continue;
          let isAlive = alive.get(entry.instanceId);
          if (isAlive === undefined) {
            isAlive = (await this.redis.client.exists(this.heartbeatKey(entry.instanceId))) === 1;
            alive.set(entry.instanceId, isAlive);
          }
          if (!isAlive) orphans.push(entry);
        }
        if (orphans.length === 0) continue;
        await adopt(
          docName,
          orphans.flatMap((e) => e.updates),
        );
        await this.remove(
          docName,
          orphans.map((e) => e.id),
        );
        adopted += orphans.length;
      }
    }
    return adopted;
  }
}
