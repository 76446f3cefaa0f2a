import * as Y from 'yjs';

/**
 * The shape of the edited document: minutes are a ProseMirror-compatible `Y.XmlFragment`, so the
 * bench types into a paragraph's `Y.XmlText` under the root y-prosemirror uses by default. Updates
 * then carry what real minutes edits carry (a nested type's item ids, not a root name).
 */
export const MINUTES_FRAGMENT = 'prosemirror';
/** One edit: ten characters, appended, one transaction (one update message). */
export const EDIT_TEXT = '0123456789';

/** The paragraph text the bench edits, once it exists in `doc`. */
export function minutesText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(MINUTES_FRAGMENT).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}

/**
 * Appends one edit. The first edit also creates the paragraph, so a client that never synced
 * (the raw relay has nothing to sync) still receives the whole document through the edits.
 */
export function appendEdit(doc: Y.Doc): void {
  doc.transact(() => {
    let text = minutesText(doc);
    if (!text) {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [paragraph]);
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    text.insert(text.length, EDIT_TEXT);
  });
}

/** How many whole edits a client's text holds: edit `g` (from 0) is in once the length passes 10(g+1). */
export function editsSeen(text: Y.XmlText | null): number {
  return text ? Math.floor(text.length / EDIT_TEXT.length) : 0;
}
