import { z } from 'zod';
import { IdSchema, NameSchema, RoomRoleSchema } from '../domain/people.js';
import { LocalizedNameSchema } from '../domain/localized.js';
import { MailLanguageSchema } from './mail.js';
import { VenueSchema } from '../domain/events.js';
import { InvitationSchema, RegistrationSchema, RegistrationStatusSchema } from '../domain/registration.js';

/**
 * The public registration form, after the seed: name, organization, phone and place.
 * `website` is a honeypot: people never see it, bots fill it in.
 */
export const RegisterBodySchema = z.object({
  name: NameSchema,
  organization: z.string().trim().min(1).max(200),
  email: z.email(),
  phone: z.string().trim().min(3).max(50),
  place: z.string().min(1).max(40),
  /** The form's language: the confirmation and every later mail come in it. */
  language: MailLanguageSchema.default('en'),
  website: z.string().max(200).optional(),
});
export type RegisterBody = z.input<typeof RegisterBodySchema>;

export const ApproveRegistrationBodySchema = z.object({
  delegationId: IdSchema.nullable().default(null),
  roles: z
    .array(z.object({ roomId: IdSchema, role: RoomRoleSchema }))
    .max(50)
    .default([]),
  /** How long the invitation link stays valid. */
  validForDays: z.number().int().min(1).max(365).default(30),
});
export type ApproveRegistrationBody = z.input<typeof ApproveRegistrationBodySchema>;

/** An invitation as organizers see it, with the link to copy (only when it was just issued). */
export const IssuedInvitationSchema = InvitationSchema.extend({
  url: z.string(),
  token: z.string(),
});
export type IssuedInvitation = z.infer<typeof IssuedInvitationSchema>;

export const ApproveRegistrationResultSchema = z.object({
  registration: RegistrationSchema,
  invitation: IssuedInvitationSchema,
});
export type ApproveRegistrationResult = z.infer<typeof ApproveRegistrationResultSchema>;

export const IssueInvitationBodySchema = z.object({
  eventId: IdSchema,
  validForDays: z.number().int().min(1).max(365).default(30),
});
export type IssueInvitationBody = z.input<typeof IssueInvitationBodySchema>;

/** `GET /api/events/:eventId/registrations?status=pending` */
export const ListRegistrationsQuerySchema = z.object({ status: RegistrationStatusSchema.optional() });
export type ListRegistrationsQuery = z.infer<typeof ListRegistrationsQuerySchema>;

/**
 * The public answer to a registration: nothing about other registrants, and the same whether the
 * registration was stored or silently dropped as spam (so bots learn nothing).
 */
export const RegistrationReceiptSchema = z.object({
  eventId: IdSchema,
  status: z.literal('pending'),
  /** The registrant's personal status page (also in the confirmation mail); keep it private. */
  statusUrl: z.string(),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceiptSchema>;

/** Client path of the registrant's personal status page (token in the query). */
export const REGISTRATION_STATUS_PATH = '/registration-status';

/** The registrant's personal status link. */
export function registrationStatusUrl(origin: string, token: string): string {
  return `${origin}${REGISTRATION_STATUS_PATH}?token=${encodeURIComponent(token)}`;
}

/** What a registrant sees on their personal status page (no account needed: the link is the key). */
export const RegistrationStatusViewSchema = z.object({
  eventId: IdSchema,
  eventTitle: LocalizedNameSchema,
  status: RegistrationStatusSchema,
  name: z.string(),
  organization: z.string(),
  email: z.string(),
  phone: z.string(),
  place: z.string(),
  language: MailLanguageSchema,
  /** The event's venues: the places the registrant may pick (and `online`). */
  venues: z.array(VenueSchema),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type RegistrationStatusView = z.infer<typeof RegistrationStatusViewSchema>;

/** Corrections a registrant may make while their registration is pending. */
export const CorrectRegistrationBodySchema = RegisterBodySchema.pick({
  name: true,
  organization: true,
  phone: true,
  place: true,
  language: true,
}).partial();
export type CorrectRegistrationBody = z.input<typeof CorrectRegistrationBodySchema>;
