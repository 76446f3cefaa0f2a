import type { ReportBlock, ReportInline } from '@roundtable/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Only web and mail links become links; anything else (javascript:…) stays text. */
const SAFE_HREF = /^(https?:|mailto:)/i;

function Inlines({ content }: { content: readonly ReportInline[] }) {
  return (
    <>
      {content.map((inline, index) => {
        if (inline.break) return <br key={index} />;
        let node: ReactNode = inline.text;
        if (inline.code) node = <code>{node}</code>;
        if (inline.bold) node = <strong>{node}</strong>;
        if (inline.italic) node = <em>{node}</em>;
        if (inline.underline) node = <u>{node}</u>;
        if (inline.strike) node = <s>{node}</s>;
        if (inline.link && SAFE_HREF.test(inline.link)) {
          node = (
            <a href={inline.link} rel="noreferrer noopener">
              {node}
            </a>
          );
        }
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

/** Minutes headings sit below the report's own (page h1, room h2, section h3). */
function Heading({ level, children }: { level: number; children: ReactNode }) {
  const shifted = Math.min(Math.max(level, 1) + 3, 6);
  const Tag = `h${shifted}` as 'h4' | 'h5' | 'h6';
  return <Tag>{children}</Tag>;
}

function Block({ block }: { block: ReportBlock }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'heading':
      return (
        <Heading level={block.level}>
          <Inlines content={block.content} />
        </Heading>
      );
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <ReportBlocks blocks={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'blockquote':
      return (
        <blockquote>
          <ReportBlocks blocks={block.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr />;
    case 'table':
      return (
        <table>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.cells.map((cell, c) =>
                  cell.header ? (
                    <th key={c} scope="col">
                      <ReportBlocks blocks={cell.children} />
                    </th>
                  ) : (
                    <td key={c}>
                      <ReportBlocks blocks={cell.children} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'decision':
      return (
        <p className="report-decision">
          <strong>{t('report.decision')}:</strong> <Inlines content={block.content} />
        </p>
      );
    case 'action':
      return (
        <p className="report-action">
          <strong>{t('report.actionItem')}:</strong> <Inlines content={block.content} />{' '}
          <span className="muted">
            {t('report.ownerDue', { owner: block.owner || '—', due: block.due || '—' })}
          </span>
        </p>
      );
    case 'speaker':
      return (
        <p className="report-speaker">
          <strong>
            {block.delegation
              ? t('report.speaker', { name: block.name, delegation: block.delegation })
              : block.name}
            :
          </strong>{' '}
          <Inlines content={block.content} />
        </p>
      );
  }
}

/** The minutes as the report shows them: the editor's structure, rendered as plain HTML. */
export function ReportBlocks({ blocks }: { blocks: readonly ReportBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </>
  );
}
