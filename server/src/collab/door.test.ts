import { describe, expect, it } from 'vitest';
import type { Room, RoomRole } from '@roundtable/shared';
import type { Actor } from '@roundtable/shared';
import { decideDocAccess, parseUpgradeUrl } from './door.js';

const room: Room = {
  id: 'gov',
  eventId: 'ev',
  name: { en: 'Government-to-government dialogue', ja: '' },
  description: { en: '', ja: '' },
  position: 0,
  access: { mode: 'restricted', categories: ['government'], personIds: [] },
  floorMode: 'moderated',
  mediaEnabled: true,
  lobbyEnabled: false,
  hideDraftMinutes: false,
};

function actor(
  role: RoomRole | null,
  options: { organizer?: boolean; category?: 'government' | 'private' } = {},
): Actor {
  return {
    personId: 'p',
    isOrganizer: options.organizer ?? false,
    memberships: new Map([
      ['ev', options.category ? { category: options.category, side: 'Japan', delegationId: 'd' } : null],
    ]),
    roomRoles: new Map(role ? [['gov', role]] : []),
  };
}

const admitted = { admission: 'admitted' } as const;

describe('document access at the door', () => {
  it('lets co-chairs and organizers write the agenda and everyone admitted read it', () => {
    expect(decideDocAccess(actor('co_chair'), room, 'agenda', admitted)).toEqual({ read: true, write: true });
    expect(decideDocAccess(actor(null, { organizer: true }), room, 'agenda', admitted)).toEqual({
      read: true,
      write: true,
    });
    expect(decideDocAccess(actor('note_taker'), room, 'agenda', admitted)).toEqual({
      read: true,
      write: false,
    });
    expect(decideDocAccess(actor(null, { category: 'government' }), room, 'agenda', admitted)).toEqual({
      read: true,
      write: false,
    });
  });

  it('lets note-takers write the minutes and participants only read them', () => {
    expect(decideDocAccess(actor('note_taker'), room, 'minutes', admitted)).toEqual({
      read: true,
      write: true,
    });
    expect(decideDocAccess(actor('participant'), room, 'minutes', admitted)).toEqual({
      read: true,
      write: false,
    });
    expect(decideDocAccess(actor('observer'), room, 'minutes', admitted)).toEqual({
      read: true,
      write: false,
    });
  });

  it('hides draft minutes from readers when the room says so', () => {
    const hidden = { ...room, hideDraftMinutes: true };
    expect(decideDocAccess(actor('participant'), hidden, 'minutes', admitted)).toEqual({
      read: false,
      write: false,
    });
    expect(decideDocAccess(actor('note_taker'), hidden, 'minutes', admitted)).toEqual({
      read: true,
      write: true,
    });
  });

  it('opens no document to someone waiting in the lobby or removed, co-chairs excepted', () => {
    for (const admission of ['waiting', 'removed'] as const) {
      for (const kind of ['agenda', 'minutes'] as const) {
        expect(decideDocAccess(actor('note_taker'), room, kind, { admission })).toEqual({
          read: false,
          write: false,
        });
        expect(decideDocAccess(actor('co_chair'), room, kind, { admission })).toEqual({
          read: true,
          write: true,
        });
      }
    }
  });

  it('keeps a stakeholder out of the government room', () => {
    expect(decideDocAccess(actor(null, { category: 'private' }), room, 'agenda', admitted)).toEqual({
      read: false,
      write: false,
    });
    expect(decideDocAccess(null, room, 'minutes', admitted)).toEqual({ read: false, write: false });
  });
});

describe('upgrade URL', () => {
  it('reads the document name and token the stock provider sends', () => {
    expect(parseUpgradeUrl('/yjs/room%201/minutes?token=abc', '/yjs')).toEqual({
      name: 'room 1/minutes',
      token: 'abc',
    });
    expect(parseUpgradeUrl('/yjs/r/agenda', '/yjs')).toEqual({ name: 'r/agenda', token: null });
    expect(parseUpgradeUrl('/yjsx/r/agenda', '/yjs')).toBeNull();
    expect(parseUpgradeUrl('/yjs/%E0%A4%A/agenda', '/yjs')).toBeNull();
  });
});
