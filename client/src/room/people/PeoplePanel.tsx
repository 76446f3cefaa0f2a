import { LobbyEvents, type PresenceEntry, type SpeakingState, type SpeechKind } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/Dialog';
import { Menu } from '../../ui/Menu';
import { Loading } from '../../ui/Loading';
import { groupBySideAndCategory } from './groupPeople';
import type { PresenceView } from './usePresence';

interface PeoplePanelProps {
  roomId: string;
  myId: string;
  presence: PresenceView;
  speaking: SpeakingState | null;
  moderate: boolean;
}

/** Who is in the room now, by side and category, with hand, floor and audio/video indicators. */
export function PeoplePanel({ roomId, myId, presence, speaking, moderate }: PeoplePanelProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [removing, setRemoving] = useState<PresenceEntry | null>(null);
  if (!presence.people) return presence.error ? <ActionError error={presence.error} /> : <Loading />;

  const hands = new Map<string, SpeechKind>();
  for (const entry of speaking?.entries ?? []) {
    if (!hands.has(entry.personId)) hands.set(entry.personId, entry.kind);
  }
  const floorHolder = speaking?.floor?.personId ?? null;

  function handleRemove(person: PresenceEntry) {
    void command.run(LobbyEvents.Remove, { roomId, personId: person.personId });
  }

  return (
    <div className="people">
      <ActionError error={presence.error} />
      <p data-testid="people-count">{t('people.count', { count: presence.people.length })}</p>
      {groupBySideAndCategory(presence.people).map((side) => (
        <div key={side.side ?? ''} className="people-side">
          <h3>{side.side ?? t('people.noSide')}</h3>
          {side.categories.map((group) => (
            <div key={group.category ?? ''}>
              {group.category && <h4>{t(`categories.${group.category}`)}</h4>}
              <ul className="people-list">
                {group.people.map((person) => {
                  const hand = hands.get(person.personId);
                  const removable =
                    moderate &&
                    person.role !== 'co_chair' &&
                    person.role !== 'organizer' &&
                    person.personId !== myId;
                  return (
                    <li key={person.personId} data-testid="person">
                      <span className="person-name">{person.name}</span>
                      {person.personId === myId && (
                        <span className="badge badge-you">{t('speaking.you')}</span>
                      )}
                      {person.role !== 'participant' && (
                        <span className="badge">{t(`people.roles.${person.role}`)}</span>
                      )}
                      {person.personId === floorHolder && (
                        <span className="badge badge-floor">{t('people.hasFloor')}</span>
                      )}
                      {hand && (
                        <span className="badge badge-hand">
                          {hand === 'normal' ? t('people.handRaised') : t(`speaking.kinds.${hand}`)}
                        </span>
                      )}
                      {person.inMedia && <span className="badge badge-media">{t('people.inMedia')}</span>}
                      {removable && (
                        <Menu
                          label={t('speaking.entryActions', { name: person.name })}
                          items={[
                            {
                              id: 'remove',
                              label: t('people.remove'),
                              danger: true,
                              onSelect: () => setRemoving(person),
                            },
                          ]}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
      <ActionError error={command.error} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        question={removing ? t('people.removeConfirm', { name: removing.name }) : ''}
        detail={t('people.removeDetail')}
        onConfirm={() => {
          if (removing) handleRemove(removing);
        }}
      />
    </div>
  );
}
