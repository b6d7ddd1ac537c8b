// The occupation index: built from an O*NET folder by the script, searched by title.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchOccupations, titleWords, type OccupationIndex } from '../../src/core/occupations.js';
import { FIXTURES, ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-onet-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(out: string): OccupationIndex {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-occupations.mjs'), join(FIXTURES, 'onet-mini'), '--out', out, '--version', '30.0'], { stdio: 'pipe' });
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('scripts/build-occupations.mjs', () => {
  const index = build(join(temp, 'a.json'));

  it('keeps each occupation with its zone, typical education, core tasks, hot technologies (in demand first) and titles', () => {
    expect(index.version).toBe('30.0');
    expect(index.source).toMatch(/^O\*NET 30\.0 Database, U\.S\. Department of Labor/);
    expect(index.occupations.map((o) => o.code)).toEqual(['29-1141.00', '35-2014.00', '41-2011.00']);
    expect(index.occupations[0]).toEqual({
      code: '29-1141.00',
      title: 'Registered Nurses',
      description: 'Assess patient health problems.',
      jobZone: 4,
      education: "Bachelor's degree",
      tasks: ["Record patients' vital signs."],
      hotTechnologies: ['Epic Systems', 'Microsoft Excel'],
      sampleTitles: ['Registered Nurse (RN)'],
      titles: ['Registered Nurse (RN)', 'Registered Nurses', 'Staff Nurse'],
    });
  });

  it('gives the same bytes for the same files', () => {
    build(join(temp, 'b.json'));
    expect(readFileSync(join(temp, 'b.json'), 'utf8')).toBe(readFileSync(join(temp, 'a.json'), 'utf8'));
  });

  it('says which file is missing, with exit 2', () => {
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-occupations.mjs'), join(temp, 'nowhere'), '--out', join(temp, 'c.json')], { stdio: 'pipe' });
    } catch (e) {
      failure = e as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr.toString()).toMatch(/cannot read .*Occupation Data\.txt: not found; give the O\*NET folder/);
  });
});

describe('searchOccupations', () => {
  const index = build(join(temp, 'd.json'));
  it.each([
    ['registered nurse', '29-1141.00', 'Registered Nurses', 1],
    ['Line Cooks', '35-2014.00', 'Line Cook', 1],
    ['cashier', '41-2011.00', 'Cashiers', 1],
    ['nurse', '29-1141.00', 'Staff Nurse', 0.67],
    ['29-1141', '29-1141.00', 'Registered Nurses', 1],
  ])('%j -> %s by %j', (query, code, matched, score) => {
    expect(searchOccupations(index, query)[0]).toMatchObject({ occupation: { code }, matched, score });
  });

  it('finds nothing for words no title has', () => {
    expect(searchOccupations(index, 'asdfgh')).toEqual([]);
    expect(searchOccupations(index, 'of the')).toEqual([]);
  });

  it('reads plurals as singular and drops filler words', () => {
    expect(titleWords('Cooks, Restaurant')).toEqual(['cook', 'restaurant']);
    expect(titleWords('Teachers of the Deaf')).toEqual(['teacher', 'deaf']);
  });
});
