import { LogOut, Mic, MicOff, Video, VideoOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tip } from '../../ui/Tooltip';
import { HandButton } from './HandButton';
import { CONTROL_BAR_ITEMS } from './extensions';
import type { RoomPanel } from './panels';
import { useRoomContext } from './roomContext';
import { SHORTCUTS, shortcutLabel, useShortcut } from './shortcuts';

interface ControlBarProps {
  panels: readonly RoomPanel[];
  open: string | null;
  onToggle: (panelId: string) => void;
  /** The element the media client fills with the live microphone, camera and screen buttons. */
  mediaSlotRef: (element: HTMLElement | null) => void;
}

/**
 * The one control bar at the bottom of the room: one's microphone, camera and screen (live once in
 * the call, otherwise shown disabled with the reason), extension items, one's hand, the panels,
 * and the way out.
 */
export function ControlBar({ panels, open, onToggle, mediaSlotRef }: ControlBarProps) {
  const { t } = useTranslation();
  const room = useRoomContext();
  return (
    <div className="control-bar" role="toolbar" aria-label={t('layout.controlBar')}>
      <div className="bar-group">
        <span className="bar-media-slot" ref={mediaSlotRef} />
        <MediaPlaceholders />
        {CONTROL_BAR_ITEMS.filter((item) => item.available?.(room) ?? true).map((item) => (
          <div key={item.id} className="bar-item">
            {item.render(room)}
          </div>
        ))}
        <HandButton />
      </div>
      <div className="bar-group">
        {panels.map((panel) => (
          <PanelButton key={panel.id} panel={panel} open={open === panel.id} onToggle={onToggle} />
        ))}
        <Tip label={t('layout.leave')}>
          <Link
            to={`/events/${encodeURIComponent(room.room.eventId)}`}
            className="bar-button bar-button-leave"
            aria-label={t('layout.leave')}
          >
            <LogOut aria-hidden="true" size={22} />
            <span className="bar-label" aria-hidden="true">
              {t('layout.leaveShort')}
            </span>
          </Link>
        </Tip>
      </div>
    </div>
  );
}

function PanelButton({
  panel,
  open,
  onToggle,
}: {
  panel: RoomPanel;
  open: boolean;
  onToggle: (panelId: string) => void;
}) {
  const { t } = useTranslation();
  const room = useRoomContext();
  useShortcut(panel.shortcut, () => onToggle(panel.id));
  const Icon = panel.icon;
  const count = panel.count?.(room) ?? null;
  const label = t(panel.labelKey);
  return (
    <Tip label={label} shortcut={panel.shortcut ? shortcutLabel(panel.shortcut) : undefined}>
      <button
        type="button"
        className={open ? 'bar-button bar-button-on' : 'bar-button'}
        aria-expanded={open}
        aria-controls={`room-panel-${panel.id}`}
        aria-label={label}
        onClick={() => onToggle(panel.id)}
        data-panel-button={panel.id}
      >
        <Icon aria-hidden="true" size={22} />
        <span className="bar-label" aria-hidden="true">
          {label}
        </span>
        {count !== null && count > 0 && (
          <span className="bar-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
    </Tip>
  );
}

/**
 * The microphone and camera before joining the call (or in a room without audio and video):
 * visibly disabled, with why, in the same place the live buttons take once joined.
 */
function MediaPlaceholders() {
  const { t } = useTranslation();
  const { abilities } = useRoomContext();
  const observer = abilities.role === 'observer';
  const reason = observer ? t('layout.media.observer') : t('layout.media.notJoined');
  const devices = [
    {
      id: 'mic',
      name: t('media.controls.microphoneOn'),
      caption: t('layout.media.microphone'),
      shortcut: SHORTCUTS.microphone,
      Icon: observer ? MicOff : Mic,
    },
    {
      id: 'camera',
      name: t('media.controls.cameraOn'),
      caption: t('layout.media.camera'),
      shortcut: SHORTCUTS.camera,
      Icon: observer ? VideoOff : Video,
    },
  ];
  return (
    <span className="bar-media-placeholder">
      {devices.map(({ id, name, caption, shortcut, Icon }) => (
        <Tip key={id} label={reason} shortcut={shortcutLabel(shortcut)}>
          <button
            type="button"
            className="bar-button"
            aria-disabled="true"
            aria-label={name}
            data-testid={`${id}-button`}
          >
            <Icon aria-hidden="true" size={22} />
            <span className="bar-label" aria-hidden="true">
              {caption}
            </span>
          </button>
        </Tip>
      ))}
    </span>
  );
}
