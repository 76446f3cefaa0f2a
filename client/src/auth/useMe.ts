import { useQuery } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from './api';

/** Who is signed in (`data` is null for nobody). Shared by every screen through the query cache. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}
