import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MinutesNode, minutesFragment, minutesPlainText } from '@roundtable/shared';
import { insertAgendaTemplate, isMinutesBlank, replaceMinutesContent } from './doc-edits.js';
import { appendToMinutes, minutesElement } from './test-support.js';

const ITEMS = [
  { id: 'a', title: 'Opening', presenters: ['Chair Japan'], durationMinutes: 10, notes: '' },
  { id: 'b', title: 'Closing', presenters: [], durationMinutes: 5, notes: '' },
];

describe('server-side edits of the minutes', () => {
  it('sees an empty fragment or empty paragraphs as blank, and any text or other block as written', () => {
    const doc = new Y.Doc();
    expect(isMinutesBlank(doc)).toBe(true);
    appendToMinutes(doc, [minutesElement(MinutesNode.Paragraph, '  ')]);
    expect(isMinutesBlank(doc)).toBe(true);
    appendToMinutes(doc, [minutesElement(MinutesNode.Decision, '')]);
    expect(isMinutesBlank(doc)).toBe(false);
  });

  it('inserts one heading per item with its id and a numeric level, presenters only when there are some', () => {
    const doc = new Y.Doc();
    expect(insertAgendaTemplate(doc, ITEMS, 'en', '2026-03-01T00:00:00.000Z')).toBe(2);
    const nodes = minutesFragment(doc).toArray() as Y.XmlElement[];
    expect(nodes.map((n) => n.nodeName)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(nodes[0]!.getAttributes()).toEqual({ level: 2, agendaItemId: 'a' });
    expect(minutesPlainText(doc)).toBe('Opening\nPresenters: Chair Japan\n\nClosing\n');
    expect(insertAgendaTemplate(doc, ITEMS, 'en', '2026-03-01T00:00:00.000Z')).toBeNull();
  });

  it('keeps what a note-taker types into the blank page while the template goes in', () => {
    const server = new Y.Doc();
    appendToMinutes(server, [minutesElement(MinutesNode.Paragraph, '')]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    // The note-taker's first letters are on their way while the server sees a blank page.
    const paragraph = minutesFragment(client).get(0) as Y.XmlElement;
    const typed = new Y.XmlText();
    typed.insert(0, 'Japan opened');
    paragraph.insert(0, [typed]);
    expect(insertAgendaTemplate(server, ITEMS, 'en', '2026-03-01T00:00:00.000Z')).toBe(2);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    for (const doc of [server, client]) {
      expect(minutesPlainText(doc)).toBe('Opening\nPresenters: Chair Japan\n\nClosing\n\nJapan opened');
    }
  });

  it('replaces the content with a snapshot’s, formatting and attributes included, as ordinary edits', () => {
    const snapshot = new Y.Doc();
    const bold = new Y.XmlText();
    bold.insert(0, 'Agreed', { bold: true });
    const action = new Y.XmlElement(MinutesNode.ActionItem);
    action.insert(0, [bold]);
    action.setAttribute('owner', 'USTR');
    minutesFragment(snapshot).insert(0, [action]);

    const live = new Y.Doc();
    appendToMinutes(live, [minutesElement(MinutesNode.Paragraph, 'Later text')]);
    const follower = new Y.Doc();
    Y.applyUpdate(follower, Y.encodeStateAsUpdate(live));
    live.on('update', (update: Uint8Array) => Y.applyUpdate(follower, update));

    replaceMinutesContent(live, snapshot);
    for (const doc of [live, follower]) {
      const [node] = minutesFragment(doc).toArray() as Y.XmlElement[];
      expect(minutesFragment(doc).length).toBe(1);
      expect(node!.getAttribute('owner')).toBe('USTR');
      expect((node!.get(0) as Y.XmlText).toDelta()).toEqual([
        { insert: 'Agreed', attributes: { bold: true } },
      ]);
    }
  });
});
