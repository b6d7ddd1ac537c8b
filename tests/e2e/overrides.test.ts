// overrides.yaml as the built binary reads it: every documented form, every problem validate finds
// stops match and batch, and the line reader agrees with the YAML parser on random files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { randomOverrides } from '../overrides-reference.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
// eslint-disable-next-line no-control-regex -- raw control characters in output are the defect looked for
const RAW_CONTROL = /[\u0000-\u0008\u001b\u0007]/;
const temp = mkdtempSync(join(tmpdir(), 'leveler-overrides-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leveler = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: temp, encoding: 'utf8', input, maxBuffer: 64 << 20 });

/** A copy of the shipped ladder with this overrides.yaml. */
let copies = 0;
function ladderWith(overrides: string): string {
  const dir = join(temp, `ladder-${++copies}`);
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  writeFileSync(join(dir, 'overrides.yaml'), overrides);
  return dir;
}

describe('every documented form of overrides.yaml, in the built binary', () => {
  it.each([
    ['the mapping form under "overrides:"', 'overrides:\n  "MTS 3": { level: P3 }\n', 'MTS 3', 'P3'],
    ['a doubled single quote', "'it''s': P6\n", "It's", 'P6'],
    ['a backslash escape', '"Back\\\\slash": P2\n', 'back\\slash', 'P2'],
    ['an escaped double quote', '"Say \\"hi\\"": P4\n', 'say "hi"', 'P4'],
    ['CR-only line ends', '# old Mac file\rMTS 3: P3\rBand 62: P2\r', 'Band 62', 'P2'],
    ['a family and an occupation', 'Staff Nurse II: P2 29-1141.00\nBand 9: { level: P5, family: data-science }\n', 'band 9', 'P5'],
  ])('%s: validate accepts it and match answers from it', (_name, text, title, level) => {
    const dir = ladderWith(text);
    const v = leveler(['validate', '--data', dir]);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    const m = leveler(['match', title, '--json', '--data', dir]);
    expect(m.status).toBe(0);
    const out = JSON.parse(m.stdout);
    expect(out.match).toMatchObject({ level, confidence: 1 });
    expect(out.reasons.join('\n')).toContain('overrides.yaml, line');
  });
});

describe('a file validate refuses stops match and batch (exit 3)', () => {
  it.each([
    ['two titles equal once normalised', 'MTS 3: P3\nm.t.s.  3: P4\n', /overrides\.yaml:2: override "m\.t\.s\. {2}3": the same title as line 1/],
    ['a control character in a title', '"Evil\\e]0;pwned\\a Title": P3\n', /overrides\.yaml:1: override "Evil\\u001b\]0;pwned\\u0007 Title": the title holds a control character; remove it/],
    ['a NUL in a title', '"Nul\\0 Title": P3\n', /override "Nul\\u0000 Title": the title holds a control character/],
    ['a code no occupation has', 'Nurse X: P2 99-9999.99\n', /override "Nurse X": unknown occupation 99-9999\.99/],
  ])('%s', (_name, text, message) => {
    const dir = ladderWith(text);
    const v = leveler(['validate', '--data', dir]);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(message);
    expect(v.stdout + v.stderr).not.toMatch(RAW_CONTROL);
    for (const args of [['match', 'MTS 3'], ['batch', '-q']]) {
      const r = leveler([...args, '--data', dir], 'title\nMTS 3\n');
      expect(r.status, args[0]).toBe(3);
      expect(r.stderr).toMatch(/^leveler: invalid overrides: .*overrides\.yaml:\d+: /);
      expect(r.stderr).toMatch(/run `leveler validate --data .*` to list every problem\n$/);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toBe('');
    }
  });

  it('lists 130,000 problems without running out of stack', () => {
    const dir = ladderWith(Array.from({ length: 130_000 }, (_, i) => `Title ${i}: Q9`).join('\n') + '\n');
    const v = leveler(['validate', '--data', dir]);
    expect(v.status).toBe(1);
    expect(v.stdout.split('\n').filter(Boolean)).toHaveLength(130_000);
    expect(v.stderr).toMatch(/^leveler: 130000 problems in /);
  });
});

describe('the line reader against the YAML parser, in the built binary', () => {
  // The same entries written at the top level in the usual form (which the line reader takes) and
  // indented under "overrides:" (which only the YAML parser reads) give the same problems, a line
  // apart. The unusual forms, which both read through the parser, are compared in the unit tests.
  const problemsOf = (dir: string) => {
    const r = leveler(['validate', '--json', '--data', dir]);
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    return (JSON.parse(r.stdout) as { problems: { line: number; message: string }[] }).problems;
  };
  it.each(Array.from({ length: 6 }, (_, i) => [i + 1]))('random file %i: the same problems either way', (seed) => {
    const text = randomOverrides(300_000 + seed, 40, 0).replace(/\r\n?/g, '\n');
    const top = problemsOf(ladderWith(text));
    const nested = problemsOf(ladderWith(`overrides:\n${text.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n')}`));
    // Lines a message names move with it; a YAML error's column moves with the indent.
    const plain = (ps: { line: number; message: string }[], shift: number) =>
      ps.map((p) => ({ line: p.line - shift, message: p.message.replace(/ \(column \d+\)$/, '').replace(/the same title as line (\d+)/, (_, n: string) => `the same title as line ${Number(n) - shift}`) }));
    expect(plain(top, 0)).toEqual(plain(nested, 1));
  });
});

describe('the starter file triage writes', () => {
  it('is one validate accepts and match reads, whatever the titles hold', () => {
    const titles = ['Say "hi" Engineer', 'Back\\slash Analyst', "it's a Nurse", 'null', '1e3', 'Tab\there Cook', 'Esc\u001b]0;x\u0007 Lead', '研究员 Data', 'Lead #1 Chef', 'a: b Manager', 'Senior Accountant'];
    const csv = `title\n${titles.map((t) => `"${t.replaceAll('"', '""')}"`).join('\n')}\n`;
    const dir = ladderWith('');
    rmSync(join(dir, 'overrides.yaml'));
    const t = leveler(['triage', '-', '--top', '50', '--write-overrides', join(dir, 'overrides.yaml')], csv);
    expect(t.status, t.stderr).toBe(0);
    const v = leveler(['validate', '--data', dir]);
    expect(v.stdout + v.stderr).toMatch(/^ok: /);
    expect(v.status).toBe(0);
    // Each pinned title is answered from the file: confidence 1, the override's reason.
    for (const title of ['Say "hi" Engineer', 'Back\\slash Analyst', "it's a Nurse", 'Esc\u001b]0;x\u0007 Lead']) {
      const m = leveler(['match', title, '--json', '--data', dir]);
      expect(m.status, title).toBe(0);
      expect(JSON.parse(m.stdout).reasons.join('\n'), title).toContain('overrides.yaml, line');
    }
  });
});
