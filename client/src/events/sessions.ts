import type { Session } from '@roundtable/shared';

/** Sessions in the order they happen (organizers may enter them in any order). */
export function sortSessions<S extends Pick<Session, 'startsAt'>>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** The earliest session, if any. */
export function firstSession<S extends Pick<Session, 'startsAt'>>(sessions: readonly S[]): S | undefined {
  return sortSessions(sessions)[0];
}
