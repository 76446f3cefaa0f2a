import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/http';
import en from '../i18n/en.json';

type KnownErrorCode = keyof typeof en.errors;

function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.hasOwn(en.errors, code);
}

/**
 * Turns any failure into a sentence for the user: our own translation for known codes, the server's
 * message otherwise (it is more specific than anything we could guess).
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiRequestError) {
      return isKnownErrorCode(error.code) ? t(`errors.${error.code}`) : error.message;
    }
    return t('errors.unexpected');
  };
}

/** Field problems of a failed request keyed by field path (`sessions.0.label`), first one wins. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.fieldIssues) errors[issue.path] ??= issue.message;
  return errors;
}
