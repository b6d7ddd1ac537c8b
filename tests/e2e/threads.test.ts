// batch on helper threads against batch on this thread alone, in the built binary: random titles
// (ladder words, occupations, places, punctuation, other scripts, quoting) give the same bytes
// with --threads 1, 2 and 3, in every format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seeded } from '../csv-reference.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-e2e-threads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const WORDS = [
  'Senior', 'Sr.', 'Junior', 'Staff', 'Principal', 'Lead', 'Head of', 'Director', 'VP', 'Chief', 'II', 'III', 'Intern',
  'Machine Learning', 'ML', 'Data', 'Software', 'Backend', 'Nurse', 'Registered', 'Cook', 'Accountant', 'Truck Driver',
  'Engineer', 'Scientist', 'Analyst', 'Manager', 'Developer', 'Teacher', 'Cashier', 'Officer', 'Specialist', 'Technician',
  'Entwickler', 'Ingénieur', 'analista de datos', 'Pflegefachkraft', 'Инженер', 'Senoir', 'Enginer', 'Machine Lerning',
];
const SEPARATORS = [' ', ' ', ' ', ' - ', ', ', ' / ', ' (', ') ', ' | '];
const PLACES = ['', '', ' - Austin, TX', ' - Remote', ' (Hybrid)', ', London', ' – Berlin'];

function titles(n: number): string[] {
  const random = seeded(20261203);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: n }, () => {
    let t = '';
    const words = 1 + Math.floor(random() * 4);
    for (let i = 0; i < words; i++) t += (i > 0 ? pick(SEPARATORS) : '') + pick(WORDS);
    return t + pick(PLACES) + (random() < 0.05 ? ` ${Math.floor(random() * 1000)}` : '');
  });
}

const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const file = join(temp, 'titles.csv');
// Many titles repeat: the memo's answers and the helpers' meet in the same output.
const rows = titles(12000);
writeFileSync(file, `id,title\n${rows.map((t, i) => `${i},${quoted(t)}`).join('\n')}\n${rows.slice(0, 500).map((t, i) => `r${i},${quoted(t)}`).join('\n')}\n`);

/** The output, and what the summary says the helpers did. */
function batch(args: string[]): { out: string; helped: number } {
  const r = spawnSync(process.execPath, [BIN, 'batch', file, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  expect(r.status, r.stderr).toBe(0);
  const said = /threads: ([\d,]+) of [\d,]+ distinct titles answered on \d helper threads?/.exec(r.stderr);
  return { out: r.stdout, helped: said ? Number(said[1]!.replace(/,/g, '')) : 0 };
}

describe('batch --threads: the same bytes on helper threads as on one', () => {
  it.each([
    [[]],
    [['--format', 'ndjson']],
    [['--format', 'json', '--fields', 'title,level,family,occupation,confidence']],
    [['--pay', '--fields', 'level,soc_code,pay_median']],
    [['--family', 'ai-ml', '--format', 'ndjson', '--keep-columns']],
  ])('batch %j', (args) => {
    const alone = batch([...args, '--threads', '1']);
    expect(alone.out.split('\n').length).toBeGreaterThan(12_000);
    expect(alone.helped).toBe(0);
    for (const threads of ['2', '3']) {
      const helped = batch([...args, '--threads', threads]);
      // The helpers did answer titles: the comparison is not of one thread with itself.
      expect(helped.helped, `--threads ${threads}`).toBeGreaterThan(100);
      expect(helped.out, `--threads ${threads}`).toBe(alone.out);
    }
  }, 120_000);

  it('rejects a thread count that is not a whole number from 1 to 16, with exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', file, '--threads', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads.*must be a whole number of threads from 1 to 16/);
  });
});
