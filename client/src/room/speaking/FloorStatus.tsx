import {
  floorElapsedMs,
  floorLimitSeconds,
  floorRemainingMs,
  SpeakingEvents,
  type Floor,
  type SpeakingTimeUp,
} from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useServerNow } from '../../realtime/hooks';
import { useCommand } from '../../realtime/useCommand';
import { useDelegationLabel } from '../labels';
import { formatClock } from '../time';

interface FloorStatusProps {
  roomId: string;
  floor: Floor | null;
  myId: string;
  moderate: boolean;
  timeUp: SpeakingTimeUp | null;
  /** Whether anyone waits, for "next speaker". */
  hasWaiting: boolean;
}

/** Who has the floor, with a countdown from server time (the same second on every screen). */
export function FloorStatus({ roomId, floor, myId, moderate, timeUp, hasWaiting }: FloorStatusProps) {
  const { t } = useTranslation();
  const delegation = useDelegationLabel();
  const command = useCommand();

  function handleNext() {
    void command.run(SpeakingEvents.GiveFloor, { roomId });
  }
  function handleEnd() {
    if (floor) void command.run(SpeakingEvents.EndTurn, { roomId, turnId: floor.turnId });
  }
  function handlePauseResume() {
    if (!floor) return;
    void command.run(floor.pausedAt === null ? SpeakingEvents.Pause : SpeakingEvents.Resume, { roomId });
  }
  function handleExtend(seconds: number) {
    void command.run(SpeakingEvents.Extend, { roomId, seconds });
  }

  const where = floor ? delegation(floor) : '';
  return (
    <div className="floor">
      <h2 id="floor-heading" className="stage-eyebrow">
        {t('speaking.floor')}
      </h2>
      {floor ? (
        <>
          <p className="floor-holder" data-testid="floor-holder">
            <strong>{floor.name}</strong>
            {where && <span className="muted"> ({where})</span>}
            {floor.kind !== 'normal' && <span className="badge">{t(`speaking.kinds.${floor.kind}`)}</span>}
            {floor.personId === myId && <span className="badge badge-you">{t('speaking.youHaveFloor')}</span>}
          </p>
          <FloorClock floor={floor} />
          {timeUp?.turnId === floor.turnId && (
            <p role="alert" className="time-up">
              {t('speaking.timeUpFor', { name: floor.name })}
            </p>
          )}
        </>
      ) : (
        <p data-testid="floor-holder">{t('speaking.nobodyHasFloor')}</p>
      )}
      {moderate && (
        <div className="actions" role="group" aria-label={t('speaking.floorControls')}>
          <button type="button" className="button-primary" onClick={handleNext} disabled={!hasWaiting}>
            {t('speaking.next')}
          </button>
          {floor && (
            <>
              <button type="button" onClick={handleEnd}>
                {t('speaking.endTurn')}
              </button>
              <button type="button" onClick={handlePauseResume}>
                {floor.pausedAt === null ? t('speaking.pause') : t('speaking.resume')}
              </button>
              <button type="button" onClick={() => handleExtend(30)}>
                {t('speaking.extend30')}
              </button>
              <button type="button" onClick={() => handleExtend(60)}>
                {t('speaking.extend60')}
              </button>
            </>
          )}
        </div>
      )}
      <ActionError error={command.error} />
    </div>
  );
}

/** The running clock: remaining time with a limit, elapsed time without one. */
function FloorClock({ floor }: { floor: Floor }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const limit = floorLimitSeconds(floor);
  const remaining = floorRemainingMs(floor, now);
  const paused = floor.pausedAt !== null;
  const over = remaining !== null && remaining <= 0;
  let text: string;
  if (remaining === null) text = t('speaking.elapsed', { time: formatClock(floorElapsedMs(floor, now)) });
  else if (over) text = t('speaking.overTime', { time: formatClock(remaining) });
  else text = t('speaking.remaining', { time: formatClock(remaining, 'up') });
  return (
    <p className={over ? 'countdown countdown-over' : 'countdown'}>
      <span role="timer" data-testid="floor-countdown">
        {text}
      </span>
      {limit !== null && (
        <span className="muted"> {t('speaking.limit', { time: formatClock(limit * 1000) })}</span>
      )}
      {paused && <span className="badge">{t('speaking.paused')}</span>}
      {(over || floor.timeUpAt !== null) && (
        <span className="badge badge-warning">{t('speaking.timeUp')}</span>
      )}
    </p>
  );
}
