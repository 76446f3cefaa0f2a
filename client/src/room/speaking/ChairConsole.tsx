import type { PresenceEntry, SpeakingStatePush } from '@roundtable/shared';
import { BarChart3, SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { AddOnBehalfForm } from './AddOnBehalfForm';
import { AuditLog } from './AuditLog';
import { ListControls } from './ListControls';
import { SettingsForm } from './SettingsForm';
import { StatsView } from './StatsView';

interface ChairConsoleProps {
  roomId: string;
  eventId: string;
  push: SpeakingStatePush;
  present: readonly PresenceEntry[];
  isOrganizer: boolean;
}

/**
 * The co-chairs' tools under the list: list controls and add on behalf in place; the list's rules
 * in a dialog; speaking time and the audit log in their own view.
 */
export function ChairConsole({ roomId, eventId, push, present, isOrganizer }: ChairConsoleProps) {
  const { t } = useTranslation();
  const { state } = push;
  const [view, setView] = useState<'rules' | 'record' | null>(null);
  const closeUnless = (which: 'rules' | 'record') => (open: boolean) => setView(open ? which : null);
  return (
    <section className="chair-console" aria-labelledby="chair-console-heading">
      <h3 id="chair-console-heading">{t('speaking.console')}</h3>
      <ListControls roomId={roomId} state={state} />
      <AddOnBehalfForm roomId={roomId} eventId={eventId} present={present} includeMembers={isOrganizer} />
      <div className="actions">
        <button type="button" className="icon-text-button" onClick={() => setView('rules')}>
          <SlidersHorizontal aria-hidden="true" size={16} />
          {t('speaking.settings')}
        </button>
        <button type="button" className="icon-text-button" onClick={() => setView('record')}>
          <BarChart3 aria-hidden="true" size={16} />
          {t('layout.record')}
        </button>
      </div>
      <Dialog title={t('speaking.settings')} open={view === 'rules'} onOpenChange={closeUnless('rules')}>
        <SettingsForm roomId={roomId} settings={state.settings} />
      </Dialog>
      <Dialog title={t('layout.record')} open={view === 'record'} onOpenChange={closeUnless('record')} wide>
        <StatsView roomId={roomId} version={push.version} />
        <AuditLog roomId={roomId} version={push.version} />
      </Dialog>
    </section>
  );
}
