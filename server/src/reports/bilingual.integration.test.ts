import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@roundtable/shared';
import { eventColumns, roomColumns } from '../events/rows.js';
import { api } from '../minutes/test-support.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { seedTaskForce, type TaskForce } from './test-support.js';

/*
 * The organizers' content in the report's language: the event and the government room are written
 * in both languages, the stakeholder room in English only (so a Japanese report falls back to it).
 */
const TITLE = { en: 'Japan-U.S. Task Force', ja: '日米タスクフォース' };
const THEME = { en: 'Supply chains', ja: 'サプライチェーン' };
const GOV = { en: 'Government-to-government dialogue', ja: '政府間対話' };
const STAKE = { en: 'Stakeholder dialogue', ja: '' };

describe('the report in either language', () => {
  let app: TestApp;
  let force: TaskForce;

  beforeAll(async () => {
    app = await startTestApp();
    force = await seedTaskForce(app, { visibility: 'public', publishBoth: true });
    const db = app.store.db;
    await db
      .updateTable('events')
      .set(eventColumns({ ...force.event, title: TITLE, theme: THEME }))
      .where('id', '=', force.event.id)
      .execute();
    for (const [room, name] of [
      [force.govRoom, GOV],
      [force.stakeholderRoom, STAKE],
    ] as const) {
      await db
        .updateTable('rooms')
        .set(roomColumns({ ...room, name }))
        .where('id', '=', room.id)
        .execute();
    }
  });
  afterAll(() => app.close());

  async function exportsIn(lang: 'en' | 'ja'): Promise<Record<'json' | 'md' | 'html' | 'docx', string>> {
    const path = (format: string) => `/events/${force.event.id}/report${format}?lang=${lang}`;
    const json = await api<Report>(app, null, 'GET', path(''));
    expect(json.body.language).toBe(lang);
    const md = await api<string>(app, null, 'GET', path('.md'));
    const html = await api<string>(app, null, 'GET', path('.html'));
    const docx = await fetch(`${app.url}/api${path('.docx')}`);
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await docx.arrayBuffer()) });
    const report = json.body;
    return {
      json: [report.title, report.theme, ...report.rooms.map((r) => r.name)].join('\n'),
      md: md.body,
      html: parse(html.body).text,
      docx: parse(value).text,
    };
  }

  it('writes titles and room names in Japanese when asked, in every export, falling back to English', async () => {
    const files = await exportsIn('ja');
    for (const [format, text] of Object.entries(files)) {
      expect.soft(text, format).toContain(TITLE.ja);
      expect.soft(text, format).toContain(THEME.ja);
      expect.soft(text, format).toContain(GOV.ja);
      expect.soft(text, format).toContain(STAKE.en);
      expect.soft(text, format).not.toContain(TITLE.en);
      expect.soft(text, format).not.toContain(GOV.en);
    }
    expect(files.html).toContain('議事録');
  });

  it('writes them in English when asked, in every export', async () => {
    const files = await exportsIn('en');
    for (const [format, text] of Object.entries(files)) {
      expect.soft(text, format).toContain(TITLE.en);
      expect.soft(text, format).toContain(GOV.en);
      expect.soft(text, format).toContain(STAKE.en);
      expect.soft(text, format).not.toContain(TITLE.ja);
      expect.soft(text, format).not.toContain(GOV.ja);
    }
  });

  it('marks the HTML export as Japanese and keeps Japanese line breaking rules', async () => {
    const html = await api<string>(app, null, 'GET', `/events/${force.event.id}/report.html?lang=ja`);
    expect(html.body).toContain('<html lang="ja">');
    expect(html.body).toMatch(/line-break:\s*strict/);
  });
});
