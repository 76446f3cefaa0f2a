import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  DocKind,
  docName,
  minutesFragment,
  minutesPlainText,
  type NewAgendaItem,
} from '@roundtable/shared';
import { getCollabModule, type CollabModule } from '../collab/module.js';
import { readStoredState } from '../collab/persistence.js';
import type { TestClient } from '../collab/test-support.js';
import { disconnectAll } from '../presence/testing.js';
import { buildMeeting, type Meeting } from '../speaking/test-helpers.js';
import { startTestApp, type TestApp } from '../test/app.js';
import type { StoreKind } from '../test/stores.js';
import { signInAs } from '../test/factories.js';

/* Helpers for the minutes and reports integration tests (not a test file itself). */

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API as the holder of `cookie` (or signed out), JSON in, JSON (or text) out. */
export async function api<T = unknown>(
  app: TestApp,
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers['cookie'] = cookie;
  const res = await fetch(`${app.url}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, body: (json && text ? JSON.parse(text) : text) as T, headers: res.headers };
}

/** A cookie per person, created once per app. */
export function cookies(app: TestApp): (personId: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (personId) => {
    let cookie = cache.get(personId);
    if (!cookie) {
      cookie = signInAs(app, personId);
      cache.set(personId, cookie);
    }
    return cookie;
  };
}

export function collabOf(app: TestApp): CollabModule {
  const collab = getCollabModule(app.app.context.modules);
  if (!collab) throw new Error('no collab module');
  return collab;
}

/** Writes agenda items through the collab module, as a co-chair's editor would. */
export async function writeAgenda(app: TestApp, roomId: string, items: NewAgendaItem[]): Promise<void> {
  await collabOf(app).editDocument(docName(roomId, DocKind.Agenda), (doc) => {
    for (const item of items) addAgendaItem(doc, item);
  });
}

/** Edits the minutes through the collab module (stored and relayed like a client's edit). */
export async function editMinutes(app: TestApp, roomId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  await collabOf(app).editDocument(docName(roomId, DocKind.Minutes), edit);
}

/** The stored minutes (the store only, not an instance's memory) as a Y.Doc. */
export async function storedMinutes(app: TestApp, roomId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await readStoredState(app.store.db, docName(roomId, DocKind.Minutes)));
  return doc;
}

export async function storedMinutesText(app: TestApp, roomId: string): Promise<string> {
  const doc = await storedMinutes(app, roomId);
  try {
    return minutesPlainText(doc);
  } finally {
    doc.destroy();
  }
}

/** Top-level node names and their agenda item ids, to count sections. */
export function sectionsOf(doc: Y.Doc): { name: string; agendaItemId: string | null }[] {
  return minutesFragment(doc)
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement
        ? [
            {
              name: node.nodeName,
              agendaItemId: node.getAttribute<string>('agendaItemId') ?? null,
            },
          ]
        : [],
    );
}

/** Builds one minutes element with text (and attributes), as the editor's schema writes it. */
export function minutesElement(
  name: string,
  text: string,
  attributes: Record<string, string> = {},
): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

/** Appends elements to the minutes fragment of `doc`. */
export function appendToMinutes(doc: Y.Doc, elements: Y.XmlElement[]): void {
  const fragment = minutesFragment(doc);
  fragment.insert(fragment.length, elements);
}

/** What `meetingApp` gives each test: a fresh app with a meeting in it. */
export interface MeetingApp {
  app: TestApp;
  meeting: Meeting;
  cookieOf: (personId: string) => Promise<string>;
  /** Stock y-websocket clients to destroy after the test. */
  clients: TestClient[];
}

/**
 * Registers `beforeEach`/`afterEach` for the calling `describe`: a real app (SQLite unless told)
 * with `buildMeeting`'s room and people, torn down with its sockets and Yjs clients afterwards.
 * Read the fields inside tests (they are replaced before each one).
 */
export function meetingApp(options: { participants?: number; store?: StoreKind } = {}): MeetingApp {
  const current = { clients: [] } as unknown as MeetingApp;
  beforeEach(async () => {
    current.app = await startTestApp({ store: options.store ?? 'sqlite' });
    current.meeting = await buildMeeting(current.app.store.db, { participants: options.participants ?? 1 });
    current.cookieOf = cookies(current.app);
  });
  afterEach(async () => {
    current.clients.splice(0).forEach((client) => client.destroy());
    disconnectAll();
    await current.app.close();
  });
  return current;
}
