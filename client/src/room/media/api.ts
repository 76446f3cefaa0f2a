import { MediaTokenSchema, type MediaToken } from '@roundtable/shared';
import { apiPath, apiRequest } from '../../api/http';

/**
 * A fresh LiveKit join token for the room. Tokens live ten minutes and carry the grants of the
 * moment (the floor moves them): fetch one before every connect, never keep one for later.
 */
export function fetchMediaToken(roomId: string, signal?: AbortSignal): Promise<MediaToken> {
  return apiRequest('POST', apiPath('rooms', roomId, 'media', 'token'), { schema: MediaTokenSchema, signal });
}
