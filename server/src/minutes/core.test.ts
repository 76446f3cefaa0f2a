import { describe, expect, it } from 'vitest';
import {
  applyMinutesCommand,
  canApproveNow,
  INITIAL_MINUTES_STATE,
  pendingApprovers,
  type MinutesActor,
  type MinutesCommand,
  type MinutesOutcome,
  type MinutesState,
} from './core.js';

const NOW = '2026-03-01T10:00:00.000Z';
const noteTaker: MinutesActor = { personId: 'note-taker', isOrganizer: false };
const chairA: MinutesActor = { personId: 'chair-a', isOrganizer: false };
const chairB: MinutesActor = { personId: 'chair-b', isOrganizer: false };
const organizer: MinutesActor = { personId: 'organizer', isOrganizer: true };

function ok(outcome: MinutesOutcome): Exclude<MinutesOutcome, { error: unknown }> {
  if ('error' in outcome) throw new Error(`refused: ${outcome.error.code}`);
  return outcome;
}
function errorCode(outcome: MinutesOutcome): string | null {
  return 'error' in outcome ? outcome.error.code : null;
}
function run(state: MinutesState, steps: [MinutesCommand, MinutesActor][]): MinutesState {
  return steps.reduce((s, [command, actor]) => ok(applyMinutesCommand(s, command, actor, NOW)).state, state);
}
const submitted = (coChairIds = ['chair-a', 'chair-b']): MinutesState =>
  run(INITIAL_MINUTES_STATE, [[{ kind: 'submit', coChairIds }, noteTaker]]);

