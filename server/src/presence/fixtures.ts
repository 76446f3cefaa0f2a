import type { Db } from '../store/db.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildOrganizer,
  buildPerson,
  buildRoom,
} from '../test/factories.js';

/**
 * The seed's task force in miniature: a government-to-government room admitting government
 * delegates only, and a stakeholder room open to every member of the event.
 */
export async function buildTaskForce(db: Db) {
  const event = await buildEvent(db);
  const govRoom = await buildRoom(db, event.id, {
    name: 'Government-to-government dialogue',
    access: { mode: 'restricted', categories: ['government'], personIds: [] },
  });
  const openRoom = await buildRoom(db, event.id, { name: 'Stakeholder dialogue', position: 1 });
  const japanGov = await buildDelegation(db, event.id, {
    side: 'Japan',
    category: 'government',
    name: 'Japan — Government',
  });
  const usPrivate = await buildDelegation(db, event.id, {
    side: 'United States',
    category: 'private',
    name: 'United States — Private sector',
  });
  const organizer = await buildOrganizer(db);
  const delegate = await buildPerson(db, { name: 'Aiko Tanaka' });
  await buildMember(db, event.id, delegate.id, { delegationId: japanGov.id });
  const stakeholder = await buildPerson(db, { name: 'Sam Miller' });
  await buildMember(db, event.id, stakeholder.id, { delegationId: usPrivate.id });
  return { event, govRoom, openRoom, japanGov, usPrivate, organizer, delegate, stakeholder };
}
