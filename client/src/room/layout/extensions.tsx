import type { ReactNode } from 'react';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import type { RoomContextValue } from './roomContext';

/**
 * Something in the control bar besides the built-in buttons (an interpretation channel selector):
 * rendered between the media buttons and the hand button, in list order.
 */
export interface ControlBarItem {
  id: string;
  available?: (room: RoomContextValue) => boolean;
  render: (room: RoomContextValue) => ReactNode;
}

/** Append control-bar items here. */
export const CONTROL_BAR_ITEMS: readonly ControlBarItem[] = [];

/**
 * A banner above the stage (the connection is lost, a dependency is degraded). Banners render
 * their own live region, always present, so a change of text is announced.
 */
export interface RoomBanner {
  id: string;
  render: (room: RoomContextValue) => ReactNode;
}

/** Append banners here, most important first. */
export const ROOM_BANNERS: readonly RoomBanner[] = [{ id: 'connection', render: () => <ConnectionBanner /> }];
