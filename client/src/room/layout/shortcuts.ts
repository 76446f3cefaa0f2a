import { useEffect, useEffectEvent } from 'react';

/**
 * The room's keyboard shortcuts: Alt+Shift+letter. The minutes editor binds Ctrl/Cmd combinations
 * (bold, headings, undo) and plain typing, never Alt+Shift, so the two never clash; `code` is read
 * rather than `key` because Alt+Shift changes the character a key types (on macOS especially).
 */
export const SHORTCUTS = {
  microphone: 'KeyM',
  camera: 'KeyV',
  hand: 'KeyH',
} as const;

/** "Alt+Shift+H" from "KeyH", for tooltips and the documentation. */
export function shortcutLabel(code: string): string {
  return `Alt+Shift+${code.replace(/^Key|^Digit/, '')}`;
}

/** Runs `action` when Alt+Shift+`code` is pressed anywhere on the page (not while composing text). */
export function useShortcut(code: string | undefined, action: () => void): void {
  const run = useEffectEvent(action);
  useEffect(() => {
    if (!code) return undefined;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.isComposing || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== code) return;
      event.preventDefault();
      run();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [code]);
}
