/**
 * ProseMirror node and mark names of the minutes document. The client editor (Tiptap) defines
 * nodes with exactly these names; the server reads the Y.XmlFragment by them for reports.
 */
export const MinutesNode = {
  Paragraph: 'paragraph',
  Heading: 'heading',
  BulletList: 'bulletList',
  OrderedList: 'orderedList',
  ListItem: 'listItem',
  Blockquote: 'blockquote',
  CodeBlock: 'codeBlock',
  HorizontalRule: 'horizontalRule',
  HardBreak: 'hardBreak',
  Table: 'table',
  TableRow: 'tableRow',
  TableHeader: 'tableHeader',
  TableCell: 'tableCell',
  /** A decision taken (inline content = the decision). */
  Decision: 'decision',
  /** An action item (inline content = what) with attributes `owner` and `due` (YYYY-MM-DD). */
  ActionItem: 'actionItem',
  /** Who spoke: attributes `name`, `delegation`, `personId`; inline content = summary. */
  SpeakerLine: 'speakerLine',
} as const;

export const MinutesMark = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strike: 'strike',
  Code: 'code',
  Link: 'link',
} as const;

/** Heading attribute that ties a section of the minutes to an agenda item (template). */
export const AGENDA_ITEM_ATTRIBUTE = 'agendaItemId';
