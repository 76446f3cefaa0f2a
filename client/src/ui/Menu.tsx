import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { EllipsisVertical } from 'lucide-react';
import type { ReactNode } from 'react';
import './ui.css';

/** One choice of a menu. */
export interface MenuItem {
  /** Stable key. */
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Destructive: drawn in the danger colour, and should itself ask for confirmation. */
  danger?: boolean;
  icon?: ReactNode;
}

interface MenuProps {
  /** The trigger's accessible name ("Actions for Emily Johnson"). */
  label: string;
  items: readonly MenuItem[];
  /** Shown in the trigger; a vertical ellipsis when absent. */
  trigger?: ReactNode;
  triggerClassName?: string;
}

/**
 * A menu button (Radix: arrow keys, typeahead, Escape, focus returned to the trigger), for actions
 * that would otherwise be a row of buttons under every entry.
 */
export function Menu({ label, items, trigger, triggerClassName = 'icon-button' }: MenuProps) {
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger className={triggerClassName} aria-label={label}>
        {trigger ?? <EllipsisVertical aria-hidden="true" size={18} />}
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="ui-menu" align="end" sideOffset={4} aria-label={label}>
          {items.map((item) => (
            <RadixMenu.Item
              key={item.id}
              className={item.danger ? 'ui-menu-item ui-menu-item-danger' : 'ui-menu-item'}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              {item.icon}
              {item.label}
            </RadixMenu.Item>
          ))}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
