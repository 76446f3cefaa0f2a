import { MinutesNode } from '@roundtable/shared';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../editor/editorExtensions';
import { insertBlock } from '../schema/insert';
import { LinkForm } from './LinkForm';
import { handleToolbarKeyDown, ToolButton } from './ToolButton';

interface MinutesToolbarProps {
  editor: Editor;
  editorId: string;
  toolbarRef: Ref<HTMLDivElement>;
  linkOpen: boolean;
  onLinkOpen: (open: boolean) => void;
  onInsertSpeaker: () => void;
  /** True while the floor holder is being fetched: the button waits. */
  speakerBusy: boolean;
}

const HEADING_LEVELS = [1, 2, 3] as const;

/** Formatting, lists, tables, links and the writing aids, for those who write the minutes. */
export function MinutesToolbar(props: MinutesToolbarProps) {
  const { editor, editorId, toolbarRef, linkOpen, onLinkOpen, onInsertSpeaker, speakerBusy } = props;
  const { t } = useTranslation();
  // Re-rendered only when one of these answers changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      strike: current.isActive('strike'),
      link: current.isActive('link'),
      heading: HEADING_LEVELS.find((level) => current.isActive('heading', { level })) ?? 0,
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      inTable: current.isActive('table'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <div className="minutes-toolbar-area">
      <div
        ref={toolbarRef}
        role="toolbar"
        aria-label={t('minutes.toolbar.label')}
        aria-controls={editorId}
        className="minutes-toolbar"
        onKeyDown={handleToolbarKeyDown}
      >
        <div role="group" aria-label={t('minutes.toolbar.text')} className="tool-group">
          <ToolButton
            label={t('minutes.toolbar.bold')}
            pressed={state.bold}
            shortcut="Mod-b"
            onClick={() => chain().toggleBold().run()}
          >
            B
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.italic')}
            pressed={state.italic}
            shortcut="Mod-i"
            onClick={() => chain().toggleItalic().run()}
          >
            I
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.underline')}
            pressed={state.underline}
            shortcut="Mod-u"
            onClick={() => chain().toggleUnderline().run()}
          >
            U
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.strike')}
            pressed={state.strike}
            shortcut="Mod-Shift-s"
            onClick={() => chain().toggleStrike().run()}
          >
            S
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.link')}
            pressed={state.link || linkOpen}
            shortcut={SHORTCUTS.link}
            onClick={() => onLinkOpen(!linkOpen)}
          >
            🔗
          </ToolButton>
        </div>
        <div role="group" aria-label={t('minutes.toolbar.paragraphs')} className="tool-group">
          {HEADING_LEVELS.map((level) => (
            <ToolButton
              key={level}
              label={t('minutes.toolbar.heading', { level })}
              pressed={state.heading === level}
              shortcut={`Mod-Alt-${level}`}
              onClick={() => chain().toggleHeading({ level }).run()}
            >{`H${level}`}</ToolButton>
          ))}
          <ToolButton
            label={t('minutes.toolbar.bulletList')}
            pressed={state.bulletList}
            shortcut="Mod-Shift-8"
            onClick={() => chain().toggleBulletList().run()}
          >
            •
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.orderedList')}
            pressed={state.orderedList}
            shortcut="Mod-Shift-7"
            onClick={() => chain().toggleOrderedList().run()}
          >
            1.
          </ToolButton>
        </div>
        <div role="group" aria-label={t('minutes.toolbar.table')} className="tool-group">
          {state.inTable ? (
            <>
              <ToolButton label={t('minutes.toolbar.addRow')} onClick={() => chain().addRowAfter().run()} />
              <ToolButton
                label={t('minutes.toolbar.addColumn')}
                onClick={() => chain().addColumnAfter().run()}
              />
              <ToolButton label={t('minutes.toolbar.deleteRow')} onClick={() => chain().deleteRow().run()} />
              <ToolButton
                label={t('minutes.toolbar.deleteColumn')}
                onClick={() => chain().deleteColumn().run()}
              />
              <ToolButton
                label={t('minutes.toolbar.deleteTable')}
                onClick={() => chain().deleteTable().run()}
              />
            </>
          ) : (
            <ToolButton
              label={t('minutes.toolbar.insertTable')}
              onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            />
          )}
        </div>
        <div role="group" aria-label={t('minutes.toolbar.insert')} className="tool-group">
          <ToolButton
            label={t('minutes.insert.decision')}
            shortcut={SHORTCUTS.decision}
            onClick={() => insertBlock(editor, MinutesNode.Decision)}
          />
          <ToolButton
            label={t('minutes.insert.actionItem')}
            shortcut={SHORTCUTS.actionItem}
            onClick={() => insertBlock(editor, MinutesNode.ActionItem)}
          />
          <ToolButton
            label={t('minutes.insert.speaker')}
            shortcut={SHORTCUTS.speaker}
            disabled={speakerBusy}
            onClick={onInsertSpeaker}
          />
        </div>
        <div role="group" aria-label={t('minutes.toolbar.history')} className="tool-group">
          <ToolButton
            label={t('minutes.toolbar.undo')}
            shortcut="Mod-z"
            disabled={!state.canUndo}
            onClick={() => chain().undo().run()}
          >
            ↶
          </ToolButton>
          <ToolButton
            label={t('minutes.toolbar.redo')}
            shortcut="Mod-Shift-z"
            disabled={!state.canRedo}
            onClick={() => chain().redo().run()}
          >
            ↷
          </ToolButton>
        </div>
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => onLinkOpen(false)} />}
    </div>
  );
}
