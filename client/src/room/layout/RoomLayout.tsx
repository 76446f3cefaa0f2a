import type { Me, RoomView } from '@roundtable/shared';
import { isEmptyText } from '@roundtable/shared';
import { Localized, useTextIn } from '../../i18n/Localized';
import { ArrowLeft, Info, Volume2, VolumeX } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { Tip } from '../../ui/Tooltip';
import type { RoomAbilities } from '../abilities';
import { usePresence } from '../people/usePresence';
import { useSpeaking } from '../speaking/useSpeaking';
import { ControlBar } from './ControlBar';
import { ROOM_BANNERS } from './extensions';
import { useFloorNotices } from './useFloorNotices';
import { defaultPanel, ROOM_PANELS } from './panels';
import { MediaBarSlot, RoomContext, type RoomContextValue } from './roomContext';
import { SidePanels } from './SidePanels';
import { Stage } from './Stage';
import { PHONE_QUERY, useMediaQuery } from './useMediaQuery';
import { useSoundSetting } from './floorNotice';
import './layout.css';

interface RoomLayoutProps {
  room: RoomView;
  me: Me;
  abilities: RoomAbilities;
}

/**
 * The room as a meeting: a one-line header, the stage, one side panel at a time, and the control
 * bar at the bottom. The speaking order and presence are read here, once, for every part.
 */
export function RoomLayout({ room, me, abilities }: RoomLayoutProps) {
  const textIn = useTextIn();
  const speaking = useSpeaking(room.id);
  const presence = usePresence(room.id);
  const context = useMemo<RoomContextValue>(
    () => ({ room, me, abilities, speaking, presence }),
    [room, me, abilities, speaking, presence],
  );
  const phone = useMediaQuery(PHONE_QUERY);
  const panels = ROOM_PANELS.filter((panel) => panel.available?.(context) ?? true);
  // A phone opens on the stage; a laptop opens the role's panel beside it.
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const open = chosen === undefined ? (phone ? null : defaultPanel(context)) : chosen;
  const [focus, setFocus] = useState(abilities.role === 'note_taker');
  const [mediaSlot, setMediaSlot] = useState<HTMLElement | null>(null);
  const notices = useFloorNotices(context);
  const focused = focus && !phone && panels.find((panel) => panel.id === open)?.focusable === true;

  function toggle(panelId: string) {
    setChosen(open === panelId ? null : panelId);
  }

  return (
    <RoomContext.Provider value={context}>
      <MediaBarSlot.Provider value={mediaSlot}>
        <PageTitle>{notices.title ? `${notices.title} · ${textIn(room.name)}` : textIn(room.name)}</PageTitle>
        <div className="room-shell" data-panel={open ?? 'none'} data-focus={focused ? 'true' : undefined}>
          <RoomHeader room={room} abilities={abilities} />
          <div className="room-banners">
            {ROOM_BANNERS.map((banner) => (
              <div key={banner.id}>{banner.render(context)}</div>
            ))}
          </div>
          <div className="room-body">
            <Stage />
            <SidePanels
              panels={panels}
              open={open}
              sheet={phone}
              focus={focus}
              onClose={() => setChosen(null)}
              onFocusChange={setFocus}
            />
          </div>
          <ControlBar panels={panels} open={open} onToggle={toggle} mediaSlotRef={setMediaSlot} />
          {/* Always present: a live region inserted together with its text is often not read out. */}
          <div aria-live="assertive" className="visually-hidden" data-testid="floor-announcement">
            {notices.announcement}
          </div>
        </div>
      </MediaBarSlot.Provider>
    </RoomContext.Provider>
  );
}

/** One line: the way back, the room's name, one's role, the sound switch; the description folds. */
function RoomHeader({ room, abilities }: { room: RoomView; abilities: RoomAbilities }) {
  const { t } = useTranslation();
  const [sound, setSound] = useSoundSetting();
  return (
    <header className="room-header">
      <Link
        to={`/events/${encodeURIComponent(room.eventId)}`}
        className="icon-button"
        aria-label={t('room.backToEvent')}
      >
        <ArrowLeft aria-hidden="true" size={18} />
      </Link>
      <h1 id="room-heading">
        <Localized text={room.name} />
      </h1>
      <span className="badge phone-hidden" data-testid="my-role">
        {t('room.yourRole', { role: t(`people.roles.${abilities.role}`) })}
      </span>
      {!isEmptyText(room.description) && (
        <details className="room-description">
          <summary>
            <Info aria-hidden="true" size={16} />
            <span className="phone-hidden">{t('layout.about')}</span>
          </summary>
          <p className="description">
            <Localized text={room.description} />
          </p>
        </details>
      )}
      <Tip label={t('layout.sound')}>
        <button
          type="button"
          className="icon-button room-sound"
          aria-pressed={sound}
          aria-label={t('layout.sound')}
          onClick={() => setSound(!sound)}
        >
          {sound ? <Volume2 aria-hidden="true" size={18} /> : <VolumeX aria-hidden="true" size={18} />}
        </button>
      </Tip>
    </header>
  );
}
