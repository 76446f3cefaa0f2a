import {
  SpeakingEvents,
  kindSegment,
  upcomingOrder,
  type SpeakingEntry,
  type SpeakingState,
} from '@roundtable/shared';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { Menu } from '../../ui/Menu';
import { useDelegationLabel } from '../labels';

interface SpeakersListProps {
  roomId: string;
  state: SpeakingState;
  myId: string;
  moderate: boolean;
}

/**
 * The calling order everyone sees. Co-chairs act on an entry from its menu (give the floor, move,
 * remove), or reorder by drag and drop; moves address the server's list (`toIndex` in `entries`), which keeps each
 * kind's block together.
 */
export function SpeakersList({ roomId, state, myId, moderate }: SpeakersListProps) {
  const { t } = useTranslation();
  const delegation = useDelegationLabel();
  const command = useCommand();
  const [dragged, setDragged] = useState<string | null>(null);
  const order = upcomingOrder(state);
  const indexOf = (entryId: string) => state.entries.findIndex((e) => e.id === entryId);

  function handleMove(entry: SpeakingEntry, by: -1 | 1) {
    void command.run(SpeakingEvents.Move, {
      roomId,
      entryId: entry.id,
      toIndex: Math.max(0, indexOf(entry.id) + by),
    });
  }
  function handleGive(entry: SpeakingEntry) {
    void command.run(SpeakingEvents.GiveFloor, { roomId, entryId: entry.id });
  }
  function handleRemove(entry: SpeakingEntry) {
    void command.run(SpeakingEvents.Remove, { roomId, entryId: entry.id });
  }
  function handleDragStart(event: DragEvent<HTMLLIElement>, entry: SpeakingEntry) {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', entry.id);
    setDragged(entry.id);
  }
  function handleDragOver(event: DragEvent<HTMLLIElement>) {
    if (dragged === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }
  function handleDrop(event: DragEvent<HTMLLIElement>, target: SpeakingEntry) {
    event.preventDefault();
    const entryId = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    if (!entryId || entryId === target.id) return;
    void command.run(SpeakingEvents.Move, { roomId, entryId, toIndex: indexOf(target.id) });
  }

  if (order.length === 0) {
    return <p data-testid="speakers-empty">{t('speaking.emptyList')}</p>;
  }
  return (
    <>
      <ol className="speakers-list" aria-label={t('speaking.listLabel')} data-testid="speakers-list">
        {order.map((entry) => {
          const where = delegation(entry);
          const [start, end] = kindSegment(state.entries, entry.kind);
          const at = indexOf(entry.id);
          return (
            <li
              key={entry.id}
              className={dragged === entry.id ? 'speaker dragging' : 'speaker'}
              draggable={moderate}
              onDragStart={moderate ? (event) => handleDragStart(event, entry) : undefined}
              onDragOver={moderate ? handleDragOver : undefined}
              onDrop={moderate ? (event) => handleDrop(event, entry) : undefined}
              onDragEnd={() => setDragged(null)}
              data-testid="speaker"
            >
              <span className="speaker-name">{entry.name}</span>
              {where && <span className="muted speaker-where"> ({where})</span>}
              {entry.kind !== 'normal' && <span className="badge">{t(`speaking.kinds.${entry.kind}`)}</span>}
              {entry.personId === myId && <span className="badge badge-you">{t('speaking.you')}</span>}
              {moderate && (
                <Menu
                  label={t('speaking.entryActions', { name: entry.name })}
                  items={[
                    { id: 'give', label: t('speaking.giveFloor'), onSelect: () => handleGive(entry) },
                    {
                      id: 'up',
                      label: t('speaking.moveUp', { name: entry.name }),
                      disabled: at <= start,
                      onSelect: () => handleMove(entry, -1),
                    },
                    {
                      id: 'down',
                      label: t('speaking.moveDown', { name: entry.name }),
                      disabled: at >= end - 1,
                      onSelect: () => handleMove(entry, 1),
                    },
                    {
                      id: 'remove',
                      label: t('speaking.removeEntry'),
                      danger: true,
                      onSelect: () => handleRemove(entry),
                    },
                  ]}
                />
              )}
            </li>
          );
        })}
      </ol>
      <ActionError error={command.error} />
    </>
  );
}
