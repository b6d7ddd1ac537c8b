// Scoring a labelled file: accuracy, precision and recall per level, the confusion matrix, misses.
import { describe, expect, it } from 'vitest';
import { evaluate, type GoldRow } from '../../src/core/eval.js';
import type { MatchResult } from '../../src/core/types.js';

const answer = (level: string | null, family: string | null = null, soc: string | null = null, confidence = 0.9): MatchResult =>
  ({
    query: { title: '', years: null },
    match: level === null ? null : { level, family, confidence, occupation: soc === null ? null : { code: `${soc}.00`, title: '', source: 'onet' } },
    alternatives: [],
    reasons: [`because ${level}`],
  }) as unknown as MatchResult;

const row = (n: number, want: [string | null, string | null, string | null], got: MatchResult): GoldRow => ({
  row: n,
  title: `t${n}`,
  years: null,
  level: want[0],
  family: want[1],
  occupation: want[2],
  result: got,
});

describe('evaluate', () => {
  const rows = [
    row(1, ['P1', 'ai-ml', '15-1252'], answer('P1', 'ai-ml', '15-1252')),
    row(2, ['P1', '', '29-1141'], answer('P2', null, '29-1141', 0.5)),
    row(3, ['P2', null, null], answer('P2', 'ai-ml')),
    row(4, ['', '', null], answer(null)),
    row(5, [null, 'ai-ml', null], answer('M2', 'data-science', null, 0.95)),
    row(6, ['M2', '', '11-1021'], answer(null)),
  ];
  const r = evaluate(rows, ['P1', 'P2', 'M2'], true);

  it('scores each column over its labelled rows; "?" (null) is not scored', () => {
    expect(r.level).toEqual({ right: 3, scored: 5, accuracy: 0.6 });
    expect(r.family).toEqual({ right: 4, scored: 5, accuracy: 0.8 });
    expect(r.occupation).toEqual({ right: 2, scored: 3, accuracy: 2 / 3 });
    expect(r.rowsRight).toBe(3);
  });

  it('builds the confusion matrix in the ladder\'s order, "none" last', () => {
    expect(r.confusion).toEqual({
      labels: ['P1', 'P2', 'M2', 'none'],
      counts: [
        [1, 1, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 1],
        [0, 0, 0, 1],
      ],
    });
  });

  it('gives precision and recall per level', () => {
    expect(r.perLevel).toEqual([
      { level: 'P1', support: 2, precision: 1, recall: 0.5 },
      { level: 'P2', support: 1, precision: 0.5, recall: 1 },
      { level: 'M2', support: 1, precision: null, recall: 0 },
    ]);
  });

  it('lists the misses worst first: more columns wrong, then the surer wrong answer', () => {
    expect(r.misses.map((m) => [m.row, m.wrong])).toEqual([
      [6, ['level', 'occupation']],
      [5, ['family']],
      [2, ['level']],
    ]);
    expect(r.misses[2]!.reasons).toEqual(['because P2']);
  });
});
