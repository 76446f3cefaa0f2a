import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiRequestError } from '../api/http';
import { useErrorText } from './errors';

interface ErrorAlertProps {
  error: unknown;
  /**
   * Fields the form shows errors beside. Problems with other paths are listed here instead, so no
   * message from the server is ever lost.
   */
  fields?: readonly string[];
}

/** Announces a failed action to everyone, screen readers included. Renders nothing without error. */
export function ErrorAlert({ error, fields = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const location = useLocation();
  if (!error) return null;
  const unplaced =
    error instanceof ApiRequestError ? error.fieldIssues.filter((issue) => !fields.includes(issue.path)) : [];
  return (
    <div role="alert" className="alert alert-error">
      <p>{errorText(error)}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ${issue.message}` : issue.message}
            </li>
          ))}
        </ul>
      )}
      {error instanceof ApiRequestError && error.status === 401 && (
        <p>
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('auth.signInAgain')}</Link>
        </p>
      )}
    </div>
  );
}
