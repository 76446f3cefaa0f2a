import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/http';

interface CsvLinkProps {
  eventId: string;
  /** Which export: `registrations` or `members`. */
  what: 'registrations' | 'members';
}

/** A download link for one of the event's CSV exports (UTF-8 with BOM, opens in Excel). */
export function CsvLink({ eventId, what }: CsvLinkProps) {
  const { t } = useTranslation();
  return (
    <p>
      <a className="button-link" href={apiPath('events', eventId, `${what}.csv`)} download>
        {t(`mail.csv.${what}`)}
      </a>
    </p>
  );
}
