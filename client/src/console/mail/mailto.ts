import type { OutboxMessage } from '@roundtable/shared';

/**
 * A `mailto:` link that opens the organizer's own mail client with the message filled in
 * (RFC 6068: every part percent-encoded, line breaks as CRLF).
 */
export function mailtoHref(message: Pick<OutboxMessage, 'to' | 'subject' | 'text'>): string {
  const body = message.text.replace(/\r?\n/g, '\r\n');
  return (
    `mailto:${encodeURIComponent(message.to)}` +
    `?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(body)}`
  );
}

/** The whole message as text to paste into any mail program. */
export function messageAsText(message: Pick<OutboxMessage, 'to' | 'toName' | 'subject' | 'text'>): string {
  return `To: ${message.toName} <${message.to}>\nSubject: ${message.subject}\n\n${message.text}`;
}
