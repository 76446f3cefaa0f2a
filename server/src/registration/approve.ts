import crypto from 'node:crypto';
import {
  ErrorCode,
  type ApproveRegistrationBodySchema,
  type ApproveRegistrationResult,
  type Person,
} from '@roundtable/shared';
import type { z } from 'zod';
import { personToRow } from '../events/rows.js';
import { findPersonByEmail, requireEvent } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import { queueInvitationMail } from '../mail/compose.js';
import { mailLanguage } from '../mail/outbox.js';
import type { Store, Tx } from '../store/db.js';
import { issueInvitation } from './invitations.js';
import { registrationFromRow } from './rows.js';

export interface ApproveInput {
  registrationId: string;
  body: z.output<typeof ApproveRegistrationBodySchema>;
  decidedBy: string;
  nowMs: number;
  origin: string;
  /** `MAIL_FROM`: the organizer of the invitation's calendar. */
  from: string;
}

/** A 400 that points at the offending field of the approval body. */
function badField(path: string, message: string): HttpError {
  return new HttpError(400, ErrorCode.ValidationFailed, 'The request has invalid fields.', [
    { path, message },
  ]);
}

/**
 * Approves a pending registration: the person (reused by email, else created from the form), their
 * membership with delegation and place, their room roles and an invitation link, all in one
 * transaction, with the invitation mail in the outbox. Any refusal on the way rolls every earlier
 * write back, so a half-approved registration (a person without membership, a membership without
 * invitation, an invitation nobody is told about) never exists.
 */
export async function approveRegistration(
  store: Store,
  input: ApproveInput,
): Promise<ApproveRegistrationResult> {
  const at = new Date(input.nowMs).toISOString();
  return store.transaction(async (tx) => {
    // Claim the registration first: of two approvals racing, the second finds it no longer pending.
    const claimed = await tx
      .updateTable('registrations')
      .set({ status: 'approved', decided_at: at, decided_by: input.decidedBy })
      .where('id', '=', input.registrationId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const row = await tx
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', input.registrationId)
      .executeTakeFirst();
    if (!row) throw HttpError.notFound('Registration');
    if (claimed.numUpdatedRows === 0n) throw HttpError.conflict(`The registration is already ${row.status}.`);

    const person = await findOrCreatePerson(tx, row, at);
    await writeMembership(tx, row.event_id, person.id, input.body.delegationId, row.place);
    for (const [i, { roomId, role }] of input.body.roles.entries()) {
      const room = await tx
        .selectFrom('rooms')
        .select('id')
        .where('id', '=', roomId)
        .where('event_id', '=', row.event_id)
        .executeTakeFirst();
      if (!room) throw badField(`roles.${i}.roomId`, 'No such room in this event.');
      await tx
        .insertInto('room_roles')
        .values({ room_id: roomId, person_id: person.id, role })
        .onConflict((oc) => oc.columns(['room_id', 'person_id']).doUpdateSet({ role }))
        .execute();
    }
    const invitation = await issueInvitation(tx, {
      eventId: row.event_id,
      personId: person.id,
      validForDays: input.body.validForDays,
      nowMs: input.nowMs,
      origin: input.origin,
    });
    await tx.updateTable('registrations').set({ person_id: person.id }).where('id', '=', row.id).execute();
    // A person's later mail (reminders, reports) follows the language they registered in.
    await tx
      .updateTable('people')
      .set({ language: row.language })
      .where('id', '=', person.id)
      .where('language', 'is', null)
      .execute();
    await queueInvitationMail(
      tx,
      { origin: input.origin, from: input.from, nowMs: input.nowMs },
      {
        kind: 'registration_approved',
        event: await requireEvent(tx, row.event_id),
        invitation,
        to: {
          personId: person.id,
          email: row.email,
          name: person.name,
          language: mailLanguage(row.language),
        },
      },
    );
    const registration = registrationFromRow({
      ...row,
      status: 'approved',
      person_id: person.id,
      decided_at: at,
      decided_by: input.decidedBy,
    });
    return { registration, invitation };
  });
}

async function findOrCreatePerson(
  tx: Tx,
  row: { name: string; email: string; organization: string; phone: string },
  at: string,
): Promise<Person> {
  const existing = await findPersonByEmail(tx, row.email);
  if (existing) return existing;
  const person: Person = {
    id: crypto.randomUUID(),
    name: row.name,
    email: row.email,
    organization: row.organization,
    phone: row.phone,
    isOrganizer: false,
  };
  await tx.insertInto('people').values(personToRow(person, at)).execute();
  return person;
}

async function writeMembership(
  tx: Tx,
  eventId: string,
  personId: string,
  delegationId: string | null,
  place: string,
): Promise<void> {
  if (delegationId) {
    const delegation = await tx
      .selectFrom('delegations')
      .select('id')
      .where('id', '=', delegationId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!delegation) throw badField('delegationId', 'No such delegation in this event.');
  }
  const values = { delegation_id: delegationId, place };
  await tx
    .insertInto('event_members')
    .values({ event_id: eventId, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['event_id', 'person_id']).doUpdateSet(values))
    .execute();
}
