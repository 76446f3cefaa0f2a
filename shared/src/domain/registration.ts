import { z } from 'zod';
import { IdSchema, NameSchema, TimestampSchema } from './people.js';

export const RegistrationStatusSchema = z.enum(['pending', 'approved', 'declined']);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

export const RegistrationSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  name: NameSchema,
  organization: z.string().max(200),
  email: z.email(),
  phone: z.string().max(50),
  /** A venue id of the event, or `online`. */
  place: z.string().min(1).max(40),
  status: RegistrationStatusSchema,
  personId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  decidedAt: TimestampSchema.nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  personId: IdSchema,
  expiresAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;
