import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/http';
import en from '../i18n/en.json';
import { useErrorText } from '../ui/errors';
import { RealtimeError } from './request';

type ActionErrorCode = keyof typeof en.connection.errors;

function isActionErrorCode(code: string): code is ActionErrorCode {
  return Object.hasOwn(en.connection.errors, code);
}

type GeneralErrorCode = keyof typeof en.errors;

function isGeneralErrorCode(code: string): code is GeneralErrorCode {
  return Object.hasOwn(en.errors, code);
}

/**
 * Turns a failed live action into a sentence: our translation for every code we know (the socket
 * refusals first, then the general API codes), the server's own message otherwise.
 */
export function useActionErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const apiErrorText = useErrorText();
  return (error: unknown) => {
    if (error instanceof RealtimeError) {
      if (isActionErrorCode(error.code)) return t(`connection.errors.${error.code}`);
      if (isGeneralErrorCode(error.code)) return t(`errors.${error.code}`);
      return error.message;
    }
    if (error instanceof ApiRequestError) return apiErrorText(error);
    return t('errors.unexpected');
  };
}
