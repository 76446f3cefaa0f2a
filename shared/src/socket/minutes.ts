/**
 * Minutes events. Names are `minutes:verb`; payload schemas live here beside the event maps
 * so server and client validate the same shapes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MinutesClientEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MinutesServerEvents {}
