import {
  DocKind,
  docName,
  MinutesEvents,
  type DocAddress,
  type MinutesAbilities,
  type MinutesWorkflow,
  type MinutesWorkflowView,
  type Room,
} from '@roundtable/shared';
import { canInEvent, canInRoom, type Actor } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import type { CollabModule } from '../collab/module.js';
import { readDocReadOnly } from '../collab/persistence.js';
import { eventFromRow } from '../events/rows.js';
import { HttpError } from '../http/errors.js';
import { queueMinutesPublished } from '../mail/compose.js';
import type { Logger } from '../logger.js';
import type { RoundtableServer } from '../module.js';
import { nowIso, type Store, type Tx } from '../store/db.js';
import { readRoomAttendance, type AttendanceSources } from './attendance.js';
import { applyMinutesCommand, canApproveNow, type MinutesCommand, type MinutesState } from './core.js';
import { coChairsOf, namesOf, refOf } from './people.js';
import { commitTransition, readWorkflow, type StoredWorkflow } from './workflow-store.js';

/** Socket.IO room of a room's workflow watchers (every instance, through the adapter). */
export const minutesChannel = (roomId: string): string => `minutes:${roomId}`;

export const minutesDocName = (roomId: string): string => docName(roomId, DocKind.Minutes);
const minutesAddress = (roomId: string): DocAddress => ({ roomId, kind: DocKind.Minutes });

export type WorkflowCommandKind = MinutesCommand['kind'];

export interface WorkflowDeps {
  store: Store;
  io: RoundtableServer;
  collab: CollabModule;
  attendance: AttendanceSources;
  logger: Logger;
  /** Where the report link in the "published" mail points and who sends it. */
  mail: { origin(): string; from: string };
  now(): number;
}

/** The workflow decides for people the room guard already admitted (every route asks it first). */
const ADMITTED = { admission: 'admitted' } as const;

/** Whether `actor` may attempt `kind` at all in `room` (the workflow's own rules come after). */
export function mayAttempt(actor: Actor, room: Room, kind: WorkflowCommandKind): boolean {
  switch (kind) {
    case 'submit':
      return canInRoom(actor, 'minutes:write', room, ADMITTED);
    case 'approve':
      return canInRoom(actor, 'minutes:approve', room, ADMITTED);
    case 'reopen':
      // Co-chairs send minutes back for correction; the core keeps a published report organizers'.
      return (
        canInEvent(actor, 'report:publish', room.eventId) ||
        canInRoom(actor, 'minutes:approve', room, ADMITTED)
      );
    case 'publish':
      return canInEvent(actor, 'report:publish', room.eventId);
  }
}

function abilities(actor: Actor, room: Room, state: MinutesState): MinutesAbilities {
  const status = state.status;
  const organizerish = canInEvent(actor, 'report:publish', room.eventId);
  return {
    submit: status === 'draft' && mayAttempt(actor, room, 'submit'),
    approve: mayAttempt(actor, room, 'approve') && canApproveNow(state, actor),
    reopen:
      status !== 'draft' &&
      (organizerish || (status !== 'published' && canInRoom(actor, 'minutes:approve', room, ADMITTED))),
    publish: status === 'approved' && organizerish,
    versions: canInRoom(actor, 'minutes:write', room, ADMITTED),
    attendance: status !== 'published' && organizerish,
  };
}

