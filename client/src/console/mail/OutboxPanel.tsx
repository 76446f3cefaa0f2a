import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OutboxStatusSchema, type OutboxMessage, type OutboxStatus } from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useConsoleEvent } from '../ConsoleEventLayout';
import { fetchOutbox, markSentByHand, outboxKey, retryMessage } from './api';
import { mailtoHref, messageAsText } from './mailto';
import './outbox.css';

/** Refresh while messages are on their way, so delivery shows without a reload. */
const REFRESH_MS = 5000;

/**
 * The event's outgoing mail: every message with its text and state. Without SMTP on the server,
 * each message is sent by the organizer: open it in their mail program or copy it, then mark it.
 */
export function OutboxPanel() {
  const { t } = useTranslation();
  const event = useConsoleEvent();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const outbox = useQuery({
    queryKey: [...outboxKey(event.id), status],
    queryFn: ({ signal }) => fetchOutbox(event.id, status, signal),
    refetchInterval: REFRESH_MS,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: outboxKey(event.id) });
  const retry = useMutation({ mutationFn: retryMessage, onSuccess: refresh });
  const sent = useMutation({ mutationFn: markSentByHand, onSuccess: refresh });

  return (
    <section aria-labelledby="outbox-heading" className="outbox">
      <h2 id="outbox-heading">{t('mail.heading')}</h2>
      {outbox.data && !outbox.data.smtpConfigured && (
        <div className="alert outbox-notice" role="note">
          <p>{t('mail.noSmtp')}</p>
        </div>
      )}
      <p>
        <label>
          {t('mail.show')}{' '}
          <select
            value={status ?? ''}
            onChange={(e) => setStatus(e.target.value ? OutboxStatusSchema.parse(e.target.value) : null)}
          >
            <option value="">{t('mail.all')}</option>
            {OutboxStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`mail.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </p>
      {outbox.isPending && <Loading />}
      <ErrorAlert error={outbox.error ?? retry.error ?? sent.error} />
      {outbox.data?.messages.length === 0 && <p>{t('mail.none')}</p>}
      <ul className="outbox-list">
        {outbox.data?.messages.map((message) => (
          <OutboxItem
            key={message.id}
            message={message}
            smtpConfigured={outbox.data.smtpConfigured}
            onRetry={() => retry.mutate(message.id)}
            onSent={() => sent.mutate(message.id)}
          />
        ))}
      </ul>
    </section>
  );
}

interface OutboxItemProps {
  message: OutboxMessage;
  smtpConfigured: boolean;
  onRetry: () => void;
  onSent: () => void;
}

function OutboxItem({ message, smtpConfigured, onRetry, onSent }: OutboxItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = message.status === 'pending' || message.status === 'failed';
  const headingId = `outbox-${message.id}`;
  return (
    <li className={`outbox-item outbox-${message.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{message.subject}</h3>
      <p className="outbox-meta">
        <span className={`badge badge-${message.status}`}>{t(`mail.status.${message.status}`)}</span>{' '}
        {t('mail.to', { name: message.toName, email: message.to })} · {t(`mail.kind.${message.kind}`)} ·{' '}
        {format.dateTime(message.sentAt ?? message.createdAt)}
        {message.attempts > 1 && <> · {t('mail.attempts', { count: message.attempts })}</>}
      </p>
      {message.lastError && (
        <p className="outbox-error" role={message.status === 'failed' ? 'alert' : undefined}>
          {t('mail.lastError', { error: message.smtpResponse ?? message.lastError })}
        </p>
      )}
      {message.status === 'delivered' && message.smtpResponse && (
        <p className="field-hint">{t('mail.answer', { answer: message.smtpResponse })}</p>
      )}
      <details>
        <summary>{t('mail.showText')}</summary>
        <pre className="outbox-text">{message.text}</pre>
        {message.attachments.length > 0 && (
          <p className="field-hint">{t('mail.attachments', { files: message.attachments.join(', ') })}</p>
        )}
      </details>
      <div className="outbox-actions">
        <a className="button-link" href={mailtoHref(message)}>
          {t('mail.openInMailClient')}
        </a>
        <CopyButton text={messageAsText(message)} label={t('mail.copyFor', { name: message.toName })} />
        {open && (
          <button type="button" onClick={onSent}>
            {t('mail.markSent')}
          </button>
        )}
        {open && smtpConfigured && (
          <button type="button" onClick={onRetry}>
            {t('mail.retry')}
          </button>
        )}
      </div>
    </li>
  );
}
