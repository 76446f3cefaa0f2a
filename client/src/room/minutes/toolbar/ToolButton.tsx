import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { ariaShortcut } from '../editor/editorExtensions';

interface ToolButtonProps {
  /** The accessible name (the visible text may be a glyph). */
  label: string;
  onClick: () => void;
  /** A toggle's state; leave undefined for plain actions. */
  pressed?: boolean;
  disabled?: boolean;
  /** A Tiptap shortcut ("Mod-b"), announced and shown in the tooltip. */
  shortcut?: string;
  children?: ReactNode;
}

// Keeps the editor's selection: a click would otherwise move focus (and the caret) to the button.
const keepEditorFocus = (event: MouseEvent) => event.preventDefault();

/** One toolbar button: a toggle with `aria-pressed`, or an action. */
export function ToolButton({ label, onClick, pressed, disabled, shortcut, children }: ToolButtonProps) {
  const keys = shortcut ? ariaShortcut(shortcut) : undefined;
  return (
    <button
      type="button"
      className={children ? 'tool-button tool-button-glyph' : 'tool-button'}
      aria-label={children ? label : undefined}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={keys ? `${label} (${keys})` : label}
      disabled={disabled}
      onMouseDown={keepEditorFocus}
      onClick={onClick}
    >
      {children ? <span aria-hidden="true">{children}</span> : label}
    </button>
  );
}

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * Arrow keys, Home and End move between a toolbar's buttons (the WAI-ARIA toolbar pattern); Tab
 * still walks through them too, so nobody has to know the pattern.
 */
export function handleToolbarKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (!NAVIGATION_KEYS.has(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
  const current = buttons.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  event.preventDefault();
  const last = buttons.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowLeft'
          ? (current - 1 + buttons.length) % buttons.length
          : (current + 1) % buttons.length;
  buttons[next]?.focus();
}
