import { MinutesMark, MinutesNode } from '@roundtable/shared';
import * as Y from 'yjs';

/** A run of text with its formatting. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /** A hard line break (the text is empty). */
  break?: boolean;
}

/** The minutes as neutral blocks every exporter renders: the editor's structure, nothing more. */
export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'table'; rows: { cells: { header: boolean; children: Block[] }[] }[] }
  | { type: 'decision'; content: Inline[] }
  | { type: 'action'; content: Inline[]; owner: string; due: string }
  | { type: 'speaker'; name: string; delegation: string; content: Inline[] };

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function inlinesOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Inline[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as DeltaOp[]).flatMap((op): Inline[] => {
      if (typeof op.insert !== 'string' || op.insert === '') return [];
      const a = op.attributes ?? {};
      const link = a[MinutesMark.Link] as { href?: unknown } | undefined;
      const inline: Inline = { text: op.insert };
      if (a[MinutesMark.Bold]) inline.bold = true;
      if (a[MinutesMark.Italic]) inline.italic = true;
      if (a[MinutesMark.Underline]) inline.underline = true;
      if (a[MinutesMark.Strike]) inline.strike = true;
      if (a[MinutesMark.Code]) inline.code = true;
      if (link && typeof link.href === 'string') inline.link = link.href;
      return [inline];
    });
  }
  if (node instanceof Y.XmlHook) return [];
  if (node.nodeName === MinutesNode.HardBreak) return [{ text: '', break: true }];
  return node.toArray().flatMap(inlinesOf);
}

function attr(node: Y.XmlElement, name: string): string {
  const value: unknown = node.getAttribute(name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function childrenOf(node: Y.XmlElement): Block[] {
  return node.toArray().flatMap((child) => (child instanceof Y.XmlElement ? blocksOf(child) : []));
}

function blocksOf(node: Y.XmlElement): Block[] {
  switch (node.nodeName) {
    case MinutesNode.Heading:
      return [{ type: 'heading', level: Number(attr(node, 'level')) || 1, content: inlinesOf(node) }];
    case MinutesNode.Paragraph:
      return [{ type: 'paragraph', content: inlinesOf(node) }];
    case MinutesNode.BulletList:
    case MinutesNode.OrderedList:
      return [
        {
          type: 'list',
          ordered: node.nodeName === MinutesNode.OrderedList,
          items: node.toArray().flatMap((item) => (item instanceof Y.XmlElement ? [childrenOf(item)] : [])),
        },
      ];
    case MinutesNode.Blockquote:
      return [{ type: 'blockquote', children: childrenOf(node) }];
    case MinutesNode.CodeBlock:
      return [
        {
          type: 'code',
          text: inlinesOf(node)
            .map((i) => i.text)
            .join(''),
        },
      ];
    case MinutesNode.HorizontalRule:
      return [{ type: 'rule' }];
    case MinutesNode.Table:
      return [
        {
          type: 'table',
          rows: node.toArray().flatMap((row) =>
            row instanceof Y.XmlElement
              ? [
                  {
                    cells: row.toArray().flatMap((cell) =>
                      cell instanceof Y.XmlElement
                        ? [
                            {
                              header: cell.nodeName === MinutesNode.TableHeader,
                              children: childrenOf(cell),
                            },
                          ]
                        : [],
                    ),
                  },
                ]
              : [],
          ),
        },
      ];
    case MinutesNode.Decision:
      return [{ type: 'decision', content: inlinesOf(node) }];
    case MinutesNode.ActionItem:
      return [
        { type: 'action', content: inlinesOf(node), owner: attr(node, 'owner'), due: attr(node, 'due') },
      ];
    case MinutesNode.SpeakerLine:
      return [
        {
          type: 'speaker',
          name: attr(node, 'name'),
          delegation: attr(node, 'delegation'),
          content: inlinesOf(node),
        },
      ];
    default:
      // An unknown node (a newer editor extension) keeps its text rather than vanishing.
      return [{ type: 'paragraph', content: inlinesOf(node) }];
  }
}

/** Reads the minutes fragment into neutral blocks. */
export function fragmentToBlocks(fragment: Y.XmlFragment): Block[] {
  return fragment.toArray().flatMap((node) => (node instanceof Y.XmlElement ? blocksOf(node) : []));
}

/** Plain text of inline runs. */
export function plain(content: readonly Inline[]): string {
  return content.map((i) => (i.break ? '\n' : i.text)).join('');
}

/** Every decision and action item, in document order (the report lists them separately). */
export function collectDecisionsAndActions(blocks: readonly Block[]): {
  decisions: string[];
  actions: { text: string; owner: string; due: string }[];
} {
  const decisions: string[] = [];
  const actions: { text: string; owner: string; due: string }[] = [];
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'decision') decisions.push(plain(block.content));
      else if (block.type === 'action')
        actions.push({ text: plain(block.content), owner: block.owner, due: block.due });
      else if (block.type === 'list') block.items.forEach(visit);
      else if (block.type === 'blockquote') visit(block.children);
      else if (block.type === 'table') block.rows.forEach((r) => r.cells.forEach((c) => visit(c.children)));
    }
  };
  visit(blocks);
  return { decisions, actions };
}
