import { matchJson } from '../../src/output/json.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/match.js';
import { acceptanceFile, readCsvFixture, run, shippedMatcher } from '../helpers.js';

const csv = (name: string) => join('tests/fixtures/csv', name);
const lines = (text: string) => text.trimEnd().split('\n');
const quiet = (args: string[]) => run(['batch', ...args, '-q']);

describe('leveler batch: CSV output', () => {
  it('keeps every input column and appends the level columns', async () => {
    const r = await quiet([csv('utf8-bom.csv'), '--years-column', 'years']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'title,years,level,level_name,track,family,role,confidence,soc_code,occupation',
      'Sr. ML Engineer,6,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers',
      'Junior AI Engineer,,P1,Entry-Level Professional,professional,ai-ml,Entry-Level AI/ML Engineer,0.95,15-1252,Software Developers',
    ]);
    expect(r.stderr).toBe('');
  });

  it('reads CRLF line ends like LF', async () => {
    const crlf = await quiet([csv('crlf-line-ends.csv'), '--years-column', 'years']);
    const bom = await quiet([csv('utf8-bom.csv'), '--years-column', 'years']);
    expect(crlf.stdout).toBe(bom.stdout);
  });

  it('keeps quoted fields with commas, quotes and line breaks, quoting them again', async () => {
    const r = await quiet([csv('quoted-commas-quotes-newlines.csv')]);
    expect(r.stdout).toBe(
      'id,title,note,level,level_name,track,family,role,confidence,soc_code,occupation\n' +
        '1,"Engineer, Machine Learning, Senior","says ""hi""",P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers\n' +
        '2,"Lead ML\nEngineer","two\nlines",P4,Advanced Professional,professional,ai-ml,Staff AI/ML Engineer,0.95,15-1252,Software Developers\n' +
        '3,Machine Learning Intern,plain,P1,Entry-Level Professional,professional,ai-ml,Entry-Level AI/ML Engineer,0.95,15-1252,Software Developers\n',
    );
  });

  it.each([
    ['semicolon-delimiter.csv', ';'],
    ['tab-delimiter.tsv', '\t'],
  ])('detects the delimiter of %s and writes with it', async (file, delimiter) => {
    const r = await quiet([csv(file)]);
    expect(r.code).toBe(0);
    const [head, first] = lines(r.stdout).map((l) => l.split(delimiter));
    expect(head!.slice(-8)).toEqual(['level', 'level_name', 'track', 'family', 'role', 'confidence', 'soc_code', 'occupation']);
    expect(first![head!.indexOf('level')]).toMatch(/^P[34]$/);
  });

  it('takes --delimiter', async () => {
    const r = await quiet([csv('semicolon-delimiter.csv'), '--delimiter', ';', '--years-column', 'years']);
    expect(lines(r.stdout)[2]).toBe('2;ML Engineer, NLP;3;P2;Developing Professional;professional;ai-ml;AI/ML Engineer;0.75;15-1252;Software Developers');
  });

  it('keeps ragged rows, pads short ones, and warns naming the row', async () => {
    const r = await quiet([csv('ragged-rows.csv')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'id,title,years,level,level_name,track,family,role,confidence,soc_code,occupation',
      '1,Senior ML Engineer,,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers',
      '2,Junior ML Engineer,1,surplus,P1,Entry-Level Professional,professional,ai-ml,Entry-Level AI/ML Engineer,0.95,15-1252,Software Developers',
      '3,ML Engineer,4,P2,Developing Professional,professional,ai-ml,AI/ML Engineer,0.75,15-1252,Software Developers',
    ]);
    expect(lines(r.stderr)).toEqual([
      'leveler: warning: tests/fixtures/csv/ragged-rows.csv: row 1 has 2 fields, the header 3; kept',
      'leveler: warning: tests/fixtures/csv/ragged-rows.csv: row 2 has 4 fields, the header 3; kept',
    ]);
  });

  it('leaves rows with empty titles unmatched, with their data', async () => {
    const r = await quiet([csv('empty-titles.csv')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).slice(1)).toEqual(['1,,,,,,,,,', '2,  ,,,,,,,,', '3,Senior ML Engineer,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers']);
  });

  it('writes the header alone for a header-only file', async () => {
    const r = await quiet([csv('header-only.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,title,years,level,level_name,track,family,role,confidence,soc_code,occupation\n');
  });

  it('levels a 100 KB title', async () => {
    const r = await quiet([csv('title-100kb.csv'), '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).match.level)).toEqual(['P3', 'P2']);
  });

  it('warns about a years cell that is not a number, and reads it as none', async () => {
    const r = await quiet([csv('years-not-numbers.csv'), '--years-column', 'years']);
    expect(lines(r.stdout).slice(1).map((l) => l.split(',')[2])).toEqual(['P2', 'P3', 'P2']);
    expect(lines(r.stderr)).toEqual([
      'leveler: warning: tests/fixtures/csv/years-not-numbers.csv: row 1: years "six" is not a number of years (such as 3, 4.5, 5 yrs, 10+ or 3-5); read as none',
      'leveler: warning: tests/fixtures/csv/years-not-numbers.csv: row 3: years "-2" is negative; years run from 0; read as none',
    ]);
  });

  it('reads a quote inside an unquoted field as written, and quotes the field properly on output', async () => {
    const r = await quiet([csv('quote-inside-unquoted-field.csv')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[2]).toBe('Senior ML Engineer,"no ""quote"" here",P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers');
  });
});

describe('leveler batch: reads CSV exactly', () => {
  const temp = mkdtempSync(join(tmpdir(), 'leveler-csv-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(temp, name), content);
    return join(temp, name);
  };
  const ndjson = async (path: string, ...args: string[]) => {
    const r = await run(['batch', path, '--format', 'ndjson', '-q', ...args]);
    return { ...r, rows: lines(r.stdout).filter(Boolean).map((l) => JSON.parse(l) as { row: number; query: { title: string; years: number | null } }) };
  };

  it('a first read that ends on the CR of a CRLF corrupts nothing (the 64 KB edge)', async () => {
    const head = 'title,description\r\n';
    const first = 'Senior ML Engineer,"';
    const filler = 'd'.repeat(65536 - 1 - head.length - first.length - 1);
    const path = file('cr-edge.csv', head + first + filler + '"\r\nJunior ML,short\r\nStaff ML,x\r\n');
    const r = await ndjson(path);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.row, x.query.title])).toEqual([
      [1, 'Senior ML Engineer'],
      [2, 'Junior ML'],
      [3, 'Staff ML'],
    ]);
    expect(r.stderr).toBe('');
  });

  it('any line break ends a row: CRLF, LF and CR mixed in one file', async () => {
    const r = await ndjson(file('mixed.csv', 'title,years\r\nSr ML Engineer,6\nJunior ML,1\r\nStaff ML,9\rLead ML,12\n'), '--years-column', 'years');
    expect(r.rows.map((x) => [x.query.title, x.query.years])).toEqual([
      ['Sr ML Engineer', 6],
      ['Junior ML', 1],
      ['Staff ML', 9],
      ['Lead ML', 12],
    ]);
  });

  it('skips blank lines anywhere, without a warning or a row number', async () => {
    const r = await ndjson(file('blank.csv', 'title,years\n\nSenior ML,3\n\r\n\nJunior ML,1\n\n\n'));
    expect(r.rows.map((x) => [x.row, x.query.title])).toEqual([
      [1, 'Senior ML'],
      [2, 'Junior ML'],
    ]);
    expect(r.stderr).toBe('');
    const csvOut = await quiet([join(temp, 'blank.csv')]);
    expect(lines(csvOut.stdout)).toHaveLength(3);
  });

  it('reads "Senior" ML as Python does, with one warning naming the line', async () => {
    const r = await run(['batch', file('after-quote.csv', 'title,years\n"Senior" ML,3\nJunior ML,1\n'), '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).query.title)).toEqual(['Senior ML', 'Junior ML']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('leveler: warning'))).toEqual([
      `leveler: warning: ${join(temp, 'after-quote.csv')}: line 2: text after the closing quote of a field; read as part of the field`,
    ]);
  });

  it('keeps the space of "Senior ML" ,3: the input stays as it was', async () => {
    const r = await quiet([file('space.csv', 'title,n\n"Senior ML" ,3\n')]);
    expect(lines(r.stdout)[1]).toBe('Senior ML ,3,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers');
  });

  it('quotes every output field holding a CR, an LF, a quote or the delimiter', async () => {
    const r = await quiet([file('breaks.csv', 'title,note\nSenior ML,"a\rb"\nJunior ML,"c\nd"\nStaff ML,e"f\n')]);
    expect(r.stdout.split('\n').slice(1, 5)).toEqual([
      'Senior ML,"a\rb",P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers',
      'Junior ML,"c',
      'd",P1,Entry-Level Professional,professional,ai-ml,Entry-Level AI/ML Engineer,0.95,15-1252,Software Developers',
      'Staff ML,"e""f",P4,Advanced Professional,professional,ai-ml,Staff AI/ML Engineer,0.95,15-1252,Software Developers',
    ]);
  });

  it('never repeats a column name: an appended column named like an input one takes a prefix, with a warning', async () => {
    const r = await run(['batch', file('collide.csv', 'title,Level,role,leveler_role\nSenior ML,x,y,z\n'), '--fields', 'level,role,confidence']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('title,Level,role,leveler_role,leveler_level,leveler_role_2,confidence');
    expect(r.stderr).toContain(`leveler: warning: ${join(temp, 'collide.csv')}: the input already has columns of the name; leveler's are written "level" as "leveler_level", "role" as "leveler_role_2"\n`);
  });

  it('blames the length, not a quote, for a huge file with no line break', async () => {
    const r = await quiet([file('one-line.csv', 'title\n' + 'x'.repeat(33 * 1024 * 1024))]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`leveler: ${join(temp, 'one-line.csv')}: line 2: a record longer than 32 MB; is this a CSV file with one record a line? Check --delimiter and --encoding\n`);
  });

  it('reads UTF-16 announced by its byte-order mark', async () => {
    const text = 'title,years\r\nSenior ML Engineer,6\r\n';
    const le = await ndjson(file('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(le.rows.map((x) => x.query.title)).toEqual(['Senior ML Engineer']);
    const be = Buffer.from(text, 'utf16le').swap16();
    const r = await ndjson(file('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(r.rows.map((x) => x.query.title)).toEqual(['Senior ML Engineer']);
  });

  it('hints at UTF-16 for UTF-16 text without a byte-order mark', async () => {
    const r = await quiet([file('utf16-nobom.csv', Buffer.from('title\nSenior ML\n', 'utf16le'))]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/looks like UTF-16 without a byte-order mark; pass --encoding utf-16le/);
  });
});

describe('leveler batch: columns, as csvkit and xsv users expect', () => {
  const temp = mkdtempSync(join(tmpdir(), 'leveler-columns-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    writeFileSync(join(temp, name), content);
    return join(temp, name);
  };

  it('finds a years column by its name, and says so on stderr', async () => {
    const path = file('yoe.csv', 'title,YOE\nML Engineer,6\n');
    const r = await run(['batch', path, '--format', 'ndjson']);
    expect(JSON.parse(lines(r.stdout)[0]!).query).toEqual({ title: 'ML Engineer', years: 6 });
    expect(r.stderr).toMatch(/^leveler: years of experience from column "YOE" \(--years-column to pick another, --no-years-column for none\)\n/);
  });

  it('reads no years with --no-years-column', async () => {
    const r = await quiet([file('years.csv', 'title,years\nML Engineer,6\n'), '--format', 'ndjson', '--no-years-column']);
    expect(JSON.parse(lines(r.stdout)[0]!).query).toEqual({ title: 'ML Engineer', years: null });
  });

  it('takes columns by number, from 1', async () => {
    const r = await quiet([file('numbers.csv', 'id,job,exp\n1,ML Engineer,6\n'), '--column', '2', '--years-column', '3', '--format', 'ndjson']);
    expect(JSON.parse(lines(r.stdout)[0]!).query).toEqual({ title: 'ML Engineer', years: 6 });
  });

  it('reads a file with no header with --no-header: column 1 is the title, no header is written', async () => {
    const r = await quiet([file('headless.csv', 'Senior ML Engineer,7\nJunior ML,1\n'), '--no-header']);
    expect(lines(r.stdout)).toEqual([
      'Senior ML Engineer,7,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers',
      'Junior ML,1,P1,Entry-Level Professional,professional,ai-ml,Entry-Level AI/ML Engineer,0.95,15-1252,Software Developers',
    ]);
    const numbered = await quiet([join(temp, 'headless.csv'), '--no-header', '--column', '1', '--years-column', '2', '--format', 'ndjson']);
    expect(lines(numbered.stdout).map((l) => JSON.parse(l).query)).toEqual([
      { title: 'Senior ML Engineer', years: 7 },
      { title: 'Junior ML', years: 1 },
    ]);
  });

  it('starts the output with a byte-order mark with --bom, for Excel', async () => {
    const r = await quiet([file('bom.csv', 'title\nML Engineer\n'), '--bom']);
    expect(r.stdout.startsWith('\uFEFFtitle,level,')).toBe(true);
  });
});

describe('leveler batch -q', () => {
  it('keeps warnings, hides the summary, and counts the warnings past the first 20 at the end', async () => {
    const text = 'title,years\n' + Array.from({ length: 25 }, (_, i) => `ML Engineer,x${i}`).join('\n') + '\n';
    const r = await run(['batch', '--years-column', 'years', '-q'], { stdin: text });
    const err = lines(r.stderr);
    expect(err).toHaveLength(22);
    expect(err[20]).toBe('leveler: (further warnings are counted at the end)');
    expect(err[21]).toBe('leveler: warning: stdin: 5 more warnings not shown');
  });
});

describe('leveler batch --fields', () => {
  it('writes only the chosen answers in NDJSON, in their order, with the row', async () => {
    const r = await quiet([csv('utf8-bom.csv'), '--years-column', 'years', '--format', 'ndjson', '--fields', 'level, family,confidence,title,years']);
    expect(lines(r.stdout).map((l) => JSON.parse(l))).toEqual([
      { row: 1, level: 'P3', family: 'ai-ml', confidence: 0.95, title: 'Sr. ML Engineer', years: 6 },
      { row: 2, level: 'P1', family: 'ai-ml', confidence: 0.95, title: 'Junior AI Engineer', years: null },
    ]);
    expect(Object.keys(JSON.parse(lines(r.stdout)[0]!))).toEqual(['row', 'level', 'family', 'confidence', 'title', 'years']);
  });

  it('writes null for an unmatched row', async () => {
    const r = await quiet([csv('empty-titles.csv'), '--format', 'json', '--fields', 'level,role']);
    expect(JSON.parse(r.stdout)[0]).toEqual({ row: 1, level: null, role: null });
  });

  it('appends only the chosen columns in CSV', async () => {
    const r = await quiet([csv('utf8-bom.csv'), '--no-years-column', '--fields', 'level,confidence']);
    expect(lines(r.stdout)).toEqual(['title,years,level,confidence', 'Sr. ML Engineer,6,P3,0.95', 'Junior AI Engineer,,P1,0.95']);
  });

  it.each([
    [['--fields', 'level,salary'], 'leveler: --fields names "salary", which is not a field of --format csv; the fields are level, level_name, track, family, role, confidence, soc_code, occupation, pay_p25, pay_median, pay_p75, pay_n, company_level\n'],
    [['--fields', 'title', '--format', 'csv'], 'leveler: --fields names "title", which is not a field of --format csv; the fields are level, level_name, track, family, role, confidence, soc_code, occupation, pay_p25, pay_median, pay_p75, pay_n, company_level\n'],
    [['--fields', ' , '], 'leveler: --fields names no field; the fields are level, level_name, track, family, role, confidence, soc_code, occupation, pay_p25, pay_median, pay_p75, pay_n, company_level\n'],
  ])('%j is a usage error naming the fields', async (args, message) => {
    const r = await quiet([csv('utf8-bom.csv'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
});

describe('leveler batch: encodings', () => {
  it.each([
    ['windows-1251.csv', 1],
    ['latin1.csv', 2],
  ])('refuses %s as UTF-8, naming the line and suggesting --encoding (exit 3)', async (file, line) => {
    const r = await quiet([csv(file)]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`leveler: tests/fixtures/csv/${file}: not valid utf-8 text at line ${line}; if the file is in another encoding, pass it, e.g. --encoding windows-1251 or --encoding latin1\n`);
  });

  it('decodes windows-1251 with --encoding', async () => {
    const r = await quiet([csv('windows-1251.csv'), '--encoding', 'windows-1251']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[1]).toBe('Senior ML Engineer,Исследования,P3,Career Professional,professional,ai-ml,Senior AI/ML Engineer,0.95,15-1252,Software Developers');
  });

  it('decodes latin1 with --encoding, accents and all', async () => {
    const r = await quiet([csv('latin1.csv'), '--encoding', 'latin1']);
    expect(lines(r.stdout).slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['Senior ML Engineer,Zürich,P3', 'Ingénieur ML Sénior,Genève,P3']);
  });

  it('rejects an unknown encoding as a usage error', async () => {
    const r = await quiet([csv('latin1.csv'), '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding "klingon"/);
  });
});

describe('leveler batch: bad input', () => {
  it('names the line of an unterminated quote and writes nothing to -o (exit 3)', async () => {
    const r = await quiet([csv('unterminated-quote.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('leveler: tests/fixtures/csv/unterminated-quote.csv: line 2: a quoted field is never closed; close the quote, or double a quote inside a quoted field ("")\n');
  });

  it.each([
    [['no/such.csv'], 3, /^leveler: cannot read no\/such\.csv: not found; /],
    [['tests/fixtures'], 3, /^leveler: cannot read tests\/fixtures: it is a folder; /],
    [[csv('empty-file.csv')], 3, /is empty: no header row/],
    [[csv('no-title-column.csv')], 2, /^leveler: no title column in .*; its columns are "name", "department"; pick one with --column NAME \(or its number\)\n$/],
    [[csv('utf8-bom.csv'), '--column', 'job'], 2, /no column "job" in .*; its columns are "title", "years"/],
    [[csv('utf8-bom.csv'), '--years-column', 'age'], 2, /no column "age"/],
    [[csv('utf8-bom.csv'), '--format', 'xml'], 2, /argument 'xml' is invalid. Allowed choices are csv, ndjson, json/],
    [[csv('utf8-bom.csv'), '--delimiter', ';;'], 2, /must be one character/],
  ])('%j exits %i with one line', async (args, code, message) => {
    const r = await quiet(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(1);
  });

  it('refuses a terminal as stdin', async () => {
    const r = await run(['batch'], { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input: stdin is a terminal; give a CSV file/);
  });
});

describe('leveler batch: stdin, formats, summary', () => {
  it('reads stdin when the file is - or left out', async () => {
    const input = 'title\nStaff ML Engineer\n';
    for (const args of [['batch', '-q'], ['batch', '-', '-q']]) {
      expect(lines((await run(args, { stdin: input })).stdout)[1]).toMatch(/^Staff ML Engineer,P4,/);
    }
  });

  it('prints NDJSON: the match --json object of each row, with its row number', async () => {
    const r = await quiet([csv('utf8-bom.csv'), '--years-column', 'years', '--format', 'ndjson']);
    const [first, second] = lines(r.stdout).map((l) => JSON.parse(l));
    expect(Object.keys(first)).toEqual(['row', 'query', 'match', 'alternatives', 'reasons']);
    expect(first).toMatchObject({ row: 1, query: { title: 'Sr. ML Engineer', years: 6 }, match: { level: 'P3' } });
    expect(second).toMatchObject({ row: 2, query: { years: null }, match: { level: 'P1' } });
  });

  it('prints a JSON array of the same objects', async () => {
    const ndjson = lines((await quiet([csv('quoted-commas-quotes-newlines.csv'), '--format', 'ndjson'])).stdout).map((l) => JSON.parse(l));
    const json = JSON.parse((await quiet([csv('quoted-commas-quotes-newlines.csv'), '--format', 'json'])).stdout);
    expect(json).toEqual(ndjson);
    expect(JSON.parse((await quiet([csv('header-only.csv'), '--format', 'json'])).stdout)).toEqual([]);
  });

  it('summarises on stderr: rows, matched, unmatched, low-confidence and a bar per level', async () => {
    const r = await run(['batch', csv('empty-titles.csv')]);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^3 rows in \d+\.\d s(, [\d,]+ rows\/s)?: 1 \(33\.3%\) matched, 2 \(66\.7%\) unmatched, 0 \(0%\) low-confidence$/),
      '  P3   1  ██████████████████████████████',
      '  families: ai-ml 1 (33.3%) · no family 0 (0%)',
      '  most unmatched: an empty title (1), "  " (1); for more, run: leveler triage tests/fixtures/csv/empty-titles.csv',
    ]);
  });

  it('-q silences the summary', async () => {
    expect((await run(['batch', csv('empty-titles.csv'), '-q'])).stderr).toBe('');
  });
});

describe('leveler batch agrees with leveler match', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await shippedMatcher();
  });

  it('on every acceptance title with many years values, whole and not, in CSV and NDJSON', async () => {
    const titles = [...new Set(readCsvFixture(acceptanceFile()).map((r) => r.title!))];
    const years = ['', '0', '1', '2.5', '4', '4,5', '7', '10+', '13', '20', '35', '3-5'];
    const rows = titles.flatMap((t, i) => years.map((y, j) => ({ title: t, years: years[(i + j) % years.length]! })));
    const text = 'title,years\n' + rows.map((r) => `"${r.title.replaceAll('"', '""')}","${r.years}"`).join('\n') + '\n';
    const csvOut = await run(['batch', '--years-column', 'years', '-q'], { stdin: text });
    const ndjsonOut = await run(['batch', '--years-column', 'years', '--format', 'ndjson', '-q'], { stdin: text });
    const csvRows = lines(csvOut.stdout).slice(1);
    const jsonRows = lines(ndjsonOut.stdout).map((l) => JSON.parse(l));
    expect(csvRows).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const y = r.years === '' ? null : Number(r.years.replace(',', '.').replace(/[+-].*$/, ''));
      const expected = matchJson(matcher.match(r.title, { years: y }));
      const m = expected.match;
      const cells = m === null ? ',,,,,,,' : [m.level, m.levelName, m.track, m.family ?? '', m.role ?? '', m.confidence.toFixed(2), m.occupation?.code.slice(0, 7) ?? '', m.occupation?.title ?? ''].map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',');
      expect(csvRows[i]!.endsWith(`,${cells}`), `${r.title} / ${r.years}: ${csvRows[i]}`).toBe(true);
      const { row, ...result } = jsonRows[i];
      expect(row).toBe(i + 1);
      expect(result).toEqual(expected);
    });
  });

  it('on every row of the acceptance titles', async () => {
    const file = acceptanceFile();
    const rows = readCsvFixture(file);
    const r = await run(['batch', file, '--column', 'title', '--years-column', 'years', '--format', 'ndjson', '-q']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const { row: n, ...result } = out[i];
      expect(n).toBe(i + 1);
      expect(result).toEqual(matchJson(matcher.match(row.title!, { years: row.years === '' ? null : Number(row.years) })));
    });
  });
});

describe('leveler batch --level-hint-column', () => {
  const csv = 'title,experience_level\nData Scientist,SE\nData Scientist,EN\nSenior Data Scientist,EN\nLine Cook,SE\nData Scientist,XX\nData Scientist,\n';

  it("reads the file's own seniority where a title has no marker: on the title's track, a marker still winning", async () => {
    const r = await run(['batch', '-', '--level-hint-column', 'experience_level', '--fields', 'level,confidence'], { stdin: csv });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'title,experience_level,level,confidence\nData Scientist,SE,P3,0.80\nData Scientist,EN,P1,0.80\nSenior Data Scientist,EN,P3,0.95\nLine Cook,SE,S3,0.51\nData Scientist,XX,P2,0.50\nData Scientist,,P2,0.50\n',
    );
    expect(r.stderr).toContain('leveler: level hints from column "experience_level" where a title has no level marker\n');
    expect(r.stderr).toContain('level hint "XX" is none the ladder reads');
  });

  it('says why in the reasons, and gives the same answers in NDJSON as in CSV', async () => {
    const r = await run(['batch', '-', '--level-hint-column', '2', '--format', 'ndjson', '-q'], { stdin: csv });
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.match?.level)).toEqual(['P3', 'P1', 'P3', 'S3', 'P2', 'P2']);
    expect(rows[0].reasons[0]).toBe('no level marker; the row\'s level hint "SE" → P3 Career Professional');
  });

  it('names a column that looks like a level hint when the flag is not given', async () => {
    const r = await run(['batch', '-', '--fields', 'level'], { stdin: csv });
    expect(r.stdout).toContain('Data Scientist,SE,P2\n');
    expect(r.stderr).toContain('column "experience_level" looks like a level of the file\'s own; read it where a title has no level marker with --level-hint-column "experience_level"');
  });

  it('refuses a column the file does not have, with the closest (exit 2)', async () => {
    const r = await run(['batch', '-', '--level-hint-column', 'experience_lvl'], { stdin: csv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column "experience_lvl" in stdin; did you mean "experience_level"\?/);
  });
});
