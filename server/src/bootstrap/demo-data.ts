import type { AccessRule, Category, LocalizedText, RoomRole, Venue } from '@roundtable/shared';

/*
 * The demo's content, after the two seed situations (`../shared/seeds/`): the Japan-U.S. task force
 * with its government-to-government and stakeholder dialogues, and ASSC's monthly Foreign Workers
 * Round Table. The two co-chairs and every organization are the seed's; the other people's names
 * are invented for the demo. Everything organizers write is entered in English and Japanese.
 */

/** English and Japanese, both written. */
const t = (en: string, ja: string): LocalizedText => ({ en, ja });

/** One agenda item of a demo room, presenters with their affiliations in both languages. */
export interface DemoAgendaItem {
  titles: LocalizedText;
  durationMinutes: number;
  presenters?: ReadonlyArray<{ name: string; affiliation: LocalizedText }>;
}

export interface DemoRoom {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  access: AccessRule;
  agenda?: readonly DemoAgendaItem[];
}

export interface DemoPerson {
  name: string;
  organization: string;
  side: string;
  category: Category;
  /** Explicit roles by room key; without one, the room's access rule decides (as `participant`). */
  roles?: Readonly<Record<string, RoomRole>>;
}

export interface DemoEvent {
  series: { title: LocalizedText; description: LocalizedText };
  title: LocalizedText;
  theme: LocalizedText;
  description: LocalizedText;
  venues: Venue[];
  registrationOpen: boolean;
  /** Sittings: days from today (Tokyo), start hour in Tokyo, length in hours, label. */
  sessions: ReadonlyArray<{ inDays: number; hour: number; hours: number; label: LocalizedText }>;
  rooms: DemoRoom[];
  delegations: ReadonlyArray<{ side: string; category: Category; name: LocalizedText }>;
  people: DemoPerson[];
}

const JP = 'Japan';
const US = 'United States';
const SIDE_NAMES: Readonly<Record<string, LocalizedText>> = { [JP]: t(JP, '日本'), [US]: t(US, '米国') };
const CATEGORY_NAMES: ReadonlyArray<[Category, LocalizedText]> = [
  ['government', t('Government', '政府')],
  ['private', t('Private sector', '民間')],
  ['worker', t('Worker organization', '労働組合')],
  ['civil_society', t('Civil society', '市民社会')],
  ['international', t('International organization (UN)', '国際機関（国連）')],
];
const sideName = (side: string, label: LocalizedText): LocalizedText => {
  const names = SIDE_NAMES[side] ?? t(side, side);
  return t(`${names.en} — ${label.en}`, `${names.ja} — ${label.ja}`);
};
const METI = t('Ministry of Economy, Trade and Industry', '経済産業省');
const USTR = t('Office of the United States Trade Representative', '米国通商代表部');
const CO_CHAIRS = [
  { name: 'KASHIWABARA Kyoko', affiliation: METI },
  { name: 'Katy Mastman', affiliation: USTR },
];
const G2G = 'g2g';
const STAKEHOLDER = 'stakeholder';
const chairEverywhere = { [G2G]: 'co_chair', [STAKEHOLDER]: 'co_chair' } as const;
const notesEverywhere = { [G2G]: 'note_taker', [STAKEHOLDER]: 'note_taker' } as const;

