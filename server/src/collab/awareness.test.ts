import { describe, expect, it } from 'vitest';
import { AwarenessHub, type AwarenessOwner } from './awareness.js';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, MalformedMessageError } from './protocol.js';

function owner(name: string): AwarenessOwner {
  return {
    clientId: null,
    stampState: (raw) => JSON.stringify({ ...(JSON.parse(raw) as object), user: { name } }),
  };
}

const update = (...entries: [clientId: number, clock: number, state: unknown][]): Uint8Array =>
  encodeAwarenessUpdate(
    entries.map(([clientId, clock, state]) => ({ clientId, clock, json: JSON.stringify(state) })),
  );

function decoded(batch: Uint8Array | null): { clientId: number; clock: number; state: unknown }[] {
  if (!batch) return [];
  return decodeAwarenessUpdate(batch).map((e) => ({
    clientId: e.clientId,
    clock: e.clock,
    state: JSON.parse(new TextDecoder().decode(e.state)) as unknown,
  }));
}

describe('awareness hub', () => {
  it('stamps the server identity over whatever the client claimed', () => {
    const hub = new AwarenessHub();
    hub.applyFromConnection(owner('Aiko'), update([1, 1, { cursor: 4, user: { name: 'Mallory' } }]), 0);
    expect(decoded(hub.takeBatch())).toEqual([
      { clientId: 1, clock: 1, state: { cursor: 4, user: { name: 'Aiko' } } },
    ]);
  });

  it('lets a connection set only the first client id it published', () => {
    const hub = new AwarenessHub();
    const a = owner('A');
    expect(hub.applyFromConnection(a, update([1, 1, {}]), 0)).toBe(1);
    expect(hub.applyFromConnection(a, update([2, 1, { spoof: true }], [1, 2, { ok: true }]), 0)).toBe(1);
    expect(a.clientId).toBe(1);
    expect(decoded(hub.takeBatch()).map((e) => e.clientId)).toEqual([1]);
  });

  it('does not let a second connection take an id another connection owns', () => {
    const hub = new AwarenessHub();
    hub.applyFromConnection(owner('A'), update([1, 1, {}]), 0);
    const b = owner('B');
    expect(hub.applyFromConnection(b, update([1, 5, { takeover: true }]), 0)).toBe(0);
    expect(b.clientId).toBeNull();
  });

  it('merges changes of one client within a batch and keeps the newest', () => {
    const hub = new AwarenessHub();
    const a = owner('A');
    for (let clock = 1; clock <= 5; clock++)
      hub.applyFromConnection(a, update([1, clock, { cursor: clock }]), 0);
    expect(decoded(hub.takeBatch())).toEqual([
      { clientId: 1, clock: 5, state: { cursor: 5, user: { name: 'A' } } },
    ]);
    expect(hub.takeBatch()).toBeNull();
  });

  it('ignores states older than the one it has', () => {
    const hub = new AwarenessHub();
    const a = owner('A');
    hub.applyFromConnection(a, update([1, 3, { v: 3 }]), 0);
    hub.takeBatch();
    expect(hub.applyFromConnection(a, update([1, 2, { v: 2 }]), 0)).toBe(0);
    expect(hub.hasPending).toBe(false);
  });

  it('removes the state of a connection that left, with a newer clock', () => {
    const hub = new AwarenessHub();
    const a = owner('A');
    hub.applyFromConnection(a, update([1, 3, {}]), 0);
    hub.takeBatch();
    hub.removeOwner(a, 10);
    expect(decoded(hub.takeBatch())).toEqual([{ clientId: 1, clock: 4, state: null }]);
    expect(hub.allStates()).toBeNull();
  });

  it('expires states nobody renewed and then forgets them', () => {
    const hub = new AwarenessHub();
    hub.applyFromConnection(owner('A'), update([1, 1, {}]), 0);
    hub.takeBatch();
    hub.sweep(29_000, 30_000);
    expect(hub.hasPending).toBe(false);
    hub.sweep(30_000, 30_000);
    expect(decoded(hub.takeBatch())).toEqual([{ clientId: 1, clock: 2, state: null }]);
    hub.sweep(60_000, 30_000);
    expect(hub.size).toBe(0);
  });

  it('lists every present state for a newcomer', () => {
    const hub = new AwarenessHub();
    hub.applyFromConnection(owner('A'), update([1, 1, { a: 1 }]), 0);
    hub.applyFromConnection(owner('B'), update([2, 1, { b: 1 }]), 0);
    expect(decoded(hub.allStates()).map((e) => e.clientId)).toEqual([1, 2]);
  });

  it('applies batches from other instances without re-publishing them', () => {
    const hub = new AwarenessHub();
    const forwarded = hub.applyRemote(update([9, 1, { user: { name: 'Remote' } }]), 0);
    expect(decoded(forwarded)).toEqual([{ clientId: 9, clock: 1, state: { user: { name: 'Remote' } } }]);
    expect(hub.hasPending).toBe(false);
    expect(hub.applyRemote(update([9, 1, { stale: true }]), 0)).toBeNull();
    expect(hub.applyFromConnection(owner('Spoofer'), update([9, 2, {}]), 0)).toBe(0);
  });

  it('treats a state that is not a JSON object as malformed', () => {
    const hub = new AwarenessHub();
    const stampingOwner: AwarenessOwner = {
      clientId: null,
      stampState: () => {
        throw new TypeError('not an object');
      },
    };
    expect(() => hub.applyFromConnection(stampingOwner, update([1, 1, 5]), 0)).toThrow(MalformedMessageError);
  });
});
