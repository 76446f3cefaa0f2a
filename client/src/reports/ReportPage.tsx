import type { ReportLanguage } from '@roundtable/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiRequestError } from '../api/http';
import { Schedule } from '../events/Schedule';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { fetchReport, reportFileUrl, reportKeys } from './api';
import { ReportRoomSection } from './ReportRoomSection';
import './report.css';

/** Markdown, HTML and Word downloads, and the printable page for "Save as PDF". */
function Downloads({ eventId, language }: { eventId: string; language: ReportLanguage }) {
  const { t } = useTranslation();
  return (
    <nav className="report-downloads" aria-label={t('report.downloads')}>
      <ul>
        <li>
          <a href={reportFileUrl(eventId, 'md', language)} download>
            {t('report.download.markdown')}
          </a>
        </li>
        <li>
          <a href={reportFileUrl(eventId, 'html', language)} target="_blank" rel="noopener">
            {t('report.download.html')}
          </a>
        </li>
        <li>
          <a href={reportFileUrl(eventId, 'docx', language)} download>
            {t('report.download.docx')}
          </a>
        </li>
        <li>
          <a href={reportFileUrl(eventId, 'html', language, true)} target="_blank" rel="noopener">
            {t('report.download.print')}
          </a>
        </li>
      </ul>
      <p className="muted">{t('report.printHint')}</p>
    </nav>
  );
}

/**
 * An event's report: its details and, per dialogue room, the approved minutes with decisions,
 * action items and the attendance by side and category. The server decides who sees what.
 */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const eventId = useParams()['eventId'] ?? '';
  const language: ReportLanguage = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const report = useQuery({
    queryKey: reportKeys.report(eventId, language),
    queryFn: ({ signal }) => fetchReport(eventId, language, signal),
    retry: false,
  });

  if (report.isPending) return <Loading />;
  if (report.isError) {
    const notYet = report.error instanceof ApiRequestError && report.error.status === 404;
    return (
      <article className="report">
        <PageTitle>{t('report.title')}</PageTitle>
        <h1>{t('report.title')}</h1>
        {notYet ? <p>{t('report.notPublished')}</p> : <ErrorAlert error={report.error} />}
      </article>
    );
  }

  const data = report.data;
  return (
    <article className="report" aria-labelledby="report-heading">
      <PageTitle>{`${data.title} — ${t('report.title')}`}</PageTitle>
      <header>
        <p className="eyebrow">
          {data.seriesTitle ? `${t('report.title')} · ${data.seriesTitle}` : t('report.title')}
        </p>
        <h1 id="report-heading">{data.title}</h1>
        {data.theme && <p>{t('report.theme', { theme: data.theme })}</p>}
        {data.publishedAt && (
          <p className="muted">
            {t('report.publishedOn', { when: format.dateTime(data.publishedAt, data.timeZone) })}
          </p>
        )}
        {data.description && <p className="description">{data.description}</p>}
      </header>
      <Downloads eventId={eventId} language={language} />
      <Schedule
        sessions={data.sessions.map((session, index) => ({ id: `s${index}`, ...session }))}
        timeZone={data.timeZone}
      />
      {data.rooms.length === 0 ? (
        <p>{t('report.noRooms')}</p>
      ) : (
        data.rooms.map((room) => (
          <ReportRoomSection
            key={room.roomId}
            room={room}
            timeZone={data.timeZone}
            language={data.language}
          />
        ))
      )}
    </article>
  );
}
