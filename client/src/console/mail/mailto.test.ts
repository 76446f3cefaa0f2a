import { describe, expect, it } from 'vitest';
import { mailtoHref, messageAsText } from './mailto';

const message = {
  to: 'sato+rt@meti.example',
  toName: '佐藤 博',
  subject: 'ご招待：日米タスクフォース & 第2回',
  text: '佐藤 博 様\n\nhttps://rt.example/invite?token=a&b=c\n',
};

describe('mailtoHref', () => {
  it('round-trips recipient, subject and body through URL decoding', () => {
    const url = new URL(mailtoHref(message));
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('sato+rt@meti.example');
    expect(url.searchParams.get('subject')).toBe(message.subject);
    expect(url.searchParams.get('body')).toBe('佐藤 博 様\r\n\r\nhttps://rt.example/invite?token=a&b=c\r\n');
  });

  it('keeps "&" and "=" of the link from splitting the query', () => {
    expect([...new URL(mailtoHref(message)).searchParams.keys()]).toEqual(['subject', 'body']);
  });
});

describe('messageAsText', () => {
  it('heads the text with recipient and subject', () => {
    expect(messageAsText(message).split('\n').slice(0, 3)).toEqual([
      'To: 佐藤 博 <sato+rt@meti.example>',
      `Subject: ${message.subject}`,
      '',
    ]);
  });
});
