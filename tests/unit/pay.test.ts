// The pay table: built from a survey and OEWS by the script (levelled by leveler itself), and the
// pay stage that reads it: no figure from too few responses, OEWS's top code never a number.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { thousands } from '../../src/core/numbers.js';
import { dollars, marketPay, oewsPay, oewsText, surveyPay, surveyText, type PayTable } from '../../src/core/pay.js';
import { loadPay } from '../../src/io/pay.js';
import { FIXTURES, ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-pay-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Builds the table from the fixtures into a folder of its own, and reads it as leveler does. */
function build(dir: string): PayTable {
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-pay.mjs'), '--survey', join(FIXTURES, 'pay', 'survey.csv'), '--oews', join(FIXTURES, 'pay', 'oews.csv'), '--out', join(dir, 'pay.tsv')], { stdio: 'pipe' });
  return loadPay(dir, temp);
}

/** The p-th percentile by linear interpolation between ranks, worked out here independently. */
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  return Math.round(s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!));
}

describe('scripts/build-pay.mjs', () => {
  const table = build(join(temp, 'a'));
  const text = readFileSync(join(temp, 'a', 'pay.tsv'), 'utf8');

  it('levels full-time responses: by the title\'s marker, else by the experience level; none of no family', () => {
    // 35 "Data Scientist" SE (P3 by experience) and 3 "Senior Data Scientist" EN (P3 by the marker) in the US.
    const us = [...Array.from({ length: 35 }, (_, i) => 100000 + i * 1000), 300000, 300001, 300002];
    expect(table.cell('data-science', 'P3', 'US')).toEqual({ n: 38, p25: percentile(us, 0.25), p50: percentile(us, 0.5), p75: percentile(us, 0.75) });
    expect(table.cell('data-science', 'P1', 'US')).toBeUndefined();
    // Only data-science cells: the nurses are of no family, the part-time rows are left out.
    expect(text.split('\n').filter((l) => l.startsWith('survey ')).map((l) => l.split('\t')[0])).toEqual(['survey data-science P3 GB', 'survey data-science P3 US']);
    expect(table.survey.years).toEqual([2022, 2024]);
    expect(table.survey.experienceLevels).toEqual({ EN: 'P1', MI: 'P2', SE: 'P3', EX: 'M4' });
  });

  it('keeps the count but no percentile below 30 responses', () => {
    expect(table.cell('data-science', 'P3', 'GB')).toEqual({ n: 12 });
  });

  it('keeps OEWS detailed occupations, "#" as written and "*" as none', () => {
    expect(text.split('\n').filter((l) => l.startsWith('oews ')).map((l) => l.split('\t')[0])).toEqual(['oews 11-1011', 'oews 15-2051', 'oews 27-2011']);
    expect(table.occupation('11-1011')).toMatchObject({ p50: 206420, p75: '#', p90: '#' });
    expect(table.occupation('27-2011')).toMatchObject({ p50: null });
    expect(table.occupation('15-0000')).toBeUndefined();
  });

  it('gives the same bytes for the same files', () => {
    build(join(temp, 'b'));
    expect(readFileSync(join(temp, 'b', 'pay.tsv'), 'utf8')).toBe(text);
  });
});

describe('the pay stage', () => {
  const table = build(join(temp, 'c'));

  it.each([
    ['data-science', 'P3', 'US', { n: 38, note: null }],
    ['data-science', 'P3', 'GB', { n: 12, median: null, p25: null, p75: null, note: 'too few responses (n = 12)' }],
    ['data-science', 'P5', 'US', { n: 0, median: null, note: 'no responses' }],
  ] as const)('%s %s in %s', (family, level, region, expected) => {
    expect(surveyPay(table, family, level, region)).toMatchObject({ source: 'aijobs.net salary survey', region, years: [2022, 2024], ...expected });
  });

  it('has no survey figure for a title of no family', () => {
    expect(surveyPay(table, null, 'P2', 'US')).toBeNull();
  });

  it('reads OEWS\'s top code as "or more", never as a number', () => {
    const ceo = oewsPay(table, '11-1011.00')!;
    expect(ceo).toMatchObject({ code: '11-1011', median: 206420, p75: null, p90: null, topCoded: ['p75', 'p90'], topCode: 239200 });
    expect(oewsText(ceo)).toBe('US, BLS OEWS May 2024, 11-1011 Chief Executives: median $206,420 (P10 $73,710 – P90 $239,200 or more)');
    expect(oewsPay(table, '99-9999')).toBeNull();
  });

  it('takes the first code OEWS has wages for', () => {
    expect(marketPay(table, 'data-science', 'P3', ['15-0000', '15-2051.00'], 'US').oews?.code).toBe('15-2051');
  });

  it('writes figures as a person reads them', () => {
    expect(dollars(1234567.4)).toBe('$1,234,567');
    expect(surveyText(surveyPay(table, 'data-science', 'P3', 'GB')!)).toBe('GB, aijobs.net salary survey 2022–2024: too few responses (n = 12)');
    expect(surveyText(surveyPay(table, 'data-science', 'P3', 'US')!)).toMatch(/^US, aijobs\.net salary survey 2022–2024, n = 38: median \$\d{3},\d{3} \(P25 \$[\d,]+ – P75 \$[\d,]+\)$/);
  });
});

describe('thousands', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [6014, '6,014'],
    [1234567, '1,234,567'],
    [-1234.6, '-1,235'],
  ])('%d -> %s', (n, text) => {
    expect(thousands(n)).toBe(text);
  });
});
