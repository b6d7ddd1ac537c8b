import { describe, expect, it } from 'vitest';
import { messageLine, shown, shownList } from '../../src/output/shown.js';

describe('shown: user text inside a message', () => {
  it.each([
    ['Senior ML', '"Senior ML"'],
    ['\u001b]0;title\u0007', '"\\u001b]0;title\\u0007"'],
    ['a\tb\nc\rd', '"a\\tb\\nc\\rd"'],
    ['\u009b31m', '"\\u009b31m"'],
    ['abc\u202edef', '"abc\\u202edef"'],
    ['x'.repeat(100), `"${'x'.repeat(79)}… (100 characters)"`],
  ])('%j -> %s', (text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  it('never cuts a surrogate pair in two', () => {
    expect(shown('a' + '😀'.repeat(50), 9)).toBe('"a😀😀😀… (101 characters)"');
  });

  it('lists the first values and says how many there are', () => {
    expect(shownList(['a', 'b', 'c'], 2)).toBe('"a", "b", … (3 in all)');
    expect(shownList(['a', 'b'], 2)).toBe('"a", "b"');
  });

  it('caps a whole message line', () => {
    expect(messageLine('y'.repeat(5000))).toMatch(/^y{999}… \(5,000 characters\)$/);
  });
});
