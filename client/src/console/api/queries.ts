import { useQuery } from '@tanstack/react-query';
import { consoleKeys } from './keys';
import { fetchMembers } from './people';
import { fetchDelegations } from './rooms';

/** The members of an event, shared by every console panel that names or picks people. */
export function useMembers(eventId: string) {
  return useQuery({
    queryKey: consoleKeys.members(eventId),
    queryFn: ({ signal }) => fetchMembers(eventId, signal),
  });
}

/** The delegations of an event, shared by every console panel that assigns them. */
export function useDelegations(eventId: string) {
  return useQuery({
    queryKey: consoleKeys.delegations(eventId),
    queryFn: ({ signal }) => fetchDelegations(eventId, signal),
  });
}