export const TASK_FORCE: DemoEvent = {
  series: {
    title: t(
      'Japan-U.S. Task Force on the Promotion of Human Rights and International Labor Standards in Supply Chains',
      'サプライチェーンにおける人権及び国際労働基準の促進に関する日米タスクフォース',
    ),
    description: t(
      'Established in January 2023, the Task Force aims to protect and promote human rights and ' +
        'internationally recognized labor rights in supply chains: sharing information on trade ' +
        'policies, laws, guidelines and, where appropriate, enforcement practices.',
      '2023年1月に設置。サプライチェーンにおける人権及び国際的に認められた労働者の権利の保護・促進を' +
        '目的とし、貿易政策、法令、ガイドライン及び、適当な場合には執行の実務について情報を共有する。',
    ),
  },
  title: t('First round', '第1回会合'),
  theme: t(
    'Human rights and international labor standards in supply chains',
    'サプライチェーンにおける人権と国際労働基準',
  ),
  description: t(
    'Government-to-government dialogue and stakeholder dialogue, held virtually and co-chaired by ' +
      'one official from each country. The real first round met on February 6 and February 14, 2024 ' +
      '(Japan time); in this demo its two sittings are scheduled from tomorrow so the rooms are live.',
    '政府間対話とステークホルダー対話をオンラインで開催し、両国の担当者各1名が共同議長を務める。' +
      '実際の第1回会合は2024年2月6日と2月14日（日本時間）に開催された。このデモでは会議室を使えるよう、' +
      '2回の会議を明日以降に予定している。',
  ),
  venues: [{ id: 'online', name: t('Online', 'オンライン'), kind: 'online' }],
  registrationOpen: false,
  sessions: [
    { inDays: 1, hour: 9, hours: 3, label: t('First sitting', '第1回会議') },
    { inDays: 8, hour: 9, hours: 3, label: t('Second sitting', '第2回会議') },
  ],
  rooms: [
    {
      key: G2G,
      name: t('Government-to-government dialogue', '政府間対話'),
      description: t(
        'Both governments exchange information on initiatives to protect and promote human rights and ' +
          'internationally recognized labor rights in supply chains.',
        '両国政府が、サプライチェーンにおける人権及び国際的に認められた労働者の権利の保護・促進に関する' +
          '取組について情報交換を行う。',
      ),
      access: { mode: 'restricted', categories: ['government'], personIds: [] },
      agenda: [
        {
          titles: t('Opening remarks by the co-chairs', '共同議長による開会挨拶'),
          durationMinutes: 10,
          presenters: CO_CHAIRS,
        },
        {
          titles: t(
            'Guidelines for Respecting Human Rights in Responsible Supply Chains',
            '責任あるサプライチェーン等における人権尊重のためのガイドライン',
          ),
          durationMinutes: 30,
          presenters: [{ name: 'KASHIWABARA Kyoko', affiliation: METI }],
        },
        {
          titles: t(
            'Labor matters under the USMCA and the Uyghur Forced Labor Prevention Act',
            'USMCAにおける労働問題及びウイグル強制労働防止法',
          ),
          durationMinutes: 30,
          presenters: [{ name: 'Katy Mastman', affiliation: USTR }],
        },
        { titles: t('Next steps', '今後の進め方'), durationMinutes: 15 },
      ],
    },
    {
      key: STAKEHOLDER,
      name: t('Stakeholder dialogue', 'ステークホルダー対話'),
      description: t(
        'Both governments present their policies on business and human rights; businesses, worker ' +
          'organizations, civil society and the United Nations introduce their initiatives, including ' +
          'human rights due diligence.',
        '両国政府がビジネスと人権に関する政策を説明し、企業、労働組合、市民社会団体及び国連が' +
          '人権デュー・ディリジェンスを含む取組を紹介する。',
      ),
      access: { mode: 'event' },
      agenda: [
        {
          titles: t('Opening remarks by the co-chairs', '共同議長による開会挨拶'),
          durationMinutes: 10,
          presenters: CO_CHAIRS,
        },
        {
          titles: t('Government policies on business and human rights', 'ビジネスと人権に関する両政府の政策'),
          durationMinutes: 30,
        },
        {
          titles: t(
            'Stakeholders’ initiatives, including due diligence',
            'デュー・ディリジェンスを含むステークホルダーの取組',
          ),
          durationMinutes: 45,
          presenters: [
            {
              name: 'WATANABE Daiki',
              affiliation: t('Keidanren (Japan Business Federation)', '日本経済団体連合会'),
            },
            {
              name: 'KOBAYASHI Emi',
              affiliation: t('RENGO (Japanese Trade Union Confederation)', '日本労働組合総連合会'),
            },
            {
              name: 'Emily Johnson',
              affiliation: t('US Council for International Business', '米国国際ビジネス評議会'),
            },
          ],
        },
      ],
    },
  ],
  delegations: [JP, US].flatMap((side) =>
    CATEGORY_NAMES.map(([category, label]) => ({ side, category, name: sideName(side, label) })),
  ),
  people: [
    {
      name: 'KASHIWABARA Kyoko',
      organization: 'Ministry of Economy, Trade and Industry',
      side: JP,
      category: 'government',
      roles: chairEverywhere,
    },
    {
      name: 'Katy Mastman',
      organization: 'Office of the United States Trade Representative',
      side: US,
      category: 'government',
      roles: chairEverywhere,
    },
    {
      name: 'MORI Hana',
      organization: 'Ministry of Economy, Trade and Industry',
      side: JP,
      category: 'government',
      roles: notesEverywhere,
    },
    {
      name: 'Thomas Reed',
      organization: 'Office of the United States Trade Representative',
      side: US,
      category: 'government',
      roles: notesEverywhere,
    },
    { name: 'TANAKA Yui', organization: 'Ministry of Foreign Affairs', side: JP, category: 'government' },
    {
      name: 'SUZUKI Ken',
      organization: 'Ministry of Health, Labour and Welfare',
      side: JP,
      category: 'government',
    },
    { name: 'Maria Lopez', organization: 'Department of Labor', side: US, category: 'government' },
    { name: 'James Carter', organization: 'Department of State', side: US, category: 'government' },
    {
      name: 'WATANABE Daiki',
      organization: 'Keidanren (Japanese Business Federation)',
      side: JP,
      category: 'private',
    },
    {
      name: 'KOBAYASHI Emi',
      organization: 'RENGO (Japanese Trade Union Confederation)',
      side: JP,
      category: 'worker',
    },
    {
      name: 'NAKAMURA Rina',
      organization: 'The Global Alliance for Sustainable Supply Chain (ASSC)',
      side: JP,
      category: 'civil_society',
    },
    {
      name: 'YOSHIDA Mai',
      organization: 'International Labour Organization Office for Japan',
      side: JP,
      category: 'international',
    },
    {
      name: 'Emily Johnson',
      organization: 'US Council for International Business (USCIB)',
      side: US,
      category: 'private',
    },
    { name: 'Sarah Williams', organization: 'AFL-CIO', side: US, category: 'worker' },
    { name: 'David Miller', organization: 'Verité', side: US, category: 'civil_society' },
    {
      name: 'HAYASHI Ren',
      organization: 'Business Policy Forum, Japan',
      side: JP,
      category: 'civil_society',
      roles: { [STAKEHOLDER]: 'observer' },
    },
  ],
};

