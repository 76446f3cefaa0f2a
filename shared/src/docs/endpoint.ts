import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { DocKind } from '../protocol.js';

/** Which document a y-websocket room name (`<roomId>/<kind>`) addresses. */
export const DocAddressSchema = z.object({
  roomId: IdSchema,
  kind: z.enum([DocKind.Agenda, DocKind.Minutes]),
});
export type DocAddress = z.infer<typeof DocAddressSchema>;

/** Parses `<roomId>/<kind>`; null when it names no document we serve. */
export function parseDocName(name: string): DocAddress | null {
  const slash = name.lastIndexOf('/');
  if (slash <= 0) return null;
  const parsed = DocAddressSchema.safeParse({ roomId: name.slice(0, slash), kind: name.slice(slash + 1) });
  return parsed.success ? parsed.data : null;
}

/**
 * The identity the server stamps into every awareness state it relays (as `state.user`); whatever
 * a client put there is overwritten, so cursors cannot claim to be someone else.
 */
export const AwarenessUserSchema = z.object({
  personId: IdSchema,
  name: z.string(),
  /** `#rrggbb`, stable per person. */
  color: z.string(),
  /** The room role the server granted (`organizer`, `co_chair`, `note_taker`, `participant`, `observer`). */
  role: z.string(),
});
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;
