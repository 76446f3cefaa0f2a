import type { MediaGrants, MediaPermission, MediaToken } from '@roundtable/shared';
import { DisconnectReason, LogLevel, Room, RoomEvent, setLogLevel } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMediaToken } from './api';
import {
  enableMicrophoneWhenAllowed,
  mayPublish,
  stopDisallowedTracks,
  type PublishGrants,
} from './publishing';

/** What the person chose before joining; an empty device id means the browser's default. */
export interface DeviceChoices {
  audioDeviceId: string;
  videoDeviceId: string;
  microphoneOn: boolean;
  cameraOn: boolean;
}

/** Why the person is no longer in the room's audio/video. */
export type EndReason = 'left' | 'removed' | 'lost' | 'replaced';

export type MediaSessionState =
  | { phase: 'prejoin' }
  | { phase: 'connecting' }
  | { phase: 'connected'; room: Room; token: MediaToken }
  | { phase: 'ended'; reason: EndReason }
  | { phase: 'failed'; error: unknown };

/** The last change of the person's own publish right, to announce it. */
export type PermissionChange = 'granted' | 'revoked' | null;

export interface MediaSession {
  state: MediaSessionState;
  /** What the person may publish now: the token's grants, then every `media:permission` for them. */
  grants: MediaGrants | null;
  permissionChange: PermissionChange;
  /** Why a microphone or camera the person asked for could not start; the session goes on. */
  deviceError: unknown;
  join: (choices: DeviceChoices) => Promise<void>;
  leave: () => void;
  applyPermission: (permission: MediaPermission) => void;
}

// LiveKit logs every signalling step at info level by default: a participant's console needs only
// its warnings and errors.
setLogLevel(LogLevel.warn);

function endReasonOf(reason: DisconnectReason | undefined): EndReason {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'left';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'replaced';
    default:
      return 'lost';
  }
}

/** The connection being made or held, with what the page learned about it. */
interface Held {
  room: Room;
  /** The person's LiveKit identity (their person id), known once the token arrived. */
  identity: string;
  attempt: AbortController;
  joined: boolean;
  /** The last publish-right change that arrived while still connecting. */
  pending: MediaPermission | null;
}

/**
 * One person's connection to the room's LiveKit room: join with a fresh token, leave, and follow
 * the publish right the floor moves. The connection lives in a ref as well as in the state, so
 * unmounting, leaving and a late Disconnected event all agree on which connection is current.
 * LiveKit reconnects by itself after a network blip, with the token its server keeps refreshed;
 * a new join (after leaving, a removal or a lost connection) fetches a new token.
 */
export function useMediaSession(roomId: string): MediaSession {
  const [state, setState] = useState<MediaSessionState>({ phase: 'prejoin' });
  const [grants, setGrants] = useState<MediaGrants | null>(null);
  const [permissionChange, setPermissionChange] = useState<PermissionChange>(null);
  const [deviceError, setDeviceError] = useState<unknown>(null);
  const current = useRef<Held | null>(null);

  const release = useCallback(() => {
    const held = current.current;
    current.current = null;
    if (!held) return;
    held.attempt.abort();
    // Disconnect resolves once LiveKit acknowledged; nothing waits on it.
    held.room.disconnect().catch(() => undefined);
  }, []);

  useEffect(() => release, [release]);

  /** Follows a change of one's own publish right on a joined connection. */
  const follow = useCallback((held: Held, permission: MediaPermission) => {
    const next: PublishGrants = {
      canPublish: permission.canPublish,
      canPublishSources: permission.canPublishSources,
    };
    setGrants((previous) => previous && { ...previous, ...next });
    setPermissionChange(permission.canPublish ? 'granted' : 'revoked');
    const { localParticipant } = held.room;
    let action: Promise<void> = Promise.resolve();
    if (!permission.canPublish) action = stopDisallowedTracks(localParticipant, next);
    else if (mayPublish(next, 'microphone')) {
      action = enableMicrophoneWhenAllowed(localParticipant, held.attempt.signal);
    }
    action.catch((err: unknown) => {
      if (!held.attempt.signal.aborted) setDeviceError(err);
    });
  }, []);

  const join = useCallback(
    async (choices: DeviceChoices) => {
      release();
      const room = new Room({
        adaptiveStream: true,
        dynacast: true,
        audioCaptureDefaults: { deviceId: choices.audioDeviceId || undefined },
        videoCaptureDefaults: { deviceId: choices.videoDeviceId || undefined },
      });
      const held: Held = { room, identity: '', attempt: new AbortController(), joined: false, pending: null };
      const { signal } = held.attempt;
      current.current = held;
      // Until joined, a failure is the connect's own rejection (caught below); afterwards only
      // this event tells that LiveKit dropped us or a co-chair removed us.
      room.on(RoomEvent.Disconnected, (reason) => {
        if (!held.joined || current.current !== held) return;
        current.current = null;
        held.attempt.abort();
        setState({ phase: 'ended', reason: endReasonOf(reason) });
      });
      setState({ phase: 'connecting' });
      setPermissionChange(null);
      setDeviceError(null);
      try {
        // Fetched now, for this connect: grants follow the floor, and the token expires.
        const token = await fetchMediaToken(roomId, signal);
        if (signal.aborted) return;
        held.identity = token.identity;
        await room.connect(token.url, token.token);
        if (signal.aborted) return;
        held.joined = true;
        setGrants(token.grants);
        setState({ phase: 'connected', room, token });
        // The floor moved while we connected: the token's grants are already out of date.
        const { pending } = held;
        if (pending) follow(held, pending);
        const granted: PublishGrants = pending ?? token.grants;
        const { localParticipant } = room;
        await Promise.all([
          choices.microphoneOn && mayPublish(granted, 'microphone')
            ? localParticipant.setMicrophoneEnabled(true)
            : null,
          choices.cameraOn && mayPublish(granted, 'camera') ? localParticipant.setCameraEnabled(true) : null,
        ]).catch((err: unknown) => {
          if (!signal.aborted) setDeviceError(err);
        });
      } catch (err) {
        if (signal.aborted) return;
        release();
        setState({ phase: 'failed', error: err });
      }
    },
    [roomId, release, follow],
  );

  const leave = useCallback(() => {
    release();
    setState({ phase: 'ended', reason: 'left' });
  }, [release]);

  const applyPermission = useCallback(
    (permission: MediaPermission) => {
      const held = current.current;
      // Before joining, the next token carries the new grants; only a connection must follow.
      if (!held || permission.personId !== held.identity) return;
      if (held.joined) follow(held, permission);
      else held.pending = permission;
    },
    [follow],
  );

  return { state, grants, permissionChange, deviceError, join, leave, applyPermission };
}
