/**
 * Sliding-window limit on hand raises/lowers per person on this instance. A person's sockets
 * normally reach one instance (sticky sessions), so a local window is enough against hand spam.
 */
export interface HandLimiter {
  /** Counts one action; false when the person is over the limit. */
  take(personId: string, now: number): boolean;
}

export function createHandLimiter(limit: number, windowMs: number): HandLimiter {
  const recent = new Map<string, number[]>();
  return {
    take(personId, now) {
      const times = (recent.get(personId) ?? []).filter((t) => now - t < windowMs);
      if (times.length >= limit) {
        recent.set(personId, times);
        return false;
      }
      times.push(now);
      recent.set(personId, times);
      // Forget people who went quiet, so the map does not grow with every past participant.
      if (recent.size > 10_000) {
        for (const [id, list] of recent) if (list.every((t) => now - t >= windowMs)) recent.delete(id);
      }
      return true;
    },
  };
}
