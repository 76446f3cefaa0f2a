import { MinutesNode, minutesFragment } from '@roundtable/shared';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectDecisionsAndActions, fragmentToBlocks } from './blocks.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { groupAttendance, type Attendee, type ReportLanguage, type ReportModel } from './model.js';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}) {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function text(value: string, attributes?: Record<string, unknown>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
}

/** Minutes as the editor writes them: a section heading, a speaker, a list, a table, a decision. */
function buildMinutes(language: ReportLanguage): Y.Doc {
  const ja = language === 'ja';
  const doc = new Y.Doc();
  minutesFragment(doc).insert(0, [
    element(
      MinutesNode.Heading,
      [text(ja ? '1. サプライチェーンにおける人権' : '1. Human rights in supply chains')],
      {
        level: '2',
      },
    ),
    element(
      MinutesNode.SpeakerLine,
      [text(ja ? 'ガイドラインの普及について報告。' : 'Reported on the guidelines.')],
      {
        name: ja ? '柏原 恭子' : 'KASHIWABARA Kyoko',
        delegation: ja ? '日本 — 政府' : 'Japan — Government',
      },
    ),
    element(MinutesNode.Paragraph, [
      text(ja ? '重要' : 'Important', { bold: true }),
      text(ja ? 'な点：' : ' points:'),
    ]),
    element(MinutesNode.BulletList, [
      element(MinutesNode.ListItem, [
        element(MinutesNode.Paragraph, [text(ja ? '人権デューディリジェンス' : 'Due diligence')]),
      ]),
      element(MinutesNode.ListItem, [element(MinutesNode.Paragraph, [text('USMCA')])]),
    ]),
    element(MinutesNode.Table, [
      element(MinutesNode.TableRow, [
        element(MinutesNode.TableHeader, [element(MinutesNode.Paragraph, [text(ja ? '項目' : 'Topic')])]),
        element(MinutesNode.TableHeader, [element(MinutesNode.Paragraph, [text(ja ? '状況' : 'Status')])]),
      ]),
      element(MinutesNode.TableRow, [
        element(MinutesNode.TableCell, [element(MinutesNode.Paragraph, [text('UFLPA')])]),
        element(MinutesNode.TableCell, [element(MinutesNode.Paragraph, [text(ja ? '実施中' : 'In force')])]),
      ]),
    ]),
    element(MinutesNode.Decision, [text(ja ? '次回会合を6月に開催する' : 'Meet again in June')]),
    element(MinutesNode.ActionItem, [text(ja ? '事例集を共有する' : 'Share the case studies')], {
      owner: ja ? '米国通商代表部' : 'USTR',
      due: '2024-04-30',
    }),
  ]);
  return doc;
}

const ATTENDEES: Attendee[] = [
  {
    name: 'A',
    organization: 'Ministry of Economy, Trade and Industry',
    side: 'Japan',
    category: 'government',
  },
  { name: 'B', organization: 'Keidanren', side: 'Japan', category: 'private' },
  { name: 'C', organization: 'Ministry of Foreign Affairs', side: 'Japan', category: 'government' },
  { name: 'D', organization: 'Ministry of Foreign Affairs', side: 'Japan', category: 'government' },
  { name: 'E', organization: 'Department of Labor', side: 'United States', category: 'government' },
  {
    name: 'F',
    organization: 'International Labour Organization Office for Japan',
    side: 'Japan',
    category: 'international',
  },
];

function buildReport(language: ReportLanguage): ReportModel {
  const minutes = fragmentToBlocks(minutesFragment(buildMinutes(language)));
  return {
    language,
    title: language === 'ja' ? '日米タスクフォース 第1回' : 'Japan-U.S. Task Force, first round',
    seriesTitle: null,
    theme: '',
    description: '',
    timeZone: 'Asia/Tokyo',
    sessions: [{ label: 'Day 1', startsAt: '2024-02-06T00:00:00.000Z', endsAt: '2024-02-06T02:00:00.000Z' }],
    publishedAt: '2024-02-20T00:00:00.000Z',
    rooms: [
      {
        name: language === 'ja' ? '政府間対話' : 'Government-to-government dialogue',
        approvedAt: '2024-02-15T00:00:00.000Z',
        minutes,
        ...collectDecisionsAndActions(minutes),
        attendance: groupAttendance(ATTENDEES),
      },
    ],
  };
}

