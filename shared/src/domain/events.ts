import { z } from 'zod';
import { LocalizedDescriptionSchema, LocalizedLabelSchema, LocalizedNameSchema } from './localized.js';
import { CategorySchema, IdSchema, TimestampSchema } from './people.js';

export const SeriesSchema = z.object({
  id: IdSchema,
  title: LocalizedNameSchema,
  description: LocalizedDescriptionSchema,
});
export type Series = z.infer<typeof SeriesSchema>;

export const VenueSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/),
  name: LocalizedNameSchema,
  kind: z.enum(['in_person', 'online']),
});
export type Venue = z.infer<typeof VenueSchema>;

/** One dated sitting of an event (the seed's task force met on two dates). */
export const SessionSchema = z.object({
  id: z.string().min(1).max(40),
  label: LocalizedLabelSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const ReportVisibilitySchema = z.enum(['public', 'participants', 'organizers']);
export type ReportVisibility = z.infer<typeof ReportVisibilitySchema>;

/** IANA time zone name, checked against the runtime's tz database. */
export const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown IANA time zone' },
);

export const EventSchema = z.object({
  id: IdSchema,
  seriesId: IdSchema.nullable(),
  title: LocalizedNameSchema,
  theme: LocalizedLabelSchema,
  description: LocalizedDescriptionSchema,
  timeZone: TimeZoneSchema,
  sessions: z.array(SessionSchema).max(50),
  venues: z.array(VenueSchema).max(20),
  registrationOpen: z.boolean(),
  reportVisibility: ReportVisibilitySchema,
});
export type Event = z.infer<typeof EventSchema>;

/**
 * Who a room admits besides its role holders and organizers.
 * `event`: every member of the event. `restricted`: members whose delegation category is listed,
 * plus the people listed by id.
 */
export const AccessRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('event') }),
  z.object({
    mode: z.literal('restricted'),
    categories: z.array(CategorySchema).max(10),
    personIds: z.array(IdSchema).max(1000),
  }),
]);
export type AccessRule = z.infer<typeof AccessRuleSchema>;

export const FloorModeSchema = z.enum(['moderated', 'open']);
export type FloorMode = z.infer<typeof FloorModeSchema>;

export const RoomSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  name: LocalizedNameSchema,
  description: LocalizedDescriptionSchema,
  position: z.number().int().min(0),
  access: AccessRuleSchema,
  floorMode: FloorModeSchema,
  mediaEnabled: z.boolean(),
  lobbyEnabled: z.boolean(),
  /** When true, only writers of the minutes read them until they are published. */
  hideDraftMinutes: z.boolean(),
});
export type Room = z.infer<typeof RoomSchema>;
