// The files people actually have, as the built binary reads them: gzip read through (a file or
// stdin), workbooks, archives and other compressions named for what they are, empty files, and
// labels that leave nothing to score.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-inputs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leveler = (args: string[], input?: Buffer | string) => spawnSync(process.execPath, [BIN, ...args], { cwd: temp, encoding: 'utf8', input });
const at = (name: string, bytes: Buffer | string) => {
  writeFileSync(join(temp, name), bytes);
  return name;
};

const CSV = 'title,level,family\nSenior ML Engineer,P3,ai-ml\nLine Cook,S2,\n';
/** A zip's first local file header, naming its first entry: enough for what the first bytes tell. */
const zipHead = (name: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(22), Buffer.from([name.length, 0, 0, 0]), Buffer.from(name), Buffer.alloc(64)]);

describe('gzip is read as it is', () => {
  const plain = leveler(['batch', at('plain.csv', CSV), '-q']).stdout;

  it('a .gz file gives the output the plain file gives', () => {
    const r = leveler(['batch', at('titles.csv.gz', gzipSync(CSV)), '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain);
  });

  it('gzip on stdin, found by its first bytes', () => {
    const r = leveler(['batch', '-q'], gzipSync(CSV));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain);
  });

  it('triage and eval read it too', () => {
    expect(leveler(['triage', 'titles.csv.gz', '--json']).status).toBe(0);
    const e = leveler(['eval', 'titles.csv.gz', '--json']);
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ rows: 2, level: { scored: 2 } });
  });

  it('a gzip file cut short is one line naming it (exit 3)', () => {
    const whole = gzipSync(CSV.repeat(200));
    const r = leveler(['batch', at('cut.csv.gz', whole.subarray(0, whole.length - 30)), '-q']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/(^|\n)leveler: cut\.csv\.gz is not a whole gzip file: .*; check that it was copied completely \(gzip -t FILE\)\n$/);
  });
});

describe('what is not CSV text is named as what it is (exit 3)', () => {
  it.each([
    ['an Excel workbook', 'book.xlsx', zipHead('[Content_Types].xml'), 'book.xlsx is an Excel workbook (.xlsx), not CSV text; save it as CSV (in Excel: File > Save As > CSV UTF-8), then run again'],
    ['an old Excel workbook', 'book.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]), 'book.xls is an Excel 97-2003 workbook (.xls), not CSV text; save it as CSV (in Excel: File > Save As > CSV UTF-8), then run again'],
    ['a zip archive', 'titles.zip', zipHead('titles.csv'), 'titles.zip is a zip archive, not CSV text; unzip it first (unzip -p FILE | leveler ...)'],
    ['an xz file', 'titles.csv.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]), 'titles.csv.xz is compressed with xz; decompress it first (xz -dc FILE | leveler ...); gzip is read as it is'],
  ])('%s', (_name, file, bytes, message) => {
    at(file, bytes);
    for (const command of ['batch', 'triage', 'eval']) {
      const r = leveler([command, file]);
      expect(r.stderr, command).toBe(`leveler: ${message}\n`);
      expect(r.status, command).toBe(3);
    }
  });

  it('a workbook on stdin too', () => {
    const r = leveler(['batch', '-q'], zipHead('[Content_Types].xml'));
    expect(r.stderr).toMatch(/^leveler: stdin is an Excel workbook \(\.xlsx\)/);
    expect(r.status).toBe(3);
  });
});

describe('messages that fit what was asked', () => {
  it('an empty file with --no-header has no rows; it is not told to pass --no-header', () => {
    const r = leveler(['batch', at('empty.csv', ''), '--no-header']);
    expect(r.stderr).toBe('leveler: empty.csv is empty: no rows; give a file with at least one row of titles\n');
    expect(r.status).toBe(3);
  });

  it('eval with labels none of which the ladder knows says nothing was scored (exit 2)', () => {
    const r = leveler(['eval', at('unknown-labels.csv', 'title,level\nSenior ML Engineer,L7\nLine Cook,Band 3\n')]);
    expect(r.stderr).toMatch(/^leveler: unknown-labels\.csv: row 1: level "L7" is not one of the ladder's; not scored\n/);
    expect(r.stderr).toMatch(/leveler: nothing was scored in unknown-labels\.csv: no row has a level label the ladder knows; labels are the ladder's level codes \(P1, P2, P3…\) and family ids; see `leveler list` and `leveler families`\n$/);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
