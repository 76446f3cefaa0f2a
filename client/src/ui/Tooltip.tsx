import * as RadixTooltip from '@radix-ui/react-tooltip';
import type { ReactElement } from 'react';
import './ui.css';

interface TipProps {
  /** What the control does, as shown on hover and focus. */
  label: string;
  /** The keyboard shortcut, shown beside the label ("Alt+Shift+H"). */
  shortcut?: string;
  side?: 'top' | 'bottom' | 'left' | 'right';
  /** One focusable element: the tooltip describes it (the accessible name stays the element's own). */
  children: ReactElement;
}

/**
 * Every tooltip of the app: Radix positions it, shows it on hover and keyboard focus, hides on
 * Escape. Each brings its own provider, so a component with a tooltip renders anywhere (tests too).
 */
export function Tip({ label, shortcut, side = 'top', children }: TipProps) {
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={6}>
            {label}
            {shortcut && <kbd className="ui-kbd">{shortcut}</kbd>}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
