import * as Y from 'yjs';
import {
  AGENDA_ITEM_ATTRIBUTE,
  isMinutesBlank,
  MinutesNode,
  minutesFragment,
  minutesMeta,
  type AgendaItem,
} from '@roundtable/shared';

export { isMinutesBlank };

/* Server-side edits of the minutes (template, restore): pure over a Y.Doc, tested without a server. */

const PRESENTERS = { en: 'Presenters', ja: '発表者' } as const;
export type TemplateLanguage = keyof typeof PRESENTERS;

/** Meta key recording that the template was inserted (and when), for editors and tests. */
export const TEMPLATE_SEEDED_KEY = 'templateSeededAt';

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
 * Puts one section per agenda item into blank minutes: a heading tied to the item
 * (`agendaItemId`), its presenters, and an empty paragraph to write in. Returns the number of
 * sections, or null when the minutes were not blank (nothing is changed then). Call inside the
 * document's transaction so the sections arrive as one update.
 *
 * The sections go in front of the blank paragraphs, which stay: a note-taker may be typing into
 * one of them right now, and letters typed into a deleted paragraph would be lost.
 */
export function insertAgendaTemplate(
  doc: Y.Doc,
  items: readonly AgendaItem[],
  language: TemplateLanguage,
  at: string,
): number | null {
  if (!isMinutesBlank(doc)) return null;
  doc.transact(() => {
    minutesFragment(doc).insert(0, sectionNodes(items, language));
    minutesMeta(doc).set(TEMPLATE_SEEDED_KEY, at);
  });
  return items.length;
}

/** A heading tied to each item, its presenters (when there are some) and a paragraph to write in. */
function sectionNodes(items: readonly AgendaItem[], language: TemplateLanguage): Y.XmlElement[] {
  const nodes: Y.XmlElement[] = [];
  for (const item of items) {
    // Heading levels are numbers in the editor's schema (Tiptap reads `level` as a number).
    nodes.push(element(MinutesNode.Heading, item.title, { level: 2, [AGENDA_ITEM_ATTRIBUTE]: item.id }));
    if (item.presenters.length > 0) {
      nodes.push(element(MinutesNode.Paragraph, `${PRESENTERS[language]}: ${item.presenters.join(', ')}`));
    }
    nodes.push(element(MinutesNode.Paragraph, ''));
  }
  return nodes;
}

/** Agenda item ids that have a section heading in the minutes. */
export function sectionItemIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const node of minutesFragment(doc).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== MinutesNode.Heading) continue;
    const id = node.getAttribute(AGENDA_ITEM_ATTRIBUTE) as unknown;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * Appends sections for agenda items added after the template went in (items without a section).
 * Returns how many were appended.
 */
export function appendAgendaSections(
  doc: Y.Doc,
  items: readonly AgendaItem[],
  language: TemplateLanguage,
): number {
  const present = sectionItemIds(doc);
  const missing = items.filter((item) => !present.has(item.id));
  if (missing.length === 0) return 0;
  const fragment = minutesFragment(doc);
  doc.transact(() => fragment.insert(fragment.length, sectionNodes(missing, language)));
  return missing.length;
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
