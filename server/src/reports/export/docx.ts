import { rosterLine } from '@roundtable/shared';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline } from './blocks.js';
import { formatDateTime, labelsFor } from './labels.js';
import type { ReportModel } from './model.js';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const ORDERED = 'ordered-list';

function runs(content: readonly Inline[]): ParagraphChild[] {
  return content.map((i) => {
    const run = new TextRun({
      text: i.text,
      break: i.break ? 1 : undefined,
      bold: i.bold,
      italics: i.italic,
      strike: i.strike,
      underline: i.underline || i.link ? {} : undefined,
      font: i.code ? 'Courier New' : undefined,
    });
    return i.link && /^(https?:|mailto:)/i.test(i.link)
      ? new ExternalHyperlink({ link: i.link, children: [run] })
      : run;
  });
}

function heading(text: string, level: number): Paragraph {
  return new Paragraph({
    heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1],
    children: [new TextRun(text)],
  });
}

type Child = Paragraph | Table;

function blocks(list: readonly Block[], report: ReportModel, depth = 0, quoteIndent = 0): Child[] {
  const l = labelsFor(report.language);
  return list.flatMap((block): Child[] => {
    switch (block.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[Math.min(block.level + 2, 6) - 1],
            children: runs(block.content),
          }),
        ];
      case 'paragraph':
        return [
          new Paragraph({
            indent: quoteIndent ? { left: quoteIndent } : undefined,
            children: runs(block.content),
          }),
        ];
      case 'list':
        return block.items.flatMap((item) =>
          blocks(item, report, depth + 1).map((child, index) =>
            child instanceof Paragraph && index === 0
              ? listParagraph(item, report, block.ordered, depth)
              : child,
          ),
        );
      case 'blockquote':
        // Word has no block quote: an indented run of the quoted blocks stands for it.
        return blocks(block.children, report, depth, quoteIndent + 720);
      case 'code':
        return [new Paragraph({ children: [new TextRun({ text: block.text, font: 'Courier New' })] })];
      case 'rule':
        return [new Paragraph({ thematicBreak: true, children: [] })];
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row) =>
                new TableRow({
                  children: row.cells.map(
                    (cell) =>
                      new TableCell({
                        children: ensureParagraph(blocks(cell.children, report, depth)),
                      }),
                  ),
                }),
            ),
          }),
        ];
      case 'decision':
        return [
          new Paragraph({
            children: [new TextRun({ text: `${l.decisions}: `, bold: true }), ...runs(block.content)],
          }),
        ];
      case 'action':
        return [
          new Paragraph({
            children: [
              new TextRun({ text: `${l.actions}: `, bold: true }),
              ...runs(block.content),
              new TextRun(` (${l.owner}: ${block.owner}; ${l.due}: ${block.due})`),
            ],
          }),
        ];
      case 'speaker':
        return [
          new Paragraph({
            children: [
              new TextRun({
                text: `${block.name}${block.delegation ? ` (${block.delegation})` : ''}: `,
                bold: true,
              }),
              ...runs(block.content),
            ],
          }),
        ];
    }
  });
}

/** The first paragraph of a list item carries the bullet or number. */
function listParagraph(
  item: readonly Block[],
  report: ReportModel,
  ordered: boolean,
  depth: number,
): Paragraph {
  const first = item[0];
  const content = first && 'content' in first ? runs(first.content) : [];
  return ordered
    ? new Paragraph({ numbering: { reference: ORDERED, level: Math.min(depth, 8) }, children: content })
    : new Paragraph({ bullet: { level: Math.min(depth, 8) }, children: content });
}

function ensureParagraph(children: Child[]): Child[] {
  return children.length ? children : [new Paragraph({ children: [] })];
}

/** The report as a Word document (`.docx`), with East Asian fonts set so Japanese renders. */
export async function renderDocx(report: ReportModel): Promise<Buffer> {
  const l = labelsFor(report.language);
  const when = (iso: string) => formatDateTime(report.language, iso, report.timeZone);
  const children: Child[] = [heading(report.title, 1)];
  const facts = [
    report.seriesTitle ? `${l.series}: ${report.seriesTitle}` : null,
    report.theme ? `${l.theme}: ${report.theme}` : null,
    report.publishedAt ? `${l.published}: ${when(report.publishedAt)}` : null,
    report.description || null,
  ];
  for (const fact of facts) if (fact) children.push(new Paragraph({ children: [new TextRun(fact)] }));
  if (report.sessions.length) {
    children.push(heading(l.schedule, 2), new Paragraph(`${l.timeZone} ${report.timeZone}`));
    for (const s of report.sessions) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(`${s.label}: ${when(s.startsAt)} – ${when(s.endsAt)}`)],
        }),
      );
    }
  }
  for (const room of report.rooms) {
    children.push(heading(room.name, 2));
    if (room.approvedAt) children.push(new Paragraph(`${l.approvedOn}: ${when(room.approvedAt)}`));
    children.push(heading(l.minutes, 3), ...blocks(room.minutes, report));
    children.push(heading(l.decisions, 3));
    children.push(
      ...(room.decisions.length
        ? room.decisions.map((d) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(d)] }))
        : [new Paragraph(l.none)]),
    );
    children.push(heading(l.actions, 3));
    children.push(
      ...(room.actions.length
        ? room.actions.map(
            (a) =>
              new Paragraph({
                bullet: { level: 0 },
                children: [new TextRun(`${a.text} (${l.owner}: ${a.owner}; ${l.due}: ${a.due})`)],
              }),
          )
        : [new Paragraph(l.none)]),
    );
    children.push(heading(l.attendance, 3));
    for (const group of room.attendance) {
      children.push(
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: group.side, bold: true })] }),
      );
      for (const c of group.categories) {
        children.push(
          new Paragraph({
            bullet: { level: 1 },
            children: [new TextRun(rosterLine(report.language, c))],
          }),
        );
      }
    }
  }
  const document = new Document({
    title: report.title,
    styles: {
      default: {
        document: {
          run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Yu Gothic', cs: 'Calibri' } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
