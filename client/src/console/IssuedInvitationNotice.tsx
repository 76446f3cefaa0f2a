import type { IssuedInvitation } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { CopyButton } from '../ui/CopyButton';

interface IssuedInvitationNoticeProps {
  invitation: IssuedInvitation;
  personName: string;
}

/**
 * A freshly issued invitation link. The server shows the token only once, so the link is shown
 * here as plain text to copy and send; it cannot be looked up again later.
 */
export function IssuedInvitationNotice({ invitation, personName }: IssuedInvitationNoticeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div role="status" className="alert alert-success issued-invitation">
      <p>
        {t('invitations.issuedFor', { name: personName, expires: format.dateTime(invitation.expiresAt) })}
      </p>
      <p className="invitation-link-row">
        <code data-testid="invitation-link">{invitation.url}</code>{' '}
        <CopyButton text={invitation.url} label={t('invitations.copyLinkFor', { name: personName })} />
      </p>
      <p className="field-hint">{t('invitations.onlyOnce')}</p>
    </div>
  );
}
