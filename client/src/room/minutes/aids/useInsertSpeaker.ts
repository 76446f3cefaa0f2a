import type { Editor } from '@tiptap/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { insertSpeakerLine } from '../schema/insert';
import { fetchSpeakerContext } from './minutesContext';

export interface InsertSpeaker {
  insert: () => void;
  busy: boolean;
  /** Why the last attempt failed (shown with `ActionError`). */
  error: unknown;
  /** What the last attempt did, for the status line ("Nobody has the floor"). */
  notice: string | null;
}

/**
 * "Insert current speaker": asks the server who has the floor under which agenda item, then
 * writes a speaker line there (see `insertSpeakerLine` for where exactly).
 */
export function useInsertSpeaker(roomId: string, editor: Editor | null): InsertSpeaker {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const insert = useCallback(() => {
    if (!editor || busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    fetchSpeakerContext(roomId)
      .then(({ floor, agendaItem }) => {
        if (editor.isDestroyed || !editor.isEditable) return;
        if (!floor) {
          setNotice(t('minutes.insert.noFloor'));
          return;
        }
        insertSpeakerLine(editor, floor, agendaItem);
        setNotice(t('minutes.insert.speakerInserted', { name: floor.name }));
      })
      .catch((err: unknown) => setError(err))
      .finally(() => setBusy(false));
  }, [editor, busy, roomId, t]);

  return { insert, busy, error, notice };
}
