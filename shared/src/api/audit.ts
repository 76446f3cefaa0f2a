import { z } from 'zod';
import { IdSchema } from '../domain/people.js';

/** One moderation action as the audit log keeps it: who did what, when, to whom. */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  eventId: IdSchema.nullable(),
  roomId: IdSchema.nullable(),
  /** Null for the server itself (e.g. the speaking timer ending a turn). */
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  /** `domain.verb`, e.g. `speaking.give`, `lobby.remove`, `minutes.approve`. */
  action: z.string(),
  targetId: IdSchema.nullable(),
  targetName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.iso.datetime({ offset: true }),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  /** Entries with a larger id than this (the previous page's `next`). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Pass as `after` for the next page; null at the end. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
