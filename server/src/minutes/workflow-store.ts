import { ErrorCode } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import type { Db, Store, Tx } from '../store/db.js';
import { INITIAL_MINUTES_STATE, MinutesStateSchema, type MinutesOutcome, type MinutesState } from './core.js';

/** The workflow lives in `room_state` like the other small server-owned room state. */
const KIND = 'minutes';

export interface StoredWorkflow {
  state: MinutesState;
  /** 0 for a room whose minutes never left their first draft (no row yet). */
  version: number;
}

/** One `room_state` row (the template marker reads its own kind through this too). */
export function readRoomStateRow(
  db: Db | Tx,
  roomId: string,
  kind: string,
): Promise<{ state: string; version: number } | undefined> {
  return db
    .selectFrom('room_state')
    .select(['state', 'version'])
    .where('room_id', '=', roomId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function readWorkflow(db: Db | Tx, roomId: string): Promise<StoredWorkflow> {
  const row = await readRoomStateRow(db, roomId, KIND);
  if (!row) return { state: INITIAL_MINUTES_STATE, version: 0 };
  return { state: MinutesStateSchema.parse(JSON.parse(row.state)), version: row.version };
}

/** Workflows of several rooms at once (reports). */
export async function readWorkflows(
  db: Db,
  roomIds: readonly string[],
): Promise<Map<string, StoredWorkflow>> {
  const out = new Map<string, StoredWorkflow>(
    roomIds.map((id) => [id, { state: INITIAL_MINUTES_STATE, version: 0 }]),
  );
  if (roomIds.length === 0) return out;
  const rows = await db
    .selectFrom('room_state')
    .select(['room_id', 'state', 'version'])
    .where('room_id', 'in', roomIds)
    .where('kind', '=', KIND)
    .execute();
  for (const row of rows) {
    out.set(row.room_id, { state: MinutesStateSchema.parse(JSON.parse(row.state)), version: row.version });
  }
  return out;
}

/** Thrown with the core's refusal; routes answer it as 409 with the core's code. */
export class WorkflowRefusal extends HttpError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

/** Concurrent transitions of one room are rare (two co-chairs approving at once): a few rounds settle them. */
const MAX_ROUNDS = 8;

/**
 * Runs `decide` against the stored workflow and stores its result with a compare-and-set on the
 * version, together with `audit` in one transaction: a transition is never stored without its
 * audit row, and two co-chairs approving at once on two instances each see the other's approval.
 */
export async function commitTransition(
  store: Store,
  roomId: string,
  updatedAt: string,
  decide: (current: MinutesState) => MinutesOutcome,
  audit: (
    tx: Tx,
    before: MinutesState,
    outcome: Exclude<MinutesOutcome, { error: unknown }>,
  ) => Promise<void>,
): Promise<StoredWorkflow & { before: MinutesState; changed: boolean }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await readWorkflow(store.db, roomId);
    const outcome = decide(current.state);
    if ('error' in outcome) throw new WorkflowRefusal(outcome.error.code, outcome.error.message);
    if (outcome.events.length === 0) return { ...current, before: current.state, changed: false };
    const state = JSON.stringify(outcome.state);
    const version = current.version + 1;
    const stored = await store.transaction(async (tx) => {
      const written =
        current.version === 0
          ? Number(
              (
                await tx
                  .insertInto('room_state')
                  .values({ room_id: roomId, kind: KIND, state, version, updated_at: updatedAt })
                  .onConflict((oc) => oc.columns(['room_id', 'kind']).doNothing())
                  .executeTakeFirst()
              ).numInsertedOrUpdatedRows ?? 0,
            )
          : Number(
              (
                await tx
                  .updateTable('room_state')
                  .set({ state, version, updated_at: updatedAt })
                  .where('room_id', '=', roomId)
                  .where('kind', '=', KIND)
                  .where('version', '=', current.version)
                  .executeTakeFirst()
              ).numUpdatedRows,
            );
      if (written !== 1) return false;
      await audit(tx, current.state, outcome);
      return true;
    });
    if (stored) return { state: outcome.state, version, before: current.state, changed: true };
  }
  throw new HttpError(409, ErrorCode.Conflict, 'The minutes changed too often at once; try again.');
}

/**
 * Whether a room's minutes are published: the door of the Yjs endpoint can pass it to `can.ts`
 * (`RoomContext.minutesPublished`) so readers of a room that hides drafts see published minutes.
 */
export async function areMinutesPublished(db: Db, roomId: string): Promise<boolean> {
  return (await readWorkflow(db, roomId)).state.status === 'published';
}
