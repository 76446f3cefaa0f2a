import { useTranslation } from 'react-i18next';
import { useNotice } from './floorNotice';
import type { RoomContextValue } from './roomContext';

export interface FloorNotices {
  /** Put before the room's name in the tab title while it holds ("Your turn"), or null. */
  title: string | null;
  /** The text of the room's assertive live region. */
  announcement: string;
}

/**
 * "Your turn": the person given the floor is told (live region, tab title, sound, notification
 * when the page is hidden); co-chairs are told the same way when a turn's time is up.
 */
export function useFloorNotices({ me, abilities, speaking }: RoomContextValue): FloorNotices {
  const { t } = useTranslation();
  const floor = speaking.push?.state.floor ?? null;
  const mine = floor !== null && floor.personId === me.person.id;
  const yourTurn = useNotice(mine ? `floor:${floor.turnId}` : null, t('layout.notice.yourTurn'));
  const timeUpTurn =
    abilities.moderate && floor !== null && speaking.timeUp?.turnId === floor.turnId ? floor : null;
  // The stage's own alert already reads the time-up out: the notice adds the title, sound and notification.
  useNotice(
    timeUpTurn ? `time-up:${timeUpTurn.turnId}` : null,
    timeUpTurn ? t('speaking.timeUpFor', { name: timeUpTurn.name }) : '',
  );
  let title: string | null = null;
  if (mine) title = t('layout.notice.yourTurnTitle');
  else if (timeUpTurn) title = t('layout.notice.timeUpTitle');
  return { title, announcement: yourTurn };
}
