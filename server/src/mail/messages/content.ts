import escapeHtml from 'escape-html';

/** One block of a message, written once and rendered both as plain text and as HTML. */
export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'list'; items: string[] };

/** A message before rendering: what every template returns. */
export interface MailContent {
  subject: string;
  greeting: string;
  blocks: Block[];
  signature: string;
}

/** The message as it goes out: both forms carry the same words and links. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'link':
      return `${block.label}\n${block.url}`;
    case 'list':
      return block.items.map((i) => `- ${i}`).join('\n');
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'link':
      // The address is written out under the button: some clients strip link targets.
      return (
        `<p><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;` +
        `background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px">` +
        `${escapeHtml(block.label)}</a><br><span style="font-size:12px;color:#555">` +
        `${escapeHtml(block.url)}</span></p>`
      );
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  }
}

/** Renders one content into the text and HTML parts of a message. */
export function renderContent(content: MailContent, language: string): RenderedMail {
  const text = [content.greeting, ...content.blocks.map(blockText), content.signature].join('\n\n');
  const html =
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans',Meiryo,sans-serif;` +
    `line-height:1.6;color:#111;max-width:600px">` +
    `<p>${escapeHtml(content.greeting)}</p>${content.blocks.map(blockHtml).join('')}` +
    `<p style="color:#555">${escapeHtml(content.signature)}</p></body></html>`;
  return { subject: content.subject, text: `${text}\n`, html };
}
