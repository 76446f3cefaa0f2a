import { z } from 'zod';
import type { CreateEventBody, CreatePersonBody, CreateRoomBody, UpsertMemberBody } from '@roundtable/shared';
import { WsTokenSchema } from '@roundtable/shared';

/** Thrown with what was asked and what came back, so "not available" says exactly why. */
export class ApiError extends Error {}

const WithIdSchema = z.object({ id: z.string() }).loose();

/** The REST calls the bench needs, as the organizer (session cookie from `POST /api/auth/login`). */
export class RoundtableApi {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  withBase(baseUrl: string): RoundtableApi {
    const api = new RoundtableApi(baseUrl);
    api.cookie = this.cookie;
    return api;
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.send('POST', '/api/auth/login', { email, password });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('rt_session='));
    if (!session) throw new ApiError('POST /api/auth/login: no rt_session cookie');
    this.cookie = session.split(';')[0] ?? '';
  }

  async wsToken(): Promise<string> {
    return WsTokenSchema.parse(await this.json('POST', '/api/auth/ws-token', {})).token;
  }

  async createEvent(title: string): Promise<string> {
    const body: CreateEventBody = {
      seriesId: null,
      title,
      theme: 'Benchmark',
      description: 'Created by pnpm bench.',
      timeZone: 'UTC',
      sessions: [],
      venues: [],
      registrationOpen: false,
      reportVisibility: 'organizers',
    };
    return idOf(await this.json('POST', '/api/events', body), 'POST /api/events');
  }

  async createRoom(eventId: string, name: string): Promise<string> {
    const body: CreateRoomBody = { name, mediaEnabled: false };
    return idOf(await this.json('POST', `/api/events/${eventId}/rooms`, body), 'POST /api/events/:id/rooms');
  }

  /** A person who is a member of the event (so every room with event access admits them). */
  async createMember(eventId: string, name: string): Promise<string> {
    const person: CreatePersonBody = { name };
    const id = idOf(await this.json('POST', '/api/people', person), 'POST /api/people');
    const member: UpsertMemberBody = { delegationId: null };
    await this.json('PUT', `/api/events/${eventId}/members/${id}`, member);
    return id;
  }

  private async json(method: string, path: string, body: unknown): Promise<unknown> {
    const response = await this.send(method, path, body);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 200);
      throw new ApiError(`${method} ${path}: HTTP ${response.status} ${detail}`.trim());
    }
    return response;
  }
}

/** The created resource's id, whether the answer is the resource or wraps it (`{ room: {...} }`). */
function idOf(body: unknown, what: string): string {
  const direct = WithIdSchema.safeParse(body);
  if (direct.success) return direct.data.id;
  if (typeof body === 'object' && body !== null) {
    for (const value of Object.values(body)) {
      const nested = WithIdSchema.safeParse(value);
      if (nested.success) return nested.data.id;
    }
  }
  throw new ApiError(`${what}: no id in ${JSON.stringify(body).slice(0, 200)}`);
}
