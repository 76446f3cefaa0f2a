import type { PresenceOp, RoomFields } from './core.js';

/** One atomic change of a room: the fields before and after it (equal when nothing changed). */
export interface PresenceChange {
  roomId: string;
  before: RoomFields;
  after: RoomFields;
}

/**
 * Where presence lives: Redis shared by every instance, or in-process maps for a single instance.
 * Each store is one instance's handle; connection ids it writes start with its `instanceId`.
 * Invariant: every `apply` is atomic against every other instance's, so exactly one instance sees
 * each person-level transition and announces it.
 */
export interface PresenceStore {
  readonly instanceId: string;
  /** Applies `op` to a room; `add`/`remove` take this instance's socket id as `connectionId`. */
  apply(roomId: string, op: LocalPresenceOp): Promise<PresenceChange>;
  read(roomId: string): Promise<RoomFields>;
  /**
   * Keeps this instance alive for the TTL. Returns `swept` when other instances had already given
   * it up for dead (a long pause): its connections were removed and must be added again.
   */
  heartbeat(): Promise<'alive' | 'swept'>;
  /** Removes the connections of instances whose heartbeat expired; one change per room touched. */
  sweep(): Promise<PresenceChange[]>;
  /** Withdraws this instance's registration (its connections are removed by the caller first). */
  close(): Promise<void>;
}

/** Ops a caller may apply; dead instances are removed only by `sweep`. */
export type LocalPresenceOp = Exclude<PresenceOp, { kind: 'remove-instance' }>;

/** The store-wide connection id of one of this instance's sockets. */
export const qualifiedConnectionId = (instanceId: string, socketId: string): string =>
  `${instanceId}:${socketId}`;

/** Turns a local op into the stored one (socket ids qualified by the instance). */
export function qualifyOp(instanceId: string, op: LocalPresenceOp): PresenceOp {
  if (op.kind === 'media') return op;
  return { ...op, connectionId: qualifiedConnectionId(instanceId, op.connectionId) };
}
