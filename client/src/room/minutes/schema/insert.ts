import { AGENDA_ITEM_ATTRIBUTE, MinutesNode } from '@roundtable/shared';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode, NodeType, ResolvedPos } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';

type Attrs = Record<string, unknown>;

/** Where a block may go right after the selection's block, innermost container first. */
function positionAfterSelection($from: ResolvedPos, type: NodeType): number | null {
  for (let depth = $from.depth; depth >= 1; depth--) {
    const container = $from.node(depth - 1);
    const index = $from.indexAfter(depth - 1);
    if (container.canReplaceWith(index, index, type)) return $from.after(depth);
  }
  return null;
}

const isEmptyParagraph = (node: PMNode | null | undefined) =>
  node?.type.name === MinutesNode.Paragraph && node.content.size === 0;

/**
 * Puts a new textblock of `type` at `pos` (or turns the empty paragraph there into it), and the
 * caret inside it, so the note-taker types the block's text straight away.
 */
function placeBlock(tr: Transaction, pos: number, type: NodeType, attrs: Attrs): void {
  const before = tr.doc.resolve(pos).nodeBefore;
  if (isEmptyParagraph(before) && before) {
    const start = pos - before.nodeSize;
    tr.setNodeMarkup(start, type, attrs);
    tr.setSelection(TextSelection.create(tr.doc, start + 1));
    return;
  }
  tr.insert(pos, type.create(attrs));
  tr.setSelection(TextSelection.create(tr.doc, pos + 1));
}

/**
 * Inserts a structured block (decision, action item, speaker line) after the block holding the
 * caret; an empty paragraph is turned into it instead, so inserting on a blank line leaves no gap.
 */
export function insertBlock(editor: Editor, typeName: string, attrs: Attrs = {}): boolean {
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      const type = tr.doc.type.schema.nodes[typeName];
      if (!type) return false;
      const { $from } = tr.selection;
      if (isEmptyParagraph($from.parent) && $from.depth >= 1) {
        const index = $from.index($from.depth - 1);
        if ($from.node($from.depth - 1).canReplaceWith(index, index + 1, type)) {
          if (dispatch) {
            tr.setNodeMarkup($from.before(), type, attrs);
            tr.setSelection(TextSelection.create(tr.doc, $from.pos));
          }
          return true;
        }
      }
      const pos = positionAfterSelection($from, type) ?? tr.doc.content.size;
      if (dispatch) {
        tr.insert(pos, type.create(attrs));
        tr.setSelection(TextSelection.create(tr.doc, pos + 1));
      }
      return true;
    })
    .scrollIntoView()
    .run();
}

/** A top-level section of the minutes: the heading of an agenda item and the blocks up to the next. */
export interface AgendaSection {
  /** Position of the section's heading. */
  start: number;
  /** Position right after the section's last block. */
  end: number;
}

/**
 * The section of the minutes that belongs to an agenda item (the template's heading carrying its
 * id), ending before the next heading of the same or a higher level, or before another item's.
 */
export function findAgendaSection(doc: PMNode, agendaItemId: string): AgendaSection | null {
  const headingLevel = (node: PMNode) => Number(node.attrs['level']) || 1;
  let section: AgendaSection | null = null;
  let level = 0;
  let offset = 0;
  for (let index = 0; index < doc.childCount; index++) {
    const node = doc.child(index);
    const isHeading = node.type.name === MinutesNode.Heading;
    if (section) {
      if (isHeading && (headingLevel(node) <= level || node.attrs[AGENDA_ITEM_ATTRIBUTE])) break;
      section.end = offset + node.nodeSize;
    } else if (isHeading && node.attrs[AGENDA_ITEM_ATTRIBUTE] === agendaItemId) {
      section = { start: offset, end: offset + node.nodeSize };
      level = headingLevel(node);
    }
    offset += node.nodeSize;
  }
  return section;
}

export interface SpeakerAttrs {
  name: string;
  delegation: string;
  personId: string | null;
}

/**
 * Inserts a speaker line under the current agenda item: after the caret when the caret is already
 * in that item's section, at the end of the section otherwise, and under a new heading for the
 * item when the minutes have no section for it yet. Without an agenda item, after the caret.
 */
export function insertSpeakerLine(
  editor: Editor,
  speaker: SpeakerAttrs,
  agendaItem: { id: string; title: string } | null,
): boolean {
  const { doc, selection } = editor.state;
  const section = agendaItem ? findAgendaSection(doc, agendaItem.id) : null;
  const caretInSection = section && selection.from > section.start && selection.from < section.end;
  if (!agendaItem || caretInSection) return insertBlock(editor, MinutesNode.SpeakerLine, { ...speaker });
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      const { nodes } = tr.doc.type.schema;
      const speakerType = nodes[MinutesNode.SpeakerLine];
      const headingType = nodes[MinutesNode.Heading];
      if (!speakerType || !headingType) return false;
      if (!dispatch) return true;
      if (section) {
        placeBlock(tr, section.end, speakerType, { ...speaker });
        return true;
      }
      const end = tr.doc.content.size;
      const heading = headingType.create(
        { level: 2, [AGENDA_ITEM_ATTRIBUTE]: agendaItem.id },
        agendaItem.title ? tr.doc.type.schema.text(agendaItem.title) : undefined,
      );
      tr.insert(end, heading);
      placeBlock(tr, end + heading.nodeSize, speakerType, { ...speaker });
      return true;
    })
    .scrollIntoView()
    .run();
}
