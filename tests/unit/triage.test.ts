// Triage: each row in one kind, the troubled titles by rows with their running share.
import { describe, expect, it } from 'vitest';
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
    expect(troubleOf(answers[title]!)).toBe(trouble);
  });

  it('answers each title once, counts every row in one kind, and ranks the troubled titles by rows', () => {
    const asked: string[] = [];
    const t = new Triage((title) => (asked.push(title), answers[title]!));
    for (const title of ['good', 'nothing', 'vague', 'nothing', 'loner', 'nothing', 'vague', 'good']) t.add(title);
    expect(asked).toEqual(['good', 'nothing', 'vague', 'loner']);
    expect(t.counts).toEqual({ rows: 8, ok: 2, unmatched: 3, lowConfidence: 2, noFamily: 1 });
    const c = t.counts;
    expect(c.ok + c.unmatched + c.lowConfidence + c.noFamily).toBe(c.rows);
    expect(t.list(10).map((x) => [x.title, x.rows, x.trouble, x.runningShare])).toEqual([
      ['nothing', 3, 'unmatched', 0.5],
      ['vague', 2, 'low-confidence', 5 / 6],
      ['loner', 1, 'no-family', 1],
    ]);
    expect(t.list(1).length).toBe(1);
    expect(t.share(1, 'unmatched')).toEqual({ rows: 3, of: 3 });
  });

  it('answers a title once per years value, and counts each row by its own answer', () => {
    // "Data Scientist" is of low confidence without years, fine with them.
    const t = new Triage((_title, years) => (years === null ? answers.vague! : answers.good!));
    for (const years of [null, 3, 3, null, 7]) t.add('Data Scientist', years);
    expect(t.counts).toEqual({ rows: 5, ok: 3, unmatched: 0, lowConfidence: 2, noFamily: 0 });
    expect(t.list(5).map((x) => [x.title, x.rows, x.trouble])).toEqual([['Data Scientist', 2, 'low-confidence']]);
  });
});
