import { describe, expect, it } from 'vitest';
import { applySignal, nextMark, type MediaMark, type MediaSignal } from './marks.js';

const signal = (kind: MediaSignal['kind'], sid: string, at: number): MediaSignal => ({ kind, sid, at });

function replay(signals: MediaSignal[]): MediaMark | undefined {
  let mark: MediaMark | undefined;
  for (const s of signals) mark = nextMark(mark, s) ?? mark;
  return mark;
}

describe('media marks', () => {
  it('puts a person in on join and out on leave', () => {
    expect(replay([signal('joined', 'PA_1', 1000)])?.inMedia).toBe(true);
    expect(replay([signal('joined', 'PA_1', 1000), signal('left', 'PA_1', 2000)])?.inMedia).toBe(false);
  });

  it('ignores a join that arrives after the later leave of the same session', () => {
    expect(replay([signal('left', 'PA_1', 2000), signal('joined', 'PA_1', 1000)])?.inMedia).toBe(false);
  });

  it('accepts a leave without a join', () => {
    expect(replay([signal('left', 'PA_1', 1000)])).toEqual({ inMedia: false, sid: 'PA_1', at: 1000 });
  });

  it('treats a published track as being in the room when the join was missed', () => {
    expect(replay([signal('active', 'PA_1', 1000)])?.inMedia).toBe(true);
  });

  it('never brings back a session that left, even within the same second', () => {
    expect(
      replay([signal('joined', 'PA_1', 1000), signal('left', 'PA_1', 1000), signal('active', 'PA_1', 1000)])
        ?.inMedia,
    ).toBe(false);
  });

  it('keeps a reconnected person in when the old session is disconnected after the new one joined', () => {
    const mark = replay([
      signal('joined', 'PA_old', 1000),
      signal('joined', 'PA_new', 5000),
      signal('left', 'PA_old', 6000),
    ]);
    expect(mark).toEqual({ inMedia: true, sid: 'PA_new', at: 5000 });
  });

  it('reports a change only when presence flips', () => {
    const joined = applySignal(undefined, signal('joined', 'PA_1', 1000));
    expect(joined?.changed).toBe(true);
    expect(applySignal(joined?.mark, signal('active', 'PA_1', 2000))?.changed).toBe(false);
    expect(applySignal(joined?.mark, signal('joined', 'PA_1', 500))).toBeNull();
  });
});
