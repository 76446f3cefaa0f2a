import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocKind, docName, readAgenda, type PollAck, type PollsPush } from '@roundtable/shared';
import { insertAgendaTemplate } from '../minutes/doc-edits.js';
import { collabOf, editMinutes, storedMinutesText, writeAgenda } from '../minutes/test-support.js';
import { collect, disconnectAll } from '../presence/testing.js';
import {
  buildMeeting,
  call,
  connectAs,
  startInstances,
  type Meeting,
  type TestClient,
} from '../speaking/test-helpers.js';
import type { TestApp } from '../test/app.js';
import { ackCode, ackData } from '../chat/test-support.js';

const VOTERS = Number(process.env['POLL_BURST'] ?? 300);

let instances: TestApp[] = [];
let meeting: Meeting;
const voters: TestClient[] = [];

beforeAll(async () => {
  instances = await startInstances(2);
  meeting = await buildMeeting(instances[0]!.store.db, { participants: VOTERS });
  for (const [i, p] of meeting.participants.entries()) voters.push(await connectAs(instances[i % 2]!, p.id));
}, 300_000);

afterAll(async () => {
  disconnectAll();
  for (const instance of instances) await instance.close();
});

const roomId = () => meeting.room.id;

/** Subscribes and keeps the newest push (or the subscription's answer). */
async function follow(socket: TestClient) {
  let latest: PollsPush | null = null;
  socket.on('polls:state', (push) => {
    if (push.roomId === roomId() && (!latest || push.version >= latest.version)) latest = push;
  });
  const first = ackData<PollsPush>(await call(socket, 'polls:subscribe', { roomId: roomId() }));
  if (!latest || first.version > (latest as PollsPush).version) latest = first;
  return () => latest!;
}

async function openPoll(chair: TestClient, voting: 'person' | 'delegation', anonymous = false) {
  const ack = ackData<PollAck>(
    await call(chair, 'polls:create', {
      roomId: roomId(),
      poll: { question: `Adopt by ${voting}?`, kind: 'yes_no_abstain', options: [], anonymous, voting },
    }),
  );
  return ack.poll.id;
}

