/**
 * Media events. Names are `media:verb`; payload schemas live here beside the event maps
 * so server and client validate the same shapes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MediaClientEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MediaServerEvents {}
