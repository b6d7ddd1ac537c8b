// The record parser against Python's csv module, the reference, fed in chunks of every small size
// so that every chunk edge (inside a CRLF, a doubled quote, a field) is hit.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, RecordParser } from '../../src/io/csv.js';

/** Python's reading of each text: csv.reader over newline='' text, blank lines dropped. */
function pythonRows(texts: string[]): string[][][] {
  const script = [
    'import csv, io, json, sys',
    'out = []',
    'for t in json.load(sys.stdin):',
    "    out.append([r for r in csv.reader(io.StringIO(t, newline='')) if r != []])",
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function ours(text: string, chunk: number, delimiter = ','): string[][] {
  const parser = new RecordParser(delimiter, 'test.csv');
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) parser.feed(text.slice(i, i + chunk), false, rows);
  parser.feed('', true, rows);
  return rows;
}

/** Every text has its quotes closed: an open quote at the end is an error here, not a record. */
const CASES = [
  'title,years\r\nSr ML Engineer,6\nJunior ML,1\r\n',
  'title,years\rSr ML Engineer,6\rJunior ML,1\r',
  'title\n\n\nSenior ML\n\r\n\n',
  'title,years\n"Senior" ML,3\n',
  'title,years\n"Senior ML" ,3\n',
  'title,n\n"a ""quoted"" word",1\n"line\r\nbreak",2\n"lone\rcr",3\n',
  'title,n\nSenior "ML" Engineer,1\n',
  'a,b,c\n1,,3\n,,\n,\n"",""\n',
  'title\n"ends with a quote"""\n"x"\r\n',
  'no newline at end,2',
  'trailing delimiter,\nx,',
  'a,b\r\n"q,\r\n""",z\r\n\r\n',
];

describe('RecordParser reads as Python csv does', () => {
  const expected = pythonRows(CASES);

  it.each(CASES.map((text, i) => [JSON.stringify(text), text, i] as const))('%s, in chunks of 1 to 8 characters and whole', (_name, text, i) => {
    for (const chunk of [1, 2, 3, 4, 5, 7, 8, text.length]) expect(ours(text, chunk), `chunk ${chunk}`).toEqual(expected[i]);
  });

  it('on 400 random texts of quotes, delimiters and line breaks, in random chunks', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const atoms = ['a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'é'];
    const texts: string[] = [];
    while (texts.length < 400) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => atoms[Math.floor(random() * atoms.length)]).join('');
      // Only texts whose quotes all close: an open quote at the end is our error, Python's record.
      try {
        ours(text, text.length);
        texts.push(text);
      } catch {
        // skipped
      }
    }
    const expected = pythonRows(texts);
    texts.forEach((text, i) => {
      const chunk = 1 + Math.floor(random() * 6);
      expect(ours(text, chunk), `${JSON.stringify(text)} in chunks of ${chunk}`).toEqual(expected[i]);
    });
  });

  it('reads a long unquoted field in linear time: 8 MB in one field, in 64 KB chunks', () => {
    const text = 'title\n' + 'x'.repeat(8 * 1024 * 1024) + ',1\n';
    const rows = ours(text, 64 * 1024);
    expect(rows.map((r) => r.map((f) => f.length))).toEqual([[5], [8 * 1024 * 1024, 1]]);
  });
});

describe('RecordParser tells what it read', () => {
  it('warns once per record about text after a closing quote, naming its line', () => {
    const parser = new RecordParser(',', 'test.csv');
    parser.feed('title,n\nok,1\n"Senior" ML,3\n"a"b,"c"d\n', true);
    expect(parser.warnings).toEqual([
      { line: 3, message: 'text after the closing quote of a field; read as part of the field' },
      { line: 4, message: 'text after the closing quote of a field; read as part of the field' },
    ]);
  });

  it('counts lines across CRLF, LF and lone CR alike', () => {
    const parser = new RecordParser(',', 'test.csv');
    expect(() => parser.feed('a\r\nb\nc\r"open', true)).toThrow('test.csv: line 4: a quoted field is never closed');
  });

  it('blames the length, not a quote, for a huge record without quotes', () => {
    const parser = new RecordParser(',', 'test.csv', 1024 * 1024);
    expect(() => parser.feed('title\n' + 'x'.repeat(2 * 1024 * 1024), false)).toThrow(
      expect.objectContaining({ message: 'test.csv: line 2: a record longer than 1 MB', hint: expect.stringMatching(/^is this a CSV file/) }),
    );
  });
});

describe('guessDelimiter', () => {
  it.each([
    ['title,years\nML,3\n', ','],
    ['title;years\nML;3\n', ';'],
    ['title\tyears\nML, Senior\t3\n', '\t'],
    ['title|years|x\nML|3|y\n', '|'],
    ['"a;b",c\n"d;e",f\n', ','],
    ['title\nSenior ML\n', ','],
  ])('%j -> %j', (sample, delimiter) => {
    expect(guessDelimiter(sample, true)).toBe(delimiter);
  });
});

describe('raw lines', () => {
  it('are given whole for plain lines, split for quoted ones, and read field by field the same', async () => {
    const { CsvReader, fieldAt, fieldCount } = await import('../../src/io/csv.js');
    const reader = new CsvReader({ source: 'test.csv', rawLines: true });
    const rows = [];
    for await (const batch of reader.batches(['id,title,years\n1,Senior ML,3\n2,"ML, Staff",\n3,,\n'])) rows.push(...batch);
    expect(reader.header).toEqual(['id', 'title', 'years']);
    expect(rows).toEqual(['1,Senior ML,3', ['2', 'ML, Staff', ''], '3,,']);
    expect(rows.map((r) => [fieldCount(r, ','), fieldAt(r, ',', 1), fieldAt(r, ',', 2), fieldAt(r, ',', 3)])).toEqual([
      [3, 'Senior ML', '3', undefined],
      [3, 'ML, Staff', '', undefined],
      [3, '', '', undefined],
    ]);
  });
});
