import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../realtime/ActionError';
import type { RoomDocConnection } from '../../../realtime/roomDoc';
import { useInsertSpeaker } from '../aids/useInsertSpeaker';
import { MinutesToolbar } from '../toolbar/MinutesToolbar';
import { minutesEditorExtensions, PANEL_ACTION_EVENT, type PanelAction } from './editorExtensions';
import { WritableContext } from './nodeViews';

interface MinutesEditorProps {
  roomId: string;
  connection: RoomDocConnection;
  /** Whether this person may write now (their role, and the minutes still a draft). */
  writable: boolean;
}

/**
 * The rich-text editor bound to the minutes document. Created once per connection: the binding
 * to the Y.Doc must outlive token refreshes and reconnects, so nothing here recreates it.
 */
export function MinutesEditor({ roomId, connection, writable }: MinutesEditorProps) {
  const { t } = useTranslation();
  const editorId = useId();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const extensions = useMemo(() => minutesEditorExtensions(connection), [connection]);
  const editorProps = useMemo(
    () => ({
      attributes: {
        id: editorId,
        class: 'minutes-document',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('minutes.editorLabel'),
        'aria-readonly': writable ? 'false' : 'true',
        // Readers too must reach the (scrollable) text by keyboard, not only writers.
        tabindex: '0',
      },
    }),
    [editorId, t, writable],
  );
  const editor = useEditor({
    extensions,
    editorProps,
    editable: writable,
    immediatelyRender: true,
    // The toolbar subscribes to what it shows; the panel itself needs no render per keystroke.
    shouldRerenderOnTransaction: false,
  });

  // useEditor keeps the editability it was created with; follow the role and the workflow here.
  useEffect(() => {
    if (editor && editor.isEditable !== writable) editor.setEditable(writable);
  }, [editor, writable]);

  const speaker = useInsertSpeaker(roomId, editor);
  const insertSpeaker = speaker.insert;
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const handleAction = (event: Event) => {
      const action = (event as CustomEvent<PanelAction>).detail;
      if (action === 'speaker') insertSpeaker();
      else if (action === 'link') setLinkOpen(true);
      else toolbarRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    };
    wrapper.addEventListener(PANEL_ACTION_EVENT, handleAction);
    return () => wrapper.removeEventListener(PANEL_ACTION_EVENT, handleAction);
  }, [insertSpeaker]);

  return (
    <div className="minutes-editor" ref={wrapperRef}>
      {writable && editor && (
        <MinutesToolbar
          editor={editor}
          editorId={editorId}
          toolbarRef={toolbarRef}
          linkOpen={linkOpen}
          onLinkOpen={setLinkOpen}
          onInsertSpeaker={speaker.insert}
          speakerBusy={speaker.busy}
        />
      )}
      {writable && (
        <p role="status" className="minutes-aid-status">
          {speaker.notice}
        </p>
      )}
      {writable && <ActionError error={speaker.error} />}
      <WritableContext value={writable}>
        <EditorContent editor={editor} className="minutes-content" />
      </WritableContext>
    </div>
  );
}
