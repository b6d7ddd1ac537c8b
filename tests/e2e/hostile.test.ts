// Hostile titles and ladders, as the built binary meets them: huge titles, escape sequences,
// ladder files that are FIFOs, devices, huge, or not UTF-8, and a snapshot that must never go stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leveler = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: temp, encoding: 'utf8', timeout: 20_000, maxBuffer: 64 << 20 });

/** A copy of the shipped ladder to break. */
function ladderCopy(name: string): string {
  const dir = join(temp, name);
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  return dir;
}

describe('hostile titles', () => {
  it.each([
    ['90,000 spaces between two letters', `x${' '.repeat(90_000)}y`],
    ['90,000 letters', 'a'.repeat(90_000)],
    ['30,000 CJK characters', '研究'.repeat(15_000)],
    ['100 KB of misspelt words', Array.from({ length: 12_000 }, (_, i) => ['Senoir', 'Machne', 'Lerning', 'Enginer'][i % 4]! + 'abcdefg'[i % 7]!).join(' ')],
  ])('%s: an answer, and a message of one short line', (_name, title) => {
    const r = leveler(['match', title, '--json']);
    expect(r.error).toBeUndefined();
    const out = JSON.parse(r.stdout);
    expect(out.reasons[0]).toMatch(/^the title is [\d,]+ characters long: only the first \d+ are read$/);
  });

  it('never echoes a terminal escape sequence, and keeps the message short', () => {
    const title = `\u001b]0;pwned\u0007${'z'.repeat(5000)}`;
    const r = leveler(['match', title]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u001b]0;pwned\\u0007');
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('escapes control characters in CSV cells shown in warnings', () => {
    writeFileSync(join(temp, 'escape.csv'), 'title,years\nML,\u001b[2J\u009b31m\n');
    const r = leveler(['batch', 'escape.csv', '--years-column', 'years', '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('leveler: warning: escape.csv: row 1: years "\\u001b[2J\\u009b31m" is not a number of years (such as 3, 4.5, 5 yrs, 10+ or 3-5); read as none\n');
  });

  it('lists a 100,000-column header in a bounded line', () => {
    writeFileSync(join(temp, 'wide.csv'), Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n1\n');
    const r = leveler(['batch', 'wide.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^leveler: no title column in wide\.csv; its columns are "c0", "c1", .*, … \(100,000 in all\); pick one with --column NAME \(or its number\)\n$/);
    expect(r.stderr.length).toBeLessThan(1100);
  });
});

describe('hostile ladders', () => {
  it('refuses a FIFO as a ladder file at once, without hanging', () => {
    const dir = ladderCopy('fifo');
    rmSync(join(dir, 'ladder.yaml'));
    execFileSync('mkfifo', [join(dir, 'ladder.yaml')]);
    const r = leveler(['match', 'ML Engineer', '--data', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^leveler: cannot read the ladder: .*ladder\.yaml: not a regular file \(a device, FIFO or socket\);/);
  });

  it('refuses a device (ladder.yaml -> /dev/zero) without reading it', () => {
    const dir = ladderCopy('zero');
    rmSync(join(dir, 'ladder.yaml'));
    symlinkSync('/dev/zero', join(dir, 'ladder.yaml'));
    const r = leveler(['validate', '--data', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/not a regular file/);
  });

  it('refuses a ladder file over 4 MB', () => {
    const dir = ladderCopy('huge');
    writeFileSync(join(dir, 'families', 'huge.yaml'), '# padding\n'.repeat(500_000));
    const r = leveler(['validate', '--data', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/huge\.yaml: larger than 4 MB; a ladder file is a few hundred KB at most/);
  });

  it('names the line of a byte that is not UTF-8', () => {
    const dir = ladderCopy('latin1');
    const file = join(dir, 'ladder.yaml');
    const text = readFileSync(file);
    const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1; // start of line 3
    writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from('# caf\xe9\n', 'latin1'), text.subarray(at)]));
    const r = leveler(['validate', '--data', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^leveler: invalid ladder: .*ladder\.yaml:3: not valid UTF-8 text; save the file as UTF-8\n$/);
  });

  it('sees an edit of the same size whose modification time was put back (no stale snapshot)', () => {
    const dir = ladderCopy('same-size');
    const file = join(dir, 'ladder.yaml');
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('        - trainee\n');
    writeFileSync(file, text.replace('        - trainee\n', '        - rookie \n'));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(leveler(['match', 'Rookie ML Engineer', '--data', dir]).stdout).toMatch(/^level\tP1\n/);
  });
});
