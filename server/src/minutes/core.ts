import { z } from 'zod';
import { MinutesErrorCode, MinutesStatusSchema, type MinutesStatus } from '@roundtable/shared';

/*
 * The approval workflow of one room's minutes as a pure function: no store, no clock, no sockets.
 * Who may attempt a command at all is decided before by `can.ts`; this core holds the workflow's
 * own rules (which status allows what, and that every co-chair must approve).
 */

/** What is stored per room (`room_state`, kind `minutes`). Person ids only; names are read later. */
export const MinutesStateSchema = z.object({
  status: MinutesStatusSchema,
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Co-chairs of the room at submission: each must approve. */
  approvers: z.array(z.string()),
  approvals: z.array(z.object({ personId: z.string(), at: z.string() })),
  approvedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Attendance frozen at publication (person ids), so later presence cannot change the report. */
  attendees: z.array(z.string()).nullable(),
});
export type MinutesState = z.infer<typeof MinutesStateSchema>;

export const INITIAL_MINUTES_STATE: MinutesState = {
  status: 'draft',
  submittedBy: null,
  submittedAt: null,
  approvers: [],
  approvals: [],
  approvedAt: null,
  publishedBy: null,
  publishedAt: null,
  attendees: null,
};

export type MinutesCommand =
  /** `coChairIds`: the room's co-chairs now; they become the approvers. */
  | { kind: 'submit'; coChairIds: readonly string[] }
  | { kind: 'approve' }
  /**
   * `mayReopenPublished`: organizers take back a published report; co-chairs only send submitted
   * or approved minutes back for correction.
   */
  | { kind: 'reopen'; mayReopenPublished: boolean }
  /** `attendees`: the attendance to freeze into the published report. */
  | { kind: 'publish'; attendees: readonly string[] };

export interface MinutesActor {
  personId: string;
  isOrganizer: boolean;
}

export type MinutesEvent =
  | { type: 'submitted'; by: string; approvers: string[] }
  | { type: 'approval'; by: string; remaining: string[] }
  | { type: 'approved' }
  | { type: 'published'; by: string; attendees: number }
  | { type: 'reopened'; by: string; from: MinutesStatus };

export interface MinutesError {
  error: { code: MinutesErrorCode; message: string };
}
export type MinutesOutcome = { state: MinutesState; events: MinutesEvent[] } | MinutesError;

const refuse = (code: MinutesErrorCode, message: string): MinutesError => ({ error: { code, message } });

/** Co-chairs who have not approved yet (empty once approved). */
export function pendingApprovers(state: MinutesState): string[] {
  const approved = new Set(state.approvals.map((a) => a.personId));
  return state.approvers.filter((id) => !approved.has(id));
}

/** Whether `actor` may add an approval now (the rule behind `approve`, for showing the button). */
export function canApproveNow(state: MinutesState, actor: MinutesActor): boolean {
  return !('error' in approve(state, actor, ''));
}

function approve(state: MinutesState, actor: MinutesActor, now: string): MinutesOutcome {
  if (state.status !== 'submitted') {
    return refuse(MinutesErrorCode.NotSubmitted, 'The minutes are not waiting for approval.');
  }
  if (state.approvals.some((a) => a.personId === actor.personId)) {
    return refuse(MinutesErrorCode.AlreadyApproved, 'You already approved these minutes.');
  }
  // Without co-chairs at submission an organizer's approval stands for theirs; otherwise only the
  // co-chairs approve (an organizer reopens or waits, never approves in a co-chair's place).
  const allowed = state.approvers.length === 0 ? actor.isOrganizer : state.approvers.includes(actor.personId);
  if (!allowed) {
    return refuse(MinutesErrorCode.NotAnApprover, 'These minutes wait for the room’s co-chairs.');
  }
  const approvals = [...state.approvals, { personId: actor.personId, at: now }];
  const next: MinutesState = { ...state, approvals };
  const remaining = pendingApprovers(next);
  const events: MinutesEvent[] = [{ type: 'approval', by: actor.personId, remaining }];
  if (remaining.length > 0) return { state: next, events };
  events.push({ type: 'approved' });
  return { state: { ...next, status: 'approved', approvedAt: now }, events };
}

/** Applies one command; `now` is the ISO time recorded on the transition. */
export function applyMinutesCommand(
  state: MinutesState,
  command: MinutesCommand,
  actor: MinutesActor,
  now: string,
): MinutesOutcome {
  switch (command.kind) {
    case 'submit': {
      if (state.status !== 'draft') {
        return refuse(MinutesErrorCode.NotDraft, 'Only draft minutes can be submitted.');
      }
      const approvers = [...new Set(command.coChairIds)];
      return {
        state: {
          ...INITIAL_MINUTES_STATE,
          status: 'submitted',
          submittedBy: actor.personId,
          submittedAt: now,
          approvers,
        },
        events: [{ type: 'submitted', by: actor.personId, approvers }],
      };
    }
    case 'approve':
      return approve(state, actor, now);
    case 'publish': {
      if (state.status !== 'approved') {
        return refuse(
          MinutesErrorCode.NotApproved,
          state.status === 'published'
            ? 'The minutes are already published.'
            : 'Every co-chair must approve the minutes first.',
        );
      }
      const attendees = [...new Set(command.attendees)];
      return {
        state: { ...state, status: 'published', publishedBy: actor.personId, publishedAt: now, attendees },
        events: [{ type: 'published', by: actor.personId, attendees: attendees.length }],
      };
    }
    case 'reopen':
      // Reopening a draft changes nothing; callers still re-assert the document's writability.
      if (state.status === 'draft') return { state, events: [] };
      if (state.status === 'published' && !command.mayReopenPublished) {
        return refuse(
          MinutesErrorCode.AlreadyPublished,
          'The minutes are published: only an organizer can take the report back.',
        );
      }
      return {
        state: INITIAL_MINUTES_STATE,
        events: [{ type: 'reopened', by: actor.personId, from: state.status }],
      };
  }
}
