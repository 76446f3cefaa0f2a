import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/http';
import en from '../../i18n/en.json';
import { useActionErrorText } from '../../realtime/errorText';
import { RealtimeError } from '../../realtime/request';

type MediaErrorCode = keyof typeof en.media.errors;

function isMediaErrorCode(code: string): code is MediaErrorCode {
  return Object.hasOwn(en.media.errors, code);
}

/**
 * Turns a failed media action into a sentence: the media refusals (`media_off`, `not_in_media`,
 * `livekit_failed`) and the browser's device refusals in our words, everything else as the other
 * live actions say it.
 */
export function useMediaErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const actionErrorText = useActionErrorText();
  return (error: unknown) => {
    if (error instanceof RealtimeError || error instanceof ApiRequestError) {
      return isMediaErrorCode(error.code) ? t(`media.errors.${error.code}`) : actionErrorText(error);
    }
    // getUserMedia and getDisplayMedia refuse with DOMExceptions (NotAllowedError, NotFoundError…).
    if (error instanceof DOMException) return t('media.errors.device');
    return t('media.errors.unexpected');
  };
}

/** Shows why a media action failed, announced at once; nothing when there is no error. */
export function MediaErrorAlert({ error }: { error: unknown }) {
  const errorText = useMediaErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="alert alert-error action-error">
      {errorText(error)}
    </p>
  );
}
