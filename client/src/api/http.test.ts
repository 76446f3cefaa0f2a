import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonResponse, mockApi } from '../test/render';
import { ApiRequestError, apiPath, apiRequest } from './http';

describe('api client', () => {
  it('turns an error envelope into an ApiRequestError with code, message, details and status', async () => {
    mockApi({
      'POST /api/things': () =>
        jsonResponse(400, {
          error: {
            code: 'validation_failed',
            message: 'Bad.',
            details: [{ path: 'name', message: 'Required' }],
          },
        }),
    });
    const error = await apiRequest('POST', '/api/things', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Bad.' });
    expect((error as ApiRequestError).fieldIssues).toEqual([{ path: 'name', message: 'Required' }]);
  });

  it('sends JSON with the session cookie and validates the answer', async () => {
    const fetchMock = mockApi({ 'PUT /api/things/1': () => jsonResponse(200, { id: '1', extra: true }) });
    const thing = await apiRequest('PUT', '/api/things/1', {
      body: { a: 1 },
      schema: z.object({ id: z.string() }),
    });
    expect(thing).toEqual({ id: '1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init).toMatchObject({ credentials: 'same-origin', body: '{"a":1}' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('reports an answer that breaks the contract instead of returning it', async () => {
    mockApi({ 'GET /api/things/1': () => jsonResponse(200, { id: 1 }) });
    await expect(
      apiRequest('GET', '/api/things/1', { schema: z.object({ id: z.string() }) }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('names a failure without an error body by its status', async () => {
    mockApi({ 'GET /api/things/2': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await expect(apiRequest('GET', '/api/things/2')).rejects.toMatchObject({
      status: 502,
      code: 'internal_error',
    });
  });

  it('reports an unreachable server as unavailable', async () => {
    mockApi({});
    await expect(apiRequest('GET', '/api/nowhere')).rejects.toMatchObject({ status: 0, code: 'unavailable' });
  });

  it('encodes every path segment', () => {
    expect(apiPath('events', 'a/b', 'calendar.ics')).toBe('/api/events/a%2Fb/calendar.ics');
  });
});
