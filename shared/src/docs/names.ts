/**
 * Names of the shared types inside each room's Y.Docs. Client editors, server helpers and tests
 * must agree on them, so they live here and nowhere else.
 */

/** Agenda document: the ordered `Y.Array<Y.Map>` of agenda items. */
export const AGENDA_ITEMS = 'items';

/**
 * Minutes document: the ProseMirror content as a `Y.XmlFragment`. `'default'` is the field Tiptap's
 * Collaboration extension reads when none is configured (`@tiptap/extension-collaboration`
 * `addOptions().field`), so a stock Tiptap editor binds to it unchanged; y-prosemirror's own
 * examples say `'prosemirror'`, which Tiptap would not find.
 */
export const MINUTES_FRAGMENT = 'default';

/** Minutes document: a `Y.Map` of facts about the minutes (template seeded, linked agenda…). */
export const MINUTES_META = 'meta';

/** Keys of the agenda item `Y.Map`s. */
export const AgendaItemField = {
  Id: 'id',
  Title: 'title',
  /** `{ en, ja }`; when present, `title` holds its English side (else the Japanese) for older readers. */
  Titles: 'titles',
  Presenters: 'presenters',
  /** `{ en, ja }[]`, one per presenter (same index): where each presenter comes from. */
  Affiliations: 'affiliations',
  DurationMinutes: 'durationMinutes',
  Notes: 'notes',
} as const;
