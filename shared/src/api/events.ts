import { z } from 'zod';
import {
  AccessRuleSchema,
  EventSchema,
  FloorModeSchema,
  RoomSchema,
  SeriesSchema,
} from '../domain/events.js';
import {
  CategorySchema,
  DelegationSchema,
  EventMemberSchema,
  IdSchema,
  NameSchema,
  PersonSchema,
  RoomRoleSchema,
} from '../domain/people.js';

export const CreateSeriesBodySchema = SeriesSchema.omit({ id: true });
export type CreateSeriesBody = z.infer<typeof CreateSeriesBodySchema>;
export const UpdateSeriesBodySchema = CreateSeriesBodySchema.partial();
export type UpdateSeriesBody = z.infer<typeof UpdateSeriesBodySchema>;

export const CreateEventBodySchema = EventSchema.omit({ id: true });
export type CreateEventBody = z.infer<typeof CreateEventBodySchema>;
export const UpdateEventBodySchema = CreateEventBodySchema.partial();
export type UpdateEventBody = z.infer<typeof UpdateEventBodySchema>;

export const CreateRoomBodySchema = z.object({
  name: NameSchema,
  description: z.string().max(5000).default(''),
  access: AccessRuleSchema.default({ mode: 'event' }),
  floorMode: FloorModeSchema.default('moderated'),
  mediaEnabled: z.boolean().default(true),
  lobbyEnabled: z.boolean().default(false),
  hideDraftMinutes: z.boolean().default(false),
});
export type CreateRoomBody = z.input<typeof CreateRoomBodySchema>;
export const UpdateRoomBodySchema = RoomSchema.omit({ id: true, eventId: true }).partial();
export type UpdateRoomBody = z.infer<typeof UpdateRoomBodySchema>;

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
  name: NameSchema.optional(),
});
export type CreateDelegationBody = z.infer<typeof CreateDelegationBodySchema>;
export const UpdateDelegationBodySchema = CreateDelegationBodySchema.partial();
export type UpdateDelegationBody = z.infer<typeof UpdateDelegationBodySchema>;

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
