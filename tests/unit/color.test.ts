import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/output/color.js';

describe('colorEnabled', () => {
  it.each([
    ['a terminal', { flag: true, env: {}, isTTY: true }, true],
    ['a pipe', { flag: true, env: {}, isTTY: false }, false],
    ['--no-color on a terminal', { flag: false, env: {}, isTTY: true }, false],
    ['NO_COLOR on a terminal', { flag: true, env: { NO_COLOR: '1' }, isTTY: true }, false],
    ['an empty NO_COLOR', { flag: true, env: { NO_COLOR: '' }, isTTY: true }, true],
    ['FORCE_COLOR in a pipe', { flag: true, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    ['FORCE_COLOR=0 on a terminal', { flag: true, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    ['NO_COLOR beats FORCE_COLOR', { flag: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: true }, false],
    ['--no-color beats FORCE_COLOR', { flag: false, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    ['a dumb terminal', { flag: true, env: { TERM: 'dumb' }, isTTY: true }, false],
    ['neither flag: auto', { flag: undefined, env: {}, isTTY: true }, true],
    ['--color=auto in a pipe', { flag: 'auto' as const, env: {}, isTTY: false }, false],
    ['--color=always in a pipe', { flag: 'always' as const, env: {}, isTTY: false }, true],
    ['--color=always beats NO_COLOR', { flag: 'always' as const, env: { NO_COLOR: '1' }, isTTY: false }, true],
    ['--color=never on a terminal with FORCE_COLOR', { flag: 'never' as const, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
  ])('%s', (_case, inputs, expected) => {
    expect(colorEnabled(inputs)).toBe(expected);
  });
});