export function createMinutesWorkflow(deps: WorkflowDeps) {
  const { store, collab } = deps;
  const db = store.db;

  const toWire = async (roomId: string, stored: StoredWorkflow): Promise<MinutesWorkflow> => {
    const { state } = stored;
    const names = await namesOf(db, [
      ...state.approvers,
      ...state.approvals.map((a) => a.personId),
      ...[state.submittedBy, state.publishedBy].filter((id): id is string => id !== null),
    ]);
    const approvedAt = new Map(state.approvals.map((a) => [a.personId, a.at]));
    // Without co-chairs at submission, the organizer who approved is listed in their place.
    const approverIds = state.approvers.length > 0 ? state.approvers : state.approvals.map((a) => a.personId);
    return {
      roomId,
      status: state.status,
      version: stored.version,
      submittedBy: refOf(names, state.submittedBy),
      submittedAt: state.submittedAt,
      approvers: approverIds.map((id) => ({
        personId: id,
        name: names.get(id) ?? '(deleted)',
        approvedAt: approvedAt.get(id) ?? null,
      })),
      approvedAt: state.approvedAt,
      publishedBy: refOf(names, state.publishedBy),
      publishedAt: state.publishedAt,
      readOnly: state.status !== 'draft',
    };
  };

  const viewFor = async (actor: Actor, room: Room, stored: StoredWorkflow): Promise<MinutesWorkflowView> => ({
    ...(await toWire(room.id, stored)),
    can: abilities(actor, room, stored.state),
  });

  /** The document follows the status: writable in draft only. Idempotent. */
  const syncReadOnly = (roomId: string, state: MinutesState): Promise<void> =>
    collab.setDocumentReadOnly(minutesDocName(roomId), state.status !== 'draft');

  const commandFor = async (
    actor: Actor,
    room: Room,
    kind: WorkflowCommandKind,
    state: MinutesState,
  ): Promise<MinutesCommand> => {
    switch (kind) {
      case 'submit':
        return { kind, coChairIds: await coChairsOf(db, room.id) };
      case 'publish': {
        const entries = await readRoomAttendance(deps.attendance, room, state.attendees);
        return { kind, attendees: entries.filter((e) => e.included).map((e) => e.personId) };
      }
      case 'approve':
        return { kind };
      case 'reopen':
        return { kind, mayReopenPublished: canInEvent(actor, 'report:publish', room.eventId) };
    }
  };

  const announcePublication = async (
    tx: Tx,
    room: Room,
    publishedAt: string,
    attendees: readonly string[],
  ): Promise<void> => {
    const row = await tx.selectFrom('events').selectAll().where('id', '=', room.eventId).executeTakeFirst();
    if (!row) return;
    await queueMinutesPublished(
      tx,
      { origin: deps.mail.origin(), from: deps.mail.from, nowMs: deps.now() },
      { event: eventFromRow(row), roomId: room.id, publishedAt, attendees },
    );
  };

  const transition = async (
    actor: Actor,
    room: Room,
    kind: WorkflowCommandKind,
  ): Promise<StoredWorkflow & { changed: boolean }> => {
    const current = await readWorkflow(db, room.id);
    const command = await commandFor(actor, room, kind, current.state);
    const at = nowIso(() => deps.now());
    return commitTransition(
      store,
      room.id,
      at,
      (state) => applyMinutesCommand(state, command, actor, at),
      async (tx, before, outcome) => {
        await recordAudit(tx, {
          eventId: room.eventId,
          roomId: room.id,
          actorId: actor.personId,
          action: `minutes.${kind}`,
          data: { from: before.status, to: outcome.state.status, events: outcome.events },
          at,
        });
        // The announcement commits with the publication: never a mail about a report that is not.
        if (outcome.state.status === 'published' && before.status !== 'published') {
          await announcePublication(tx, room, outcome.state.publishedAt ?? at, outcome.state.attendees ?? []);
        }
      },
    );
  };

  return {
    read: (roomId: string) => readWorkflow(db, roomId),
    toWire,
    viewFor,

    /**
     * Runs one workflow command for `actor` and returns their new view. Submitting makes the
     * document read-only *before* the transition is stored: once anyone sees "submitted", no
     * edit can still land. Reopening makes it writable after (until then edits stay refused).
     */
    async run(actor: Actor, room: Room, kind: WorkflowCommandKind): Promise<MinutesWorkflowView> {
      if (!mayAttempt(actor, room, kind)) throw HttpError.forbidden();
      const locking = kind === 'submit' && (await readWorkflow(db, room.id)).state.status === 'draft';
      if (locking) await collab.setDocumentReadOnly(minutesDocName(room.id), true);
      let result: StoredWorkflow & { changed: boolean };
      try {
        result = await transition(actor, room, kind);
      } catch (err) {
        // A refused or failed submit must not leave a draft locked.
        if (locking) await syncReadOnly(room.id, (await readWorkflow(db, room.id)).state);
        throw err;
      }
      // Reopening a draft again also repairs a flag a failed reopen left set.
      if (kind === 'reopen' && (result.changed || (await readDocReadOnly(db, minutesAddress(room.id))))) {
        await syncReadOnly(room.id, result.state);
      }
      if (result.changed) {
        deps.io.to(minutesChannel(room.id)).emit(MinutesEvents.Workflow, await toWire(room.id, result));
      }
      return viewFor(actor, room, result);
    },
  };
}

export type MinutesWorkflowService = ReturnType<typeof createMinutesWorkflow>;
