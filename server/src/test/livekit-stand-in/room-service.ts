import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ParticipantInfo,
  ParticipantPermission,
  Room,
  TokenVerifier,
  TrackInfo,
  TrackSource,
  TrackType,
  type ClaimGrants,
} from 'livekit-server-sdk';
import { z } from 'zod';
import { postWebhook, webhookBody, type WebhookEventInput } from './webhooks.js';

/*
 * A protocol stand-in for LiveKit's `livekit.RoomService` Twirp API — not a LiveKit server: no
 * media flows through it. It implements what our server calls, with the rules of the real one that
 * our code depends on: a Bearer JWT verified with the API secret (401 otherwise), `roomAdmin` plus
 * a matching `room` grant (`roomList` for ListRooms; 403 `permission_denied` otherwise), the
 * whole-object permission rule of UpdateParticipant (omitted fields become false), revoking publish
 * unpublishes tracks, and Twirp JSON errors `{ code, msg }` with the exact `application/json` type
 * the SDK checks for. Participants join with our join tokens, as a LiveKit client would, and the
 * stand-in posts signed webhooks to the app like LiveKit does.
 */

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

export interface LiveKitStandIn {
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Every authorized RoomService call, in arrival order. */
  readonly calls: RecordedCall[];
  /** Where join/publish/leave post their webhooks (the app's webhook URL); none when null. */
  webhookUrl: string | null;
  /** Connects with a join token as a client would (posts participant_joined). */
  join(token: string): Promise<ParticipantInfo>;
  /** Publishes a track, refused without the permission (posts track_published). */
  publish(
    roomName: string,
    identity: string,
    source: 'microphone' | 'camera' | 'screen_share',
  ): Promise<TrackInfo>;
  /** Disconnects (posts participant_left). */
  leave(roomName: string, identity: string): Promise<void>;
  participant(roomName: string, identity: string): ParticipantInfo | undefined;
  /** Answers the next `count` calls of `method` with an error (a 503 `unavailable` by default). */
  failNext(method: string, count: number, status?: number, code?: string): void;
  /** Posts a webhook event for `roomName` as LiveKit would. */
  sendWebhook(input: WebhookEventInput): Promise<Response>;
  close(): Promise<void>;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

const RoomBody = z.object({ room: z.string().min(1) }).loose();
const IdentityBody = RoomBody.extend({ identity: z.string().min(1) });
const UpdateBody = IdentityBody.extend({ permission: z.record(z.string(), z.unknown()).optional() });
const MuteBody = IdentityBody.extend({ trackSid: z.string().min(1), muted: z.boolean().optional() });

const SOURCES = {
  microphone: { source: TrackSource.MICROPHONE, type: TrackType.AUDIO },
  camera: { source: TrackSource.CAMERA, type: TrackType.VIDEO },
  screen_share: { source: TrackSource.SCREEN_SHARE, type: TrackType.VIDEO },
} as const;

/** A join grant as LiveKit reads it: unset canPublish/canSubscribe mean true. */
function permissionFromGrant(video: NonNullable<ClaimGrants['video']>): ParticipantPermission {
  const canPublish = video.canPublish ?? true;
  const sources = (video.canPublishSources ?? []) as unknown as string[];
  return new ParticipantPermission({
    canPublish,
    canSubscribe: video.canSubscribe ?? true,
    canPublishData: video.canPublishData ?? canPublish,
    canPublishSources: sources.map(
      (s) => SOURCES[s as keyof typeof SOURCES]?.source ?? TrackSource.SCREEN_SHARE_AUDIO,
    ),
    hidden: video.hidden ?? false,
    canUpdateMetadata: video.canUpdateOwnMetadata ?? false,
  });
}

function mayPublish(permission: ParticipantPermission | undefined, source: TrackSource): boolean {
  if (!permission?.canPublish) return false;
  return permission.canPublishSources.length === 0 || permission.canPublishSources.includes(source);
}

export async function startLiveKitStandIn(
  keys = { apiKey: 'devkey', apiSecret: 'secret-secret-secret-secret-secret' },
): Promise<LiveKitStandIn> {
  const verifier = new TokenVerifier(keys.apiKey, keys.apiSecret);
  const rooms = new Map<string, Map<string, ParticipantInfo>>();
  const failures = new Map<string, { count: number; status: number; code: string }>();
  const calls: RecordedCall[] = [];
  const sid = (prefix: string): string => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;

  const find = (room: string, identity: string): ParticipantInfo => {
    const participant = rooms.get(room)?.get(identity);
    if (!participant) throw new TwirpError(404, 'not_found', 'participant does not exist');
    return participant;
  };

  const methods: Record<string, (body: unknown) => object> = {
    ListRooms: () => ({
      rooms: [...rooms].map(([name, people]) =>
        new Room({ name, sid: sid('RM'), numParticipants: people.size }).toJson(),
      ),
    }),
    ListParticipants: (body) => {
      const { room } = RoomBody.parse(body);
      const people = rooms.get(room);
      if (!people) throw new TwirpError(404, 'not_found', 'requested room does not exist');
      return { participants: [...people.values()].map((p) => p.toJson()) };
    },
    GetParticipant: (body) => {
      const { room, identity } = IdentityBody.parse(body);
      return find(room, identity).toJson() as object;
    },
    UpdateParticipant: (body) => {
      const { room, identity, permission } = UpdateBody.parse(body);
      const participant = find(room, identity);
      if (permission) {
        // The whole object is replaced: what the JSON omits is false (proto3 defaults).
        participant.permission = ParticipantPermission.fromJson(permission as never);
        participant.tracks = participant.tracks.filter((t) => mayPublish(participant.permission, t.source));
      }
      return participant.toJson() as object;
    },
    MutePublishedTrack: (body) => {
      const { room, identity, trackSid, muted } = MuteBody.parse(body);
      const track = find(room, identity).tracks.find((t) => t.sid === trackSid);
      if (!track) throw new TwirpError(404, 'not_found', 'track does not exist');
      track.muted = muted ?? false;
      return { track: track.toJson() };
    },
    RemoveParticipant: (body) => {
      const { room, identity } = IdentityBody.parse(body);
      find(room, identity);
      rooms.get(room)?.delete(identity);
      return {};
    },
  };

  const authorize = async (method: string, header: string | undefined, body: unknown): Promise<void> => {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!token) throw new TwirpError(401, 'unauthenticated', 'no authorization header');
    let grants: ClaimGrants;
    try {
      grants = await verifier.verify(token);
    } catch {
      throw new TwirpError(401, 'unauthenticated', 'invalid token');
    }
    if (method === 'ListRooms') {
      if (!grants.video?.roomList) throw new TwirpError(403, 'permission_denied', 'roomList grant required');
      return;
    }
    const room = RoomBody.safeParse(body).data?.room;
    if (!grants.video?.roomAdmin || !room || grants.video.room !== room) {
      throw new TwirpError(403, 'permission_denied', 'roomAdmin grant for this room required');
    }
  };

