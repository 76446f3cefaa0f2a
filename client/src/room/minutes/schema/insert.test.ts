import { AGENDA_ITEM_ATTRIBUTE, MinutesNode } from '@roundtable/shared';
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { minutesSchemaExtensions } from './extensions';
import { findAgendaSection, insertBlock, insertSpeakerLine } from './insert';

const text = (value: string): JSONContent[] => [{ type: 'text', text: value }];
const heading = (id: string, title: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 2, [AGENDA_ITEM_ATTRIBUTE]: id },
  content: text(title),
});
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: value ? text(value) : [] });

const SPEAKER = { name: 'Katy Mastman', delegation: 'United States — Government', personId: 'p-katy' };

let editor: Editor | null = null;
function buildEditor(content: JSONContent[]): Editor {
  editor = new Editor({ extensions: minutesSchemaExtensions(), content: { type: 'doc', content } });
  return editor;
}
/** Top-level blocks as `type:text`, to compare documents at a glance. */
const outline = (current: Editor) =>
  (current.getJSON().content ?? []).map(
    (node) => `${node.type}:${current.schema.nodeFromJSON(node).textContent}`,
  );

afterEach(() => editor?.destroy());

describe('writing aids', () => {
  it("finds an agenda item's section up to the next item's heading", () => {
    const current = buildEditor([heading('a1', 'Opening'), paragraph('Welcome'), heading('a2', 'Reports')]);
    const section = findAgendaSection(current.state.doc, 'a1');
    expect(section?.start).toBe(0);
    expect(current.state.doc.resolve(section?.end ?? 0).nodeAfter?.attrs[AGENDA_ITEM_ATTRIBUTE]).toBe('a2');
    expect(findAgendaSection(current.state.doc, 'missing')).toBeNull();
  });

  it('puts the current speaker at the end of the current item, wherever the caret is', () => {
    const current = buildEditor([
      heading('a1', 'Opening'),
      paragraph('Welcome'),
      heading('a2', 'Reports'),
      paragraph(''),
    ]);
    current.commands.setTextSelection(current.state.doc.content.size - 1);
    insertSpeakerLine(current, SPEAKER, { id: 'a1', title: 'Opening' });
    expect(outline(current)).toEqual([
      'heading:Opening',
      'paragraph:Welcome',
      `${MinutesNode.SpeakerLine}:`,
      'heading:Reports',
      'paragraph:',
    ]);
    const line = current.state.doc.child(2);
    expect(line.attrs).toEqual(SPEAKER);
    // The caret waits inside the new line for the summary.
    expect(current.state.selection.$from.parent).toBe(line);
  });

  it('opens a section for an agenda item the minutes do not have yet', () => {
    const current = buildEditor([paragraph('Notes')]);
    insertSpeakerLine(current, SPEAKER, { id: 'a3', title: 'Next steps' });
    expect(outline(current)).toEqual([
      'paragraph:Notes',
      'heading:Next steps',
      `${MinutesNode.SpeakerLine}:`,
    ]);
    expect(current.state.doc.child(1).attrs[AGENDA_ITEM_ATTRIBUTE]).toBe('a3');
  });

  it('turns an empty line into the inserted block, and adds one after a written line', () => {
    const current = buildEditor([paragraph('We agreed:'), paragraph('')]);
    current.commands.setTextSelection(current.state.doc.content.size - 1);
    insertBlock(current, MinutesNode.Decision);
    current.commands.insertContent('Meet again in June');
    current.commands.setTextSelection(3);
    insertBlock(current, MinutesNode.ActionItem);
    expect(outline(current)).toEqual([
      'paragraph:We agreed:',
      `${MinutesNode.ActionItem}:`,
      `${MinutesNode.Decision}:Meet again in June`,
    ]);
  });
});
