// Scoring a labelled file: accuracy, precision and recall per level, the confusion matrix, misses.
import { describe, expect, it } from 'vitest';
import type { ShortAnswer } from '../../src/core/answers.js';
import { EvalTally, type EvalReport, type GoldRow } from '../../src/core/eval.js';

const answer = (level: string | null, family: string | null = null, soc: string | null = null, confidence = 0.9): ShortAnswer =>
  level === null ? { level: null, family: null, occupation: null, confidence: 0 } : { level, family, occupation: soc === null ? null : `${soc}.00`, confidence };

const row = (n: number, want: [string | null, string | null, string | null], got: ShortAnswer): [GoldRow, ShortAnswer] => [
  { row: n, title: `t${n}`, years: null, level: want[0], family: want[1], occupation: want[2] },
  got,
];

function evaluate(rows: [GoldRow, ShortAnswer][], levelOrder: string[], withOccupation: boolean, keepMisses = 20): EvalReport {
  const tally = new EvalTally({ levelOrder, withOccupation, keepMisses });
  for (const [gold, got] of rows) tally.add(gold, got);
  return tally.report((title) => [{ kind: 'no-family', why: 'other-role', role: title }]);
}

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
    expect(r.misses[2]!.reasons).toEqual([{ kind: 'no-family', why: 'other-role', role: 't2' }]);
    expect(r.missCount).toBe(3);
  });

  it('keeps only the worst misses it lists, however many rows miss, and counts them all', () => {
    const many = Array.from({ length: 5000 }, (_, i) => row(i + 1, ['P1', null, null], answer('P2', null, null, (i % 97) / 100)));
    const report = evaluate(many, ['P1', 'P2'], false, 3);
    expect(report.missCount).toBe(5000);
    // The surest wrong answers (0.96), earliest rows first: the same three a full sort gives.
    expect(report.misses.map((m) => [m.row, m.got.confidence])).toEqual([
      [97, 0.96],
      [194, 0.96],
      [291, 0.96],
    ]);
  });
});
