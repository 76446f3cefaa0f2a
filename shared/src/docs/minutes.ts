import * as Y from 'yjs';
import { MinutesNode } from './minutes-schema.js';
import { MINUTES_FRAGMENT, MINUTES_META } from './names.js';

/** The minutes' rich text, bound by the client editor (Tiptap/y-prosemirror) to this fragment. */
export function minutesFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(MINUTES_FRAGMENT);
}

/** The minutes' metadata map. */
export function minutesMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(MINUTES_META);
}

/**
 * Appends a ProseMirror `paragraph` (or a `heading` when `level` is given) holding `text`, as the
 * editor's schema would create it. Used for templates and by tests.
 */
export function appendMinutesBlock(doc: Y.Doc, text: string, level?: 1 | 2 | 3): void {
  const fragment = minutesFragment(doc);
  doc.transact(() => {
    const element = new Y.XmlElement(level === undefined ? 'paragraph' : 'heading');
    const content = new Y.XmlText();
    content.insert(0, text);
    element.insert(0, [content]);
    fragment.insert(fragment.length, [element]);
    if (level !== undefined) element.setAttribute('level', String(level));
  });
}

function blockText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    // The delta carries formatting as attributes; the text is the concatenated inserts.
    const delta = node.toDelta() as { insert?: unknown }[];
    return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlHook ? '' : blockText(child)))
    .join('');
}

/** The minutes as plain text, one line per top-level block (for previews, search and tests). */
export function minutesPlainText(doc: Y.Doc): string {
  return minutesFragment(doc)
    .toArray()
    .map((node) => (node instanceof Y.XmlHook ? '' : blockText(node)))
    .join('\n');
}

/**
 * Blank minutes: nothing but empty paragraphs. An editor that opened the document first may have
 * written the single empty paragraph its schema requires; that is still a blank page.
 */
export function isMinutesBlank(doc: Y.Doc): boolean {
  return minutesFragment(doc)
    .toArray()
    .every(
      (node) =>
        node instanceof Y.XmlElement &&
        node.nodeName === MinutesNode.Paragraph &&
        blockText(node).trim() === '',
    );
}
