import type { MinutesWorkflow } from '@roundtable/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchRoom } from '../../events/api';
import { useWorkflow } from '../../reports/useWorkflow';
import { Loading } from '../../ui/Loading';
import { useAgendaDoc } from '../agenda/useAgenda';
import { roomKeys } from '../api';
import { useTemplateSeed } from './aids/useTemplateSeed';
import { useCoEditors } from './collab/useCoEditors';
import type { SaveState } from './connection/saveTracker';
import { useMinutesSession } from './connection/useMinutesSession';
import { MinutesEditor } from './editor/MinutesEditor';
import { MinutesStatus } from './MinutesStatus';
import './minutes.css';

export interface MinutesPanelProps {
  roomId: string;
  /** The viewer's role writes minutes (co-chairs, organizers, note-takers); the server decides too. */
  canWrite: boolean;
}

/** Why the minutes are read-only for everyone now, or null while they are a draft. */
function LockNotice({ workflow, save }: { workflow: MinutesWorkflow | null; save: SaveState }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (workflow?.readOnly && workflow.status !== 'draft') text = t(`minutes.locked.${workflow.status}`);
  else if (save === 'refused') text = t('minutes.locked.refused');
  if (!text) return null;
  return (
    <p role="status" className="minutes-locked" data-testid="minutes-locked">
      {text}
    </p>
  );
}

/**
 * The room's live minutes: note-takers co-edit them with each other's carets; everyone else follows
 * live. Loaded lazily by the room page, so the editor's code never weighs on other pages.
 */
export function MinutesPanel({ roomId, canWrite }: MinutesPanelProps) {
  const { t } = useTranslation();
  // The workflow panel's own hook: one cached view and one subscription for the whole room page.
  const workflow = useWorkflow(roomId).data ?? null;
  // The room page has the room in its cache already; this reads it, it does not fetch again.
  const room = useQuery({
    queryKey: roomKeys.room(roomId),
    queryFn: ({ signal }) => fetchRoom(roomId, signal),
  });
  // With drafts hidden the server refuses readers at the door until publication (and a browser
  // cannot tell that refusal from a network failure), so readers do not knock until then.
  const hidden = !canWrite && room.data?.hideDraftMinutes === true && workflow?.status !== 'published';
  const session = useMinutesSession(roomId, room.isSuccess && !hidden);
  const coEditors = useCoEditors(session.connection?.provider ?? null);
  const locked = workflow?.readOnly === true || session.save === 'refused';
  const writable = canWrite && !locked;
  // The agenda panel's own store (one connection per room page): the template waits for items.
  const agenda = useAgendaDoc(roomId);
  useTemplateSeed(
    roomId,
    session.connection?.doc ?? null,
    session.status === 'synced',
    writable,
    agenda.value.map((item) => item.id).join(' '),
  );

  let body;
  if (hidden) {
    body = <p className="muted">{t('minutes.hiddenDraft')}</p>;
  } else if (session.status === 'forbidden') {
    body = (
      <p role="alert" className="alert alert-error">
        {t('minutes.noAccess')}
      </p>
    );
  } else if (!session.connection) {
    body = <Loading />;
  } else {
    body = (
      <MinutesEditor
        key={session.connection.doc.guid}
        roomId={roomId}
        connection={session.connection}
        writable={writable}
      />
    );
  }

  return (
    <div className="minutes-panel" data-testid="minutes-panel">
      {!hidden && (
        <MinutesStatus
          status={session.status}
          save={session.save}
          canWrite={writable}
          coEditors={coEditors}
        />
      )}
      <LockNotice workflow={workflow} save={session.save} />
      {!canWrite && !hidden && <p className="muted minutes-reader-note">{t('minutes.readerNote')}</p>}
      {body}
    </div>
  );
}

export default MinutesPanel;
