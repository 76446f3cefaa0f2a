import { ErrorCode, IdSchema } from '@roundtable/shared';
import { z } from 'zod';

/** The server-owned part of a room's agenda: which item runs, since when (server epoch ms). */
export const CurrentItemSchema = z.object({
  currentItemId: IdSchema.nullable(),
  startedAt: z.number().int().nonnegative().nullable(),
});
export type CurrentItem = z.infer<typeof CurrentItemSchema>;

export const NO_CURRENT_ITEM: CurrentItem = { currentItemId: null, startedAt: null };

export type AgendaCommand =
  | { kind: 'set-current'; itemId: string | null }
  /** `fromItemId` undefined: advance from whatever is current. */
  | { kind: 'advance'; fromItemId?: string | null };

export type AgendaOutcome =
  { state: CurrentItem; result: null } | { error: { code: string; message: string } };

const refuse = (code: string, message: string): AgendaOutcome => ({ error: { code, message } });

/**
 * Applies a moderator's command to the current item. `order` is the agenda's item ids in order, or
 * null when unknown. Returns the very same state object when nothing changes (making an item
 * current again keeps its start time), so a repeated click costs no version.
 */
export function applyAgendaCommand(
  state: CurrentItem,
  command: AgendaCommand,
  order: readonly string[] | null,
  now: number,
): AgendaOutcome {
  if (command.kind === 'set-current') {
    const { itemId } = command;
    if (itemId === state.currentItemId) return { state, result: null };
    if (itemId === null) return { state: NO_CURRENT_ITEM, result: null };
    if (order && !order.includes(itemId))
      return refuse(ErrorCode.NotFound, 'That item is not on the agenda.');
    return { state: { currentItemId: itemId, startedAt: now }, result: null };
  }

  if (command.fromItemId !== undefined && command.fromItemId !== state.currentItemId) {
    return refuse(ErrorCode.Conflict, 'The agenda has already moved on.');
  }
  if (!order) return refuse(ErrorCode.ValidationFailed, 'The agenda order is unknown; send itemIds.');
  if (state.currentItemId === null) {
    const first = order[0];
    if (first === undefined) return refuse(ErrorCode.Conflict, 'The agenda has no items.');
    return { state: { currentItemId: first, startedAt: now }, result: null };
  }
  const index = order.indexOf(state.currentItemId);
  if (index < 0) {
    return refuse(ErrorCode.Conflict, 'The current item is no longer on the agenda; choose the next one.');
  }
  const next = order[index + 1];
  // Past the last item the agenda is done: nothing is current.
  if (next === undefined) return { state: NO_CURRENT_ITEM, result: null };
  return { state: { currentItemId: next, startedAt: now }, result: null };
}
