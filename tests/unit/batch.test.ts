import { describe, expect, it } from 'vitest';
import { columnIndex, findTitleColumn, parseYearsCell, Tally } from '../../src/core/batch.js';
import { csvRow, csvSuffix, inputJson, inputKeys, jsonWithRow, renderProgress, renderSummary, shellWord } from '../../src/output/batch.js';
import { bar } from '../../src/output/bars.js';
import { csvField } from '../../src/output/csv.js';
import type { MatchResult } from '../../src/core/types.js';

describe('finding the title column', () => {
  it.each([
    [['id', 'Title'], 1],
    [['job_title', 'title'], 1], // "title" is preferred
    [['Job Title ', 'x'], 0],
    [['JobTitle'], 0],
    [['position', 'role'], 0],
    [['name', 'Role'], 1],
    [['name', 'department'], -1],
  ])('%j -> %i', (header, index) => {
    expect(findTitleColumn(header)).toBe(index);
  });

  it('matches --column without regard to case or surrounding space', () => {
    expect(columnIndex(['id', ' Job_Title '], 'job_title')).toBe(1);
    expect(columnIndex(['id'], 'title')).toBe(-1);
  });
});

describe('reading a years cell', () => {
  it.each([
    ['', null],
    ['  ', null],
    [undefined, null],
    ['3', { years: 3 }],
    ['07', { years: 7 }],
    ['80', { years: 80 }],
    ['90', { error: 'is out of range: years run from 0 to 80' }],
    ['4+', { years: 4 }],
    [' 4.5 ', { years: 4.5 }],
    ['six', { error: 'is not a number of years (such as 3, 4.5, 5 yrs, 10+ or 3-5)' }],
  ])('%j -> %j', (cell, reading) => {
    expect(parseYearsCell(cell)).toEqual(reading);
  });
});

describe('the tally', () => {
  it('counts rows, matches, misses, low confidence and levels', () => {
    const t = new Tally();
    t.add('P3', 0.95);
    t.add('P3', 0.5);
    t.add(null, 0);
    t.add('M1', 0.86);
    expect({ rows: t.rows, matched: t.matched, unmatched: t.unmatched, low: t.low }).toEqual({ rows: 4, matched: 3, unmatched: 1, low: 1 });
    expect([...t.perLevel]).toEqual([['P3', 2], ['M1', 1]]);
  });
});

describe('CSV text', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('quotes %j as %j', (value, text) => {
    expect(csvField(value, ',')).toBe(text);
  });

  it('quotes for the delimiter in use', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
  });

  const result = (match: Partial<MatchResult['match']> | null) => ({ query: { title: '', years: null }, match, alternatives: [], reasons: [] }) as unknown as MatchResult;

  it('appends the six level columns and the occupation\'s two, empty when unmatched', () => {
    const occupation = { code: '15-1252.00', title: 'Software Developers', source: 'family' as const };
    expect(csvSuffix(result({ level: 'P3', levelName: 'Career Professional', track: 'professional', family: 'ai-ml', role: 'Senior AI/ML Engineer', confidence: 0.9, occupation }), ',')).toBe(
      ',P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.90,15-1252,Software Developers',
    );
    expect(csvSuffix(result({ level: 'P3', levelName: 'Career Professional', track: 'professional', family: null, role: null, confidence: 0.86, occupation: null }), ';')).toBe(
      ';P3;Career Professional;professional;;;0.86;;',
    );
    expect(csvSuffix(result({ level: 'S2', levelName: 'Skilled Support', track: 'support', family: null, role: 'Cooks, Restaurant', confidence: 0.4, occupation: { code: '35-2014.00', title: 'Cooks, Restaurant', source: 'onet' } }), ',')).toBe(
      ',S2,Skilled Support,support,,"Cooks, Restaurant",0.40,35-2014,"Cooks, Restaurant"',
    );
    expect(csvSuffix(result(null), ',')).toBe(',,,,,,,,');
  });

  it('pads a short row to the header, joins a plain row, quotes a quoted one', () => {
    expect(csvRow(['1', 'x'], 3, ',', ',P1')).toBe('1,x,,P1');
    expect(csvRow(['1', 'a,b'], 2, ',', ',P1')).toBe('1,"a,b",P1');
  });

  it('puts the row number first in a JSON line', () => {
    expect(jsonWithRow('{"query":{}}', 7)).toBe('{"row":7,"query":{}}');
  });
});

