import type { AnyExtension, Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { ActionItem, AgendaHeadingAttribute, Decision, SpeakerLine } from './nodes';

/** The structured blocks, replaceable by versions with node views (the schema stays the same). */
export interface MinutesBlocks {
  decision: AnyExtension;
  actionItem: AnyExtension;
  speakerLine: AnyExtension;
}

const PLAIN_BLOCKS: MinutesBlocks = { decision: Decision, actionItem: ActionItem, speakerLine: SpeakerLine };

/**
 * Every extension that shapes the minutes' schema: what the editor may write is what the server's
 * report reader (`server/src/reports/export/blocks.ts`) understands.
 */
export function minutesSchemaExtensions(blocks: MinutesBlocks = PLAIN_BLOCKS): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings an undo that only undoes one's own changes; the plain one would undo others'.
      undoRedo: false,
      // Every client would append its own trailing paragraph to the shared document at once.
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    AgendaHeadingAttribute,
    blocks.decision,
    blocks.actionItem,
    blocks.speakerLine,
  ];
}
