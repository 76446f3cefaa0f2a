import { describe, expect, it } from 'vitest';
import {
  languageOfText,
  localizedInputSchema,
  localizedTextSchema,
  pickText,
  textFromPlain,
  toText,
} from './localized.js';

describe('bilingual text', () => {
  it('shows the viewer’s language when it is written', () => {
    expect(pickText({ en: 'First round', ja: '第1回会合' }, 'ja')).toEqual({
      text: '第1回会合',
      lang: 'ja',
      fallback: false,
    });
  });

  it('falls back to the other language and says so', () => {
    expect(pickText({ en: 'First round', ja: '' }, 'ja')).toEqual({
      text: 'First round',
      lang: 'en',
      fallback: true,
    });
    expect(pickText({ en: '', ja: '政府間対話' }, 'en')).toEqual({
      text: '政府間対話',
      lang: 'ja',
      fallback: true,
    });
  });

  it('is empty, without a fallback, when neither language is written', () => {
    expect(pickText({ en: '', ja: '' }, 'en')).toEqual({ text: '', lang: 'en', fallback: false });
  });

  it('files a plain string under the language of its script', () => {
    expect(languageOfText('ステークホルダー対話')).toBe('ja');
    expect(languageOfText('東京')).toBe('ja');
    expect(languageOfText('Verité — Civil society')).toBe('en');
    expect(textFromPlain('  Tokyo ')).toEqual({ en: 'Tokyo', ja: '' });
    expect(textFromPlain('大阪')).toEqual({ en: '', ja: '大阪' });
    expect(toText({ ja: '大阪' })).toEqual({ en: '', ja: '大阪' });
  });

  it('requires one language where the field is required, and accepts either alone', () => {
    const required = localizedTextSchema({ max: 10, required: true });
    expect(required.safeParse({ en: '', ja: '' }).success).toBe(false);
    expect(required.safeParse({ en: '  ', ja: ' ' }).success).toBe(false);
    expect(required.parse({ ja: '日本' })).toEqual({ en: '', ja: '日本' });
    expect(required.parse({ en: 'Japan' })).toEqual({ en: 'Japan', ja: '' });
    expect(localizedTextSchema({ max: 10 }).parse({})).toEqual({ en: '', ja: '' });
  });

  it('refuses a side longer than the limit', () => {
    expect(localizedTextSchema({ max: 3 }).safeParse({ en: 'abcd', ja: '' }).success).toBe(false);
    expect(localizedTextSchema({ max: 3 }).safeParse({ en: '', ja: '日本語で' }).success).toBe(false);
  });

  it('takes a plain string in a body as the pair of its language', () => {
    const input = localizedInputSchema({ max: 50, required: true });
    expect(input.parse('Round table')).toEqual({ en: 'Round table', ja: '' });
    expect(input.parse('ラウンドテーブル')).toEqual({ en: '', ja: 'ラウンドテーブル' });
    expect(input.parse({ en: 'Round table', ja: 'ラウンドテーブル' })).toEqual({
      en: 'Round table',
      ja: 'ラウンドテーブル',
    });
    expect(input.safeParse('').success).toBe(false);
    expect(input.safeParse({ en: 1 }).success).toBe(false);
  });
});
