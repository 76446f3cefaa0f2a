import { z } from 'zod';

/** Every machine-readable error code the API and sockets can answer with. */
export const ErrorCode = {
  BadRequest: 'bad_request',
  ValidationFailed: 'validation_failed',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  /** Has access to the room but is not admitted now (waiting in the lobby, or removed). */
  NotAdmitted: 'not_admitted',
  NotFound: 'not_found',
  Conflict: 'conflict',
  DuplicateRegistration: 'duplicate_registration',
  PayloadTooLarge: 'payload_too_large',
  RateLimited: 'rate_limited',
  RegistrationClosed: 'registration_closed',
  InvitationExpired: 'invitation_expired',
  InvitationRevoked: 'invitation_revoked',
  BadOrigin: 'bad_origin',
  Internal: 'internal_error',
  Unavailable: 'unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});

export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The one error envelope of every HTTP error response: `{ "error": { code, message, details? } }`. */
export const ApiErrorSchema = z.object({ error: ErrorBodySchema });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Socket acknowledgement: every inbound socket event answers exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckCallback<T> = (ack: Ack<T>) => void;

/** Turns zod issues into flat `{ path, message }` pairs for `details`. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
