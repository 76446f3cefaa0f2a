import { describe, expect, it } from 'vitest';
import en from './en.json';
import ja from './ja.json';

/** Every leaf of a resource tree as `dotted.key` → value. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (tree !== null && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [leaf, leafValue] of flatten(value, prefix ? `${prefix}.${key}` : key)) {
        entries.set(leaf, leafValue);
      }
    }
  } else {
    entries.set(prefix, tree);
  }
  return entries;
}

describe('translations', () => {
  const english = flatten(en);
  const japanese = flatten(ja);

  it('English and Japanese have exactly the same keys', () => {
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['English', english],
    ['Japanese', japanese],
  ])('no %s string is empty', (_language, resources) => {
    const empty = [...resources].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('Japanese uses the same interpolation placeholders as English', () => {
    const placeholders = (value: unknown) =>
      [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of english) {
      expect({ key, placeholders: placeholders(japanese.get(key)) }).toEqual({
        key,
        placeholders: placeholders(value),
      });
    }
  });
});
