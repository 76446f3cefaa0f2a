import { RoomServiceClient, ServerError, WebhookReceiver } from 'livekit-server-sdk';
import type { Config } from '../config.js';

/** Everything we hold to talk to one LiveKit deployment. */
export interface LiveKit {
  /** The websocket URL browsers connect to (as configured). */
  url: string;
  apiKey: string;
  apiSecret: string;
  rooms: RoomServiceClient;
  webhooks: WebhookReceiver;
}

/** Seconds before a call to LiveKit's API gives up; our own retries come on top. */
const REQUEST_TIMEOUT_SECONDS = 5;

/**
 * LiveKit when all three settings are present, otherwise null: media is off and the rest of the
 * product works without it.
 */
export function liveKitFromConfig(config: Config): LiveKit | null {
  const url = config.LIVEKIT_URL;
  const apiKey = config.LIVEKIT_API_KEY;
  const apiSecret = config.LIVEKIT_API_SECRET;
  if (!url || !apiKey || !apiSecret) return null;
  return {
    url,
    apiKey,
    apiSecret,
    // The SDK's region failover only applies to LiveKit Cloud and logs with console.warn; our
    // retries (retry.ts) are bounded and reported instead.
    rooms: new RoomServiceClient(config.LIVEKIT_API_URL ?? toHttpUrl(url), apiKey, apiSecret, {
      requestTimeout: REQUEST_TIMEOUT_SECONDS,
      failover: false,
    }),
    webhooks: new WebhookReceiver(apiKey, apiSecret),
  };
}

/** The API lives on the same host as the websocket: `wss://…` → `https://…`. */
export function toHttpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

/** A LiveKit refusal reduced to what our retry logic needs. */
export interface LiveKitFailure {
  /** Twirp code (`not_found`, `unavailable`…), `http_<status>` without one, or `network`. */
  code: string;
  message: string;
  /** Worth trying again: network errors and 5xx answers. */
  retryable: boolean;
}

export function classifyLiveKitError(err: unknown): LiveKitFailure {
  if (err instanceof ServerError) {
    return {
      code: err.code ?? `http_${err.status}`,
      message: err.message,
      retryable: err.status >= 500,
    };
  }
  return { code: 'network', message: err instanceof Error ? err.message : String(err), retryable: true };
}

/** LiveKit answers `not_found` for a participant who is not (or no longer) in the room. */
export function isNotFound(failure: LiveKitFailure): boolean {
  return failure.code === 'not_found' || failure.code === 'http_404';
}
