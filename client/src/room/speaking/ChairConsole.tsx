import type { PresenceEntry, SpeakingStatePush } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
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

/** The co-chairs' tools beside the list: list controls, add on behalf, rules, balance, audit log. */
export function ChairConsole({ roomId, eventId, push, present, isOrganizer }: ChairConsoleProps) {
  const { t } = useTranslation();
  const { state } = push;
  return (
    <section className="chair-console" aria-labelledby="chair-console-heading">
      <h3 id="chair-console-heading">{t('speaking.console')}</h3>
      <ListControls roomId={roomId} state={state} />
      <AddOnBehalfForm roomId={roomId} eventId={eventId} present={present} includeMembers={isOrganizer} />
      <SettingsForm roomId={roomId} settings={state.settings} />
      <StatsView roomId={roomId} version={push.version} />
      <AuditLog roomId={roomId} version={push.version} />
    </section>
  );
}
