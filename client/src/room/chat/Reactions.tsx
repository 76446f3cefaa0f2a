import {
  REACTION_KINDS,
  ReactionEvents,
  ReactionLimits,
  type ReactionKind,
  type ReactionShown,
} from '@roundtable/shared';
import { PartyPopper, Snail, ThumbsDown, ThumbsUp, VolumeX, type LucideIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { onEveryConnect, releaseSocket, retainSocket } from '../../realtime/socket';
import { request } from '../../realtime/request';
import { useCommand } from '../../realtime/useCommand';
import type { RoomAbilities } from '../abilities';

// Icons rather than emoji: an emoji font is not on every machine, and a missing one shows a box.
const SYMBOLS: Record<ReactionKind, LucideIcon> = {
  agree: ThumbsUp,
  disagree: ThumbsDown,
  applause: PartyPopper,
  slower: Snail,
  cant_hear: VolumeX,
};

function ReactionIcon({ kind }: { kind: ReactionKind }) {
  const Icon = SYMBOLS[kind];
  return <Icon aria-hidden="true" size={16} className="reaction-icon" />;
}

/** Recent reactions in the room, each for `ReactionLimits.showMs`. */
function useRecentReactions(roomId: string): ReactionShown[] {
  const [recent, setRecent] = useState<ReactionShown[]>([]);
  useEffect(() => {
    const socket = retainSocket();
    const stop = onEveryConnect(socket, () => {
      request(socket, ReactionEvents.Subscribe, { roomId }).catch(() => undefined);
    });
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const handleShown = (shown: ReactionShown) => {
      if (shown.roomId !== roomId) return;
      setRecent((list) => [...list, shown]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        setRecent((list) => list.filter((r) => r !== shown));
      }, ReactionLimits.showMs);
      timers.add(timer);
    };
    socket.on(ReactionEvents.Shown, handleShown);
    return () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
      socket.off(ReactionEvents.Shown, handleShown);
      if (socket.connected) request(socket, ReactionEvents.Unsubscribe, { roomId }).catch(() => undefined);
      releaseSocket();
    };
  }, [roomId]);
  return recent;
}

/** The reaction buttons, the reactions others just sent, and their counts for co-chairs. */
export function Reactions({ roomId, abilities }: { roomId: string; abilities: RoomAbilities }) {
  const { t } = useTranslation();
  const command = useCommand();
  const recent = useRecentReactions(roomId);
  const counts = REACTION_KINDS.map((kind) => [kind, recent.filter((r) => r.kind === kind).length] as const);
  return (
    <div className="reactions">
      {abilities.speak && (
        <div role="group" aria-label={t('reactions.send')} className="reaction-buttons">
          {REACTION_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="reaction-button"
              title={t(`reactions.kinds.${kind}`)}
              onClick={() => void command.run(ReactionEvents.Send, { roomId, kind })}
            >
              <ReactionIcon kind={kind} /> {t(`reactions.kinds.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <ul className="reaction-feed" aria-live="polite" aria-label={t('reactions.recent')}>
        {recent.map((r) => (
          <li key={`${r.personId}-${r.at}-${r.kind}`} className="reaction-shown">
            <ReactionIcon kind={r.kind} />{' '}
            {t('reactions.shown', { name: r.name, reaction: t(`reactions.kinds.${r.kind}`) })}
          </li>
        ))}
      </ul>
      {abilities.moderate && recent.length > 0 && (
        <p className="muted reaction-counts">
          {counts
            .filter(([, n]) => n > 0)
            .map(([kind, n]) => `${t(`reactions.kinds.${kind}`)} ${n}`)
            .join(' · ')}
        </p>
      )}
      <ActionError error={command.error} />
    </div>
  );
}
