import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/output/batch.js';
import { visibleLength, wrapLine } from '../../src/output/wrap.js';
import { Tally } from '../../src/core/batch.js';

describe('wrapLine', () => {
  it.each([
    ['a short line stays whole', 'one two three', 20, undefined, ['one two three']],
    ['breaks between words, never inside one', '886 (84.4%) low-confidence, 14.6% unmatched', 20, undefined, ['886 (84.4%)', '  low-confidence,', '  14.6% unmatched']],
    ['continues under the indent', '  families: ai-ml 3 (1.0%) · data-science 9 (3.0%)', 24, 4, ['  families: ai-ml 3', '    (1.0%) ·', '    data-science 9', '    (3.0%)']],
    ['keeps a word longer than a line whole', 'see https://example.com/a/very/long/path now', 16, 2, ['see', '  https://example.com/a/very/long/path', '  now']],
    ['leaves a line as it is at width 0', 'one two three four', 0, undefined, ['one two three four']],
  ] as [string, string, number, number | undefined, string[]][])('%s', (_case, line, width, hang, lines) => {
    expect(wrapLine(line, width, hang).split('\n')).toEqual(lines);
  });

  it('measures text without its colour escapes', () => {
    const red = '\u001b[31mlow-confidence\u001b[39m';
    expect(visibleLength(red)).toBe('low-confidence'.length);
    expect(wrapLine(`12 ${red} rows`, 20).split('\n')).toEqual([`12 ${red}`, '  rows']);
  });
});

describe("batch's summary at a terminal's width", () => {
  it('breaks its lines between words to fit, and keeps them whole in a pipe', () => {
    const tally = new Tally(0.6);
    for (let i = 0; i < 40; i++) {
      const level = i % 3 === 0 ? null : 'P2';
      tally.add(level, 0.5, i % 2 === 0 ? 'ai-ml' : null);
      if (level === null) tally.unmatchedTitle(`Unmatched title number ${i}`);
    }
    const piped = renderSummary({ tally, levels: ['P2'], seconds: 1 });
    const shown = renderSummary({ tally, levels: ['P2'], seconds: 1, width: 60 });
    expect(shown.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(shown.replace(/\n +/g, ' ')).toBe(piped.replace(/\n +/g, ' '));
    expect(piped.split('\n')[0]!.length).toBeGreaterThan(60);
  });
});