describe('attendance grouping', () => {
  it('groups by side in order of appearance, then category with government first, listing each organization once', () => {
    expect(groupAttendance(ATTENDEES)).toEqual([
      {
        side: 'Japan',
        categories: [
          {
            category: 'government',
            organizations: ['Ministry of Economy, Trade and Industry', 'Ministry of Foreign Affairs'],
            people: ['A', 'C', 'D'],
          },
          { category: 'private', organizations: ['Keidanren'], people: ['B'] },
          {
            category: 'international',
            organizations: ['International Labour Organization Office for Japan'],
            people: ['F'],
          },
        ],
      },
      {
        side: 'United States',
        categories: [{ category: 'government', organizations: ['Department of Labor'], people: ['E'] }],
      },
    ]);
  });
});

describe.each(['en', 'ja'] as const)('report exports in %s', (language) => {
  const report = buildReport(language);
  const ja = language === 'ja';

  it('lists decisions and action items separately from the minutes text', () => {
    const room = report.rooms[0]!;
    expect(room.decisions).toEqual([ja ? '次回会合を6月に開催する' : 'Meet again in June']);
    expect(room.actions).toEqual([
      {
        text: ja ? '事例集を共有する' : 'Share the case studies',
        owner: ja ? '米国通商代表部' : 'USTR',
        due: '2024-04-30',
      },
    ]);
  });

  it('renders Markdown with headings, emphasis, lists, a table and the grouped attendance', () => {
    const md = renderMarkdown(report);
    expect(md).toContain(
      ja ? '#### 1. サプライチェーンにおける人権' : '#### 1. Human rights in supply chains',
    );
    expect(md).toContain(ja ? '**重要**' : '**Important**');
    expect(md).toContain(ja ? '- 人権デューディリジェンス' : '- Due diligence');
    expect(md).toMatch(/\| (Topic|項目) \| (Status|状況) \|\n\| --- \| --- \|/);
    expect(md).toContain(
      ja
        ? '（政府）Ministry of Economy, Trade and Industry、Ministry of Foreign Affairs'
        : '(Government) Ministry of Economy, Trade and Industry; Ministry of Foreign Affairs',
    );
  });

  it('renders HTML that parses back with the minutes, the table and attendance under each side', () => {
    const root = parse(renderHtml(report));
    expect(root.querySelector('html')?.getAttribute('lang')).toBe(language);
    expect(root.querySelector('strong')?.text).toBeTruthy();
    expect(root.querySelectorAll('table th').map((th) => th.text)).toEqual(
      ja
        ? ['項目', '状況', 'アクションアイテム', '担当', '期限']
        : ['Topic', 'Status', 'Action items', 'Owner', 'Due'],
    );
    const sides = root.querySelectorAll('ul.attendance > li');
    expect(sides.map((li) => li.querySelector('strong')?.text)).toEqual(['Japan', 'United States']);
    expect(sides[0]!.querySelectorAll('li').map((li) => li.getAttribute('data-category'))).toEqual([
      'government',
      'private',
      'international',
    ]);
    expect(root.text).toContain(ja ? 'ガイドラインの普及について報告。' : 'Reported on the guidelines.');
  });

  it('escapes minutes text so it cannot inject markup into the HTML report', () => {
    const hostile: ReportModel = {
      ...report,
      rooms: [
        {
          ...report.rooms[0]!,
          minutes: [
            {
              type: 'paragraph',
              content: [{ text: '<script>alert(1)</script>', link: 'javascript:alert(1)' }],
            },
          ],
        },
      ],
    };
    const html = renderHtml(hostile);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('javascript:');
  });

  it('renders a DOCX that parses back with the minutes text, the table and the grouped attendance', async () => {
    const buffer = await renderDocx(report);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const root = parse(html);
    const text = root.text;
    expect(text).toContain(ja ? 'ガイドラインの普及について報告。' : 'Reported on the guidelines.');
    expect(root.querySelectorAll('strong').map((s) => s.text)).toContain(ja ? '重要' : 'Important');
    expect(root.querySelectorAll('table').length).toBeGreaterThanOrEqual(1);
    expect(text).toContain('UFLPA');
    expect(text).toContain(
      ja
        ? '（政府）Ministry of Economy, Trade and Industry、Ministry of Foreign Affairs'
        : '(Government) Ministry of Economy, Trade and Industry; Ministry of Foreign Affairs',
    );
    expect(text.indexOf('Japan')).toBeLessThan(text.indexOf('United States'));
  });
});
