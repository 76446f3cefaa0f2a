import * as Y from 'yjs';
import { docName, DocKind, readAgenda } from '@roundtable/shared';
import { getCollabModule } from '../collab/module.js';
import type { AppModule } from '../module.js';

/**
 * The agenda's item ids in order. The room's agenda document is the truth when the collab module
 * runs in this app; only without it does the order the client sent count (validated by the schema).
 * Looked up at call time, so module creation order does not matter.
 */
export async function readAgendaOrder(
  modules: ReadonlyMap<string, AppModule>,
  roomId: string,
  clientOrder: readonly string[] | undefined,
): Promise<readonly string[] | null> {
  const collab = getCollabModule(modules);
  if (!collab) return clientOrder ?? null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await collab.readDocumentState(docName(roomId, DocKind.Agenda)));
    return readAgenda(doc).map((item) => item.id);
  } finally {
    doc.destroy();
  }
}
