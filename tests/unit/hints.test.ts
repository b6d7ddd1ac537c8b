import { describe, expect, it } from 'vitest';
import { hintLevel } from '../../src/core/hints.js';
import { loadLadder } from '../../src/io/ladder.js';
import { DATA, ROOT } from '../helpers.js';

const { ladder } = await loadLadder(DATA, ROOT);

describe('hintLevel: a seniority column\'s value as a level', () => {
  it.each([
    ['EN', 'P1'],
    ['mi', 'P2'],
    [' SE ', 'P3'],
    ['EX', 'M4'],
    ['Senior', 'P3'],
    ['Entry Level', null],
    ['entry-level', 'P1'],
    ['p4', 'P4'],
    ['S2', 'S2'],
    ['', null],
    ['n/a', null],
    ['XX', null],
  ] as [string, string | null][])('%j -> %s', (value, code) => {
    expect(hintLevel(ladder, value)?.code ?? null).toBe(code);
  });
});
