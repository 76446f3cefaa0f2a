import { SpeakingEvents, upcomingOrder, type SpeechKind } from '@roundtable/shared';
import { ChevronUp, Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { Menu } from '../../ui/Menu';
import { Tip } from '../../ui/Tooltip';
import { askNotificationPermission } from './floorNotice';
import { useRoomContext } from './roomContext';
import { SHORTCUTS, shortcutLabel, useShortcut } from './shortcuts';

const KINDS: readonly SpeechKind[] = ['normal', 'point_of_order', 'direct_reply'];

/**
 * One button for one's hand: raises it (to speak; the menu beside it picks a point of order or a
 * direct reply), shows one's place once raised, and lowers every request of one's own when pressed
 * again. Observers see it disabled, with the reason.
 */
export function HandButton() {
  const { t } = useTranslation();
  const { room, me, abilities, speaking } = useRoomContext();
  const command = useCommand();
  const state = speaking.push?.state ?? null;
  const order = state ? upcomingOrder(state) : [];
  const mine = order.filter((entry) => entry.personId === me.person.id);
  const place = order.findIndex((entry) => entry.personId === me.person.id) + 1;
  const raised = mine.length > 0;
  // A closed list still takes points of order.
  const mayRaise = (kind: SpeechKind) => state !== null && (state.settings.open || kind === 'point_of_order');
  const unavailable = !abilities.speak || state === null;

  function raise(kind: SpeechKind) {
    askNotificationPermission();
    void command.run(SpeakingEvents.RaiseHand, { roomId: room.id, kind });
  }
  function toggle() {
    if (unavailable || command.pending) return;
    if (raised) {
      for (const entry of mine)
        void command.run(SpeakingEvents.LowerHand, { roomId: room.id, entryId: entry.id });
    } else if (mayRaise('normal')) {
      raise('normal');
    }
  }
  useShortcut(abilities.speak ? SHORTCUTS.hand : undefined, toggle);

  const label = raised ? t('speaking.lowerHand') : t('speaking.raiseHand');
  let reason: string | null = null;
  if (!abilities.speak) reason = t('layout.hand.observer');
  else if (!raised && state && !mayRaise('normal')) reason = t('speaking.listClosed');
  const disabled = unavailable || reason !== null;

  return (
    <div className="bar-hand">
      <Tip label={reason ?? label} shortcut={abilities.speak ? shortcutLabel(SHORTCUTS.hand) : undefined}>
        <button
          type="button"
          className={raised ? 'bar-button bar-button-on' : 'bar-button'}
          aria-pressed={raised}
          aria-disabled={disabled && !raised ? true : undefined}
          onClick={toggle}
          data-testid="hand-button"
        >
          <Hand aria-hidden="true" size={22} />
          <span className="bar-label">{label}</span>
          {raised && (
            <span className="bar-count" aria-hidden="true">
              {t('layout.hand.place', { position: place, total: order.length })}
            </span>
          )}
        </button>
      </Tip>
      {abilities.speak && (
        <Menu
          label={t('speaking.requestKind')}
          triggerClassName="bar-button bar-button-narrow"
          trigger={<ChevronUp aria-hidden="true" size={18} />}
          items={KINDS.map((kind) => ({
            id: kind,
            label: t('layout.hand.raiseAs', { kind: t(`speaking.kinds.${kind}`) }),
            disabled: !mayRaise(kind),
            onSelect: () => raise(kind),
          }))}
        />
      )}
      <div className="bar-error">
        <ActionError error={command.error} />
      </div>
    </div>
  );
}
