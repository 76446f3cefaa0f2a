import { MinutesNode, minutesFragment } from '@roundtable/shared';
import { Extension, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type { RoomDocConnection } from '../../../realtime/roomDoc';
import { renderCaret, renderSelection } from '../collab/carets';
import { minutesSchemaExtensions } from '../schema/extensions';
import { insertBlock } from '../schema/insert';
import { BLOCKS_WITH_VIEWS } from './nodeViews';

/** Shortcuts whose action needs the panel (the server, the toolbar), not only the document. */
export type PanelAction = 'speaker' | 'link' | 'toolbar';

/**
 * The DOM event (bubbling from the editor's element, `detail` a `PanelAction`) by which those
 * shortcuts reach the panel: the editor is created once, while what the panel does may change.
 */
export const PANEL_ACTION_EVENT = 'minutes-panel-action';

/** Keyboard shortcuts of the writing aids, also announced on their buttons (`aria-keyshortcuts`). */
export const SHORTCUTS = {
  decision: 'Mod-Alt-7',
  actionItem: 'Mod-Alt-8',
  speaker: 'Mod-Alt-9',
  link: 'Mod-k',
  toolbar: 'Alt-F10',
} as const;

/** The editor bound to the room's minutes document, with carets and the writing aids' shortcuts. */
export function minutesEditorExtensions(connection: RoomDocConnection): Extensions {
  const shortcuts = Extension.create({
    name: 'minutesShortcuts',
    addKeyboardShortcuts() {
      const editor = this.editor;
      const ask = (action: PanelAction) => () => {
        editor.view.dom.dispatchEvent(new CustomEvent(PANEL_ACTION_EVENT, { bubbles: true, detail: action }));
        return true;
      };
      return {
        [SHORTCUTS.decision]: () => insertBlock(editor, MinutesNode.Decision),
        [SHORTCUTS.actionItem]: () => insertBlock(editor, MinutesNode.ActionItem),
        [SHORTCUTS.speaker]: ask('speaker'),
        [SHORTCUTS.link]: ask('link'),
        [SHORTCUTS.toolbar]: ask('toolbar'),
      };
    },
  });
  return [
    ...minutesSchemaExtensions(BLOCKS_WITH_VIEWS),
    Collaboration.configure({ fragment: minutesFragment(connection.doc) }),
    CollaborationCaret.configure({
      provider: connection.provider,
      // The server overwrites `user` with who we are (name, colour, role); we publish only the caret.
      user: {},
      render: renderCaret,
      selectionRender: renderSelection,
    }),
    shortcuts,
  ];
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A Tiptap shortcut as `aria-keyshortcuts` spells it ("Control+Alt+7"). */
export function ariaShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => {
      if (part === 'Mod') return IS_MAC ? 'Meta' : 'Control';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}
