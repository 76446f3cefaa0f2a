import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DocKind, docName, minutesFragment, YJS_PATH } from '@roundtable/shared';
// The client's own schema and binding: what the harness proves is what note-takers run.
import { insertBlock } from '../schema/insert';
import { minutesSchemaExtensions } from '../schema/extensions';

/*
 * Simulated note-takers for the minutes harness (server/src/minutes/harness): a Tiptap editor with
 * the client's schema and the same Collaboration binding, on a stock y-websocket provider connected
 * to the real server. Needs a DOM (jsdom in tests): the binding drives a ProseMirror view.
 */

/** One block of the document as the checks read it. */
export interface Block {
  type: string;
  attrs: Record<string, unknown>;
  text: string;
}

export interface SimEditor {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly editor: Editor;
  /** Types one character at the caret, as ProseMirror turns a keypress into a transaction. */
  key(char: string): void;
  enter(): void;
  backspace(): void;
  /** Moves the caret to the end of its block (the End key). */
  end(): void;
  toggleBold(): void;
  insertDecision(): void;
  undo(): void;
  redo(): void;
  /** The text of the caret's block and the caret's offset in it. */
  caretBlock(): { index: number; text: string; offset: number; type: string };
  /** Places the caret at the end of top-level block `index`. */
  placeAtEndOf(index: number): void;
  disconnect(): void;
  connect(): void;
  blocks(): Block[];
  destroy(): void;
}

/** Top-level blocks of a ProseMirror document (list items and tables count as their container). */
export function blocksOf(editor: Editor): Block[] {
  const blocks: Block[] = [];
  editor.state.doc.forEach((node) => {
    blocks.push({ type: node.type.name, attrs: { ...node.attrs }, text: node.textContent });
  });
  return blocks;
}

/**
 * Opens a simulated note-taker on `origin`'s minutes of `roomId`. `WebSocketImpl` is Node's `ws`
 * outside a browser.
 */
export function openSimEditor(
  origin: string,
  roomId: string,
  token: string,
  name: string,
  WebSocketImpl: typeof globalThis.WebSocket,
): SimEditor {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${origin.replace(/^http/, 'ws')}${YJS_PATH}`,
    docName(roomId, DocKind.Minutes),
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocketImpl,
      disableBc: true,
      maxBackoffTime: 200,
    },
  );
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...minutesSchemaExtensions(), Collaboration.configure({ fragment: minutesFragment(doc) })],
  });
  const run = (shortcut: string) => {
    editor.commands.keyboardShortcut(shortcut);
  };
  return {
    name,
    doc,
    provider,
    editor,
    key(char) {
      const { from, to } = editor.state.selection;
      // What prosemirror-view does with a typed character: handleTextInput, else insertText.
      const typed = () => editor.state.tr.insertText(char, from, to);
      const handled = editor.view.someProp('handleTextInput', (f) => f(editor.view, from, to, char, typed));
      if (!handled) editor.view.dispatch(typed());
    },
    enter: () => run('Enter'),
    backspace() {
      // The keymap handles Backspace at block starts and over selections; inside text the browser
      // deletes the character and ProseMirror reads that back as this transaction.
      const before = editor.state;
      run('Backspace');
      if (editor.state.doc !== before.doc) return;
      const { from, empty } = editor.state.selection;
      if (empty && editor.state.selection.$from.parentOffset > 0)
        editor.view.dispatch(editor.state.tr.delete(from - 1, from));
    },
    end() {
      const { $head } = editor.state.selection;
      editor.commands.setTextSelection($head.end());
    },
    toggleBold: () => void editor.commands.toggleBold(),
    insertDecision: () => void insertBlock(editor, 'decision'),
    undo: () => void editor.commands.undo(),
    redo: () => void editor.commands.redo(),
    caretBlock() {
      const { $head } = editor.state.selection;
      return {
        index: $head.index(0),
        text: $head.parent.textContent,
        offset: $head.parentOffset,
        type: $head.node(1)?.type.name ?? 'doc',
      };
    },
    placeAtEndOf(index) {
      let pos = 0;
      for (let i = 0; i <= index && i < editor.state.doc.childCount; i++)
        pos += editor.state.doc.child(i).nodeSize;
      editor.commands.setTextSelection(Math.max(1, pos - 1));
    },
    disconnect: () => provider.disconnect(),
    connect: () => provider.connect(),
    blocks: () => blocksOf(editor),
    destroy() {
      editor.destroy();
      provider.destroy();
      doc.destroy();
      element.remove();
    },
  };
}
