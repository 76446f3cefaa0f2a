/**
 * Presence events. Names are `presence:verb`; payload schemas live here beside the event maps
 * so server and client validate the same shapes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PresenceClientEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PresenceServerEvents {}
