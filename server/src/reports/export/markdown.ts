import { rosterLine } from '@roundtable/shared';
import type { Block, Inline } from './blocks.js';
import { formatDateTime, labelsFor } from './labels.js';
import type { ReportModel } from './model.js';

/** Escapes characters Markdown would read as syntax. */
function esc(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function inline(content: readonly Inline[]): string {
  return content
    .map((i) => {
      if (i.break) return '  \n';
      let text = i.code ? `\`${i.text.replace(/`/g, '\\`')}\`` : esc(i.text);
      if (i.bold) text = `**${text}**`;
      if (i.italic) text = `*${text}*`;
      if (i.strike) text = `~~${text}~~`;
      if (i.link) text = `[${text}](${i.link.replace(/\)/g, '%29')})`;
      return text;
    })
    .join('');
}

function blocks(list: readonly Block[], language: ReportModel['language'], indent = ''): string[] {
  const labels = labelsFor(language);
  const out: string[] = [];
  for (const block of list) {
    switch (block.type) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(block.level + 2, 6))} ${inline(block.content)}`);
        break;
      case 'paragraph':
        out.push(indent + inline(block.content));
        break;
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '-';
          const [first = '', ...rest] = blocks(item, language, `${indent}   `);
          out.push(`${indent}${marker} ${first.trimStart()}`, ...rest);
        });
        break;
      case 'blockquote':
        out.push(...blocks(block.children, language).map((line) => `> ${line}`));
        break;
      case 'code':
        out.push('```', block.text, '```');
        break;
      case 'rule':
        out.push('---');
        break;
      case 'table': {
        const rows = block.rows.map((r) =>
          r.cells.map((c) =>
            blocks(c.children, language)
              .filter((line) => line !== '')
              .join(' ')
              .replace(/\|/g, '\\|'),
          ),
        );
        const width = Math.max(0, ...rows.map((r) => r.length));
        rows.forEach((row, index) => {
          const padded = [...row, ...Array<string>(width - row.length).fill('')];
          out.push(`| ${padded.join(' | ')} |`);
          if (index === 0) out.push(`|${' --- |'.repeat(width)}`);
        });
        break;
      }
      case 'decision':
        out.push(`**${labels.decisions}:** ${inline(block.content)}`);
        break;
      case 'action':
        out.push(
          `**${labels.actions}:** ${inline(block.content)} (${labels.owner}: ${esc(block.owner)}; ${labels.due}: ${esc(block.due)})`,
        );
        break;
      case 'speaker':
        out.push(
          `**${esc(block.name)}${block.delegation ? ` (${esc(block.delegation)})` : ''}:** ${inline(block.content)}`,
        );
        break;
    }
    out.push('');
  }
  return out;
}

/** The report as CommonMark (with GFM tables and strikethrough). */
export function renderMarkdown(report: ReportModel): string {
  const l = labelsFor(report.language);
  const out: string[] = [`# ${esc(report.title)}`, ''];
  if (report.seriesTitle) out.push(`${l.series}: ${esc(report.seriesTitle)}  `);
  if (report.theme) out.push(`${l.theme}: ${esc(report.theme)}  `);
  if (report.publishedAt)
    out.push(`${l.published}: ${formatDateTime(report.language, report.publishedAt, report.timeZone)}`);
  out.push('');
  if (report.description) out.push(esc(report.description), '');
  if (report.sessions.length) {
    out.push(`## ${l.schedule}`, '', `${l.timeZone} ${report.timeZone}`, '');
    for (const s of report.sessions) {
      out.push(
        `- ${esc(s.label)}: ${formatDateTime(report.language, s.startsAt, report.timeZone)} – ${formatDateTime(report.language, s.endsAt, report.timeZone)}`,
      );
    }
    out.push('');
  }
  for (const room of report.rooms) {
    out.push(`## ${esc(room.name)}`, '');
    if (room.approvedAt)
      out.push(`${l.approvedOn}: ${formatDateTime(report.language, room.approvedAt, report.timeZone)}`, '');
    out.push(`### ${l.minutes}`, '', ...blocks(room.minutes, report.language));
    out.push(`### ${l.decisions}`, '');
    out.push(...(room.decisions.length ? room.decisions.map((d) => `- ${esc(d)}`) : [l.none]), '');
    out.push(`### ${l.actions}`, '');
    out.push(
      ...(room.actions.length
        ? room.actions.map((a) => `- ${esc(a.text)} (${l.owner}: ${esc(a.owner)}; ${l.due}: ${esc(a.due)})`)
        : [l.none]),
      '',
    );
    out.push(`### ${l.attendance}`, '');
    for (const group of room.attendance) {
      out.push(`- **${esc(group.side)}**`);
      for (const c of group.categories) {
        out.push(`   - ${esc(rosterLine(report.language, c))}`);
      }
    }
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