  const handle = async (
    req: http.IncomingMessage,
    raw: string,
  ): Promise<{ status: number; body: object }> => {
    const method = /^\/twirp\/livekit\.RoomService\/([A-Za-z]+)$/.exec(req.url ?? '')?.[1];
    const implementation = method ? methods[method] : undefined;
    if (req.method !== 'POST' || !method || !implementation) {
      throw new TwirpError(404, 'bad_route', `no handler for ${req.method ?? ''} ${req.url ?? ''}`);
    }
    let body: Record<string, unknown>;
    try {
      body = z.record(z.string(), z.unknown()).parse(JSON.parse(raw));
    } catch {
      throw new TwirpError(400, 'malformed', 'the body is not a JSON object');
    }
    await authorize(method, req.headers.authorization, body);
    calls.push({ method, body });
    const failure = failures.get(method);
    if (failure && failure.count > 0) {
      failure.count -= 1;
      throw new TwirpError(failure.status, failure.code, 'injected failure');
    }
    try {
      return { status: 200, body: implementation(body) };
    } catch (err) {
      if (err instanceof z.ZodError) throw new TwirpError(400, 'invalid_argument', err.message);
      throw err;
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks).toString('utf8')).then(
        ({ status, body }) => reply(res, status, body),
        (err: unknown) =>
          err instanceof TwirpError
            ? reply(res, err.status, { code: err.code, msg: err.message })
            : reply(res, 500, { code: 'internal', msg: String(err) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: LiveKitStandIn = {
    url,
    ...keys,
    calls,
    webhookUrl: null,
    async join(token) {
      const grants = await verifier.verify(token);
      const video = grants.video;
      if (!video?.roomJoin || !video.room || !grants.sub) throw new Error('not a join token');
      const participant = new ParticipantInfo({
        sid: sid('PA'),
        identity: grants.sub,
        name: grants.name ?? '',
        attributes: grants.attributes ?? {},
        permission: permissionFromGrant(video),
        joinedAt: BigInt(Math.floor(Date.now() / 1000)),
      });
      const people = rooms.get(video.room) ?? new Map<string, ParticipantInfo>();
      rooms.set(video.room, people.set(participant.identity, participant));
      await notify({ event: 'participant_joined', roomName: video.room, participant });
      return participant;
    },
    async publish(roomName, identity, sourceName) {
      const participant = find(roomName, identity);
      const { source, type } = SOURCES[sourceName];
      if (!mayPublish(participant.permission, source))
        throw new Error(`${identity} may not publish ${sourceName}`);
      const track = new TrackInfo({ sid: sid('TR'), type, source, name: sourceName });
      participant.tracks.push(track);
      await notify({ event: 'track_published', roomName, participant, track });
      return track;
    },
    async leave(roomName, identity) {
      const participant = find(roomName, identity);
      rooms.get(roomName)?.delete(identity);
      if (rooms.get(roomName)?.size === 0) rooms.delete(roomName);
      await notify({ event: 'participant_left', roomName, participant });
    },
    participant: (roomName, identity) => rooms.get(roomName)?.get(identity),
    failNext(method, count, status = 503, code = 'unavailable') {
      failures.set(method, { count, status, code });
    },
    sendWebhook(input) {
      if (!standIn.webhookUrl) throw new Error('no webhook URL set');
      return postWebhook(standIn.webhookUrl, webhookBody(input), keys);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  /** LiveKit retries failed deliveries; a test wants to know at once, so a refusal throws. */
  const notify = async (input: WebhookEventInput): Promise<void> => {
    if (!standIn.webhookUrl) return;
    const response = await standIn.sendWebhook(input);
    if (!response.ok)
      throw new Error(`webhook ${input.event} refused: ${response.status} ${await response.text()}`);
  };
  return standIn;
}

function reply(res: http.ServerResponse, status: number, body: object): void {
  // Exactly `application/json`: the SDK reads Twirp error codes only under that content type.
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