describe('polls over two instances', () => {
  it(`counts each of ${VOTERS} ballots cast at once exactly once, and shows the count to co-chairs only`, async () => {
    const chairs = [
      await connectAs(instances[0]!, meeting.chairs[0]!.id),
      await connectAs(instances[1]!, meeting.chairs[1]!.id),
    ];
    const chairViews = await Promise.all(chairs.map(follow));
    const publicView = await follow(voters[1]!);
    const pollId = await openPoll(chairs[0]!, 'person', true);
    await vi.waitFor(() => expect(publicView().polls.map((p) => p.id)).toContain(pollId));
    const started = performance.now();
    const acks = await Promise.all(
      voters.map((v, i) => call(v, 'polls:vote', { roomId: roomId(), pollId, choices: [i % 3] })),
    );
    const ackedMs = performance.now() - started;
    expect(acks.map(ackCode).filter((c) => c !== 'ok')).toEqual([]);
    expect(new Set(acks.map((a) => ackData<PollAck>(a).version)).size).toBe(VOTERS);
    const expected = [0, 1, 2].map(
      (option) => meeting.participants.filter((_, i) => i % 3 === option).length,
    );
    for (const view of chairViews) {
      await vi.waitFor(
        () => expect(view().polls.find((p) => p.id === pollId)?.result?.counts).toEqual(expected),
        {
          timeout: 30_000,
        },
      );
    }
    // Live counts stay with the co-chairs.
    expect(publicView().polls.find((p) => p.id === pollId)?.result).toBeNull();
    const closed = ackData<PollAck>(await call(chairs[1]!, 'polls:close', { roomId: roomId(), pollId }));
    expect(closed.poll.result).toEqual({ counts: expected, ballots: VOTERS, named: null });
    // Closing froze the result: late ballots are refused on both instances.
    expect(ackCode(await call(voters[0]!, 'polls:vote', { roomId: roomId(), pollId, choices: [2] }))).toBe(
      'poll_not_open',
    );
    expect(ackCode(await call(voters[1]!, 'polls:vote', { roomId: roomId(), pollId, choices: [2] }))).toBe(
      'poll_not_open',
    );
    process.stdout.write(`poll burst ${VOTERS}: every ballot acknowledged in ${Math.round(ackedMs)} ms\n`);
  }, 120_000);

  it('counts the last ballot of each delegation, and puts the published result under the current agenda item', async () => {
    const chair = await connectAs(instances[0]!, meeting.chairs[0]!.id);
    await writeAgenda(instances[0]!, roomId(), [
      { id: 'item-opening', title: 'Opening' },
      { id: 'item-trade', title: 'Trade' },
    ]);
    const agenda = new Y.Doc();
    Y.applyUpdate(agenda, await collabOf(instances[0]!).readDocumentState(docName(roomId(), DocKind.Agenda)));
    const items = readAgenda(agenda);
    await editMinutes(instances[0]!, roomId(), (doc) =>
      insertAgendaTemplate(doc, items, 'en', new Date().toISOString()),
    );
    ackData(
      await call(chair, 'agenda:set-current', {
        roomId: roomId(),
        itemId: 'item-opening',
        itemIds: ['item-opening', 'item-trade'],
      }),
    );
    const pollId = await openPoll(chair, 'delegation');
    // Participants 0 and 2 are in Japan's delegation, 1 in the United States'.
    const [jp1, us, jp2] = [voters[0]!, voters[1]!, voters[2]!];
    ackData(await call(jp1, 'polls:vote', { roomId: roomId(), pollId, choices: [0] }));
    ackData(await call(us, 'polls:vote', { roomId: roomId(), pollId, choices: [1] }));
    const changed = ackData<PollAck>(
      await call(jp2, 'polls:vote', { roomId: roomId(), pollId, choices: [2] }),
    );
    expect(changed.poll.mine).toEqual([2]);
    expect(changed.poll.result).toBeNull();
    const observer = await connectAs(instances[1]!, meeting.observer.id);
    expect(ackCode(await call(observer, 'polls:vote', { roomId: roomId(), pollId, choices: [0] }))).toBe(
      'cannot_vote',
    );
    const pushes = collect(jp1, 'polls:state');
    await follow(jp1);
    ackData(await call(chair, 'polls:close', { roomId: roomId(), pollId }));
    const published = ackData<PollAck>(
      await call(chair, 'polls:publish', { roomId: roomId(), pollId, language: 'en' }),
    );
    expect(published.minutes).toBe('added');
    expect(published.poll.result?.counts).toEqual([0, 1, 1]);
    await vi.waitFor(() =>
      expect(pushes.at(-1)?.polls.find((p) => p.id === pollId)).toMatchObject({
        status: 'published',
        result: { counts: [0, 1, 1], ballots: 2 },
      }),
    );
    const text = (await storedMinutesText(instances[1]!, roomId())).split('\n');
    const at = text.indexOf('Poll result: Adopt by delegation?');
    expect(at).toBeGreaterThan(text.indexOf('Opening'));
    expect(at).toBeLessThan(text.indexOf('Trade'));
    expect(text[at + 1]).toBe('2 ballots · one per delegation · named');
    const audit = await instances[0]!.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('room_id', '=', roomId())
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['polls.create', 'polls.close', 'polls.publish']),
    );
    // A second publish is refused: the block is written once.
    expect(ackCode(await call(chair, 'polls:publish', { roomId: roomId(), pollId }))).toBe(
      'already_published',
    );
  }, 60_000);

  it('lets only co-chairs run polls, nobody outside the room in, and refuses malformed payloads', async () => {
    const participant = voters[3]!;
    const outsider = await connectAs(instances[0]!, meeting.outsider.id);
    const spec = {
      question: 'Q?',
      kind: 'single' as const,
      options: ['A', 'B'],
      anonymous: false,
      voting: 'person' as const,
    };
    expect(ackCode(await call(participant, 'polls:create', { roomId: roomId(), poll: spec }))).toBe(
      'forbidden',
    );
    expect(ackCode(await call(outsider, 'polls:subscribe', { roomId: roomId() }))).toBe('forbidden');
    expect(
      ackCode(await call(outsider, 'polls:vote', { roomId: roomId(), pollId: 'p1', choices: [0] })),
    ).toBe('forbidden');
    const chair = await connectAs(instances[1]!, meeting.chairs[1]!.id);
    expect(
      ackCode(await call(chair, 'polls:create', { roomId: roomId(), poll: { ...spec, options: ['A'] } })),
    ).toBe('validation_failed');
    expect(
      ackCode(
        await call(chair, 'polls:create', { roomId: roomId(), poll: { ...spec, question: 'x'.repeat(501) } }),
      ),
    ).toBe('validation_failed');
    expect(
      ackCode(await call(participant, 'polls:vote', { roomId: roomId(), pollId: 'p1', choices: [] })),
    ).toBe('validation_failed');
    expect(ackCode(await call(participant, 'polls:vote', { roomId: roomId() } as never))).toBe(
      'validation_failed',
    );
  });
});
