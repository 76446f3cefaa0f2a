import { describe, expect, it } from 'vitest';
import { arrangeTiles } from './layout';

const tile = (identity: string, source = 'camera') => ({ participant: { identity }, source });

describe('arrangeTiles', () => {
  it('spotlights the floor holder and keeps everyone else in their order', () => {
    const tiles = [tile('chair'), tile('jp'), tile('us')];
    const { spotlight, others } = arrangeTiles(tiles, 'jp');
    expect(spotlight).toEqual([tile('jp')]);
    expect(others).toEqual([tile('chair'), tile('us')]);
  });

  it('puts a shared screen ahead of the floor holder', () => {
    const tiles = [tile('chair'), tile('jp'), tile('chair', 'screen_share')];
    expect(arrangeTiles(tiles, 'jp').spotlight).toEqual([tile('chair', 'screen_share'), tile('jp')]);
  });

  it('spotlights nobody when nobody holds the floor and no screen is shared', () => {
    const tiles = [tile('chair'), tile('jp')];
    expect(arrangeTiles(tiles, null)).toEqual({ spotlight: [], others: tiles });
  });

  it('spotlights nobody when the floor holder is not in audio and video', () => {
    expect(arrangeTiles([tile('chair')], 'absent').spotlight).toEqual([]);
  });
});
