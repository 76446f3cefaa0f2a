import * as Y from 'yjs';
import { z } from 'zod';
import { EMPTY_TEXT, LocalizedLabelSchema, textFromPlain, type LocalizedText } from '../domain/localized.js';
import { IdSchema } from '../domain/people.js';
import { Limits } from '../limits.js';
import { AGENDA_ITEMS, AgendaItemField as F } from './names.js';

/**
 * One agenda item as every screen reads it. `titles` and `affiliations` are the bilingual fields
 * (added later, so optional in the document): `title` stays the one-string title older clients
 * read and write; an item written only by them reads its `titles` from `title` (by script).
 * `readAgenda` always fills both; they are optional so items built in code without them stay valid.
 */
export const AgendaItemSchema = z.object({
  id: IdSchema,
  title: z.string().max(Limits.maxNameLength),
  titles: LocalizedLabelSchema.optional(),
  presenters: z.array(z.string().max(Limits.maxNameLength)).max(50),
  /** Each presenter's affiliation, at the presenter's index (empty pairs where none is given). */
  affiliations: z.array(LocalizedLabelSchema).max(50).optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  notes: z.string().max(Limits.maxTextLength),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** What a new item needs (a title, in one string or both languages); the id is generated when absent. */
export type NewAgendaItem = Partial<AgendaItem> & (Pick<AgendaItem, 'title'> | Pick<AgendaItem, 'titles'>);
export type AgendaItemPatch = Partial<Omit<AgendaItem, 'id'>>;

type ItemMap = Y.Map<unknown>;

/** The agenda's shared array. Creating it is idempotent (Yjs returns the same type by name). */
export function agendaItems(doc: Y.Doc): Y.Array<ItemMap> {
  return doc.getArray<ItemMap>(AGENDA_ITEMS);
}

/**
 * Reads one item map. The document is written by clients, so a field of the wrong type falls
 * back to its empty value instead of breaking every reader; only an item without an id is skipped.
 */
function readItem(map: ItemMap): AgendaItem | null {
  const id = map.get(F.Id);
  if (typeof id !== 'string' || id.length === 0) return null;
  const title = map.get(F.Title);
  const titles = LocalizedLabelSchema.safeParse(map.get(F.Titles));
  const presenters = map.get(F.Presenters);
  const affiliations = map.get(F.Affiliations);
  const duration = map.get(F.DurationMinutes);
  const notes = map.get(F.Notes);
  const plainTitle = typeof title === 'string' ? title : '';
  const presenterList: string[] = Array.isArray(presenters)
    ? presenters.filter((p) => typeof p === 'string')
    : [];
  const affiliationList: unknown[] = Array.isArray(affiliations) ? affiliations : [];
  const parsed = AgendaItemSchema.safeParse({
    id,
    title: plainTitle,
    titles: titles.success ? titles.data : textFromPlain(plainTitle),
    presenters: presenterList,
    affiliations: presenterList.map((_, i) => {
      const one = LocalizedLabelSchema.safeParse(affiliationList[i]);
      return one.success ? one.data : EMPTY_TEXT;
    }),
    durationMinutes: typeof duration === 'number' && Number.isFinite(duration) ? Math.round(duration) : 0,
    notes: typeof notes === 'string' ? notes : '',
  });
  return parsed.success ? parsed.data : null;
}

/**
 * The agenda in order. An id seen twice keeps its first position: two people moving the same item
 * at once each insert a copy (Yjs arrays have no move), and everyone must see one item.
 */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const seen = new Set<string>();
  const items: AgendaItem[] = [];
  for (const map of agendaItems(doc)) {
    const item = readItem(map);
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/** An item's title in both languages (derived from `title` where the pair was never written). */
export function agendaItemTitles(item: Pick<AgendaItem, 'title' | 'titles'>): LocalizedText {
  return item.titles ?? textFromPlain(item.title);
}

/** A presenter's affiliation (an empty pair where none is given). */
export function presenterAffiliation(item: Pick<AgendaItem, 'affiliations'>, index: number): LocalizedText {
  return item.affiliations?.[index] ?? EMPTY_TEXT;
}

/** The one-string title older readers show: English where written, else Japanese. */
function primaryTitle(titles: LocalizedText): string {
  return titles.en || titles.ja;
}

function writeFields(map: ItemMap, fields: AgendaItemPatch): void {
  if (fields.titles !== undefined) {
    map.set(F.Titles, { en: fields.titles.en, ja: fields.titles.ja });
    map.set(F.Title, primaryTitle(fields.titles));
  } else if (fields.title !== undefined) {
    // A one-string edit (an older client) makes the pair stale: readers derive it from `title`.
    map.set(F.Title, fields.title);
    map.delete(F.Titles);
  }
  if (fields.presenters !== undefined) map.set(F.Presenters, [...fields.presenters]);
  if (fields.affiliations !== undefined) {
    map.set(
      F.Affiliations,
      fields.affiliations.map((a) => ({ en: a.en, ja: a.ja })),
    );
  }
  if (fields.durationMinutes !== undefined) map.set(F.DurationMinutes, fields.durationMinutes);
  if (fields.notes !== undefined) map.set(F.Notes, fields.notes);
}

function buildItemMap(item: AgendaItem): ItemMap {
  const map = new Y.Map<unknown>();
  map.set(F.Id, item.id);
  writeFields(map, item);
  return map;
}

function indexOfItem(doc: Y.Doc, id: string): number {
  return agendaItems(doc)
    .toArray()
    .findIndex((map) => map.get(F.Id) === id);
}

/** Inserts an item at `index` (default: the end) in one transaction; returns the item. */
export function addAgendaItem(doc: Y.Doc, fields: NewAgendaItem, index?: number): AgendaItem {
  const titles = fields.titles ?? textFromPlain(fields.title ?? '');
  const item = AgendaItemSchema.parse({
    id: fields.id ?? crypto.randomUUID(),
    presenters: [],
    affiliations: (fields.presenters ?? []).map(() => EMPTY_TEXT),
    durationMinutes: 0,
    notes: '',
    ...fields,
    title: fields.titles ? primaryTitle(fields.titles) : (fields.title ?? ''),
    titles,
  });
  const items = agendaItems(doc);
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  doc.transact(() => items.insert(at, [buildItemMap(item)]));
  return item;
}

/** Changes the given fields of an item; false when there is no such item. */
export function updateAgendaItem(doc: Y.Doc, id: string, patch: AgendaItemPatch): boolean {
  const valid = AgendaItemSchema.omit({ id: true }).partial().parse(patch);
  const index = indexOfItem(doc, id);
  const map = index >= 0 ? agendaItems(doc).get(index) : undefined;
  if (!map) return false;
  doc.transact(() => writeFields(map, valid));
  return true;
}

/**
 * Moves an item to `toIndex` (its position in the resulting list). Yjs arrays have no move: the
 * item is deleted and a copy inserted in one transaction, so observers see a single change.
 */
export function moveAgendaItem(doc: Y.Doc, id: string, toIndex: number): boolean {
  const items = agendaItems(doc);
  const from = indexOfItem(doc, id);
  const map = from >= 0 ? items.get(from) : undefined;
  const item = map ? readItem(map) : null;
  if (!item) return false;
  doc.transact(() => {
    items.delete(from, 1);
    items.insert(Math.max(0, Math.min(toIndex, items.length)), [buildItemMap(item)]);
  });
  return true;
}

/** Removes an item (every copy of it); false when there is none. */
export function removeAgendaItem(doc: Y.Doc, id: string): boolean {
  const items = agendaItems(doc);
  const indexes = items
    .toArray()
    .flatMap((map, index) => (map.get(F.Id) === id ? [index] : []))
    .reverse();
  if (indexes.length === 0) return false;
  doc.transact(() => {
    for (const index of indexes) items.delete(index, 1);
  });
  return true;
}
