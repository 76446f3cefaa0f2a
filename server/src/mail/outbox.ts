import crypto from 'node:crypto';
import {
  MailKindSchema,
  MailLanguageSchema,
  OutboxStatusSchema,
  type MailKind,
  type MailLanguage,
  type OutboxMessage,
} from '@roundtable/shared';
import { z } from 'zod';
import type { Db } from '../store/db.js';
import type { Database } from '../store/schema.js';
import type { RenderedMail } from './messages/content.js';

/** A text attachment, as stored with its message (the invitation's `.ics`). */
export const AttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  content: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
const AttachmentsSchema = z.array(AttachmentSchema);

/** Who a message goes to. */
export interface MailRecipient {
  personId: string | null;
  email: string;
  name: string;
  language: MailLanguage;
}

/** A message to write into the outbox. */
export interface NewMail {
  /** One message per cause, e.g. `invitation:<invitationId>`; a repeated enqueue is a no-op. */
  dedupeKey: string;
  kind: MailKind;
  eventId: string | null;
  invitationId?: string | null;
  to: MailRecipient;
  rendered: RenderedMail;
  attachments?: Attachment[];
}

/**
 * Writes a message into the outbox, to be sent by the worker. Pass the transaction of the change
 * that causes the message: the two commit together or not at all, so an approval never exists
 * without its invitation mail, nor a mail about an approval that rolled back. Returns false when a
 * message with the same dedupe key exists already.
 */
export async function enqueueMail(db: Db, mail: NewMail, nowMs: number): Promise<boolean> {
  const at = new Date(nowMs).toISOString();
  const result = await db
    .insertInto('outbox')
    .values({
      id: crypto.randomUUID(),
      dedupe_key: mail.dedupeKey,
      kind: mail.kind,
      event_id: mail.eventId,
      person_id: mail.to.personId,
      invitation_id: mail.invitationId ?? null,
      to_address: mail.to.email,
      to_name: mail.to.name,
      language: mail.to.language,
      subject: mail.rendered.subject,
      text: mail.rendered.text,
      html: mail.rendered.html,
      attachments: JSON.stringify(mail.attachments ?? []),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimant: null,
      lease_until: null,
      last_error: null,
      smtp_response: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type OutboxRow = Database['outbox'];

/** The stored attachments of a row. */
export function attachmentsOf(row: Pick<OutboxRow, 'attachments'>): Attachment[] {
  return AttachmentsSchema.parse(JSON.parse(row.attachments));
}

/** A row as the console shows it. */
export function outboxMessageFromRow(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: MailKindSchema.parse(row.kind),
    eventId: row.event_id,
    personId: row.person_id,
    to: row.to_address,
    toName: row.to_name,
    language: MailLanguageSchema.parse(row.language),
    subject: row.subject,
    text: row.text,
    attachments: attachmentsOf(row).map((a) => a.filename),
    status: OutboxStatusSchema.parse(row.status),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    smtpResponse: row.smtp_response,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** A stored language, or English when unknown. */
export function mailLanguage(value: string | null | undefined): MailLanguage {
  return value === 'ja' ? 'ja' : 'en';
}
