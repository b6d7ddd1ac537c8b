// What a person sees in a real terminal: the built binary run under a pseudo-terminal (script(1))
// at 80x24 and 100x40. Tables fit the width, the short card fits the screen, lines break between
// words, and no cell of a fitting column is cut.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-terminal-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const hasScript = spawnSync('script', ['-qc', 'true', '/dev/null']).status === 0;

// eslint-disable-next-line no-control-regex -- the terminal's escapes start with ESC
const ESC = /\u001b\[[0-9;?]*[A-Za-z]/g;
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** The screen's lines of `args` run on a pseudo-terminal of `cols` x `rows`: stdout and stderr as the terminal shows them. */
function onTerminal(args: string[], cols: number, rows: number): string[] {
  const command = `stty cols ${cols} rows ${rows}; "${process.execPath}" "${BIN}" ${args.map(quote).join(' ')}`;
  const r = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PAGER: 'cat', LEVELER_PAGER: 'cat' } });
  expect(r.status, r.stdout).toBe(0);
  // A progress line is rewritten in place (\r and erase-line): only what stays on screen counts.
  return r.stdout
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.split('\r').at(-1)!.replace(ESC, ''))
    .filter((l, i, all) => l !== '' || i < all.length - 1);
}

const widest = (lines: string[]) => Math.max(...lines.map((l) => [...l].length));

describe.skipIf(!hasScript)('in a real terminal', () => {
  writeFileSync(join(temp, 'titles.csv'), `title\n${['Senior ML Engineer', 'Junior Data Analyst', 'Line Cook', 'Registered Nurse', 'Staff Data Scientist', 'asdfgh', 'Engineer', 'Principal Staff Engineer for the Distributed Quantum Widget Platform Team in the Office of the Chief Technology Officer'].join('\n')}\n`);
  writeFileSync(join(temp, 'gold.csv'), 'title,level,family\nSenior Data Scientist,P2,data-science\nStaff Machine Learning Engineer working on the very long platform things of the company,P3,ai-ml\nAssociate ML,P1,ai-ml\n');

  it.each([
    [80, 24],
    [100, 40],
  ])('at %ix%i: every table and text fits the width', (cols, rows) => {
    for (const args of [
      ['families'],
      ['list', '--no-pager'],
      ['occupations', 'nurse'],
      ['match', 'Associate ML', '--brief'],
      ['match', 'Registered Nurse', '--no-pager'],
      ['companies', 'google'],
      ['triage', 'titles.csv', '--no-pager'],
      ['eval', 'gold.csv', '--no-pager'],
      ['batch', 'titles.csv', '-o', 'out.csv'],
    ]) {
      const lines = onTerminal(args, cols, rows);
      expect(widest(lines), `${args.join(' ')}:\n${lines.join('\n')}`).toBeLessThanOrEqual(cols);
    }
  });

  it.each([
    [80, 24],
    [100, 40],
  ])('at %ix%i: the ladder and the brief card fit the screen; no family column is cut', (cols, rows) => {
    expect(onTerminal(['list', '--no-pager'], cols, rows).length).toBeLessThanOrEqual(Math.max(rows, 25) + 1);
    for (const title of ['Associate ML', 'Registered Nurse', 'Sr. ML Engineer II']) expect(onTerminal(['match', title, '--brief'], cols, rows).length, title).toBeLessThan(24);
    const families = onTerminal(['families'], cols, rows).join('\n');
    expect(families).toContain('P1–P6, M1–M6');
    expect(families).not.toMatch(/profess…|managem…/);
  });

  it('breaks the batch summary, triage and eval between words, and eval lines up with spaces', () => {
    const summary = onTerminal(['batch', 'titles.csv', '-o', 'out.csv'], 80, 24).join('\n');
    expect(summary).toMatch(/low-confidence/);
    expect(summary).not.toMatch(/\d\.\n|l\nlow|-\nconfidence/);
    const triage = onTerminal(['triage', 'titles.csv', '--no-pager'], 80, 24);
    const row = triage.findIndex((l) => l.includes('Principal Staff'));
    expect(triage[row + 1]).toMatch(/^ {32}\S/);
    const evaluation = onTerminal(['eval', 'gold.csv', '--no-pager'], 80, 24);
    expect(evaluation.join('\n')).not.toContain('\t');
    expect(evaluation).toContain('per level  precision  recall  labelled');
  });

  it("shows each occupation's share of the vote, and a Matched column only where a row matched", () => {
    const lines = onTerminal(['occupations', 'nurse'], 80, 24);
    expect(lines[1]).toMatch(/Code .*Occupation .*Zone .*Share .*Matched/);
    expect(lines[2]).toMatch(/29-1141\.00 .*Registered Nurses .* \d+% │ nurse/);
  });
});
