import { useTranslation } from 'react-i18next';
import type { ReportedFailure } from './useMediaChannel';

interface MediaFailuresProps {
  failures: readonly ReportedFailure[];
  /** A person's name, when the page knows it (LiveKit does once joined). */
  nameOf: (personId: string) => string | undefined;
  onDismiss: (id: number) => void;
}

/**
 * LiveKit calls the server gave up on, for the co-chairs: a floor that did not open someone's
 * microphone must not fail silently, or the chair waits for a speaker who cannot be heard.
 */
export function MediaFailures({ failures, nameOf, onDismiss }: MediaFailuresProps) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <div role="alert" className="alert alert-error media-failures">
      <ul>
        {failures.map(({ id, failure }) => {
          const name = (failure.personId && nameOf(failure.personId)) ?? t('media.failures.someone');
          return (
            <li key={id}>
              {t(`media.failures.${failure.operation}`, { name })}{' '}
              {t('media.failures.detail', { message: failure.message, attempts: failure.attempts })}{' '}
              <button type="button" onClick={() => onDismiss(id)}>
                {t('media.failures.dismiss')}
                <span className="visually-hidden"> {t(`media.failures.${failure.operation}`, { name })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
