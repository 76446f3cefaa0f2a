import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@roundtable/shared';
import { meQueryKey } from './api';

/**
 * Switches the cached identity after sign-in, setup, invitation or sign-out. Every other cached
 * answer was computed for the previous person, so it is dropped rather than shown to the next one.
 */
export function useApplySession(): (me: Me | null) => void {
  const queryClient = useQueryClient();
  return (me) => {
    queryClient.removeQueries();
    queryClient.setQueryData(meQueryKey, me);
  };
}

/** A `next` target from the query string, only when it stays on this site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
