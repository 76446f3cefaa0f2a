import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendMinutesBlock, minutesFragment, minutesMeta, minutesPlainText } from './minutes.js';
import { MINUTES_FRAGMENT, MINUTES_META } from './names.js';
import { parseDocName } from './endpoint.js';

describe('minutes document', () => {
  it('writes ProseMirror paragraphs and headings into the fragment Tiptap binds by default', () => {
    const doc = new Y.Doc();
    appendMinutesBlock(doc, 'Item 1: Opening', 2);
    appendMinutesBlock(doc, 'The co-chairs welcomed the delegations.');
    const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
    expect(fragment).toBe(minutesFragment(doc));
    expect(fragment.toJSON()).toBe(
      '<heading level="2">Item 1: Opening</heading><paragraph>The co-chairs welcomed the delegations.</paragraph>',
    );
    expect(minutesPlainText(doc)).toBe('Item 1: Opening\nThe co-chairs welcomed the delegations.');
  });

  it('keeps metadata in its own map', () => {
    const doc = new Y.Doc();
    minutesMeta(doc).set('templateSeeded', true);
    expect(doc.getMap(MINUTES_META).get('templateSeeded')).toBe(true);
  });
});

describe('document names', () => {
  it('parses a room document name and refuses unknown kinds', () => {
    expect(parseDocName('room-1/minutes')).toEqual({ roomId: 'room-1', kind: 'minutes' });
    expect(parseDocName('room-1/agenda')).toEqual({ roomId: 'room-1', kind: 'agenda' });
    expect(parseDocName('room-1/chat')).toBeNull();
    expect(parseDocName('/minutes')).toBeNull();
    expect(parseDocName('minutes')).toBeNull();
  });
});
