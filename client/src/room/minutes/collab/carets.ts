import { AwarenessUserSchema, type AwarenessUser } from '@roundtable/shared';
import type { DecorationAttrs } from '@tiptap/pm/view';

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#57606a';

/**
 * The identity the server stamped into another client's awareness state, or null when there is
 * none (a state relayed before the stamp, or from an older server): such carets show no name.
 */
export function stampedUser(user: unknown): AwarenessUser | null {
  const parsed = AwarenessUserSchema.safeParse(user);
  return parsed.success ? parsed.data : null;
}

/** A colour safe to put in a style attribute (the name and colour come from the network). */
export function safeColor(color: string | undefined): string {
  return color && HEX_COLOR.test(color) ? color : FALLBACK_COLOR;
}

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
export function labelTextColor(color: string): string {
  const channel = (offset: number) => {
    const value = parseInt(color.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** Another note-taker's caret with their name, in their colour. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const stamped = stampedUser(user);
  const color = safeColor(stamped?.color);
  const caret = document.createElement('span');
  caret.className = 'minutes-caret';
  caret.style.borderColor = color;
  if (stamped) caret.dataset['personId'] = stamped.personId;
  const label = document.createElement('span');
  label.className = 'minutes-caret-label';
  label.style.backgroundColor = color;
  label.style.color = labelTextColor(color);
  // textContent, never HTML: the name is whatever the person registered with.
  label.textContent = stamped?.name ?? '';
  caret.append(label);
  return caret;
}

/** Another note-taker's selection, tinted with their colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const color = safeColor(stampedUser(user)?.color);
  return { class: 'minutes-selection', style: `background-color: ${color}40` };
}
