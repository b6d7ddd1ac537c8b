// Overrides: the file read fast (or through the YAML parser), checked against the ladder, and the
// table that finds a title after the normalisation matching uses.
import { describe, expect, it } from 'vitest';
import { checkOverrides, overrideKey, readOverrideLines, readOverrideValue, roughKey } from '../../src/core/overrides.js';
import { shippedLadder } from '../helpers.js';

describe('readOverrideLines', () => {
  it('reads plain, double- and single-quoted titles, skipping blanks and comments, with their lines', () => {
    const text = '\uFEFF# ours\n\nMTS 3: P3\n"Engineer IV (Band 62)": P4 software-engineering   # banded\r\n\'Analyst, Grade 2\': P2\nC++ Developer: P2 15-1252\n';
    expect(readOverrideLines(text)).toEqual({
      entries: [
        { title: 'MTS 3', value: 'P3', line: 3 },
        { title: 'Engineer IV (Band 62)', value: 'P4 software-engineering', line: 4 },
        { title: 'Analyst, Grade 2', value: 'P2', line: 5 },
        { title: 'C++ Developer', value: 'P2 15-1252', line: 6 },
      ],
    });
  });

  it.each([
    ['an indented line', 'overrides:\n  MTS 3: P3\n'],
    ['a flow mapping', 'MTS 3: { level: P3 }\n'],
    ['an escape in quotes', '"Say \\"hi\\"": P3\n'],
    ['a list', '- MTS 3\n'],
    ['a block scalar', 'MTS 3: |\n  P3\n'],
  ])('leaves %s to the YAML parser (null)', (_case, text) => {
    expect(readOverrideLines(text)).toBeNull();
  });
});

describe('override values and keys', () => {
  it.each([
    ['P3', { level: 'P3', family: null, occupation: null }],
    ['p4 software-engineering', { level: 'p4', family: 'software-engineering', occupation: null }],
    ['S2 35-2014.00', { level: 'S2', family: null, occupation: '35-2014.00' }],
    ['P2 29-1141 ai-ml', { level: 'P2', family: 'ai-ml', occupation: '29-1141' }],
    ['P2 Data_Science', '"Data_Science" is neither a family id nor an O*NET-SOC code (write: LEVEL [FAMILY] [CODE])'],
  ] as const)('%j', (value, expected) => {
    expect(readOverrideValue(value)).toEqual(expected);
  });

  it.each([
    ['M.T.S.  3', 'MTS 3'],
    ['mts 3', 'MTS 3'],
    ['Sénior Engineer', 'Senior Engineer'],
    ['Engineer IV (Band 62)', 'engineer iv band 62'],
    ['Data-Engineer', 'data engineer'],
  ])('%j is pinned as %j is: the same key and rough key', (a, b) => {
    expect(overrideKey(a)).toBe(overrideKey(b));
    expect(roughKey(a)).toBe(roughKey(b));
  });

  it('tells apart titles that differ in a word', () => {
    expect(overrideKey('MTS 3')).not.toBe(overrideKey('MTS 4'));
    expect(overrideKey('C++ Developer')).not.toBe(overrideKey('C Developer'));
  });
});

describe('checkOverrides', () => {
  it('reports unknown levels and families, bad values, empty titles and duplicates, each with its line', async () => {
    const { ladder } = await shippedLadder();
    const raw = [
      { title: 'MTS 3', value: 'P3', line: 2 },
      { title: 'm.t.s. 3', value: 'P4', line: 3 },
      { title: 'Chef', value: 'Q9', line: 4 },
      { title: 'Baker', value: 'S2 bakery', line: 5 },
      { title: '---', value: 'P2', line: 6 },
      { title: 'Cook', value: { level: 'S2' }, line: 7 },
    ];
    const { table, problems } = checkOverrides(raw, ladder);
    expect(problems).toEqual([
      { line: 3, message: 'override "m.t.s. 3": the same title as line 2 ("MTS 3") once case, dots, spacing and accents are set aside; keep one' },
      { line: 4, message: expect.stringMatching(/^override "Chef": unknown level "Q9"; the ladder's levels are P1, P2/) },
      { line: 5, message: expect.stringMatching(/^override "Baker": unknown family "bakery"; the families are ai-ml, /) },
      { line: 6, message: 'override "---": the title has no words' },
      { line: 7, message: 'override "Cook": must be a level code, then optionally a family id and an O*NET-SOC code' },
    ]);
    expect(table.size).toBe(1);
    expect(table.find('M.T.S. 3', overrideKey('M.T.S. 3'))).toMatchObject({ title: 'MTS 3', level: 'P3', line: 2 });
    expect(table.find('MTS 33', overrideKey('MTS 33'))).toBeNull();
  });

  it('writes a level as the ladder does, whatever its case', async () => {
    const { ladder } = await shippedLadder();
    const { table } = checkOverrides([{ title: 'Band 7', value: 'm2', line: 1 }], ladder);
    expect(table.find('band 7', 'band 7')?.level).toBe('M2');
  });

  it('escapes control characters of a title in its messages', async () => {
    const { ladder } = await shippedLadder();
    const { problems } = checkOverrides([{ title: 'Evil\u001b[2J Title', value: 'Q9', line: 1 }], ladder);
    expect(problems[0]!.message).toMatch(/^override "Evil\\u001b\[2J Title": unknown level "Q9"/);
    expect(problems[0]!.message).not.toContain('\u001b');
  });
});
