import { IdSchema } from '@roundtable/shared';
import { z } from 'zod';

/* Path parameters of the event and registration routes, validated like any other input. */

export const SeriesParams = z.object({ seriesId: IdSchema });
export const EventParams = z.object({ eventId: IdSchema });
export const RoomParams = z.object({ roomId: IdSchema });
export const DelegationParams = z.object({ delegationId: IdSchema });
export const PersonParams = z.object({ personId: IdSchema });
export const EventPersonParams = z.object({ eventId: IdSchema, personId: IdSchema });
export const RoomPersonParams = z.object({ roomId: IdSchema, personId: IdSchema });
export const RegistrationParams = z.object({ registrationId: IdSchema });
export const InvitationParams = z.object({ invitationId: IdSchema });
