import mammoth from 'mammoth';
import { HTMLElement, parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@roundtable/shared';
import { api } from '../minutes/test-support.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { seedTaskForce, TASK_FORCE_TEXT, type TaskForce } from './test-support.js';

/** What the seeded task force's published report must say, per language. */
const EXPECTED = {
  en: {
    attendance: 'Participating ministries and organizations',
    // Names with commas stay apart: the seed joins organizations with "; ".
    japanGov: '(Government) Ministry of Economy, Trade and Industry; Ministry of Foreign Affairs',
    usGov: '(Government) Department of State; USTR',
    stakeholders: [
      ['(Government) Ministry of Foreign Affairs'],
      ['(Government) Department of State', '(Private) Acme Corporation'],
    ],
  },
  ja: {
    attendance: '参加省庁・団体',
    japanGov: '（政府）Ministry of Economy, Trade and Industry、Ministry of Foreign Affairs',
    usGov: '（政府）Department of State、USTR',
    stakeholders: [
      ['（政府）Ministry of Foreign Affairs'],
      ['（政府）Department of State', '（民間）Acme Corporation'],
    ],
  },
} as const;

describe.each(['en', 'ja'] as const)('the published report through HTTP, in %s', (language) => {
  let app: TestApp;
  let force: TaskForce;
  const t = TASK_FORCE_TEXT[language];
  const expected = EXPECTED[language];
  const path = (format: string, query = '') =>
    `/events/${force.event.id}/report${format}?lang=${language}${query}`;

  beforeAll(async () => {
    app = await startTestApp();
    force = await seedTaskForce(app, { visibility: 'public', language, publishBoth: true });
  });
  afterAll(() => app.close());

  it('answers JSON with the minutes as blocks, decisions, action items and attendance by side then category', async () => {
    const res = await api<Report>(app, null, 'GET', path(''));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const report = res.body;
    expect(report).toMatchObject({ language, visibility: 'public', title: 'Task Force' });
    expect(report.rooms.map((r) => r.name)).toEqual([t.gov, t.stake]);
    const room = report.rooms[0]!;
    expect(room).toMatchObject({ name: t.gov, status: 'published', decisions: [t.decision] });
    expect(room.actions).toEqual([{ text: t.action, owner: t.owner, due: '2026-04-30' }]);
    expect(room.minutes[0]).toEqual({ type: 'heading', level: 2, content: [{ text: t.heading }] });
    expect(room.attendance.map((g) => [g.side, g.categories.map((c) => c.category)])).toEqual([
      [t.japan, ['government']],
      [t.us, ['government']],
    ]);
    expect(report.rooms[1]!.attendance.map((g) => [g.side, g.categories.map((c) => c.category)])).toEqual([
      [t.japan, ['government']],
      [t.us, ['government', 'private']],
    ]);
  });

  it('exports HTML that parses back with the minutes text and the attendance grouped under each side', async () => {
    const res = await api<string>(app, null, 'GET', path('.html'));
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const root = parse(res.body);
    expect(root.querySelector('html')?.getAttribute('lang')).toBe(language);
    expect(root.text).toContain(t.spoke);
    expect(root.querySelectorAll('h3').map((h) => h.text)).toContain(expected.attendance);
    // Per room, per side: the category lines under that side.
    const [gov, stake] = root
      .querySelectorAll('ul.attendance')
      .map((list) =>
        list.childNodes
          .filter((node): node is HTMLElement => node instanceof HTMLElement)
          .map((side) => side.querySelectorAll('li').map((category) => category.text)),
      );
    expect(
      root
        .querySelectorAll('ul.attendance')[0]!
        .querySelectorAll('strong')
        .map((s) => s.text),
    ).toEqual([t.japan, t.us]);
    expect(gov).toEqual([[expected.japanGov], [expected.usGov]]);
    expect(stake).toEqual(expected.stakeholders);
    expect(root.text).toContain(t.secret);
    expect(res.body).not.toContain('window.print');
  });

  it('opens the print dialog for the PDF export when asked', async () => {
    const res = await api<string>(app, null, 'GET', path('.html', '&print=1'));
    expect(parse(res.body).querySelector('script')?.text).toContain('window.print()');
  });

  it('exports Markdown with the minutes and the grouped attendance, as a download', async () => {
    const res = await api<string>(app, null, 'GET', path('.md'));
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Task%20Force.md");
    expect(res.body).toContain(`#### ${t.heading}`);
    expect(res.body).toContain(t.spoke);
    expect(res.body).toContain(expected.japanGov);
    expect(res.body.indexOf(expected.japanGov)).toBeLessThan(res.body.indexOf(expected.usGov));
    const [government, privateSector] = expected.stakeholders[1];
    expect(res.body.indexOf(government)).toBeLessThan(res.body.indexOf(privateSector));
  });

  it('exports a DOCX that parses back with the minutes text and the attendance grouped by side', async () => {
    const res = await fetch(`${app.url}/api${path('.docx')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const buffer = Buffer.from(await res.arrayBuffer());
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const text = parse(html).text;
    expect(text).toContain(t.spoke);
    expect(text).toContain(t.decision);
    expect(text).toContain(expected.attendance);
    // Side, then its categories: Japan's government, then the United States' government.
    const japanGov = text.indexOf(expected.japanGov);
    const usSide = text.indexOf(t.us, japanGov);
    expect(japanGov).toBeGreaterThan(text.indexOf(expected.attendance));
    expect(usSide).toBeGreaterThan(japanGov);
    expect(text.indexOf(expected.usGov)).toBeGreaterThan(usSide);
    const [government, privateSector] = expected.stakeholders[1];
    expect(text.indexOf(privateSector)).toBeGreaterThan(text.indexOf(government));
    expect(text).toContain(t.secret);
  });
});
