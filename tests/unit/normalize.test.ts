import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/normalize.js';

/** Tokens as `text:kind-initial+segment`, e.g. "sr:w0". */
const show = (title: string) => tokenize(title).map((t) => `${t.text}:${t.kind[0]}${t.seg}`).join(' ');

describe('tokenize', () => {
  it.each([
    ['lower-cases and drops dots', 'Sr. ML Engineer', 'sr:w0 ml:w0 engineer:w0'],
    ['splits words run together at a dot', 'Sr.Manager', 'sr:w0 manager:w0'],
    ['keeps dotted initials as one word', 'A.I. Engineer, Ph.D.', 'ai:w0 engineer:w0 phd:w1'],
    ['splits parts at commas, parentheses and spaced dashes', 'Engineer, ML (Remote) - NY', 'engineer:w0 ml:w1 remote:w2 ny:w3'],
    ['joins words across unspaced hyphens and slashes', 'Entry-Level AI/ML Engineer', 'entry:w0 level:w0 ai:w0 ml:w0 engineer:w0'],
    ['splits parts at spaced slashes', 'Staff Engineer / Team Lead', 'staff:w0 engineer:w0 team:w1 lead:w1'],
    ['keeps a requisition number as one code', 'ML Engineer 03-SE1220-2', 'ml:w0 engineer:w0 03-se1220-2:c0'],
    ['reads "3+" as a code, not a numeral', '3+ years', '3+:c0 years:w0'],
    ['reads bare digits as numbers', 'Engineer 2', 'engineer:w0 2:n0'],
    ['keeps C++ and C# whole', 'C++ / C# Developer', 'c++:c0 c#:c1 developer:w1'],
    ['splits on ampersands', 'R&D Engineer', 'r:w0 d:w0 engineer:w0'],
    ['drops apostrophes', 'Bachelor’s', 'bachelors:w0'],
    ['treats en and em dashes as part breaks', 'Director – AI—ML', 'director:w0 ai:w1 ml:w2'],
    ['folds full-width letters', 'Ｓｅｎｉｏｒ ML', 'senior:w0 ml:w0'],
    ['drops accents', 'Ingénieur Sénior', 'ingenieur:w0 senior:w0'],
    ['keeps other scripts', 'Старший ML інженер', 'старший:w0 ml:w0 інженер:w0'],
    ['returns nothing for an empty title', '', ''],
    ['returns nothing for punctuation only', ' - , () ', ''],
  ])('%s: %j', (_why, title, expected) => {
    expect(show(title)).toBe(expected);
  });

  it('keeps the text as written for explanations', () => {
    expect(tokenize('Sr. ML').map((t) => t.raw)).toEqual(['Sr', 'ML']);
  });
});
