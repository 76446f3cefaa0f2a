import { rosterLine, type ReportRoom, type RosterLanguage } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ReportBlocks } from './ReportBlocks';

/** "(Government) Ministry of Economy, Trade and Industry; …" under each side, as the seed lists them. */
function Attendance({ groups, language }: { groups: ReportRoom['attendance']; language: RosterLanguage }) {
  const { t } = useTranslation();
  if (groups.length === 0) return <p className="muted">{t('report.none')}</p>;
  return (
    <ul className="report-attendance">
      {groups.map((group) => (
        <li key={group.side}>
          <strong>{group.side || t('report.noSide')}</strong>
          <ul>
            {group.categories.map((entry) => (
              <li key={entry.category ?? 'none'} data-category={entry.category ?? 'other'}>
                {rosterLine(language, entry)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** One dialogue room of the report: its approved minutes, decisions, actions and attendance. */
export function ReportRoomSection({
  room,
  timeZone,
  language,
}: {
  room: ReportRoom;
  timeZone: string;
  language: RosterLanguage;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `report-room-${room.roomId}`;
  return (
    <section className="report-room" aria-labelledby={headingId} data-testid="report-room">
      <h2 id={headingId}>{room.name}</h2>
      <p className="muted">
        {room.status === 'approved' && <span className="badge">{t('report.previewBadge')}</span>}{' '}
        {room.approvedAt && t('report.approvedOn', { when: format.dateTime(room.approvedAt, timeZone) })}{' '}
        {room.publishedAt && t('report.publishedOn', { when: format.dateTime(room.publishedAt, timeZone) })}
      </p>
      <h3>{t('report.minutes')}</h3>
      <div className="report-minutes">
        <ReportBlocks blocks={room.minutes} />
      </div>
      <h3>{t('report.decisions')}</h3>
      {room.decisions.length > 0 ? (
        <ul>
          {room.decisions.map((decision, index) => (
            <li key={index}>{decision}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('report.none')}</p>
      )}
      <h3>{t('report.actions')}</h3>
      {room.actions.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report.actionItem')}</th>
              <th scope="col">{t('report.owner')}</th>
              <th scope="col">{t('report.due')}</th>
            </tr>
          </thead>
          <tbody>
            {room.actions.map((action, index) => (
              <tr key={index}>
                <td>{action.text}</td>
                <td>{action.owner}</td>
                <td>{action.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('report.none')}</p>
      )}
      <h3>{t('report.attendance')}</h3>
      <Attendance groups={room.attendance} language={language} />
    </section>
  );
}
