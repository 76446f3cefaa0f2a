import { linkify } from '@roundtable/shared';

/**
 * A message as text: only http(s) URLs become links (opened in a new tab, no referrer); nothing
 * else is ever interpreted, so HTML in a message shows as the characters typed.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.type === 'link' ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
