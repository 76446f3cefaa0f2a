import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import type { RoomAbilities } from '../abilities';
import { PollCard } from './PollCard';
import { PollForm } from './PollForm';
import { usePolls } from './usePolls';

/** The room's polls, newest first; co-chairs open, close and publish them. */
export function PollsPanel({ roomId, abilities }: { roomId: string; abilities: RoomAbilities }) {
  const { t } = useTranslation();
  const { value, error } = usePolls(roomId);
  const polls = [...(value?.polls ?? [])].reverse();
  return (
    <div className="polls-panel">
      {abilities.moderate && (
        <details className="poll-new">
          <summary>{t('polls.new')}</summary>
          <PollForm roomId={roomId} />
        </details>
      )}
      {polls.length === 0 && <p className="muted">{t('polls.none')}</p>}
      {polls.map((poll) => (
        <PollCard
          key={poll.id}
          roomId={roomId}
          poll={poll}
          moderate={abilities.moderate}
          canVote={abilities.speak}
        />
      ))}
      <ActionError error={error} />
    </div>
  );
}
