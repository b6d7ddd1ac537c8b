// The occupation data: built from an O*NET folder and a filings file by the script, read in place,
// searched by the occupation stage's vote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { searchOccupations, withGroupJobZones, type Occupation, type OccupationIndex } from '../../src/core/occupations.js';
import { loadOccupationModel, loadOccupations, occupationSource, occupationSpans, tableStamp } from '../../src/io/occupations.js';
import { SortedFile } from '../../src/io/sorted-file.js';
import { pairId, pairTenths } from '../../src/core/occupation-table.js';
import { FIXTURES, ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-onet-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(dir: string, filings = join(FIXTURES, 'filings-mini.csv')): OccupationIndex {
  execFileSync('mkdir', ['-p', dir]);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-occupations.mjs'), join(FIXTURES, 'onet-mini'), '--filings', filings, '--out-dir', dir, '--version', '30.0'], { stdio: 'pipe' });
  return JSON.parse(readFileSync(join(dir, 'occupations.json'), 'utf8'));
}

describe('scripts/build-occupations.mjs', () => {
  const a = join(temp, 'a');
  const index = build(a);

  it('keeps each occupation with its zone, typical education, core tasks, hot technologies (in demand first) and sample titles', () => {
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
    });
  });

  it('writes a sorted table of weights: features of two titles or more, for and against occupations', () => {
    const text = readFileSync(join(a, 'occupation-words.tsv'), 'utf8');
    const [magic, codes, ...lines] = text.trimEnd().split('\n');
    expect(magic).toMatch(/^leveler-occupation-words 2\t30\.0\t.*CC BY 4\.0.*public domain\)\tscale [0-9.]+\tstamp [0-9a-f]{16}$/);
    expect(codes).toBe('29-1141.00 35-2014.00 41-2011.00');
    expect([...lines].sort()).toEqual(lines);
    const model = loadOccupationModel(a, temp);
    const weights = (key: string) => {
      const { pairs, from, to } = model.feature(key)!;
      return Array.from(pairs.subarray(from, to), (pair) => [model.codes[pairId(pair)], pairTenths(pair)] as const);
    };
    // "cook" is in "Cooks, Restaurant", "Line Cook" twice and "PREP COOK": all one occupation.
    expect(weights('cook')).toEqual([['35-2014.00', expect.any(Number)]]);
    expect(weights('cook')[0]![1]).toBeGreaterThan(0);
    // "registered nurse" is in nurses' titles only: for them, and against the cashiers' "NURSE" filing.
    const nurse = weights('registered nurse');
    expect(nurse.map(([c]) => c)).toEqual(['29-1141.00', '41-2011.00']);
    expect(nurse[0]![1]).toBeGreaterThan(0);
    expect(nurse[1]![1]).toBeLessThan(0);
    // A feature of one title is left out.
    expect(model.feature('prep')).toBeUndefined();
    expect(model).toMatchObject({ codes: ['29-1141.00', '35-2014.00', '41-2011.00'], scale: expect.any(Number) });
  });

  it('gives the same bytes for the same files', () => {
    build(join(temp, 'b'));
    for (const f of ['occupations.json', 'occupation-words.tsv']) {
      expect(readFileSync(join(temp, 'b', f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    }
  });

  it('says which file is missing, with exit 2', () => {
    for (const [args, message] of [
      [[join(temp, 'nowhere'), '--filings', 'none'], /cannot read .*Occupation Data\.txt: not found; give the O\*NET folder/],
      [[join(FIXTURES, 'onet-mini'), '--filings', join(temp, 'none.csv')], /cannot read .*none\.csv: not found; give --filings FILE, or --filings none/],
    ] as const) {
      let failure: { status: number; stderr: Buffer } | undefined;
      try {
        execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-occupations.mjs'), ...args, '--out-dir', join(temp, 'c')], { stdio: 'pipe' });
      } catch (e) {
        failure = e as { status: number; stderr: Buffer };
      }
      expect(failure?.status).toBe(2);
      expect(failure?.stderr.toString()).toMatch(message);
    }
  });
});

describe('searchOccupations', () => {
  const dir = join(temp, 'd');
  build(dir);
  const index = loadOccupations(dir, temp);
  const model = loadOccupationModel(dir, temp);
  it.each([
    ['registered nurse', '29-1141.00'],
    ['Line Cooks', '35-2014.00'],
    ['cashier', '41-2011.00'],
    ['staff nurse', '29-1141.00'],
    // A title read whole goes where titles like it are filed, whatever its words say.
    ['nurse', '41-2011.00'],
    ['29-1141', '29-1141.00'],
    ['29-1141.00', '29-1141.00'],
  ])('%j -> %s', (query, code) => {
    expect(searchOccupations(index, model, query)[0]).toMatchObject({ occupation: { code } });
  });

  it('ranks the runners-up after the winner, by their probability', () => {
    const hits = searchOccupations(index, model, 'cashier line cook');
    expect(hits.map((h) => h.occupation.code)).toEqual(['35-2014.00', '41-2011.00']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('finds nothing for words no title has', () => {
    expect(searchOccupations(index, model, 'asdfgh')).toEqual([]);
    expect(searchOccupations(index, model, 'of the')).toEqual([]);
  });
});

describe('SortedFile: a sorted table searched in place', () => {
  // Long lines make blocks of different sizes; 'é' sorts after every ASCII letter as UTF-8.
  const keys = ['b', 'ba', 'c d', ...Array.from({ length: 300 }, (_, i) => `m${String(i).padStart(3, '0')}`), 'z', 'é'];
  const body = keys.map((k, i) => `${k}\t${i}${i % 7 === 0 ? ' '.repeat(3000) : ''}`).join('\n') + '\n';
  const text = `head\n${body}`;
  const path = join(temp, 'sorted.tsv');
  writeFileSync(path, text);
  const from = Buffer.byteLength('head\n');
  const size = Buffer.byteLength(text);
  // A sparse index of every fifth line: a lookup reads the one block that may hold the key.
  const lines = body.split('\n').slice(0, -1);
  const offsets: number[] = [];
  let at = from;
  lines.forEach((line) => {
    offsets.push(at);
    at += Buffer.byteLength(line) + 1;
  });
  const every = <T>(xs: T[]) => xs.filter((_, i) => i % 5 === 0);
  const index = { keys: every(lines).map((l) => l.split('\t')[0]!), offsets: every(offsets) };
  it.each([
    ['b', '0'],
    ['ba', '1'],
    ['c d', '2'],
    ['m150', '153'],
    ['z', String(keys.length - 2)],
    ['é', String(keys.length - 1)],
    ['a', undefined],
    ['bb', undefined],
    ['zz', undefined],
    ['head', undefined],
  ])('%j -> %j, through the index and reading the whole file', (key, rest) => {
    const cold = new SortedFile(path, from, size, index);
    expect(cold.get(key)?.trimEnd()).toBe(rest);
    const warm = new SortedFile(path, from, size, index);
    for (let i = 0; i < 500; i++) warm.get('m000');
    expect(warm.get(key)?.trimEnd()).toBe(rest);
  });
});

describe('a word table leveler did not build', () => {
  it.each([
    ['no header', 'nurse\t5\t0:100\n'],
    ['no index', 'leveler-occupation-words 1\tx\n11-1011.00\nnurse\t5\t0:100\n'],
    ['a table of the first format (shares, not weights)', 'leveler-occupation-words 1\tx\tstamp 00\n11-1011.00\n#index\t[]\nnurse\t5\t0:100\n'],
    ['no scale', 'leveler-occupation-words 2\tx\tstamp 00\n11-1011.00\n#index\t[]\nnurse\t0:10\n'],
    ['a broken index', 'leveler-occupation-words 1\tx\n11-1011.00\n#index\t[oops\nnurse\t5\t0:100\n'],
    ['an index of the wrong shape', 'leveler-occupation-words 1\tx\n11-1011.00\n#index\t{"a":1}\nnurse\t5\t0:100\n'],
    ['more occupations than a pair can name (4,097)', `leveler-occupation-words 2\tx\tscale 1\tstamp 00\n${Array.from({ length: 4097 }, (_, i) => `c${i}`).join(' ')}\n#index\t[]\nnurse\t0:10\n`],
  ])('is one line naming the file and how to rebuild it: %s', (_case, text) => {
    const dir = join(temp, `bad-${_case.replace(/\W/g, '')}`);
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'occupation-words.tsv'), text);
    expect(() => loadOccupationModel(dir, temp)).toThrow(/^the occupation word table .*occupation-words\.tsv is not one leveler built$/);
  });
});

describe('the build\'s cache of family titles\' occupations', () => {
  const dir = join(temp, 'cached');
  build(dir);
  const stamp = tableStamp(join(dir, 'occupation-words.tsv'));

  it('is read only with the word table it was worked out from (its stamp)', () => {
    expect(stamp).toMatch(/^[0-9a-f]{16}$/);
    const table = { 'nursing\tregistered nurse': '29-1141.00', 'nursing\tcook': '' };
    const fresh = occupationSource(dir, temp, { stamp: stamp!, table });
    expect(fresh.familyOccupation('nursing', 'registered nurse')).toBe('29-1141.00');
    expect(fresh.familyOccupation('nursing', 'cook')).toBe('');
    expect(fresh.familyOccupation('nursing', 'cashier')).toBeUndefined();
    const stale = occupationSource(dir, temp, { stamp: '0000000000000000', table });
    expect(stale.familyOccupation('nursing', 'registered nurse')).toBeUndefined();
    expect(occupationSource(dir, temp).familyOccupation('nursing', 'registered nurse')).toBeUndefined();
  });
});

describe('withGroupJobZones', () => {
  const occupation = (code: string, jobZone: number | null): Occupation => ({ code, title: code, description: '', jobZone, education: null, tasks: [], hotTechnologies: [], sampleTitles: [] });
  const zoneOf = (codes: [string, number | null][], code: string) =>
    withGroupJobZones({ source: 't', version: '1', occupations: codes.map(([c, z]) => occupation(c, z)) }).occupations.find((o) => o.code === code)!.groupJobZone;
  it.each([
    ['its broad group where it has two or more', [['51-9191.00', 2], ['51-9192.00', 2], ['51-9111.00', 3], ['51-9199.00', null]], 2],
    ['its minor group where its broad group has one', [['23-2011.00', 3], ['23-2012.00', 3], ['23-2093.00', 2], ['23-2099.00', null]], 3],
    ['the higher zone on a tie', [['23-2011.00', 3], ['23-2093.00', 2], ['23-2099.00', null]], 3],
    ['each SOC code once, however many O*NET occupations it has', [['27-2012.01', 4], ['27-2012.02', 4], ['27-2012.03', 4], ['27-2011.00', 2], ['27-2021.00', 2], ['27-2099.00', null]], 2],
    ['its major group where no narrower group has a zone', [['45-1011.00', 2], ['45-2099.00', null]], 2],
    ['none where its major group has none', [['45-2099.00', null]], null],
  ] as [string, [string, number | null][], number | null][])('takes %s', (_case, codes, zone) => {
    expect(zoneOf(codes, codes.at(-1)![0])).toBe(zone);
  });

  it('leaves O*NET\'s own zones as they are', () => {
    const out = withGroupJobZones({ source: 't', version: '1', occupations: [occupation('29-1141.00', 3), occupation('29-1199.00', null)] });
    expect(out.occupations.map((o) => [o.jobZone, o.groupJobZone])).toEqual([[3, undefined], [null, 3]]);
  });
});

describe("the occupations' spans (a record at a time, in place of the whole file parsed)", () => {
  const shipped = readFileSync(join(ROOT, 'data', 'occupations.json'));
  const spans = occupationSpans(shipped)!;
  const codes = (JSON.parse(shipped.toString('utf8')) as OccupationIndex).occupations.map((o) => o.code);
  // What get() is asked: every code, every 6-digit SOC code, and codes of none.
  const asked = [...codes, ...new Set(codes.map((c) => c.slice(0, 7))), '99-9999', '15-1252.99', ' 29-1141 ', '', '1'];

  it('are found for the shipped file, one per occupation', () => {
    expect(spans).not.toBeNull();
    expect(spans.codes).toEqual(codes);
    expect(spans.spans).toHaveLength(2 * codes.length);
  });

  it('give, code by code, what the whole file parsed gives', () => {
    const whole = occupationSource(join(ROOT, 'data'), ROOT);
    const spanned = occupationSource(join(ROOT, 'data'), ROOT, { stamp: '', table: {}, spans });
    // The spans are used: no text longer than a record is parsed for them.
    const parse = vi.spyOn(JSON, 'parse');
    const got = asked.map((code) => spanned.get(code));
    const longest = Math.max(...parse.mock.calls.map((c) => String(c[0]).length));
    parse.mockRestore();
    expect(longest).toBeLessThan(20_000);
    for (const [i, code] of asked.entries()) expect(got[i], code).toEqual(whole.get(code));
  });

  it('are not used for a file of other bytes: its own records are read', () => {
    const dir = join(temp, 'edited');
    execFileSync('mkdir', ['-p', dir]);
    const index = JSON.parse(shipped.toString('utf8')) as OccupationIndex;
    index.occupations[0]!.title = 'Chief Executives, edited';
    index.occupations[1]!.jobZone = null;
    writeFileSync(join(dir, 'occupations.json'), JSON.stringify(index));
    const whole = occupationSource(dir, ROOT);
    const spanned = occupationSource(dir, ROOT, { stamp: '', table: {}, spans });
    for (const code of asked.slice(0, 40)) expect(spanned.get(code), code).toEqual(whole.get(code));
    expect(spanned.get(codes[0]!)!.title).toBe('Chief Executives, edited');
  });

  it('are found past braces, brackets and escaped quotes in strings, and refused for a file laid out otherwise', () => {
    const record = (code: string, description: string, jobZone: number | null) => ({ code, title: `T ${code}`, description, jobZone, education: null, tasks: ['a "{" task }'], hotTechnologies: [], sampleTitles: ['[x]'] });
    const tricky = { source: 's', version: '1', occupations: [record('11-1011.00', 'has } and { and \\" and [ ]', 3), record('11-1019.00', '"quoted" {', null)] };
    const bytes = Buffer.from(JSON.stringify(tricky, null, 1));
    const found = occupationSpans(bytes)!;
    expect(found.codes).toEqual(['11-1011.00', '11-1019.00']);
    expect(found.groupJobZones).toEqual({ '11-1019.00': 3 });
    expect(occupationSpans(Buffer.from(JSON.stringify({ ...tricky, extra: [{ code: 'x' }] })))).toBeNull();
  });
});
