import { LocalizedNameSchema } from '../domain/localized.js';
import { z } from 'zod';
import { CategorySchema, IdSchema, NameSchema, RoomRoleSchema } from '../domain/people.js';
import { RevokeReasonSchema } from './common.js';
import type { Command } from './common.js';

/**
 * Presence events: who is in each room now, across every server instance.
 *
 * Pushes are deltas carrying the room's presence `version`, which grows by one with every change
 * of the room (on any instance). Clients apply a delta only when its version is higher than the
 * version they hold for that person (or the snapshot they got from `presence:join`); buffer the
 * deltas that arrive before the join acknowledgement. Deltas are therefore idempotent and may
 * arrive out of order between instances without corrupting the list.
 */
export const PresenceEvents = {
  /** Client → server: enter a room's presence and receive its list. */
  Join: 'presence:join',
  /** Client → server: leave a room's presence. */
  Leave: 'presence:leave',
  /** Client → server: follow the per-room counts of one event. */
  WatchEvent: 'presence:watch-event',
  /** Client → server: stop following an event's counts. */
  UnwatchEvent: 'presence:unwatch-event',
  /** Server → client: a person's first connection entered the room. */
  Joined: 'presence:joined',
  /** Server → client: a present person's entry changed (media flag, connections, role). */
  Updated: 'presence:updated',
  /** Server → client: a person's last connection left the room (or its instance died). */
  Left: 'presence:left',
  /** Server → client: counts of rooms of a watched event (only rooms the viewer may enter). */
  Counts: 'presence:counts',
  /** Server → client: access to the room was withdrawn; this connection left its presence. */
  Removed: 'presence:removed',
} as const;

/** The role shown beside a present person: a room role, or organizer. */
export const PresenceRoleSchema = z.enum([...RoomRoleSchema.options, 'organizer']);
export type PresenceRole = z.infer<typeof PresenceRoleSchema>;

/** Epoch milliseconds of the server clock (clients correct with the `clock:ping` offset). */
export const ServerTimeSchema = z.number().int().nonnegative();

/** One present person in one room; several tabs or instances of a person count once. */
export const PresenceEntrySchema = z.object({
  personId: IdSchema,
  name: NameSchema,
  side: z.string().nullable(),
  delegationName: LocalizedNameSchema.nullable(),
  category: CategorySchema.nullable(),
  role: PresenceRoleSchema,
  /** When the person's earliest open connection joined. */
  since: ServerTimeSchema,
  /** In the room's audio/video (reported by the media module). */
  inMedia: z.boolean(),
  /** Open connections of this person in this room, over every instance. */
  connections: z.number().int().positive(),
});
export type PresenceEntry = z.infer<typeof PresenceEntrySchema>;

export const RoomPresenceSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().nonnegative(),
  entries: z.array(PresenceEntrySchema),
});
export type RoomPresence = z.infer<typeof RoomPresenceSchema>;

export const PresenceRoomPayloadSchema = z.object({ roomId: IdSchema });
export type PresenceRoomPayload = z.infer<typeof PresenceRoomPayloadSchema>;

export const PresenceEventPayloadSchema = z.object({ eventId: IdSchema });
export type PresenceEventPayload = z.infer<typeof PresenceEventPayloadSchema>;

export const PresenceEntryPushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().positive(),
  entry: PresenceEntrySchema,
});
export type PresenceEntryPush = z.infer<typeof PresenceEntryPushSchema>;

export const PresenceLeftPushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().positive(),
  personId: IdSchema,
});
export type PresenceLeftPush = z.infer<typeof PresenceLeftPushSchema>;

/** Counts of one room; `version` is the room's presence version the counts were read at. */
export const RoomCountSchema = z.object({
  roomId: IdSchema,
  people: z.number().int().nonnegative(),
  inMedia: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
});
export type RoomCount = z.infer<typeof RoomCountSchema>;

/**
 * Counts of an event's rooms. The acknowledgement of `presence:watch-event` lists every room the
 * viewer may enter; pushes carry only the rooms that changed (merge by room, keep the higher version).
 */
export const EventCountsSchema = z.object({
  eventId: IdSchema,
  rooms: z.array(RoomCountSchema),
});
export type EventCounts = z.infer<typeof EventCountsSchema>;

export const PresenceRemovedSchema = z.object({ roomId: IdSchema, reason: RevokeReasonSchema });
export type PresenceRemoved = z.infer<typeof PresenceRemovedSchema>;

export interface PresenceClientEvents {
  [PresenceEvents.Join]: Command<PresenceRoomPayload, RoomPresence>;
  [PresenceEvents.Leave]: Command<PresenceRoomPayload, null>;
  [PresenceEvents.WatchEvent]: Command<PresenceEventPayload, EventCounts>;
  [PresenceEvents.UnwatchEvent]: Command<PresenceEventPayload, null>;
}

export interface PresenceServerEvents {
  [PresenceEvents.Joined]: (push: PresenceEntryPush) => void;
  [PresenceEvents.Updated]: (push: PresenceEntryPush) => void;
  [PresenceEvents.Left]: (push: PresenceLeftPush) => void;
  [PresenceEvents.Counts]: (push: EventCounts) => void;
  [PresenceEvents.Removed]: (push: PresenceRemoved) => void;
}
