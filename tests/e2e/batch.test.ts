// batch as a user runs it: files written atomically, pipes closed early, Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-batch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leveler = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: temp, encoding: 'utf8', maxBuffer: 64 << 20 });
const fixture = (name: string) => join(ROOT, 'tests/fixtures/csv', name);

/** A CSV big enough that the output cannot sit in a pipe's buffer. */
function bigCsv(rows: number): string {
  const path = join(temp, `big-${rows}.csv`);
  if (!existsSync(path)) {
    const titles = ['Senior ML Engineer', 'Junior Data Engineer', 'Staff Deep Learning Engineer / Team Lead', 'asdfgh qwerty'];
    writeFileSync(path, 'id,title\n' + Array.from({ length: rows }, (_, i) => `${i},${titles[i % titles.length]}`).join('\n') + '\n');
  }
  return path;
}

const leftovers = () => readdirSync(temp).filter((f) => f.endsWith('.tmp'));

describe('leveler batch -o', () => {
  it('writes the file, and only the file', () => {
    const r = leveler(['batch', fixture('utf8-bom.csv'), '-o', 'out.csv', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(temp, 'out.csv'), 'utf8')).toMatch(/^title,years,level,/);
    expect(leftovers()).toEqual([]);
  });

  it('leaves an existing file untouched when the input is bad, and no temporary file', () => {
    writeFileSync(join(temp, 'keep.csv'), 'precious\n');
    const r = leveler(['batch', fixture('unterminated-quote.csv'), '-o', 'keep.csv']);
    expect(r.status).toBe(3);
    expect(readFileSync(join(temp, 'keep.csv'), 'utf8')).toBe('precious\n');
    expect(leftovers()).toEqual([]);
  });

  it('refuses to write over its input', () => {
    writeFileSync(join(temp, 'in.csv'), 'title\nML Engineer\n');
    const r = leveler(['batch', 'in.csv', '-o', './in.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leveler: -o ./in.csv is the input file; write the output to another file; the input is never overwritten\n');
    expect(readFileSync(join(temp, 'in.csv'), 'utf8')).toBe('title\nML Engineer\n');
  });

  it('says so when the output folder does not exist', () => {
    const r = leveler(['batch', fixture('utf8-bom.csv'), '-o', 'no/such/dir/out.csv']);
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/^leveler: cannot write no\/such\/dir\/out\.csv: its folder does not exist/);
  });

  it('on Ctrl-C stops, writes no file and leaves no temporary file (exit 130)', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', '-', '-o', 'interrupted.csv', '-q'], { cwd: temp });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.write('title\n' + 'Senior ML Engineer\n'.repeat(5000));
    // Wait until it is mid-run: the temporary output file exists once it has started writing.
    for (let waited = 0; leftovers().length === 0 && waited < 15_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(leftovers()).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toBe('leveler: interrupted; interrupted.csv was not written\n');
    expect(existsSync(join(temp, 'interrupted.csv'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('leveler batch in a pipe', () => {
  it('exits 0 without a word when the reader stops early (| head)', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" batch "${bigCsv(200_000)}" -q | head -n 2`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
  });

  it('streams NDJSON for the accuracy tool, one line per row', () => {
    const r = leveler(['batch', bigCsv(1000), '--format', 'ndjson', '-q']);
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(1000);
    expect(JSON.parse(out[999]!)).toMatchObject({ row: 1000, query: { title: 'asdfgh qwerty' }, match: null });
  });
});

describe('leveler batch on titles with a place at the end', () => {
  it('gives each title, answered once for its core, what match gives it whole (random titles, CSV, --fields, threads, years)', () => {
    const cores = ['Senior Machine Learning Engineer', 'Lead Data Engineer', 'Data Manager', 'Physician Assistant', 'Registered Nurse', 'Staff Software Engineer',
      'Clinical Data Manager', 'Entwickler (m/w/d)', 'Data Analyst II', 'Cloud Data Architect', 'Senior Accountant', 'Head of Data Science'];
    const places = ['Austin, TX', 'Remote', 'London', 'New York, NY', 'Berlin', 'Hybrid', 'PA', 'US', 'Pittsburgh, PA', 'Remote - US', 'São Paulo', 'On-site', 'Mobile'];
    const seps = [' - ', ', ', ' (', ' | ', ' – '];
    let seed = 11;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    const titles: string[] = [];
    for (let i = 0; i < 120; i++) {
      const core = cores[rnd(cores.length)]!;
      const sep = seps[rnd(seps.length)]!;
      titles.push(rnd(5) === 0 ? core : `${core}${sep}${places[rnd(places.length)]}${sep === ' (' ? ')' : ''}`);
    }
    const years = titles.map((_, i) => (i % 3 === 0 ? '' : String(i % 17)));
    const file = join(temp, 'places.csv');
    writeFileSync(file, 'title,years\n' + titles.map((t, i) => `"${t.replaceAll('"', '""')}",${years[i]}`).join('\n') + '\n');
    // The reference: whole answers (NDJSON with reasons) read every title whole, as match does.
    const whole = leveler(['batch', file, '--no-years-column', '--format', 'ndjson', '-q']);
    const wholeYears = leveler(['batch', file, '--years-column', 'years', '--format', 'ndjson', '-q']);
    const plain = leveler(['batch', file, '--no-years-column', '-q']);
    const helped = leveler(['batch', file, '--no-years-column', '--threads', '2', '-q']);
    const fielded = leveler(['batch', file, '--years-column', 'years', '--format', 'ndjson', '--fields', 'level,family,confidence,soc_code', '-q']);
    expect(plain.status).toBe(0);
    expect(helped.stdout).toBe(plain.stdout);
    const json = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l));
    const [answers, answersByYears, fields] = [json(whole.stdout), json(wholeYears.stdout), json(fielded.stdout)];
    const rows = plain.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(titles.length);
    const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    let cut = 0;
    titles.forEach((t, i) => {
      const m = answers[i].match;
      if (answers[i].reasons.some((r: string) => r.endsWith('says where or how the job is done: not read'))) cut++;
      const expected = [m.level, m.levelName, m.track, cell(m.family), cell(m.role), m.confidence.toFixed(2), cell(m.occupation?.code.slice(0, 7)), cell(m.occupation?.title)]
        .map((c: string) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
        .join(',');
      expect(rows[i]!.endsWith(`,${expected}`), `${t}: ${rows[i]}`).toBe(true);
      const y = answersByYears[i].match;
      expect(fields[i], t).toEqual({ row: i + 1, level: y.level, family: y.family, confidence: y.confidence, soc_code: y.occupation?.code.slice(0, 7) ?? null });
    });
    // Most titles have a place cut; some ("PA", "US", "Mobile" alone) are read whole.
    expect(cut).toBeGreaterThan(60);
    expect(cut).toBeLessThan(titles.length);
  }, 60_000);
});
