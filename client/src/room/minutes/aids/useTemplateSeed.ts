import { SeedTemplateResultSchema } from '@roundtable/shared';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { apiPath, apiRequest } from '../../../api/http';
import { currentLanguage } from '../../../i18n';

/**
 * Asks the server for the template (one section per agenda item) once the document has synced,
 * and again whenever the agenda gets items while the minutes are open: co-chairs often write the
 * agenda after the note-takers arrive. The server writes blank minutes' template, and later
 * items' sections, exactly once however many note-takers ask at the same moment, on however many
 * instances; its edit reaches everyone through Yjs. A failure or "no agenda yet" leaves the page
 * as it is; the next (re)connect or agenda change asks again.
 *
 * `agendaItemIds`: the agenda's item ids in order, joined (a stable string for the effect).
 */
export function useTemplateSeed(
  roomId: string,
  doc: Y.Doc | null,
  synced: boolean,
  canWrite: boolean,
  agendaItemIds: string,
): void {
  useEffect(() => {
    if (!canWrite || !synced || !doc || agendaItemIds === '') return;
    const controller = new AbortController();
    apiRequest('POST', apiPath('rooms', roomId, 'minutes', 'template'), {
      body: { language: currentLanguage() },
      schema: SeedTemplateResultSchema,
      signal: controller.signal,
    }).catch(() => undefined);
    return () => controller.abort();
  }, [roomId, doc, synced, canWrite, agendaItemIds]);
}