describe('summary and progress', () => {
  it('draws one bar per level seen, in ladder order, scaled to the largest', () => {
    const t = new Tally();
    for (let i = 0; i < 4; i++) t.add('P2', 0.9, 'ai-ml');
    t.add('P1', 0.5);
    t.add(null, 0);
    t.unmatchedTitle('asdfgh');
    expect(renderSummary({ tally: t, levels: ['P1', 'P2', 'P3'], seconds: 2, triage: "'my titles.csv'" })).toBe(
      '6 rows in 2.0 s, 3 rows/s: 5 (83.3%) matched, 1 (16.7%) unmatched, 1 (16.7%) low-confidence\n' +
        '  P1   1  ███████▌\n' +
        '  P2   4  ██████████████████████████████\n' +
        '  families: ai-ml 4 (66.7%) · no family 1 (16.7%)\n' +
        '  most unmatched: "asdfgh" (1); for more, run: leveler triage \'my titles.csv\'\n',
    );
  });

  it('counts the unmatched titles, most rows first, up to a bound', () => {
    const t = new Tally();
    for (const title of ['b', 'a', 'b', 'c', 'b', 'a']) t.unmatchedTitle(title);
    expect(t.topUnmatched(2)).toEqual([
      ['b', 3],
      ['a', 2],
    ]);
  });

  it.each([
    ['titles.csv', 'titles.csv'],
    ['my titles.csv', "'my titles.csv'"],
    ["it's.csv", "'it'\\''s.csv'"],
  ])('writes %j as the shell word %s', (path, word) => {
    expect(shellWord(path)).toBe(word);
  });

  it.each([
    [0, 10, ''],
    [1, 10, '██████████'],
    [0.5, 10, '█████'],
    [0.01, 10, '▏'],
    [0.3, 4, '█▎'],
  ])('bar(%f, %i) is %j', (fraction, width, text) => {
    expect(bar(fraction, width)).toBe(text);
  });

  it('shows rows, speed and how far through the file', () => {
    expect(renderProgress(12_345, 2, 0.421)).toBe('12,345 rows · 6,173 rows/s · 42%');
    expect(renderProgress(10, 0, null)).toBe('10 rows');
  });
});

describe('--keep-columns: the input row as JSON', () => {
  it.each([
    ['names as keys', ['id', 'title'], ['1', 'Nurse'], '{"id":"1","title":"Nurse"}'],
    ['a name used twice, and an empty one, by their numbers', ['a', 'a', ''], ['1', '2', '3'], '{"a":"1","a_2":"2","3":"3"}'],
    ['a missing field is null', ['id', 'title'], ['1'], '{"id":"1","title":null}'],
    ['a field past the header by its number', ['id'], ['1', 'x'], '{"id":"1","2":"x"}'],
    ['quotes, backslashes and line breaks escaped', ['t'], ['say "hi"\\\n'], '{"t":"say \\"hi\\"\\\\\\n"}'],
  ] as [string, string[], string[], string][])('%s', (_case, header, fields, json) => {
    const text = inputJson(inputKeys(header), fields);
    expect(text).toBe(json);
    expect(JSON.parse(text)).toBeTypeOf('object');
  });

  it('puts the input after the row number', () => {
    expect(jsonWithRow('{"level":"P2"}', 3, '{"id":"1"}')).toBe('{"row":3,"input":{"id":"1"},"level":"P2"}');
    expect(jsonWithRow('{}', 3, '{"id":"1"}')).toBe('{"row":3,"input":{"id":"1"}}');
  });
});
