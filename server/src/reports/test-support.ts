import {
  type Event,
  MinutesNode,
  type Person,
  type ReportVisibility,
  type Room,
  textIn,
} from '@roundtable/shared';
import { api, appendToMinutes, cookies, editMinutes, minutesElement } from '../minutes/test-support.js';
import { createAttendance } from '../presence/attendance.js';
import type { TestApp } from '../test/app.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildOrganizer,
  buildPerson,
  buildRoom,
  buildRoomRole,
} from '../test/factories.js';

/*
 * A bilateral task force as the seed describes it, for the report tests (not a test file itself):
 * a government-to-government room whose minutes are published, a stakeholder room whose minutes
 * are approved but not published (unless `publishBoth`), and people on both sides in several
 * categories.
 */

export interface TaskForce {
  event: Event;
  govRoom: Room;
  stakeholderRoom: Room;
  organizer: Person;
  /** A government delegate: may enter both rooms. */
  delegate: Person;
  /** A private-sector member: may enter the stakeholder room only. */
  stakeholder: Person;
  /** Signed in, but not a member of the event. */
  stranger: Person;
}

const TEXT = {
  en: {
    japan: 'Japan',
    us: 'United States',
    gov: 'Government-to-government dialogue',
    stake: 'Stakeholder dialogue',
    heading: 'Opening remarks',
    spoke: 'Reported on the national action plan.',
    decision: 'Meet again in June',
    action: 'Share the case studies',
    owner: 'USTR',
    secret: 'Stakeholder minutes not yet published',
  },
  ja: {
    japan: '日本',
    us: '米国',
    gov: '政府間対話',
    stake: 'ステークホルダー対話',
    heading: '開会挨拶',
    spoke: '国別行動計画について報告した。',
    decision: '次回会合を6月に開催する',
    action: '事例集を共有する',
    owner: '米国通商代表部',
    secret: '未公開のステークホルダー議事録',
  },
} as const;
export const TASK_FORCE_TEXT = TEXT;

export async function seedTaskForce(
  app: TestApp,
  options: { visibility: ReportVisibility; language?: 'en' | 'ja'; publishBoth?: boolean },
): Promise<TaskForce> {
  const t = TEXT[options.language ?? 'en'];
  const db = app.store.db;
  const event = await buildEvent(db, { title: 'Task Force', reportVisibility: options.visibility });
  const govRoom = await buildRoom(db, event.id, {
    name: t.gov,
    position: 0,
    access: { mode: 'restricted', categories: ['government'], personIds: [] },
  });
  const stakeholderRoom = await buildRoom(db, event.id, { name: t.stake, position: 1 });
  const jpGov = await buildDelegation(db, event.id, { side: t.japan, category: 'government' });
  const usGov = await buildDelegation(db, event.id, { side: t.us, category: 'government' });
  const usPrivate = await buildDelegation(db, event.id, { side: t.us, category: 'private' });
  const person = async (name: string, organization: string, delegationId: string) => {
    const p = await buildPerson(db, { name, organization });
    await buildMember(db, event.id, p.id, { delegationId });
    return p;
  };
  const chairJp = await person('KASHIWABARA Kyoko', 'Ministry of Foreign Affairs', jpGov.id);
  const chairUs = await person('Jane Doe', 'Department of State', usGov.id);
  const noteTaker = await person('SATO Ken', 'Ministry of Economy, Trade and Industry', jpGov.id);
  const ustr = await person('John Roe', 'USTR', usGov.id);
  const stakeholder = await person('Alex Poe', 'Acme Corporation', usPrivate.id);
  for (const room of [govRoom, stakeholderRoom]) {
    await buildRoomRole(db, room.id, chairJp.id, 'co_chair');
    await buildRoomRole(db, room.id, chairUs.id, 'co_chair');
    await buildRoomRole(db, room.id, noteTaker.id, 'note_taker');
  }
  const organizer = await buildOrganizer(db);
  const stranger = await buildPerson(db, { name: 'Stranger' });

  await editMinutes(app, govRoom.id, (doc) =>
    appendToMinutes(doc, [
      minutesElement(MinutesNode.Heading, t.heading, { level: '2', agendaItemId: 'item-1' }),
      minutesElement(MinutesNode.SpeakerLine, t.spoke, {
        name: chairJp.name,
        delegation: textIn(jpGov.name, options.language ?? 'en'),
      }),
      minutesElement(MinutesNode.Decision, t.decision),
      minutesElement(MinutesNode.ActionItem, t.action, { owner: t.owner, due: '2026-04-30' }),
    ]),
  );
  await editMinutes(app, stakeholderRoom.id, (doc) =>
    appendToMinutes(doc, [minutesElement(MinutesNode.Paragraph, t.secret)]),
  );
  const attendance = createAttendance(db);
  const at = Date.parse('2026-03-01T01:00:00Z');
  for (const p of [chairUs, chairJp, noteTaker, ustr]) {
    await attendance.opened(govRoom.id, p.id, at);
    await attendance.closed(govRoom.id, p.id, at + 3_600_000);
  }
  for (const p of [stakeholder, chairUs, chairJp]) await attendance.opened(stakeholderRoom.id, p.id, at);

  const cookieOf = cookies(app);
  const run = async (room: Room, steps: [Person, string][]) => {
    for (const [who, command] of steps) {
      const res = await api(app, await cookieOf(who.id), 'POST', `/rooms/${room.id}/minutes/${command}`);
      if (res.status !== 200) throw new Error(`${command} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const approveAll: [Person, string][] = [
    [noteTaker, 'submit'],
    [chairJp, 'approve'],
    [chairUs, 'approve'],
  ];
  await run(govRoom, [...approveAll, [organizer, 'publish']]);
  await run(stakeholderRoom, options.publishBoth ? [...approveAll, [organizer, 'publish']] : approveAll);
  return { event, govRoom, stakeholderRoom, organizer, delegate: noteTaker, stakeholder, stranger };
}
