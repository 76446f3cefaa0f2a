import { describe, expect, it } from 'vitest';
import { roomAbilities } from './abilities';

describe('room abilities', () => {
  it('an organizer moderates whatever explicit role they also hold', () => {
    expect(roomAbilities({ myRole: 'observer' }, true)).toMatchObject({ role: 'organizer', moderate: true });
  });

  it('a co-chair moderates and writes the minutes', () => {
    expect(roomAbilities({ myRole: 'co_chair' }, false)).toEqual({
      role: 'co_chair',
      moderate: true,
      speak: true,
      writeMinutes: true,
    });
  });

  it('a note-taker writes the minutes but does not moderate', () => {
    expect(roomAbilities({ myRole: 'note_taker' }, false)).toMatchObject({
      moderate: false,
      writeMinutes: true,
    });
  });

  it('an observer may not ask for the floor', () => {
    expect(roomAbilities({ myRole: 'observer' }, false)).toMatchObject({ speak: false, writeMinutes: false });
  });

  it('someone the access rule admits without a role is a participant', () => {
    expect(roomAbilities({ myRole: null }, false)).toEqual({
      role: 'participant',
      moderate: false,
      speak: true,
      writeMinutes: false,
    });
  });
});
