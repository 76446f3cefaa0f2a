import { useSyncExternalStore } from 'react';

/** Below this width the room is a phone layout: panels become full-height sheets. */
export const PHONE_QUERY = '(max-width: 56rem)';

/** Whether a CSS media query matches now, following changes (rotation, window resizing). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}
