import {
  applyPollCommand,
  initialPollsState,
  PollEvents,
  PollsStateSchema,
  tallyPoll,
  viewPoll,
  type Poll,
  type PollActor,
  type PollCommand,
  type PollEvent,
  type PollsPush,
  type PollsState,
  type Room,
} from '@roundtable/shared';
import type { AgendaApi } from '../agenda/module.js';
import { recordAudit } from '../audit/audit.js';
import { getCollabModule } from '../collab/module.js';
import { minutesDocName } from '../minutes/workflow.js';
import { readWorkflow } from '../minutes/workflow-store.js';
import type { AppModule, ModuleContext } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import type { Versioned } from '../room-state/store.js';
import { insertPollResult, type ResultLanguage } from './minutes-block.js';
import { pollRooms } from './names.js';

/** An accepted poll command with the version it produced. */
export interface AcceptedPollCommand {
  version: number;
  state: PollsState;
  events: PollEvent[];
  poll: Poll;
}

/** Whether the results went into the minutes: yes, not while they are locked, or no minutes here. */
export type MinutesOutcome = 'added' | 'locked' | 'unavailable';

/** Pushes of live counts to co-chairs are coalesced: a burst of ballots sends a few, not hundreds. */
const CHAIRS_PUSH_INTERVAL_MS = 150;

function agendaOf(modules: ReadonlyMap<string, AppModule>): AgendaApi | null {
  const module = modules.get('agenda');
  return module && 'currentItem' in module ? (module as AppModule & AgendaApi) : null;
}

export type PollService = ReturnType<typeof createPollService>;

export function createPollService(context: ModuleContext) {
  const { io, clock, logger, metrics, store } = context;
  const states = context.roomStates.open('polls', PollsStateSchema, initialPollsState);
  const pending = new Map<string, { latest: Versioned<PollsState>; timer: NodeJS.Timeout | null }>();
  const lastSent = new Map<string, number>();

  const chairsPush = (roomId: string, v: Versioned<PollsState>): PollsPush => ({
    roomId,
    version: v.version,
    polls: v.state.polls.map((p) => viewPoll(p, { moderator: true, personId: '', delegationId: null })),
  });
  const publicPush = (roomId: string, v: Versioned<PollsState>): PollsPush => ({
    roomId,
    version: v.version,
    polls: v.state.polls.map((p) => viewPoll(p, { moderator: false, personId: '', delegationId: null })),
  });

  const sendChairs = (roomId: string): void => {
    const slot = pending.get(roomId);
    if (!slot) return;
    pending.delete(roomId);
    if (slot.timer) clearTimeout(slot.timer);
    io.to(pollRooms.chairs(roomId)).emit(PollEvents.State, chairsPush(roomId, slot.latest));
    lastSent.set(roomId, clock.now());
  };

  const scheduleChairs = (roomId: string, v: Versioned<PollsState>): void => {
    const slot = pending.get(roomId);
    if (slot) {
      if (v.version > slot.latest.version) slot.latest = v;
      return;
    }
    const wait = (lastSent.get(roomId) ?? 0) + CHAIRS_PUSH_INTERVAL_MS - clock.now();
    const entry = { latest: v, timer: null as NodeJS.Timeout | null };
    pending.set(roomId, entry);
    if (wait <= 0) sendChairs(roomId);
    else entry.timer = setTimeout(() => sendChairs(roomId), wait);
  };

  async function audit(room: Room, actor: PollActor, accepted: AcceptedPollCommand, command: PollCommand) {
    if (command.type === 'vote') return;
    try {
      await recordAudit(store.db, {
        eventId: room.eventId,
        roomId: room.id,
        actorId: actor.personId,
        action: `polls.${command.type}`,
        targetId: accepted.poll.id,
        data: { question: accepted.poll.question, version: accepted.version },
        at: new Date(clock.now()).toISOString(),
      });
    } catch (err) {
      metrics.storeWriteFailures.inc({ kind: 'audit_log' });
      logger.error({ err, roomId: room.id }, 'audit write failed');
    }
  }

  /** Applies a command atomically over every instance; throws the core's refusal. */
  async function execute(room: Room, command: PollCommand, actor: PollActor): Promise<AcceptedPollCommand> {
    const outcome = await states.update(room.id, (state, now) => {
      const result = applyPollCommand(state, command, actor, now);
      return 'error' in result ? result : { state: result.state, result: result.events };
    });
    if (!outcome.accepted) throw new CommandError(outcome.error.code, outcome.error.message);
    const pollId = command.type === 'create' ? `p${outcome.state.seq}` : command.pollId;
    const poll = outcome.state.polls.find((p) => p.id === pollId);
    if (!poll) throw new CommandError('poll_not_found', 'That poll does not exist.');
    const accepted = { version: outcome.version, state: outcome.state, events: outcome.result, poll };
    const v = { state: outcome.state, version: outcome.version };
    scheduleChairs(room.id, v);
    // Ballots change nothing the public sees (no counts until published).
    if (command.type !== 'vote')
      io.to(pollRooms.everyone(room.id)).emit(PollEvents.State, publicPush(room.id, v));
    await audit(room, actor, accepted, command);
    return accepted;
  }

  /** Publishes results and writes them into the minutes under the current agenda item. */
  async function publish(
    room: Room,
    pollId: string,
    actor: PollActor,
    language: ResultLanguage,
  ): Promise<AcceptedPollCommand & { minutes: MinutesOutcome }> {
    const agenda = agendaOf(context.modules);
    const agendaItemId = agenda ? (await agenda.currentItem(room.id)).currentItemId : null;
    const accepted = await execute(room, { type: 'publish', pollId, agendaItemId }, actor);
    // Only the instance that accepted the publish gets here, once per poll: one block.
    const collab = getCollabModule(context.modules);
    if (!collab) return { ...accepted, minutes: 'unavailable' };
    const { state } = await readWorkflow(store.db, room.id);
    if (state.status !== 'draft') return { ...accepted, minutes: 'locked' };
    const tally = accepted.poll.result ?? tallyPoll(accepted.poll);
    try {
      await collab.editDocument(minutesDocName(room.id), (doc) =>
        insertPollResult(doc, accepted.poll, tally, language),
      );
    } catch (err) {
      logger.error({ err, roomId: room.id, pollId }, 'poll results could not be written into the minutes');
      return { ...accepted, minutes: 'unavailable' };
    }
    return { ...accepted, minutes: 'added' };
  }

  return {
    execute,
    publish,
    current: (roomId: string) => states.get(roomId),
    chairsPush,
    publicPush,
    readiness: () => states.readiness(),
    async close() {
      for (const roomId of [...pending.keys()]) sendChairs(roomId);
      await states.close();
    },
  };
}
