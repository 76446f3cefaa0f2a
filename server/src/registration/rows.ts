import type { Selectable } from 'kysely';
import { RegistrationStatusSchema, type Invitation, type Registration } from '@roundtable/shared';
import type { Database } from '../store/schema.js';

/* Row ↔ domain mapping for registrations and invitations, in one place. */

export function registrationFromRow(row: Selectable<Database['registrations']>): Registration {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    organization: row.organization,
    email: row.email,
    phone: row.phone,
    place: row.place,
    status: RegistrationStatusSchema.parse(row.status),
    personId: row.person_id,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

/** Never carries the token hash: it stays in the store. */
export function invitationFromRow(row: Selectable<Database['invitations']>): Invitation {
  return {
    id: row.id,
    eventId: row.event_id,
    personId: row.person_id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
