import { z } from 'zod';
import { CategorySchema, IdSchema, NameSchema, TimestampSchema } from '../domain/people.js';

/*
 * The minutes' life after writing: draft → submitted → approved (by every co-chair) → published,
 * named versions, the template from the agenda, writing aids and attendance. REST endpoints under
 * `/api/rooms/{roomId}/minutes…` and `/api/rooms/{roomId}/attendance…` (docs/API.md).
 */

/**
 * `draft`: note-takers write. `submitted`: read-only at the server, waiting for the co-chairs.
 * `approved`: every co-chair approved, waiting for an organizer to publish. `published`: in the
 * event's report.
 */
export const MinutesStatusSchema = z.enum(['draft', 'submitted', 'approved', 'published']);
export type MinutesStatus = z.infer<typeof MinutesStatusSchema>;

/** Refusal codes of the workflow, besides `forbidden`, `not_found` and `validation_failed`. */
export const MinutesErrorCode = {
  /** Submitting minutes that are not a draft. */
  NotDraft: 'not_draft',
  /** Approving minutes that are not waiting for approval. */
  NotSubmitted: 'not_submitted',
  /** Approving as someone who is not one of the co-chairs the minutes wait for. */
  NotAnApprover: 'not_an_approver',
  AlreadyApproved: 'already_approved',
  /** Publishing before every co-chair approved (or after it was published). */
  NotApproved: 'not_approved',
  /** Changing content or attendance of minutes that left the draft state. */
  MinutesLocked: 'minutes_locked',
  /** A co-chair reopening published minutes: only organizers take back a published report. */
  AlreadyPublished: 'already_published',
} as const;
export type MinutesErrorCode = (typeof MinutesErrorCode)[keyof typeof MinutesErrorCode];

const PersonRefSchema = z.object({ personId: IdSchema, name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** One co-chair the submitted minutes wait for, and when they approved (null: not yet). */
export const MinutesApproverSchema = PersonRefSchema.extend({ approvedAt: TimestampSchema.nullable() });
export type MinutesApprover = z.infer<typeof MinutesApproverSchema>;

/** The workflow of one room's minutes, the same for every viewer (pushed as `minutes:workflow`). */
export const MinutesWorkflowSchema = z.object({
  roomId: IdSchema,
  status: MinutesStatusSchema,
  /** Grows by one with every transition; keep the highest. */
  version: z.number().int().nonnegative(),
  submittedBy: PersonRefSchema.nullable(),
  submittedAt: TimestampSchema.nullable(),
  /**
   * The room's co-chairs when the minutes were submitted; each must approve. Empty when the room
   * had none: then one organizer's approval stands for theirs.
   */
  approvers: z.array(MinutesApproverSchema),
  approvedAt: TimestampSchema.nullable(),
  publishedBy: PersonRefSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  /** Whether the server refuses edits to the minutes document (every status but draft). */
  readOnly: z.boolean(),
});
export type MinutesWorkflow = z.infer<typeof MinutesWorkflowSchema>;

/** What the caller may do now (decided on the server by `can.ts` and the workflow's rules). */
export const MinutesAbilitiesSchema = z.object({
  submit: z.boolean(),
  approve: z.boolean(),
  reopen: z.boolean(),
  publish: z.boolean(),
  /** Save, list and restore versions; restoring also needs a draft. */
  versions: z.boolean(),
  /** Edit the room's attendance (organizers, before publishing). */
  attendance: z.boolean(),
});
export type MinutesAbilities = z.infer<typeof MinutesAbilitiesSchema>;

export const MinutesWorkflowViewSchema = MinutesWorkflowSchema.extend({ can: MinutesAbilitiesSchema });
export type MinutesWorkflowView = z.infer<typeof MinutesWorkflowViewSchema>;

/** `POST /rooms/{roomId}/minutes/template`: the language of the labels the template writes. */
export const SeedTemplateBodySchema = z.object({ language: z.enum(['en', 'ja']).default('en') });
export type SeedTemplateBody = z.infer<typeof SeedTemplateBodySchema>;

/**
 * `seeded`: this call inserted the sections. `already_seeded`: a call before did (on any
 * instance). `in_progress`: another call is seeding right now. `not_empty`: someone wrote first,
 * nothing inserted (and never will be). `no_agenda`: nothing to insert yet; call again later.
 * `locked`: the minutes are not a draft.
 */
export const SeedTemplateResultSchema = z.object({
  outcome: z.enum(['seeded', 'already_seeded', 'in_progress', 'not_empty', 'no_agenda', 'locked']),
  /** Sections inserted by this call. */
  sections: z.number().int().nonnegative(),
});
export type SeedTemplateResult = z.infer<typeof SeedTemplateResultSchema>;

/** Writing aids: who has the floor and which agenda item runs, for a `speakerLine`. */
export const MinutesContextSchema = z.object({
  roomId: IdSchema,
  floor: z
    .object({
      personId: IdSchema,
      name: z.string(),
      /** The delegation's name ("Japan — Government"), null outside a delegation. */
      delegation: z.string().nullable(),
      side: z.string().nullable(),
    })
    .nullable(),
  agendaItem: z.object({ id: IdSchema, title: z.string(), presenters: z.array(z.string()) }).nullable(),
});
export type MinutesContext = z.infer<typeof MinutesContextSchema>;

/** A named snapshot of the minutes ("draft for co-chairs"); the content stays on the server. */
export const MinutesVersionSchema = z.object({
  id: IdSchema,
  roomId: IdSchema,
  name: NameSchema,
  author: PersonRefSchema.nullable(),
  createdAt: TimestampSchema,
  /** Size of the stored Yjs update. */
  bytes: z.number().int().nonnegative(),
});
export type MinutesVersion = z.infer<typeof MinutesVersionSchema>;

export const CreateMinutesVersionBodySchema = z.object({ name: NameSchema });
export type CreateMinutesVersionBody = z.infer<typeof CreateMinutesVersionBodySchema>;

/** One person in a room's attendance, and why they are (or are not) listed. */
export const AttendanceEntrySchema = z.object({
  personId: IdSchema,
  name: z.string(),
  organization: z.string(),
  side: z.string().nullable(),
  category: CategorySchema.nullable(),
  delegation: z.string().nullable(),
  /** Seconds present in the room (0 for people only added by an organizer). */
  seconds: z.number().nonnegative(),
  /** Seen in the room (presence) or in its audio/video (media presence). */
  derived: z.boolean(),
  /** What an organizer decided, if anything: `true` added, `false` removed. */
  override: z.boolean().nullable(),
  /** Listed in the report: the override when there is one, else `derived`. */
  included: z.boolean(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;

export const RoomAttendanceSchema = z.object({
  roomId: IdSchema,
  /** True once published: the list is frozen. */
  locked: z.boolean(),
  entries: z.array(AttendanceEntrySchema),
});
export type RoomAttendance = z.infer<typeof RoomAttendanceSchema>;

export const SetAttendanceBodySchema = z.object({ included: z.boolean() });
export type SetAttendanceBody = z.infer<typeof SetAttendanceBodySchema>;
