import { rosterLine } from '@roundtable/shared';
import type { Block, Inline } from './blocks.js';
import { formatDateTime, labelsFor } from './labels.js';
import type { ReportModel } from './model.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Only web and mail links survive into the report; anything else (javascript:…) becomes text. */
function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}

function inline(content: readonly Inline[]): string {
  return content
    .map((i) => {
      if (i.break) return '<br>';
      let html = esc(i.text);
      if (i.code) html = `<code>${html}</code>`;
      if (i.bold) html = `<strong>${html}</strong>`;
      if (i.italic) html = `<em>${html}</em>`;
      if (i.underline) html = `<u>${html}</u>`;
      if (i.strike) html = `<s>${html}</s>`;
      const href = i.link ? safeHref(i.link) : null;
      if (href) html = `<a href="${esc(href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function blocks(list: readonly Block[], report: ReportModel): string {
  const l = labelsFor(report.language);
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(block.level + 2, 6);
          return `<h${level}>${inline(block.content)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${inline(block.content)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${blocks(item, report)}</li>`).join('')}</${tag}>`;
        }
        case 'blockquote':
          return `<blockquote>${blocks(block.children, report)}</blockquote>`;
        case 'code':
          return `<pre><code>${esc(block.text)}</code></pre>`;
        case 'rule':
          return '<hr>';
        case 'table':
          return `<table>${block.rows
            .map(
              (row) =>
                `<tr>${row.cells
                  .map((cell) => {
                    const tag = cell.header ? 'th' : 'td';
                    return `<${tag}>${blocks(cell.children, report)}</${tag}>`;
                  })
                  .join('')}</tr>`,
            )
            .join('')}</table>`;
        case 'decision':
          return `<p class="decision"><strong>${esc(l.decisions)}:</strong> ${inline(block.content)}</p>`;
        case 'action':
          return `<p class="action"><strong>${esc(l.actions)}:</strong> ${inline(block.content)} <span class="meta">(${esc(l.owner)}: ${esc(block.owner)}; ${esc(l.due)}: ${esc(block.due)})</span></p>`;
        case 'speaker':
          return `<p class="speaker"><strong>${esc(block.name)}${block.delegation ? ` (${esc(block.delegation)})` : ''}:</strong> ${inline(block.content)}</p>`;
      }
      return '';
    })
    .join('\n');
}

/** Print stylesheet: "Save as PDF" from the browser is the PDF export. */
const STYLE = `
body{font-family:"Noto Sans","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;line-height:1.6;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
html:lang(ja) body{line-break:strict;word-break:normal;overflow-wrap:anywhere;font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic","Noto Sans",system-ui,sans-serif}
h1{font-size:1.8rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}
.meta{color:#555}.decision,.action{background:#f4f6f8;padding:.25rem .5rem}
@media print{body{margin:0;max-width:none}h2{page-break-before:auto;break-after:avoid}a{color:inherit}.no-print{display:none}}
@page{margin:2cm}`;

/** The report as a standalone HTML document (also the printable PDF source). */
export function renderHtml(report: ReportModel): string {
  const l = labelsFor(report.language);
  const when = (iso: string) => esc(formatDateTime(report.language, iso, report.timeZone));
  const parts: string[] = [`<h1>${esc(report.title)}</h1>`];
  if (report.seriesTitle) parts.push(`<p>${esc(l.series)}: ${esc(report.seriesTitle)}</p>`);
  if (report.theme) parts.push(`<p>${esc(l.theme)}: ${esc(report.theme)}</p>`);
  if (report.publishedAt) parts.push(`<p>${esc(l.published)}: ${when(report.publishedAt)}</p>`);
  if (report.description) parts.push(`<p>${esc(report.description)}</p>`);
  if (report.sessions.length) {
    parts.push(
      `<h2>${esc(l.schedule)}</h2><p>${esc(l.timeZone)} ${esc(report.timeZone)}</p><ul>${report.sessions
        .map((s) => `<li>${esc(s.label)}: ${when(s.startsAt)} – ${when(s.endsAt)}</li>`)
        .join('')}</ul>`,
    );
  }
  for (const room of report.rooms) {
    parts.push(`<section><h2>${esc(room.name)}</h2>`);
    if (room.approvedAt) parts.push(`<p class="meta">${esc(l.approvedOn)}: ${when(room.approvedAt)}</p>`);
    parts.push(`<h3>${esc(l.minutes)}</h3>`, blocks(room.minutes, report));
    parts.push(
      `<h3>${esc(l.decisions)}</h3>`,
      room.decisions.length
        ? `<ul>${room.decisions.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`
        : `<p>${esc(l.none)}</p>`,
    );
    parts.push(
      `<h3>${esc(l.actions)}</h3>`,
      room.actions.length
        ? `<table><tr><th>${esc(l.actions)}</th><th>${esc(l.owner)}</th><th>${esc(l.due)}</th></tr>${room.actions
            .map((a) => `<tr><td>${esc(a.text)}</td><td>${esc(a.owner)}</td><td>${esc(a.due)}</td></tr>`)
            .join('')}</table>`
        : `<p>${esc(l.none)}</p>`,
    );
    parts.push(`<h3>${esc(l.attendance)}</h3><ul class="attendance">`);
    for (const group of room.attendance) {
      parts.push(
        `<li><strong>${esc(group.side)}</strong><ul>${group.categories
          .map(
            (c) =>
              `<li data-category="${esc(c.category ?? 'other')}">${esc(rosterLine(report.language, c))}</li>`,
          )
          .join('')}</ul></li>`,
      );
    }
    parts.push('</ul></section>');
  }
  return `<!doctype html>
<html lang="${report.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)} — ${esc(l.report)}</title><style>${STYLE}</style></head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
