// The title index against the Map it stands in for: the same numbers for the same titles, the
// titles given back as written, through growth and rehashing.
import { describe, expect, it } from 'vitest';
import { TitleIndex } from '../../src/core/title-index.js';
import { seeded } from '../csv-reference.js';

describe('TitleIndex', () => {
  it('numbers 50,000 random titles (ASCII, accents, CJK, emoji, empty) as a Map does, and gives each back', () => {
    const random = seeded(9);
    const parts = ['Senior', 'Data', 'Ingénieur', '研究员', '🚀', 'Cook', '', 'A', 'Ünïcödé', 'x'];
    const index = new TitleIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const title = Array.from({ length: Math.floor(random() * 4) }, () => parts[Math.floor(random() * parts.length)]!).join(' ') + (random() < 0.7 ? ` ${Math.floor(random() * 5000)}` : '');
      if (!reference.has(title)) reference.set(title, reference.size);
      expect(index.id(title)).toBe(reference.get(title));
    }
    expect(index.size).toBe(reference.size);
    for (const [title, id] of reference) expect(index.title(id)).toBe(title);
  });

  it('tells apart titles of the same bytes length and the same start', () => {
    const index = new TitleIndex();
    expect(index.id('é')).toBe(0);
    expect(index.id('ab')).toBe(1);
    expect(index.id('é')).toBe(0);
    expect(index.id('Data Engineer')).toBe(2);
    expect(index.id('Data Engineex')).toBe(3);
  });

  it('reads a lone surrogate as U+FFFD, the same title each time', () => {
    const index = new TitleIndex();
    expect(index.id('a\ud800b')).toBe(0);
    expect(index.id('a\ud800b')).toBe(0);
    expect(index.id('a\ufffdb')).toBe(0);
    expect(index.title(0)).toBe('a\ufffdb');
  });
});
