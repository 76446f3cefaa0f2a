import * as Y from 'yjs';
import {
  AGENDA_ITEM_ATTRIBUTE,
  MinutesNode,
  minutesFragment,
  minutesMeta,
  type AgendaItem,
} from '@roundtable/shared';

/* Server-side edits of the minutes (template, restore): pure over a Y.Doc, tested without a server. */

const PRESENTERS = { en: 'Presenters', ja: '発表者' } as const;
export type TemplateLanguage = keyof typeof PRESENTERS;

/** Meta key recording that the template was inserted (and when), for editors and tests. */
export const TEMPLATE_SEEDED_KEY = 'templateSeededAt';

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as { insert?: unknown }[];
    return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  if (node instanceof Y.XmlHook) return '';
  return node
    .toArray()
    .map((child) => textOf(child))
    .join('');
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
        node instanceof Y.XmlElement && node.nodeName === MinutesNode.Paragraph && textOf(node).trim() === '',
    );
}

function element(name: string, text: string, attributes: Record<string, string | number> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value as string);
  if (text) {
    const content = new Y.XmlText();
    content.insert(0, text);
    el.insert(0, [content]);
  }
  return el;
}

/**
 * Replaces blank minutes with one section per agenda item: a heading tied to the item
 * (`agendaItemId`), its presenters, and an empty paragraph to write in. Returns the number of
 * sections, or null when the minutes were not blank (nothing is changed then). Call inside the
 * document's transaction so the sections arrive as one update.
 */
export function insertAgendaTemplate(
  doc: Y.Doc,
  items: readonly AgendaItem[],
  language: TemplateLanguage,
  at: string,
): number | null {
  if (!isMinutesBlank(doc)) return null;
  const fragment = minutesFragment(doc);
  const nodes: Y.XmlElement[] = [];
  for (const item of items) {
    // Heading levels are numbers in the editor's schema (Tiptap reads `level` as a number).
    nodes.push(element(MinutesNode.Heading, item.title, { level: 2, [AGENDA_ITEM_ATTRIBUTE]: item.id }));
    if (item.presenters.length > 0) {
      nodes.push(element(MinutesNode.Paragraph, `${PRESENTERS[language]}: ${item.presenters.join(', ')}`));
    }
    nodes.push(element(MinutesNode.Paragraph, ''));
  }
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, nodes);
    minutesMeta(doc).set(TEMPLATE_SEEDED_KEY, at);
  });
  return items.length;
}

/**
 * Makes the live document's minutes equal to `snapshot`'s, as one transaction of ordinary edits
 * (delete everything, insert copies): clients converge through the usual updates and no CRDT
 * history is rewritten.
 */
export function replaceMinutesContent(live: Y.Doc, snapshot: Y.Doc): void {
  const target = minutesFragment(live);
  const copies = minutesFragment(snapshot)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
  live.transact(() => {
    target.delete(0, target.length);
    target.insert(0, copies);
  });
}
