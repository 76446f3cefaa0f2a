import type { ParseKeys } from 'i18next';
import {
  BarChart3,
  CalendarClock,
  FileText,
  ListOrdered,
  MessageSquare,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../ui/Loading';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { ChatPanel } from '../chat/ChatPanel';
import { PollsPanel } from '../chat/PollsPanel';
import { Reactions } from '../chat/Reactions';
import { LobbyPanel } from '../lobby/LobbyPanel';
import { PeoplePanel } from '../people/PeoplePanel';
import { SpeakingPanel } from '../speaking/SpeakingPanel';
import type { RoomContextValue } from './roomContext';

// The editor is the heaviest part of the room: its chunk loads after the rest is on screen.
const MinutesPanel = lazy(() => import('../minutes/MinutesPanel'));
// Status, approvals, versions and attendance of the minutes: loaded with the editor.
const MinutesWorkflow = lazy(() => import('../../reports/MinutesWorkflow'));

/**
 * One side panel of the room. The control bar shows a button per available panel; one panel is
 * open at a time (a side column on a laptop, a full-height sheet on a phone). Every panel stays
 * mounted while closed, so its subscriptions and unsaved input live on.
 *
 * To add a panel, write one of these next to the feature and append it to {@link ROOM_PANELS}.
 */
export interface RoomPanel {
  /** Stable id: the `data-panel` of the layout, the panel's DOM ids. */
  id: string;
  /** i18n key of the control-bar button's label ("Speakers"). */
  labelKey: ParseKeys;
  /** i18n key of the panel's heading, which also names its region ("Speakers list"). */
  titleKey: ParseKeys;
  icon: LucideIcon;
  /** Alt+Shift+this key (a `KeyboardEvent.code`) opens or closes the panel. */
  shortcut?: string;
  /** Whether the viewer gets this panel at all; every panel is available when absent. */
  available?: (room: RoomContextValue) => boolean;
  /** A number on the button (people waiting, unread messages); nothing when null or 0. */
  count?: (room: RoomContextValue) => number | null;
  /** Wide panels (the minutes editor) offer the focus mode: the stage shrinks to a strip. */
  focusable?: boolean;
  render: (room: RoomContextValue) => ReactNode;
}

const speakersPanel: RoomPanel = {
  id: 'speakers',
  labelKey: 'layout.panels.speakers',
  titleKey: 'room.speaking',
  icon: ListOrdered,
  shortcut: 'KeyS',
  count: ({ speaking }) => speaking.push?.state.entries.length ?? null,
  render: ({ room, me, abilities, speaking, presence }) => (
    <SpeakingPanel
      roomId={room.id}
      eventId={room.eventId}
      myId={me.person.id}
      abilities={abilities}
      speaking={speaking}
      present={presence.people ?? []}
    />
  ),
};

const agendaPanel: RoomPanel = {
  id: 'agenda',
  labelKey: 'layout.panels.agenda',
  titleKey: 'room.agenda',
  icon: CalendarClock,
  shortcut: 'KeyA',
  render: ({ room, abilities }) => <AgendaPanel roomId={room.id} moderate={abilities.moderate} />,
};

const minutesPanel: RoomPanel = {
  id: 'minutes',
  labelKey: 'layout.panels.minutes',
  titleKey: 'room.minutes',
  icon: FileText,
  shortcut: 'KeyN',
  focusable: true,
  render: ({ room, abilities }) => (
    <Suspense fallback={<Loading />}>
      <MinutesWorkflow roomId={room.id} eventId={room.eventId} />
      <MinutesPanel roomId={room.id} canWrite={abilities.writeMinutes} />
    </Suspense>
  ),
};

const peoplePanel: RoomPanel = {
  id: 'people',
  labelKey: 'layout.panels.people',
  titleKey: 'room.people',
  icon: Users,
  shortcut: 'KeyP',
  count: ({ presence }) => presence.people?.length ?? null,
  render: ({ room, me, abilities, speaking, presence }) => (
    <>
      {abilities.moderate && <LobbyPanel roomId={room.id} lobbyEnabled={room.lobbyEnabled} />}
      <PeoplePanel
        roomId={room.id}
        myId={me.person.id}
        presence={presence}
        speaking={speaking.push?.state ?? null}
        moderate={abilities.moderate}
      />
    </>
  ),
};

const chatPanel: RoomPanel = {
  id: 'chat',
  labelKey: 'layout.panels.chat',
  titleKey: 'room.chat',
  icon: MessageSquare,
  shortcut: 'KeyC',
  render: ({ room, me, abilities }) => (
    <>
      <Reactions roomId={room.id} abilities={abilities} />
      <ChatPanel roomId={room.id} myId={me.person.id} abilities={abilities} />
    </>
  ),
};

const pollsPanel: RoomPanel = {
  id: 'polls',
  labelKey: 'layout.panels.polls',
  titleKey: 'room.polls',
  icon: BarChart3,
  shortcut: 'KeyO',
  render: ({ room, abilities }) => <PollsPanel roomId={room.id} abilities={abilities} />,
};

/** The room's side panels, in control-bar order. Append new panels here (chat, polls…). */
export const ROOM_PANELS: readonly RoomPanel[] = [
  speakersPanel,
  agendaPanel,
  minutesPanel,
  peoplePanel,
  chatPanel,
  pollsPanel,
];

/** The panel open when the room opens on a laptop: note-takers start in the minutes. */
export function defaultPanel(room: RoomContextValue): string {
  return room.abilities.role === 'note_taker' ? 'minutes' : 'speakers';
}
