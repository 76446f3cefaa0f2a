import * as Y from 'yjs';
import {
  DocKind,
  docName,
  minutesFragment,
  type AttendanceEntry,
  type Event,
  type Report,
  type ReportLanguage,
  type ReportRoom,
  type Room,
  textIn,
} from '@roundtable/shared';
import { publicChatAnnex } from '../chat/annex.js';
import { getCollabModule } from '../collab/module.js';
import { readStoredState } from '../collab/persistence.js';
import { findSeries, listRooms } from '../events/store.js';
import { readRoomAttendance, type AttendanceSources } from '../minutes/attendance.js';
import { readWorkflows, type StoredWorkflow } from '../minutes/workflow-store.js';
import type { AppModule } from '../module.js';
import type { Db } from '../store/db.js';
import { collectDecisionsAndActions, fragmentToBlocks } from './export/blocks.js';
import { groupAttendance, type ReportModel } from './export/model.js';
import type { ReportScope } from './visibility.js';

export interface ReportSources {
  db: Db;
  modules: ReadonlyMap<string, AppModule>;
  attendance: AttendanceSources;
}

/** The minutes' current state: through the collab module (unstored edits included) when present. */
async function readMinutes(sources: ReportSources, roomId: string): Promise<Uint8Array> {
  const name = docName(roomId, DocKind.Minutes);
  const collab = getCollabModule(sources.modules);
  return collab ? collab.readDocumentState(name) : readStoredState(sources.db, name);
}

/**
 * Sides, then organizations, in alphabetical order (a stable order nobody has to maintain), people
 * outside every delegation last; `groupAttendance` keeps the order it is given.
 */
function bySide(a: AttendanceEntry, b: AttendanceEntry): number {
  if (a.side === null || b.side === null) return (a.side === null ? 1 : 0) - (b.side === null ? 1 : 0);
  return (
    a.side.localeCompare(b.side) ||
    a.organization.localeCompare(b.organization) ||
    a.name.localeCompare(b.name)
  );
}

async function buildRoom(
  sources: ReportSources,
  room: Room,
  { state }: StoredWorkflow,
  language: ReportLanguage,
): Promise<ReportRoom> {
  const doc = new Y.Doc();
  try {
    // Minutes outside the draft state are read-only at the server, so this is what was approved.
    Y.applyUpdate(doc, await readMinutes(sources, room.id));
    const minutes = fragmentToBlocks(minutesFragment(doc));
    const { decisions, actions } = collectDecisionsAndActions(minutes);
    // After the decisions are read: the annex is a record of the chat, not part of the minutes.
    minutes.push(...(await publicChatAnnex(sources.db, room.eventId, room.id, language)));
    const entries = await readRoomAttendance(sources.attendance, room, state.attendees);
    const attendance = groupAttendance(
      entries
        .filter((e) => e.included)
        .sort(bySide)
        .map((e) => ({
          name: e.name,
          organization: e.organization,
          side: e.side ?? '',
          category: e.category,
        })),
    );
    return {
      roomId: room.id,
      name: textIn(room.name, language),
      status: state.status === 'published' ? 'published' : 'approved',
      approvedAt: state.approvedAt,
      publishedAt: state.publishedAt,
      minutes,
      decisions,
      actions,
      attendance,
    };
  } finally {
    doc.destroy();
  }
}

/** The rooms `scope` lets the viewer read in the report, in the event's order. */
export async function reportRooms(
  db: Db,
  event: Event,
  scope: Extract<ReportScope, { kind: 'read' }>,
): Promise<{ room: Room; workflow: StoredWorkflow }[]> {
  const rooms = await listRooms(db, event.id);
  const workflows = await readWorkflows(
    db,
    rooms.map((r) => r.id),
  );
  return rooms.flatMap((room) => {
    const workflow = workflows.get(room.id);
    if (!workflow || !scope.rooms(room)) return [];
    const status = workflow.state.status;
    const shown = status === 'published' || (scope.preview && status === 'approved');
    return shown ? [{ room, workflow }] : [];
  });
}

/** The event's report as the viewer in `scope` may read it. */
export async function buildReport(
  sources: ReportSources,
  event: Event,
  scope: Extract<ReportScope, { kind: 'read' }>,
  language: ReportLanguage,
): Promise<Report> {
  const [series, listed] = await Promise.all([
    event.seriesId ? findSeries(sources.db, event.seriesId) : Promise.resolve(null),
    reportRooms(sources.db, event, scope),
  ]);
  const rooms: ReportRoom[] = [];
  for (const { room, workflow } of listed) rooms.push(await buildRoom(sources, room, workflow, language));
  const published = rooms.flatMap((r) => (r.publishedAt ? [r.publishedAt] : [])).sort();
  return {
    eventId: event.id,
    language,
    visibility: event.reportVisibility,
    // Content in the report's language, the other language where that one was not written.
    title: textIn(event.title, language),
    seriesTitle: series ? textIn(series.title, language) : null,
    theme: textIn(event.theme, language),
    description: textIn(event.description, language),
    timeZone: event.timeZone,
    sessions: event.sessions.map((s) => ({
      label: textIn(s.label, language),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    })),
    publishedAt: published[published.length - 1] ?? null,
    rooms,
  };
}

/** The exporters' model; the JSON report is a superset of it (checked by the compiler here). */
export function toReportModel(report: Report): ReportModel {
  return report;
}
