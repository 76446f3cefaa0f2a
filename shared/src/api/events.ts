import { z } from 'zod';
import {
  AccessRuleSchema,
  EventSchema,
  FloorModeSchema,
  RoomSchema,
  SeriesSchema,
  SessionSchema,
  VenueSchema,
} from '../domain/events.js';
import {
  LocalizedDescriptionInputSchema,
  LocalizedLabelInputSchema,
  LocalizedNameInputSchema,
} from '../domain/localized.js';
import {
  CategorySchema,
  DelegationSchema,
  EventMemberSchema,
  IdSchema,
  NameSchema,
  PersonSchema,
  RoomRoleSchema,
} from '../domain/people.js';

/*
 * Bodies take each bilingual field as `{ en, ja }` (either may be left out or empty, not both
 * where the field is required) or, from clients written before the pair, as a plain string.
 */

/** A session as a body gives it (its label bilingual). */
export const SessionInputSchema = SessionSchema.extend({ label: LocalizedLabelInputSchema });
/** A venue as a body gives it (its name bilingual). */
export const VenueInputSchema = VenueSchema.extend({ name: LocalizedNameInputSchema });

export const CreateSeriesBodySchema = SeriesSchema.omit({ id: true }).extend({
  title: LocalizedNameInputSchema,
  description: LocalizedDescriptionInputSchema,
});
export type CreateSeriesBody = z.input<typeof CreateSeriesBodySchema>;
export const UpdateSeriesBodySchema = CreateSeriesBodySchema.partial();
export type UpdateSeriesBody = z.input<typeof UpdateSeriesBodySchema>;

export const CreateEventBodySchema = EventSchema.omit({ id: true }).extend({
  title: LocalizedNameInputSchema,
  theme: LocalizedLabelInputSchema,
  description: LocalizedDescriptionInputSchema,
  sessions: z.array(SessionInputSchema).max(50),
  venues: z.array(VenueInputSchema).max(20),
});
export type CreateEventBody = z.input<typeof CreateEventBodySchema>;
export const UpdateEventBodySchema = CreateEventBodySchema.partial();
export type UpdateEventBody = z.input<typeof UpdateEventBodySchema>;

export const CreateRoomBodySchema = z.object({
  name: LocalizedNameInputSchema,
  description: LocalizedDescriptionInputSchema.default({ en: '', ja: '' }),
  access: AccessRuleSchema.default({ mode: 'event' }),
  floorMode: FloorModeSchema.default('moderated'),
  mediaEnabled: z.boolean().default(true),
  lobbyEnabled: z.boolean().default(false),
  hideDraftMinutes: z.boolean().default(false),
});
export type CreateRoomBody = z.input<typeof CreateRoomBodySchema>;
export const UpdateRoomBodySchema = RoomSchema.omit({ id: true, eventId: true })
  .extend({ name: LocalizedNameInputSchema, description: LocalizedDescriptionInputSchema })
  .partial();
export type UpdateRoomBody = z.input<typeof UpdateRoomBodySchema>;

/** A room as a given viewer sees it in a listing: whether they may enter, and as what. */
export const RoomViewSchema = RoomSchema.extend({
  canEnter: z.boolean(),
  myRole: RoomRoleSchema.nullable(),
});
export type RoomView = z.infer<typeof RoomViewSchema>;

export const EventDetailSchema = EventSchema.extend({
  rooms: z.array(RoomViewSchema),
  series: SeriesSchema.nullable(),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export const CreateDelegationBodySchema = z.object({
  side: NameSchema,
  category: CategorySchema,
  /** Defaults to "<side> — <category>" in both languages. */
  name: LocalizedNameInputSchema.optional(),
});
export type CreateDelegationBody = z.input<typeof CreateDelegationBodySchema>;
export const UpdateDelegationBodySchema = CreateDelegationBodySchema.partial();
export type UpdateDelegationBody = z.input<typeof UpdateDelegationBodySchema>;

export const UpsertMemberBodySchema = z.object({
  delegationId: IdSchema.nullable(),
  place: z.string().max(100).nullable().default(null),
});
export type UpsertMemberBody = z.input<typeof UpsertMemberBodySchema>;

export const MemberViewSchema = EventMemberSchema.extend({
  person: PersonSchema,
  delegation: DelegationSchema.nullable(),
});
export type MemberView = z.infer<typeof MemberViewSchema>;

export const SetRoomRoleBodySchema = z.object({ role: RoomRoleSchema });
export type SetRoomRoleBody = z.infer<typeof SetRoomRoleBodySchema>;

export const CreatePersonBodySchema = z.object({
  name: NameSchema,
  email: z.email().nullable().default(null),
  organization: z.string().max(200).default(''),
  phone: z.string().max(50).nullable().default(null),
});
export type CreatePersonBody = z.input<typeof CreatePersonBodySchema>;

/** What anyone may read about an event (the public registration page). */
export const PublicEventSchema = EventSchema.pick({
  id: true,
  title: true,
  theme: true,
  description: true,
  timeZone: true,
  sessions: true,
  venues: true,
  registrationOpen: true,
});
export type PublicEvent = z.infer<typeof PublicEventSchema>;

/**
 * `GET /api/events`: full events for the signed-in (organizers see all, others their own);
 * public fields of the events with open registration for everyone else.
 */
export const EventListSchema = z.array(z.union([EventSchema, PublicEventSchema]));
export type EventList = z.infer<typeof EventListSchema>;
