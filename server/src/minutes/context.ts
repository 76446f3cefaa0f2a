import * as Y from 'yjs';
import { DocKind, docName, readAgenda, type MinutesContext, type Room } from '@roundtable/shared';
import type { AgendaApi } from '../agenda/module.js';
import { getCollabModule } from '../collab/module.js';
import type { AppModule } from '../module.js';
import type { SpeakingModule } from '../speaking/module.js';
import type { Db } from '../store/db.js';
import { peopleInEvent } from './people.js';

/*
 * Writing aids: who holds the floor and which agenda item runs, so the editor can insert a
 * `speakerLine` ("name (delegation)") under the right section. Modules are looked up at call
 * time; a part of the app that is missing simply contributes nothing.
 */

function speakingOf(modules: ReadonlyMap<string, AppModule>): Pick<SpeakingModule, 'floorHolder'> | null {
  const module = modules.get('speaking');
  return module && 'floorHolder' in module ? (module as SpeakingModule) : null;
}

function agendaOf(modules: ReadonlyMap<string, AppModule>): AgendaApi | null {
  const module = modules.get('agenda');
  return module && 'currentItem' in module ? (module as AppModule & AgendaApi) : null;
}

async function currentAgendaItem(
  modules: ReadonlyMap<string, AppModule>,
  roomId: string,
): Promise<MinutesContext['agendaItem']> {
  const agenda = agendaOf(modules);
  const collab = getCollabModule(modules);
  if (!agenda || !collab) return null;
  const { currentItemId } = await agenda.currentItem(roomId);
  if (currentItemId === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await collab.readDocumentState(docName(roomId, DocKind.Agenda)));
    const item = readAgenda(doc).find((i) => i.id === currentItemId);
    return item ? { id: item.id, title: item.title, presenters: item.presenters } : null;
  } finally {
    doc.destroy();
  }
}

async function currentFloor(
  modules: ReadonlyMap<string, AppModule>,
  db: Db,
  room: Room,
): Promise<MinutesContext['floor']> {
  const personId = (await speakingOf(modules)?.floorHolder(room.id)) ?? null;
  if (personId === null) return null;
  const [person] = await peopleInEvent(db, room.eventId, [personId]);
  if (!person) return null;
  return { personId, name: person.name, delegation: person.delegation, side: person.side };
}

export async function readMinutesContext(
  modules: ReadonlyMap<string, AppModule>,
  db: Db,
  room: Room,
): Promise<MinutesContext> {
  const [floor, agendaItem] = await Promise.all([
    currentFloor(modules, db, room),
    currentAgendaItem(modules, room.id),
  ]);
  return { roomId: room.id, floor, agendaItem };
}
