/** A piece of a chat message: plain text, or a link that is safe to open. */
export type ChatSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// Candidates only; `safeHref` decides. Trailing punctuation usually ends the sentence, not the URL.
const CANDIDATE = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"、。）」』]+$/u;

/** The URL as a link target when it is http or https with a host; null otherwise. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url.href;
}

/**
 * Splits a message into text and links. Only http(s) URLs become links (never `javascript:` or
 * `data:`); the client renders every segment as text, so no HTML in a message is ever interpreted.
 */
export function linkify(text: string): ChatSegment[] {
  const segments: ChatSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    const start = match.index;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    segments.push({ type: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}
