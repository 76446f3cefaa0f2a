import { z } from 'zod';
import { Limits } from '../limits.js';
import { LocalizedNameSchema } from './localized.js';

export const IdSchema = z.string().min(1).max(64);
export type Id = z.infer<typeof IdSchema>;

/** ISO-8601 timestamp with offset, as stored and sent. */
export const TimestampSchema = z.iso.datetime({ offset: true });

export const NameSchema = z.string().trim().min(1).max(Limits.maxNameLength);

/** Delegation categories, after the seeds' "Government, Private, UN" and the product list. */
export const CategorySchema = z.enum([
  'government',
  'private',
  'worker',
  'civil_society',
  'international',
  'academia',
  'other',
]);
export type Category = z.infer<typeof CategorySchema>;

/** A side (country or party) × category inside one event, e.g. "Japan — Government". */
export const DelegationSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  side: NameSchema,
  category: CategorySchema,
  name: LocalizedNameSchema,
});
export type Delegation = z.infer<typeof DelegationSchema>;

export const PersonSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  email: z.email().nullable(),
  organization: z.string().max(Limits.maxNameLength),
  phone: z.string().max(50).nullable(),
  isOrganizer: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A person's membership of one event: which delegation they sit in and where they attend from. */
export const EventMemberSchema = z.object({
  eventId: IdSchema,
  personId: IdSchema,
  delegationId: IdSchema.nullable(),
  place: z.string().max(100).nullable(),
});
export type EventMember = z.infer<typeof EventMemberSchema>;

export const RoomRoleSchema = z.enum(['co_chair', 'note_taker', 'participant', 'observer']);
export type RoomRole = z.infer<typeof RoomRoleSchema>;

export const RoomRoleAssignmentSchema = z.object({
  roomId: IdSchema,
  personId: IdSchema,
  role: RoomRoleSchema,
});
export type RoomRoleAssignment = z.infer<typeof RoomRoleAssignmentSchema>;
