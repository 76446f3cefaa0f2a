import { describe, expect, it } from 'vitest';
import { mergeRoomCounts } from './presenceCounts';

describe('live room counts', () => {
  it('keeps the newer count of a room when an older push arrives late', () => {
    const held = mergeRoomCounts(new Map(), [{ roomId: 'a', people: 4, inMedia: 1, version: 7 }]);
    const merged = mergeRoomCounts(held, [
      { roomId: 'a', people: 2, inMedia: 0, version: 5 },
      { roomId: 'b', people: 1, inMedia: 0, version: 1 },
    ]);
    expect(merged.get('a')?.people).toBe(4);
    expect(merged.get('b')?.people).toBe(1);
  });
});