describe('the minutes approval workflow', () => {
  it('a note-taker submits a draft; the room’s co-chairs become the approvers', () => {
    const outcome = ok(
      applyMinutesCommand(
        INITIAL_MINUTES_STATE,
        { kind: 'submit', coChairIds: ['chair-a', 'chair-b'] },
        noteTaker,
        NOW,
      ),
    );
    expect(outcome.state).toMatchObject({
      status: 'submitted',
      submittedBy: 'note-taker',
      submittedAt: NOW,
      approvers: ['chair-a', 'chair-b'],
    });
    expect(outcome.events).toEqual([
      { type: 'submitted', by: 'note-taker', approvers: ['chair-a', 'chair-b'] },
    ]);
  });

  it('one co-chair’s approval is not enough: the minutes stay submitted until every co-chair approves', () => {
    const afterA = ok(applyMinutesCommand(submitted(), { kind: 'approve' }, chairA, NOW));
    expect(afterA.state.status).toBe('submitted');
    expect(pendingApprovers(afterA.state)).toEqual(['chair-b']);
    expect(afterA.events).toEqual([{ type: 'approval', by: 'chair-a', remaining: ['chair-b'] }]);

    const afterB = ok(applyMinutesCommand(afterA.state, { kind: 'approve' }, chairB, NOW));
    expect(afterB.state.status).toBe('approved');
    expect(afterB.state.approvedAt).toBe(NOW);
    expect(afterB.state.approvals.map((a) => a.personId)).toEqual(['chair-a', 'chair-b']);
    expect(afterB.events.map((e) => e.type)).toEqual(['approval', 'approved']);
  });

  it('a co-chair approves once; the second approval is refused', () => {
    const state = run(submitted(), [[{ kind: 'approve' }, chairA]]);
    expect(errorCode(applyMinutesCommand(state, { kind: 'approve' }, chairA, NOW))).toBe('already_approved');
  });

  it('nobody but the listed co-chairs approves, not even an organizer', () => {
    expect(errorCode(applyMinutesCommand(submitted(), { kind: 'approve' }, noteTaker, NOW))).toBe(
      'not_an_approver',
    );
    expect(errorCode(applyMinutesCommand(submitted(), { kind: 'approve' }, organizer, NOW))).toBe(
      'not_an_approver',
    );
    expect(canApproveNow(submitted(), chairA)).toBe(true);
    expect(canApproveNow(submitted(), organizer)).toBe(false);
  });

  it('a room without co-chairs at submission is approved by one organizer', () => {
    const state = submitted([]);
    expect(errorCode(applyMinutesCommand(state, { kind: 'approve' }, chairA, NOW))).toBe('not_an_approver');
    expect(ok(applyMinutesCommand(state, { kind: 'approve' }, organizer, NOW)).state.status).toBe('approved');
  });

  it('drafts cannot be approved or published, and submitted minutes cannot be submitted again', () => {
    expect(errorCode(applyMinutesCommand(INITIAL_MINUTES_STATE, { kind: 'approve' }, chairA, NOW))).toBe(
      'not_submitted',
    );
    expect(
      errorCode(
        applyMinutesCommand(INITIAL_MINUTES_STATE, { kind: 'publish', attendees: [] }, organizer, NOW),
      ),
    ).toBe('not_approved');
    expect(
      errorCode(applyMinutesCommand(submitted(), { kind: 'submit', coChairIds: [] }, noteTaker, NOW)),
    ).toBe('not_draft');
  });

  it('publishing needs every approval and freezes the attendance', () => {
    const partly = run(submitted(), [[{ kind: 'approve' }, chairA]]);
    expect(
      errorCode(applyMinutesCommand(partly, { kind: 'publish', attendees: ['p1'] }, organizer, NOW)),
    ).toBe('not_approved');
    const approved = run(partly, [[{ kind: 'approve' }, chairB]]);
    const published = ok(
      applyMinutesCommand(approved, { kind: 'publish', attendees: ['p1', 'p2', 'p1'] }, organizer, NOW),
    );
    expect(published.state).toMatchObject({
      status: 'published',
      publishedBy: 'organizer',
      attendees: ['p1', 'p2'],
    });
    expect(
      errorCode(applyMinutesCommand(published.state, { kind: 'publish', attendees: [] }, organizer, NOW)),
    ).toBe('not_approved');
  });

  it('reopening goes back to a draft with the approvals cleared, from any status', () => {
    const approved = run(submitted(), [
      [{ kind: 'approve' }, chairA],
      [{ kind: 'approve' }, chairB],
    ]);
    for (const state of [
      submitted(),
      approved,
      run(approved, [[{ kind: 'publish', attendees: [] }, organizer]]),
    ]) {
      const reopened = ok(
        applyMinutesCommand(state, { kind: 'reopen', mayReopenPublished: true }, organizer, NOW),
      );
      expect(reopened.state).toEqual(INITIAL_MINUTES_STATE);
      expect(reopened.events).toEqual([{ type: 'reopened', by: 'organizer', from: state.status }]);
    }
  });

  it('a co-chair sends submitted or approved minutes back, but cannot take back a published report', () => {
    const approved = run(submitted(), [
      [{ kind: 'approve' }, chairA],
      [{ kind: 'approve' }, chairB],
    ]);
    const asChair = { kind: 'reopen', mayReopenPublished: false } as const;
    for (const state of [submitted(), approved]) {
      expect(ok(applyMinutesCommand(state, asChair, chairA, NOW)).state).toEqual(INITIAL_MINUTES_STATE);
    }
    const published = run(approved, [[{ kind: 'publish', attendees: [] }, organizer]]);
    expect(errorCode(applyMinutesCommand(published, asChair, chairA, NOW))).toBe('already_published');
  });

  it('reopening a draft changes nothing', () => {
    expect(
      applyMinutesCommand(
        INITIAL_MINUTES_STATE,
        { kind: 'reopen', mayReopenPublished: false },
        organizer,
        NOW,
      ),
    ).toEqual({
      state: INITIAL_MINUTES_STATE,
      events: [],
    });
  });

  it('co-chairs listed twice must approve once', () => {
    const state = submitted(['chair-a', 'chair-a']);
    expect(state.approvers).toEqual(['chair-a']);
    expect(ok(applyMinutesCommand(state, { kind: 'approve' }, chairA, NOW)).state.status).toBe('approved');
  });
});
