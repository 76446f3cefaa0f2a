import { describe, expect, it } from 'vitest';
import { currentFloorHolder, floorLedger, floorSourceOf, presenceSinkOf } from './adapters.js';

describe('media adapters', () => {
  it('find the floor and presence interfaces only on modules that export them', () => {
    const speaking = { name: 'speaking', onFloorChange: () => () => undefined };
    const presence = { name: 'presence', setMediaPresence: () => undefined };
    expect(floorSourceOf(speaking)).toBe(speaking);
    expect(floorSourceOf({ name: 'speaking' })).toBeNull();
    expect(floorSourceOf(undefined)).toBeNull();
    expect(presenceSinkOf(presence)).toBe(presence);
    expect(presenceSinkOf({ name: 'presence' })).toBeNull();
  });

  it('ask the speaking module who holds the floor when it can tell, else what media last saw', async () => {
    const ledger = floorLedger(null);
    await ledger.record('r1', 'seen-by-media');
    const withQuery = {
      onFloorChange: () => () => undefined,
      floorHolder: () => Promise.resolve('from-speaking'),
    };
    const withoutQuery = { onFloorChange: () => () => undefined };
    expect(await currentFloorHolder(withQuery, ledger)('r1')).toBe('from-speaking');
    expect(await currentFloorHolder(withoutQuery, ledger)('r1')).toBe('seen-by-media');
    await ledger.record('r1', null);
    expect(await currentFloorHolder(null, ledger)('r1')).toBeNull();
  });
});
