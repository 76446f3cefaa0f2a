import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiRequestError } from '../api/http';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { redeemInvitation } from './api';
import { useApplySession } from './useApplySession';

/**
 * Opens an invitation link (`/invite?token=…`, or `/invite/<token>`): signs the person in and
 * takes them to the event they were invited to.
 */
export default function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const [searchParams] = useSearchParams();
  const token = params['token'] ?? searchParams.get('token') ?? '';
  const applySession = useApplySession();
  const mutation = useMutation({
    mutationFn: redeemInvitation,
    onSuccess: (result) => {
      const { eventId, ...me } = result;
      applySession(me);
      const target = eventId ?? (me.memberships.length === 1 ? me.memberships[0]?.eventId : undefined);
      void navigate(target ? `/events/${encodeURIComponent(target)}` : '/', { replace: true });
    },
  });
  // Strict mode runs effects twice; a link is redeemed once per page visit.
  const redeemedToken = useRef<string | null>(null);
  const { mutate } = mutation;

  useEffect(() => {
    if (!token || redeemedToken.current === token) return;
    redeemedToken.current = token;
    mutate(token);
  }, [token, mutate]);

  return (
    <section className="narrow" aria-labelledby="invite-heading">
      <PageTitle>{t('invite.title')}</PageTitle>
      <h1 id="invite-heading">{t('invite.title')}</h1>
      {!token && <p role="alert">{t('invite.missingToken')}</p>}
      {mutation.isPending && <Loading />}
      {mutation.isError && <InviteError error={mutation.error} />}
    </section>
  );
}

function InviteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiRequestError && (error.status === 404 || error.status === 410)) {
    return (
      <div role="alert" className="alert alert-error">
        <p>{error.status === 404 ? t('invite.unknown') : t('invite.expired')}</p>
        <p>
          {t('invite.askOrganizer')} <Link to="/">{t('nav.home')}</Link>
        </p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}
