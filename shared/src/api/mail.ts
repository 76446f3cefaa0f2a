import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/people.js';

/** The languages mail is written in: the person's own, from their registration or profile. */
export const MailLanguageSchema = z.enum(['en', 'ja']);
export type MailLanguage = z.infer<typeof MailLanguageSchema>;

/** Why a message was written; one template each. */
export const MailKindSchema = z.enum([
  'registration_received',
  'registration_approved',
  'registration_declined',
  'invitation',
  'session_reminder',
  'minutes_published',
]);
export type MailKind = z.infer<typeof MailKindSchema>;

/**
 * Where a message is: `pending` (waiting for its next attempt, or for SMTP to be configured),
 * `sending` (an instance holds its lease), `delivered` (the SMTP server accepted it) or `failed`
 * (refused for good, or out of attempts).
 */
export const OutboxStatusSchema = z.enum(['pending', 'sending', 'delivered', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** One outgoing message as organizers see it in the console (text included, for sending by hand). */
export const OutboxMessageSchema = z.object({
  id: IdSchema,
  kind: MailKindSchema,
  eventId: IdSchema.nullable(),
  personId: IdSchema.nullable(),
  to: z.string(),
  toName: z.string(),
  language: MailLanguageSchema,
  subject: z.string(),
  text: z.string(),
  /** File names of the attachments (e.g. `invitation.ics`). */
  attachments: z.array(z.string()),
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: TimestampSchema,
  lastError: z.string().nullable(),
  /** The SMTP server's last answer (e.g. `250 2.0.0 Ok: queued`). */
  smtpResponse: z.string().nullable(),
  createdAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** `GET /events/:eventId/outbox`: the messages and whether this server sends mail itself. */
export const OutboxListSchema = z.object({
  /** False on the embedded default without `SMTP_URL`: the organizer sends by hand (mailto). */
  smtpConfigured: z.boolean(),
  messages: z.array(OutboxMessageSchema),
});
export type OutboxList = z.infer<typeof OutboxListSchema>;

/** `GET /events/:eventId/outbox?status=failed` */
export const OutboxQuerySchema = z.object({ status: OutboxStatusSchema.optional() });
