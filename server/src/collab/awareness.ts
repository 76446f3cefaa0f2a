import { decodeAwarenessUpdate, encodeAwarenessUpdate, MalformedMessageError } from './protocol.js';

/** Who may own an awareness client id: a local connection (`Connection` implements it). */
export interface AwarenessOwner {
  clientId: number | null;
  stampState(raw: string): string;
}

interface Entry {
  clock: number;
  /** Stamped state as JSON, or null once removed. */
  json: string | null;
  /** The local connection that owns the id; null for states relayed from other instances. */
  owner: AwarenessOwner | null;
  updatedAt: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The awareness states of one document and the batch of changes not yet sent.
 *
 * The server keeps its own registry instead of a `y-protocols` `Awareness`: it must stamp
 * identity, enforce ownership and batch, and it never needs the parsed states. Changes are
 * merged per client id until the document sends the batch, so a cursor moving five times in a
 * window costs one entry in one message to every reader instead of five messages each.
 */
export class AwarenessHub {
  private readonly entries = new Map<number, Entry>();
  private readonly pending = new Map<number, Entry>();
  private allStatesCache: Uint8Array | null = null;

  /**
   * Applies a connection's awareness update. Stock clients echo every state they receive back to
   * the server, so entries for ids the connection does not own are expected and skipped cheaply
   * (their JSON is never decoded). Returns how many entries were accepted.
   */
  applyFromConnection(owner: AwarenessOwner, update: Uint8Array, now: number): number {
    let accepted = 0;
    for (const { clientId, clock, state } of decodeAwarenessUpdate(update)) {
      if (owner.clientId === null && this.isClaimable(clientId)) owner.clientId = clientId;
      if (clientId !== owner.clientId) continue;
      const raw = this.decodeState(state);
      if (!this.isNewer(clientId, clock, raw === 'null')) continue;
      const json = raw === 'null' ? null : this.stamp(owner, raw);
      this.set(clientId, { clock, json, owner, updatedAt: now }, true);
      accepted++;
    }
    return accepted;
  }

  /**
   * Applies a batch relayed from another instance. Returns the entries that changed anything,
   * encoded for this instance's connections, or null when none did.
   */
  applyRemote(update: Uint8Array, now: number): Uint8Array | null {
    const changed: { clientId: number; clock: number; json: string }[] = [];
    for (const { clientId, clock, state } of decodeAwarenessUpdate(update)) {
      // This instance is the authority for the ids its own connections own.
      if (this.entries.get(clientId)?.owner) continue;
      const raw = this.decodeState(state);
      if (!this.isNewer(clientId, clock, raw === 'null')) continue;
      this.set(clientId, { clock, json: raw === 'null' ? null : raw, owner: null, updatedAt: now }, false);
      changed.push({ clientId, clock, json: raw });
    }
    return changed.length > 0 ? encodeAwarenessUpdate(changed) : null;
  }

  /** A connection left: its state is removed for everyone (as the client itself would). */
  removeOwner(owner: AwarenessOwner, now: number): void {
    if (owner.clientId === null) return;
    const entry = this.entries.get(owner.clientId);
    if (entry?.owner !== owner) return;
    this.set(owner.clientId, { clock: entry.clock + 1, json: null, owner: null, updatedAt: now }, true);
  }

  /** Removes states nobody renewed within `timeoutMs` and forgets long-removed ids. */
  sweep(now: number, timeoutMs: number): void {
    for (const [clientId, entry] of this.entries) {
      if (now - entry.updatedAt < timeoutMs) continue;
      if (entry.json === null) {
        this.entries.delete(clientId);
      } else {
        this.set(clientId, { clock: entry.clock + 1, json: null, owner: null, updatedAt: now }, true);
      }
    }
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The merged changes since the last call, encoded once for every receiver; null when none. */
  takeBatch(): Uint8Array | null {
    if (this.pending.size === 0) return null;
    const update = encodeAwarenessUpdate(
      [...this.pending].map(([clientId, e]) => ({ clientId, clock: e.clock, json: e.json ?? 'null' })),
    );
    this.pending.clear();
    return update;
  }

  /** Every present state, for a connection that just synced or asked (query-awareness). */
  allStates(): Uint8Array | null {
    if (this.allStatesCache) return this.allStatesCache;
    const present = [...this.entries].filter(([, e]) => e.json !== null);
    if (present.length === 0) return null;
    this.allStatesCache = encodeAwarenessUpdate(
      present.map(([clientId, e]) => ({ clientId, clock: e.clock, json: e.json ?? 'null' })),
    );
    return this.allStatesCache;
  }

  get size(): number {
    return this.entries.size;
  }

  private isClaimable(clientId: number): boolean {
    const entry = this.entries.get(clientId);
    return !entry || (entry.owner === null && entry.json === null);
  }

  /** The `y-protocols` rule: a higher clock wins; at an equal clock only a removal does. */
  private isNewer(clientId: number, clock: number, isRemoval: boolean): boolean {
    const current = this.entries.get(clientId);
    if (!current) return true;
    return current.clock < clock || (current.clock === clock && isRemoval && current.json !== null);
  }

  private decodeState(state: Uint8Array): string {
    try {
      return utf8.decode(state);
    } catch {
      throw new MalformedMessageError('awareness state is not UTF-8');
    }
  }

  private stamp(owner: AwarenessOwner, raw: string): string {
    try {
      return owner.stampState(raw);
    } catch (err) {
      throw new MalformedMessageError(`awareness state: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private set(clientId: number, entry: Entry, publish: boolean): void {
    this.entries.set(clientId, entry);
    if (publish) this.pending.set(clientId, entry);
    this.allStatesCache = null;
  }
}
