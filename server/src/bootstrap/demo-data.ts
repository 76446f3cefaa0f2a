import type { AccessRule, Category, RoomRole, Venue } from '@roundtable/shared';

/*
 * The demo's content, after the two seed situations (`../shared/seeds/`): the Japan-U.S. task force
 * with its government-to-government and stakeholder dialogues, and ASSC's monthly Foreign Workers
 * Round Table. The two co-chairs and every organization are the seed's; the other people's names
 * are invented for the demo.
 */

export interface DemoRoom {
  key: string;
  name: string;
  description: string;
  access: AccessRule;
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
  series: { title: string; description: string };
  title: string;
  theme: string;
  description: string;
  venues: Venue[];
  registrationOpen: boolean;
  /** Sittings: days from today (Tokyo), start hour in Tokyo, length in hours, label. */
  sessions: ReadonlyArray<{ inDays: number; hour: number; hours: number; label: string }>;
  rooms: DemoRoom[];
  delegations: ReadonlyArray<{ side: string; category: Category; name: string }>;
  people: DemoPerson[];
}

const JP = 'Japan';
const US = 'United States';
const CATEGORY_NAMES: ReadonlyArray<[Category, string]> = [
  ['government', 'Government'],
  ['private', 'Private sector'],
  ['worker', 'Worker organization'],
  ['civil_society', 'Civil society'],
  ['international', 'International organization (UN)'],
];
const G2G = 'g2g';
const STAKEHOLDER = 'stakeholder';
const chairEverywhere = { [G2G]: 'co_chair', [STAKEHOLDER]: 'co_chair' } as const;
const notesEverywhere = { [G2G]: 'note_taker', [STAKEHOLDER]: 'note_taker' } as const;

export const TASK_FORCE: DemoEvent = {
  series: {
    title:
      'Japan-U.S. Task Force on the Promotion of Human Rights and International Labor Standards in Supply Chains',
    description:
      'Established in January 2023, the Task Force aims to protect and promote human rights and ' +
      'internationally recognized labor rights in supply chains: sharing information on trade ' +
      'policies, laws, guidelines and, where appropriate, enforcement practices.',
  },
  title: 'First round',
  theme: 'Human rights and international labor standards in supply chains',
  description:
    'Government-to-government dialogue and stakeholder dialogue, held virtually and co-chaired by ' +
    'one official from each country. The real first round met on February 6 and February 14, 2024 ' +
    '(Japan time); in this demo its two sittings are scheduled from tomorrow so the rooms are live.',
  venues: [{ id: 'online', name: 'Online', kind: 'online' }],
  registrationOpen: false,
  sessions: [
    { inDays: 1, hour: 9, hours: 3, label: 'First sitting' },
    { inDays: 8, hour: 9, hours: 3, label: 'Second sitting' },
  ],
  rooms: [
    {
      key: G2G,
      name: 'Government-to-government dialogue',
      description:
        'Both governments exchange information on initiatives to protect and promote human rights and ' +
        'internationally recognized labor rights in supply chains.',
      access: { mode: 'restricted', categories: ['government'], personIds: [] },
    },
    {
      key: STAKEHOLDER,
      name: 'Stakeholder dialogue',
      description:
        'Both governments present their policies on business and human rights; businesses, worker ' +
        'organizations, civil society and the United Nations introduce their initiatives, including ' +
        'human rights due diligence.',
      access: { mode: 'event' },
    },
  ],
  delegations: [JP, US].flatMap((side) =>
    CATEGORY_NAMES.map(([category, label]) => ({ side, category, name: `${side} — ${label}` })),
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
    title: 'Foreign Workers Round Table',
    description:
      'A monthly multi-sector round table held by ASSC on labor and human rights issues of foreign ' +
      'workers in Japan (including Technical Intern Trainees), with a theme and external lecturers ' +
      'each session, in Tokyo and Osaka. Participation is free; reports are published afterwards.',
  },
  title: 'Round Table 2',
  theme: 'Recruitment fees and debt in sending countries',
  description:
    'Register with your name, organization, phone number and place (Tokyo, Osaka or online). ' +
    'Each monthly session has its own theme.',
  venues: [
    { id: 'tokyo', name: 'Tokyo', kind: 'in_person' },
    { id: 'osaka', name: 'Osaka', kind: 'in_person' },
    { id: 'online', name: 'Online', kind: 'online' },
  ],
  registrationOpen: true,
  sessions: [
    { inDays: 14, hour: 14, hours: 2, label: 'Recruitment fees and debt in sending countries' },
    { inDays: 42, hour: 14, hours: 2, label: 'Technical Intern Training: working conditions' },
    { inDays: 70, hour: 14, hours: 2, label: 'Grievance mechanisms for foreign workers' },
  ],
  rooms: [
    {
      key: ROUND_TABLE_ROOM,
      name: 'Round table',
      description: 'Companies, ministries, lawyers and NGOs discuss the session theme with the lecturer.',
      access: { mode: 'event' },
    },
  ],
  delegations: CATEGORY_NAMES.filter(([c]) => c !== 'international').map(([category, label]) => ({
    side: JP,
    category,
    name: `${label}`,
  })),
  people: [],
};
