import { describe, expect, it } from 'vitest';
import { fuseFinder } from '../../src/core/fuzzy.js';
import { allowedEdits, editDistance, TypoCorrector } from '../../src/core/typos.js';

describe('editDistance', () => {
  it.each([
    ['senior', 'senior', 0],
    ['senoir', 'senior', 1], // a swap of neighbours is one edit
    ['lerning', 'learning', 1],
    ['principle', 'principal', 2],
    ['intern', 'international', 7],
    ['', 'abc', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('intern', 'international', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it.each([
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
  ])('a word of %i letters may have %i', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });
});

describe('TypoCorrector', () => {
  const targets = ['senior', 'junior', 'learning', 'machine', 'principal', 'director', 'trainee', 'intern', 'intermediate', 'manager', 'staff'];
  const corrector = () => {
    const c = new TypoCorrector(targets, targets);
    c.useFinder(fuseFinder);
    return c;
  };

  it.each([
    ['senoir', 'senior'],
    ['junoir', 'junior'],
    ['lerning', 'learning'],
    ['machien', 'machine'],
    ['manger', 'manager'],
  ])('corrects %s to %s', (word, fixed) => {
    expect(corrector().correct(word)).toBe(fixed);
  });

  it.each([
    ['interim', 'two edits from intern, and a prefix of intermediate'],
    ['lead', 'too short to correct'],
    ['qwerty', 'near nothing'],
    ['senior', 'already a ladder word'],
  ])('leaves %s alone: %s', (word) => {
    expect(corrector().correct(word)).toBeNull();
  });

  it('measures a few near words exactly, without the fuzzy finder', () => {
    const bare = new TypoCorrector(targets, targets);
    expect(bare.needsLookup('senoir')).toBe(false);
    expect(bare.correct('senoir')).toBe('senior');
  });

  it('asks for the fuzzy finder to rank many near words, instead of silently skipping them', () => {
    // Nine words one letter from "cat": more than are measured without a ranking.
    const many = ['bats', 'cats', 'hats', 'mats', 'rats', 'vats', 'pats', 'oats', 'gats'].map((w) => `${w}xx`);
    const bare = new TypoCorrector(many, many);
    expect(bare.needsLookup('fatsxx')).toBe(true);
    expect(() => bare.correct('fatsxx')).toThrow(/fuzzy finder/);
    const ranked = new TypoCorrector(many, many);
    ranked.useFinder(fuseFinder);
    expect(ranked.correct('fatsxx')).toBeNull(); // nine equally near: a coin toss, read as written
  });

  it('needs no lookup for a word it knows or has answered', () => {
    const c = corrector();
    expect(c.needsLookup('senior')).toBe(false);
    c.correct('senoir');
    expect(c.needsLookup('senoir')).toBe(false);
  });
});

describe('the English dictionary', () => {
  it('finds every word of a sorted list by binary search, and no other', async () => {
    const { sortedLinesHave } = await import('../../src/io/dictionary.js');
    const words = ['aa', 'ab', 'abc', 'b', 'ba', 'manager', 'mangers', 'zz'];
    const text = `\n${words.join('\n')}\n`;
    for (const w of words) expect(sortedLinesHave(text, w), w).toBe(true);
    for (const w of ['', 'a', 'aaa', 'abd', 'bb', 'manger', 'zzz', 'c']) expect(sortedLinesHave(text, w), w).toBe(false);
  });

  it('answers as a set of its words does, for its words and for words near them (the search cuts no line out)', async () => {
    const { dictionaryText, sortedLinesHave } = await import('../../src/io/dictionary.js');
    const text = dictionaryText();
    const words = text.split('\n').filter(Boolean);
    const set = new Set(words);
    let s = 7;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 3000; i++) {
      const w = words[Math.floor(rnd() * words.length)]!;
      const cut = Math.floor(rnd() * (w.length + 1));
      for (const probe of [w, w.slice(0, cut), `${w}s`, w.slice(0, cut) + 'é' + w.slice(cut), w.slice(0, cut) + w.slice(cut + 1), w.toUpperCase()]) {
        expect(sortedLinesHave(text, probe), probe).toBe(set.has(probe));
      }
    }
  });

  it('knows common words and not their misspellings', async () => {
    const { englishWords } = await import('../../src/io/dictionary.js');
    const isWord = englishWords();
    for (const w of ['sensor', 'targeting', 'mechanical', 'leaning', 'directory']) expect(isWord(w), w).toBe(true);
    for (const w of ['senoir', 'lerning', 'scienctist', 'senor']) expect(isWord(w), w).toBe(false);
  });
});
