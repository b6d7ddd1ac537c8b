import { describe, expect, it } from 'vitest';
import { readYears } from '../../src/core/years.js';

describe('readYears: forgiving of how people write years', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    ['4.5', 4.5],
    ['4,5', 4.5],
    ['5 yrs', 5],
    ['5 years', 5],
    ['1 year', 1],
    ['5y', 5],
    ['5 Yrs.', 5],
    ['10+', 10],
    ['10+ years', 10],
    ['10 years+', 10],
    ['3-5', 3],
    ['3 - 5 years', 3],
    ['3–5', 3],
    ['3 to 5', 3],
    ['80', 80],
  ])('%j is %d', (text, years) => {
    expect(readYears(text)).toEqual({ years });
  });
});

describe('readYears: strict where a misreading would matter', () => {
  const notANumber = 'is not a number of years (such as 3, 4.5, 5 yrs, 10+ or 3-5)';
  it.each([
    ['0x10', notANumber],
    ['0b11', notANumber],
    ['0o7', notANumber],
    ['1e1', notANumber],
    ['Infinity', notANumber],
    ['six', notANumber],
    ['5.5.5', notANumber],
    ['-2', 'is negative; years run from 0'],
    ['90', 'is out of range: years run from 0 to 80'],
    ['81+', 'is out of range: years run from 0 to 80'],
    ['5-3', 'is a range that goes down; write the smaller number first'],
  ])('%j %s', (text, error) => {
    expect(readYears(text)).toEqual({ error });
  });
});
