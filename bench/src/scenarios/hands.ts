import { now } from '../clock.js';
import { spread, type Spread } from '../stats.js';
import type { HandsOutcome } from '../workers/api.js';
import { SpeakingEvents } from '@roundtable/shared';
import { NotAvailableError, type Scenario } from './types.js';

export interface HandsResult {
  participants: number;
  acked: number;
  refused: string[];
  /** Lists seen holding someone twice (must be 0). */
  duplicates: number;
  /** Participants that never saw the final list (must be 0). */
  withoutFinal: number;
  /** First to last raise: the issue asks for all within one second. */
  raiseWindowMs: number;
  /** Raise → acknowledgement. */
  ackMs: Spread;
  /** Last raise → each participant holding the final list (everyone, exactly once). */
  finalMs: Spread;
}

/** Lead time for the raise start to reach every worker. */
const START_LEAD_MS = 200;

export const handsScenario: Scenario<HandsResult> = {
  name: 'hands',
  title: 'Hands (speaking order)',
  method:
    `Participants (distinct people with access, in the client processes) connect over Socket.IO, ` +
    `subscribe (\`${SpeakingEvents.Subscribe}\`) and raise their hands (\`${SpeakingEvents.RaiseHand}\`) ` +
    'at uniformly random moments within one second. Every raise must be acknowledged and the final ' +
    'list must hold each participant exactly once; timed until each participant has it.',
  variants: (options) => [{ label: `${options.participants} participants`, size: options.participants }],
  notApplicable: (target) => (target === 'roundtable' ? null : 'Roundtable speaking order only'),
  async run(target, variant, { pool }) {
    const hands = target.hands;
    if (!hands) throw new NotAvailableError('no speaking order');
    // One participant first: without the speaking events this fails in seconds, not after 500 time-outs.
    const probeRoom = await hands.newRoom();
    const [probe] = await hands.participants(1);
    if (!probe) throw new Error('no participants');
    try {
      await pool.call(1, 'handsConnect', {
        url: hands.url,
        roomId: probeRoom,
        tokens: [probe.token],
        expectedPersonIds: [probe.personId],
      });
      const outcome = await pool.call(1, 'handsRaise', { startAt: now(), windowMs: 0 });
      if (outcome.acked !== 1) throw new Error(`refused: ${outcome.refused.join(', ')}`);
    } catch (err) {
      throw new NotAvailableError(`speaking order: ${err instanceof Error ? err.message : String(err)}`);
    }
    const roomId = await hands.newRoom();
    const people = await hands.participants(variant.size);
    const expectedPersonIds = people.map((p) => p.personId);
    await pool.readers('handsConnect', (w) => ({
      url: hands.url,
      roomId,
      tokens: people.filter((_, i) => i % pool.readerWorkers === w).map((p) => p.token),
      expectedPersonIds,
    }));
    const startAt = now() + START_LEAD_MS;
    const outcomes: HandsOutcome[] = await pool.readers('handsRaise', () => ({ startAt, windowMs: 1_000 }));
    const lastRaiseAt = Math.max(...outcomes.map((o) => o.lastRaiseAt));
    const firstRaiseAt = Math.min(...outcomes.map((o) => o.firstRaiseAt));
    const finalAt = outcomes.flatMap((o) => o.finalAt);
    return {
      participants: people.length,
      acked: outcomes.reduce((n, o) => n + o.acked, 0),
      refused: outcomes.flatMap((o) => o.refused).slice(0, 10),
      duplicates: outcomes.reduce((n, o) => n + o.duplicates, 0),
      withoutFinal: finalAt.filter((t) => Number.isNaN(t)).length,
      raiseWindowMs: lastRaiseAt - firstRaiseAt,
      ackMs: spread(outcomes.flatMap((o) => o.ackMs).filter((ms) => !Number.isNaN(ms))),
      finalMs: spread(finalAt.filter((t) => !Number.isNaN(t)).map((t) => t - lastRaiseAt)),
    };
  },
};
