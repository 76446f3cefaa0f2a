import {
  AGENDA_ITEM_ATTRIBUTE,
  MinutesMark,
  MinutesNode,
  minutesFragment,
  minutesPlainText,
} from '@roundtable/shared';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesSchemaExtensions } from './extensions';

const schema = getSchema(minutesSchemaExtensions());

describe('the minutes schema', () => {
  it('defines every node the server reads, by the shared names', () => {
    for (const name of Object.values(MinutesNode)) expect(schema.nodes[name], name).toBeDefined();
  });

  it('defines every mark the server reads, by the shared names', () => {
    for (const name of Object.values(MinutesMark)) expect(schema.marks[name], name).toBeDefined();
  });

  it('gives the structured blocks their shared attributes and headings their agenda item', () => {
    expect(Object.keys(schema.nodes[MinutesNode.ActionItem]?.spec.attrs ?? {})).toEqual(['owner', 'due']);
    expect(Object.keys(schema.nodes[MinutesNode.SpeakerLine]?.spec.attrs ?? {})).toEqual([
      'name',
      'delegation',
      'personId',
    ]);
    expect(schema.nodes[MinutesNode.Heading]?.spec.attrs).toHaveProperty(AGENDA_ITEM_ATTRIBUTE);
  });

  it('writes the blocks into the Yjs fragment as the report reads them', () => {
    const doc = new Y.Doc();
    const text = (value: string) => [{ type: 'text', text: value }];
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          {
            type: 'heading',
            attrs: { level: 2, [AGENDA_ITEM_ATTRIBUTE]: 'item-1' },
            content: text('Opening'),
          },
          {
            type: MinutesNode.SpeakerLine,
            attrs: { name: 'MORI Hana', delegation: 'Japan — Government', personId: 'p1' },
            content: text('Welcomed the delegations.'),
          },
          { type: MinutesNode.Decision, content: text('Meet again in June') },
          {
            type: MinutesNode.ActionItem,
            attrs: { owner: 'Thomas Reed', due: '2025-06-01' },
            content: text('Share the case studies'),
          },
        ],
      },
      minutesFragment(doc),
    );

    const [heading, speaker, decision, action] = minutesFragment(doc).toArray() as Y.XmlElement[];
    expect(heading?.getAttribute(AGENDA_ITEM_ATTRIBUTE)).toBe('item-1');
    expect(speaker?.nodeName).toBe(MinutesNode.SpeakerLine);
    expect(speaker?.getAttributes()).toMatchObject({ name: 'MORI Hana', delegation: 'Japan — Government' });
    expect(decision?.nodeName).toBe(MinutesNode.Decision);
    expect(action?.getAttributes()).toMatchObject({ owner: 'Thomas Reed', due: '2025-06-01' });
    expect(minutesPlainText(doc)).toBe(
      ['Opening', 'Welcomed the delegations.', 'Meet again in June', 'Share the case studies'].join('\n'),
    );
  });
});
