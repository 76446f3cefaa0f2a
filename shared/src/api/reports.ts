import { z } from 'zod';
import { ReportVisibilitySchema } from '../domain/events.js';
import { CategorySchema, IdSchema, TimestampSchema } from '../domain/people.js';
import { MinutesStatusSchema } from './minutes.js';

/*
 * An event's report: its details and, per room, the approved minutes as neutral blocks (the
 * editor's structure, nothing more), the decisions and action items, and who took part grouped
 * by side then category. `GET /api/events/{eventId}/report` answers it as JSON; `.md`, `.html`
 * and `.docx` render the same content.
 */

export const ReportLanguageSchema = z.enum(['en', 'ja']);
export type ReportLanguage = z.infer<typeof ReportLanguageSchema>;

/** A run of text with its formatting; `break` is a hard line break (empty text). */
export const ReportInlineSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strike: z.boolean().optional(),
  code: z.boolean().optional(),
  link: z.string().optional(),
  break: z.boolean().optional(),
});
export type ReportInline = z.infer<typeof ReportInlineSchema>;

export type ReportBlock =
  | { type: 'heading'; level: number; content: ReportInline[] }
  | { type: 'paragraph'; content: ReportInline[] }
  | { type: 'list'; ordered: boolean; items: ReportBlock[][] }
  | { type: 'blockquote'; children: ReportBlock[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'table'; rows: { cells: { header: boolean; children: ReportBlock[] }[] }[] }
  | { type: 'decision'; content: ReportInline[] }
  | { type: 'action'; content: ReportInline[]; owner: string; due: string }
  | { type: 'speaker'; name: string; delegation: string; content: ReportInline[] };

const inlines = z.array(ReportInlineSchema);

/** One block of the minutes. Recursive (lists, quotes and tables hold blocks). */
export const ReportBlockSchema: z.ZodType<ReportBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), level: z.number().int(), content: inlines }),
    z.object({ type: z.literal('paragraph'), content: inlines }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(ReportBlockSchema)) }),
    z.object({ type: z.literal('blockquote'), children: z.array(ReportBlockSchema) }),
    z.object({ type: z.literal('code'), text: z.string() }),
    z.object({ type: z.literal('rule') }),
    z.object({
      type: z.literal('table'),
      rows: z.array(
        z.object({
          cells: z.array(z.object({ header: z.boolean(), children: z.array(ReportBlockSchema) })),
        }),
      ),
    }),
    z.object({ type: z.literal('decision'), content: inlines }),
    z.object({ type: z.literal('action'), content: inlines, owner: z.string(), due: z.string() }),
    z.object({ type: z.literal('speaker'), name: z.string(), delegation: z.string(), content: inlines }),
  ]),
);

/** "Japan — (Government) Ministry of Foreign Affairs, …": one side, its categories in order. */
export const ReportAttendanceGroupSchema = z.object({
  side: z.string(),
  categories: z.array(
    z.object({
      /** Null for people outside any delegation. */
      category: CategorySchema.nullable(),
      organizations: z.array(z.string()),
      people: z.array(z.string()),
    }),
  ),
});
export type ReportAttendanceGroup = z.infer<typeof ReportAttendanceGroupSchema>;

export const ReportActionSchema = z.object({ text: z.string(), owner: z.string(), due: z.string() });
export type ReportAction = z.infer<typeof ReportActionSchema>;

export const ReportRoomSchema = z.object({
  roomId: IdSchema,
  name: z.string(),
  /** `approved` rooms appear only in organizers' preview; everyone else sees published ones. */
  status: MinutesStatusSchema.extract(['approved', 'published']),
  approvedAt: TimestampSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  minutes: z.array(ReportBlockSchema),
  decisions: z.array(z.string()),
  actions: z.array(ReportActionSchema),
  attendance: z.array(ReportAttendanceGroupSchema),
});
export type ReportRoom = z.infer<typeof ReportRoomSchema>;

export const ReportSchema = z.object({
  eventId: IdSchema,
  language: ReportLanguageSchema,
  visibility: ReportVisibilitySchema,
  title: z.string(),
  seriesTitle: z.string().nullable(),
  theme: z.string(),
  description: z.string(),
  timeZone: z.string(),
  sessions: z.array(z.object({ label: z.string(), startsAt: TimestampSchema, endsAt: TimestampSchema })),
  /** The latest publication among the rooms listed; null when none is published yet. */
  publishedAt: TimestampSchema.nullable(),
  rooms: z.array(ReportRoomSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportQuerySchema = z.object({ lang: ReportLanguageSchema.default('en') });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Exports also take `print=1` (HTML only): the page opens the browser's print dialog (PDF). */
export const ReportExportQuerySchema = ReportQuerySchema.extend({
  print: z.enum(['0', '1']).optional(),
});
export type ReportExportQuery = z.infer<typeof ReportExportQuerySchema>;

/** File formats of `GET /api/events/{eventId}/report.{format}`. */
export const ReportFormat = { Markdown: 'md', Html: 'html', Docx: 'docx' } as const;
export type ReportFormat = (typeof ReportFormat)[keyof typeof ReportFormat];
