import { isEmptyText, type LocalizedText, type Session } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { useFormat, viewerTimeZone } from '../i18n/format';
import { sortSessions } from './sessions';
import { Localized } from '../i18n/Localized';

/** A session to list; a report passes labels already in its own language (plain strings). */
export type ScheduleSession = Omit<Session, 'label'> & { label: LocalizedText | string };

interface ScheduleProps {
  sessions: readonly ScheduleSession[];
  /** The event's own zone ("Japan time" in the seed). */
  timeZone: string;
  /** The viewer's zone; the browser's by default. */
  viewerZone?: string;
}

/**
 * The sessions of an event in the event's time zone and in the viewer's, side by side: delegations
 * join from several countries and must never convert times in their heads.
 */
export function Schedule({ sessions, timeZone, viewerZone = viewerTimeZone() }: ScheduleProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sameZone = viewerZone === timeZone;

  if (sessions.length === 0) return <p>{t('schedule.none')}</p>;
  const ordered = sortSessions(sessions);

  return (
    <table className="schedule">
      <caption className="visually-hidden">{t('schedule.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('schedule.session')}</th>
          <th scope="col">{t('schedule.eventTime', { zone: timeZone })}</th>
          {!sameZone && <th scope="col">{t('schedule.yourTime', { zone: viewerZone })}</th>}
        </tr>
      </thead>
      <tbody>
        {ordered.map((session, index) => (
          <tr key={session.id}>
            <th scope="row">
              <SessionLabel
                label={session.label}
                fallback={t('schedule.sessionNumber', { number: index + 1 })}
              />
            </th>
            <td>{format.range(session.startsAt, session.endsAt, timeZone)}</td>
            {!sameZone && <td>{format.range(session.startsAt, session.endsAt, viewerZone)}</td>}
          </tr>
        ))}
      </tbody>
      {sameZone && (
        <tfoot>
          <tr>
            <td colSpan={2}>{t('schedule.sameZone')}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function SessionLabel({ label, fallback }: { label: LocalizedText | string; fallback: string }) {
  if (typeof label === 'string') return <>{label || fallback}</>;
  return isEmptyText(label) ? <>{fallback}</> : <Localized text={label} />;
}
