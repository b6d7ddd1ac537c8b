// Triage: each row in one kind, the troubled titles by rows with their running share.
import { describe, expect, it } from 'vitest';
import { shortAnswer, type ShortAnswer } from '../../src/core/answers.js';
import { Triage, troubleOf } from '../../src/core/triage.js';
import type { MatchResult } from '../../src/core/types.js';

const result = (level: string | null, family: string | null, confidence: number): MatchResult =>
  ({ query: { title: '', years: null }, match: level === null ? null : { level, family, confidence, occupation: null }, alternatives: [], reasons: ['why'] }) as unknown as MatchResult;

const answers: Record<string, MatchResult> = {
  good: result('P3', 'ai-ml', 0.95),
  nothing: result(null, null, 0),
  vague: result('P2', 'ai-ml', 0.5),
  loner: result('P2', null, 0.8),
};

describe('triage', () => {
  it.each([
    ['good', null],
    ['nothing', 'unmatched'],
    ['vague', 'low-confidence'],
    ['loner', 'no-family'],
  ])('%s is %s', (title, trouble) => {
    expect(troubleOf(shortAnswer(answers[title]!))).toBe(trouble);
  });

  const short = (title: string): ShortAnswer => shortAnswer(answers[title]!);

  it('counts every row in one kind, ranks the troubled titles by rows, and reads again only the listed ones', () => {
    const t = new Triage();
    for (const title of ['good', 'nothing', 'vague', 'nothing', 'loner', 'nothing', 'vague', 'good']) t.add(title, null, short(title));
    expect(t.counts).toEqual({ rows: 8, ok: 2, unmatched: 3, lowConfidence: 2, noFamily: 1 });
    expect(t.distinct).toBe(4);
    const c = t.counts;
    expect(c.ok + c.unmatched + c.lowConfidence + c.noFamily).toBe(c.rows);
    const asked: string[] = [];
    const explain = (title: string) => (asked.push(title), answers[title]!);
    expect(t.list(10, explain).map((x) => [x.title, x.rows, x.trouble, x.runningShare, x.reasons])).toEqual([
      ['nothing', 3, 'unmatched', 0.5, ['why']],
      ['vague', 2, 'low-confidence', 5 / 6, ['why']],
      ['loner', 1, 'no-family', 1, ['why']],
    ]);
    expect(asked).toEqual(['nothing', 'vague', 'loner']);
    expect(t.list(1, explain).length).toBe(1);
    expect(t.share(1, 'unmatched')).toEqual({ rows: 3, of: 3 });
  });

  it('counts each row by its own answer, and reads a title again with the years of its first troubled row', () => {
    // "Data Scientist" is of low confidence without years, fine with them.
    const answer = (years: number | null) => (years === null ? answers.vague! : answers.good!);
    const t = new Triage();
    for (const years of [3, null, 3, null, 7]) t.add('Data Scientist', years, shortAnswer(answer(years)));
    expect(t.counts).toEqual({ rows: 5, ok: 3, unmatched: 0, lowConfidence: 2, noFamily: 0 });
    const years: (number | null)[] = [];
    expect(t.list(5, (_title, y) => (years.push(y), answer(y))).map((x) => [x.title, x.rows, x.trouble])).toEqual([['Data Scientist', 2, 'low-confidence']]);
    expect(years).toEqual([null]);
  });

  it('keeps each distinct title once, however many there are', () => {
    const t = new Triage();
    for (let i = 0; i < 5000; i++) t.add(`title ${i % 2500}`, null, short(i % 2 ? 'nothing' : 'good'));
    expect(t.distinct).toBe(2500);
    expect(t.counts.rows).toBe(5000);
    expect(t.share(10, 'unmatched')).toEqual({ rows: 20, of: 2500 });
  });
});
