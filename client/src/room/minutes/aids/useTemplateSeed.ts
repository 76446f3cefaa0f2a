import { minutesFragment, SeedTemplateResultSchema } from '@roundtable/shared';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { apiPath, apiRequest } from '../../../api/http';
import { currentLanguage } from '../../../i18n';

/**
 * Asks the server to write the template (one section per agenda item) into empty minutes, once
 * the document has synced and so is known to be empty. The server inserts it exactly once however
 * many note-takers ask at the same moment, and its edit reaches everyone through Yjs. A failure
 * or "no agenda yet" leaves the empty document to write in; the next (re)connect asks again.
 */
export function useTemplateSeed(roomId: string, doc: Y.Doc | null, synced: boolean, canWrite: boolean): void {
  useEffect(() => {
    if (!canWrite || !synced || !doc || minutesFragment(doc).length > 0) return;
    const controller = new AbortController();
    apiRequest('POST', apiPath('rooms', roomId, 'minutes', 'template'), {
      body: { language: currentLanguage() },
      schema: SeedTemplateResultSchema,
      signal: controller.signal,
    }).catch(() => undefined);
    return () => controller.abort();
  }, [roomId, doc, synced, canWrite]);
}
