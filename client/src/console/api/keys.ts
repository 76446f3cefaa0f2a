/**
 * Query keys of the console. Everything of one event sits under `['events', eventId]`, so one
 * invalidation refreshes every panel of that event after a change that touches several.
 */
export const consoleKeys = {
  series: ['series'] as const,
  people: ['people'] as const,
  event: (eventId: string) => ['events', eventId] as const,
  delegations: (eventId: string) => ['events', eventId, 'delegations'] as const,
  members: (eventId: string) => ['events', eventId, 'members'] as const,
  registrations: (eventId: string) => ['events', eventId, 'registrations'] as const,
  invitations: (eventId: string) => ['events', eventId, 'invitations'] as const,
  roomRoles: (eventId: string, roomId: string) => ['events', eventId, 'rooms', roomId, 'roles'] as const,
};
