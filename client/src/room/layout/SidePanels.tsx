import { Maximize2, Minimize2, X } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomPanel } from './panels';
import { useRoomContext } from './roomContext';

interface SidePanelsProps {
  panels: readonly RoomPanel[];
  open: string | null;
  /** A phone: the open panel is a full-height sheet over the stage. */
  sheet: boolean;
  focus: boolean;
  onClose: () => void;
  onFocusChange: (focus: boolean) => void;
}

/**
 * Every panel, mounted once; the open one shown (a column beside the stage on a laptop, a
 * full-height sheet on a phone), the others hidden but alive. Each is a region named by its heading.
 */
export function SidePanels({ panels, open, sheet, focus, onClose, onFocusChange }: SidePanelsProps) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const headings = useRef(new Map<string, HTMLHeadingElement>());

  // A sheet covers the stage: move the reading position into it, as a dialog would.
  useEffect(() => {
    if (sheet && open) headings.current.get(open)?.focus();
  }, [sheet, open]);

  function handleKeyDown(event: KeyboardEvent) {
    if (sheet && event.key === 'Escape' && !event.defaultPrevented) onClose();
  }

  return (
    <div className="room-side" hidden={open === null} onKeyDown={handleKeyDown}>
      {panels.map((panel) => (
        <section
          key={panel.id}
          id={`room-panel-${panel.id}`}
          className={`room-panel room-${panel.id}`}
          aria-labelledby={`room-panel-${panel.id}-heading`}
          hidden={open !== panel.id}
        >
          <div className="panel-header">
            <h2
              id={`room-panel-${panel.id}-heading`}
              tabIndex={-1}
              ref={(element) => {
                if (element) headings.current.set(panel.id, element);
                else headings.current.delete(panel.id);
              }}
            >
              {t(panel.titleKey)}
            </h2>
            {panel.focusable && !sheet && (
              <button
                type="button"
                className="icon-text-button"
                aria-pressed={focus}
                onClick={() => onFocusChange(!focus)}
              >
                {focus ? (
                  <Minimize2 aria-hidden="true" size={16} />
                ) : (
                  <Maximize2 aria-hidden="true" size={16} />
                )}
                {t('layout.focus')}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={t('layout.closePanel', { panel: t(panel.titleKey) })}
              onClick={onClose}
            >
              <X aria-hidden="true" size={18} />
            </button>
          </div>
          <div className="panel-body">{panel.render(room)}</div>
        </section>
      ))}
    </div>
  );
}