const ROUND_TABLE_ROOM = 'round-table';

export const FOREIGN_WORKERS: DemoEvent = {
  series: {
    title: t('Foreign Workers Round Table', '外国人労働者ラウンドテーブル'),
    description: t(
      'A monthly multi-sector round table held by ASSC on labor and human rights issues of foreign ' +
        'workers in Japan (including Technical Intern Trainees), with a theme and external lecturers ' +
        'each session, in Tokyo and Osaka. Participation is free; reports are published afterwards.',
      'ASSCが毎月開催する、日本の外国人労働者（技能実習生を含む）の労働・人権問題に関するマルチ' +
        'セクターのラウンドテーブル。毎回テーマを設けて外部講師を招き、東京と大阪で開催する。参加は' +
        '無料で、報告書は後日公開する。',
    ),
  },
  title: t('Round Table 2', '第2回ラウンドテーブル'),
  theme: t('Recruitment fees and debt in sending countries', '送り出し国における手数料と借金'),
  description: t(
    'Register with your name, organization, phone number and place (Tokyo, Osaka or online). ' +
      'Each monthly session has its own theme.',
    '氏名、所属団体、電話番号、参加場所（東京・大阪・オンライン）を添えてお申し込みください。' +
      '毎月の会合にはそれぞれテーマがあります。',
  ),
  venues: [
    { id: 'tokyo', name: t('Tokyo', '東京'), kind: 'in_person' },
    { id: 'osaka', name: t('Osaka', '大阪'), kind: 'in_person' },
    { id: 'online', name: t('Online', 'オンライン'), kind: 'online' },
  ],
  registrationOpen: true,
  sessions: [
    {
      inDays: 14,
      hour: 14,
      hours: 2,
      label: t('Recruitment fees and debt in sending countries', '送り出し国における手数料と借金'),
    },
    {
      inDays: 42,
      hour: 14,
      hours: 2,
      label: t('Technical Intern Training: working conditions', '技能実習：労働条件'),
    },
    {
      inDays: 70,
      hour: 14,
      hours: 2,
      label: t('Grievance mechanisms for foreign workers', '外国人労働者のための苦情処理メカニズム'),
    },
  ],
  rooms: [
    {
      key: ROUND_TABLE_ROOM,
      name: t('Round table', 'ラウンドテーブル'),
      description: t(
        'Companies, ministries, lawyers and NGOs discuss the session theme with the lecturer.',
        '企業、省庁、弁護士、NGOが講師とともに会合のテーマについて議論する。',
      ),
      access: { mode: 'event' },
    },
  ],
  delegations: CATEGORY_NAMES.filter(([c]) => c !== 'international').map(([category, label]) => ({
    side: JP,
    category,
    name: label,
  })),
  people: [],
};
