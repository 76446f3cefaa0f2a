import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '@roundtable/shared';
import { json, startWithPeople, type ApiCall } from '../events/testing.js';
import type { TestApp } from '../test/app.js';
import { buildDelegation, buildRoom } from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';

describe.each(STORE_KINDS)('CSV exports (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let eventId: string;

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      member,
      event: { id: eventId },
    } = await startWithPeople(kind, {
      event: { registrationOpen: true },
    }));
  });
  afterAll(() => testApp.close());

  /** The raw bytes as Excel reads them (fetch's text() would drop the BOM). */
  const download = async (path: string, cookie = organizer) => {
    const response = await fetch(`${testApp.url}${path}`, { headers: { cookie } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  it('exports registrations as UTF-8 with a BOM, Japanese intact and formulas escaped', async () => {
    const body = {
      name: '佐藤 博',
      organization: '=HYPERLINK("http://evil")',
      email: 'sato@example.jp',
      phone: '+81 3 1234 5678',
      place: 'osaka',
    };
    expect((await call('POST', `/api/events/${eventId}/registrations`, { body })).status).toBe(201);
    const { response, bytes } = await download(`/api/events/${eventId}/registrations.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain(`registrations-${eventId}.csv`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('registered_at,status,name,organization,email,phone,place,language,decided_at');
    const row = lines.find((l) => l.includes('sato@example.jp'));
    expect(row).toContain(',pending,佐藤 博,');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain(',Osaka,en,');
  });

  it('exports members with delegation, place and room roles', async () => {
    const { db } = testApp.store;
    const delegation = await buildDelegation(db, eventId, {
      side: 'Japan',
      category: 'government',
      name: 'METI',
    });
    const room = await buildRoom(db, eventId, { name: 'Government-to-government dialogue' });
    const list = json<Registration[]>(
      await call('GET', `/api/events/${eventId}/registrations`, { cookie: organizer }),
    );
    const registration = list.find((r) => r.email === 'sato@example.jp');
    await call('POST', `/api/registrations/${registration!.id}/approve`, {
      cookie: organizer,
      body: { delegationId: delegation.id, roles: [{ roomId: room.id, role: 'co_chair' }] },
    });
    const { bytes } = await download(`/api/events/${eventId}/members.csv`);
    const text = new TextDecoder().decode(bytes);
    const row = text.split('\r\n').find((l) => l.startsWith('佐藤 博,'));
    expect(row).toContain(',Japan,government,METI,Osaka,Government-to-government dialogue: co_chair');
  });

  it('keeps the exports to organizers', async () => {
    expect((await download(`/api/events/${eventId}/members.csv`, member)).response.status).toBe(403);
    expect((await download(`/api/events/${eventId}/registrations.csv`, '')).response.status).toBe(401);
  });
});
