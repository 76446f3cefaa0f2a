import type { Me, RoomView } from '@roundtable/shared';
import { createContext, useContext } from 'react';
import type { RoomAbilities } from '../abilities';
import type { PresenceView } from '../people/usePresence';
import type { SpeakingView } from '../speaking/useSpeaking';

/**
 * Everything a part of the room may need, read once per room: panels, control-bar items and
 * banners receive it instead of subscribing again.
 */
export interface RoomContextValue {
  room: RoomView;
  me: Me;
  abilities: RoomAbilities;
  speaking: SpeakingView;
  presence: PresenceView;
}

export const RoomContext = createContext<RoomContextValue | null>(null);

/** The room around a component of the room layout. */
export function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoomContext outside a room layout');
  return value;
}

/**
 * Where the media client puts the microphone, camera and screen buttons of a joined call: an
 * element in the control bar. Null outside the room layout (the media module then renders its
 * buttons in place).
 */
export const MediaBarSlot = createContext<HTMLElement | null>(null);
