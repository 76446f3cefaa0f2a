import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  agendaItems,
  moveAgendaItem,
  readAgenda,
  removeAgendaItem,
  updateAgendaItem,
} from './agenda.js';
import { AGENDA_ITEMS } from './names.js';

/** Two replicas that exchange their updates, as two browsers would through the server. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('agenda document', () => {
  it('keeps items in the order they were added, under the shared array name', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { title: 'Opening remarks', presenters: ['Co-chair A'], durationMinutes: 10 });
    addAgendaItem(doc, { title: 'Reports on initiatives' });
    expect(readAgenda(doc).map((i) => i.title)).toEqual(['Opening remarks', 'Reports on initiatives']);
    expect(doc.getArray(AGENDA_ITEMS).length).toBe(2);
    expect(readAgenda(doc)[1]).toMatchObject({ presenters: [], durationMinutes: 0, notes: '' });
  });

  it('inserts at a position and clamps positions past the end', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { id: 'b', title: 'B' });
    addAgendaItem(doc, { id: 'a', title: 'A' }, 0);
    addAgendaItem(doc, { id: 'c', title: 'C' }, 99);
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('updates only the given fields of an item', () => {
    const doc = new Y.Doc();
    const item = addAgendaItem(doc, { title: 'Draft', notes: 'keep me' });
    expect(updateAgendaItem(doc, item.id, { title: 'Final', durationMinutes: 25 })).toBe(true);
    expect(readAgenda(doc)[0]).toMatchObject({ title: 'Final', durationMinutes: 25, notes: 'keep me' });
    expect(updateAgendaItem(doc, 'missing', { title: 'x' })).toBe(false);
  });

  it('refuses invalid values instead of writing them', () => {
    const doc = new Y.Doc();
    const item = addAgendaItem(doc, { title: 'Item' });
    expect(() => updateAgendaItem(doc, item.id, { durationMinutes: -5 })).toThrow();
    expect(readAgenda(doc)[0]?.durationMinutes).toBe(0);
  });

  it('moves an item in one transaction, keeping its fields', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c'])
      addAgendaItem(doc, { id, title: id.toUpperCase(), notes: `notes ${id}` });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(moveAgendaItem(doc, 'a', 2)).toBe(true);
    expect(transactions).toBe(1);
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect(readAgenda(doc)[2]?.notes).toBe('notes a');
    expect(moveAgendaItem(doc, 'missing', 0)).toBe(false);
  });

  it('shows an item moved by two people at once only once on every replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const id of ['x', 'y', 'z']) addAgendaItem(a, { id, title: id });
    sync(a, b);
    moveAgendaItem(a, 'x', 2);
    moveAgendaItem(b, 'x', 1);
    sync(a, b);
    expect(agendaItems(a).length).toBe(4);
    expect(readAgenda(a).map((i) => i.id)).toEqual(readAgenda(b).map((i) => i.id));
    expect(readAgenda(a).filter((i) => i.id === 'x')).toHaveLength(1);
  });

  it('removes every copy of an item', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { id: 'dup', title: 'one' });
    addAgendaItem(doc, { id: 'keep', title: 'two' });
    addAgendaItem(doc, { id: 'dup', title: 'copy' });
    expect(removeAgendaItem(doc, 'dup')).toBe(true);
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['keep']);
    expect(removeAgendaItem(doc, 'dup')).toBe(false);
  });

  it('reads fields of the wrong type as empty values and skips items without an id', () => {
    const doc = new Y.Doc();
    const broken = new Y.Map<unknown>();
    broken.set('id', 'odd');
    broken.set('title', 42);
    broken.set('presenters', 'not a list');
    const anonymous = new Y.Map<unknown>();
    anonymous.set('title', 'no id');
    agendaItems(doc).push([broken, anonymous]);
    expect(readAgenda(doc)).toEqual([
      {
        id: 'odd',
        title: '',
        titles: { en: '', ja: '' },
        presenters: [],
        affiliations: [],
        durationMinutes: 0,
        notes: '',
      },
    ]);
  });
});
