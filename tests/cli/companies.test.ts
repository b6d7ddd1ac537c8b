import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA, run } from '../helpers.js';

// eslint-disable-next-line no-control-regex -- colour codes take no columns
const visible = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');
const json = async (args: string[]) => {
  const r = await run([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('match --company', () => {
  it.each([
    ['Software Engineer L5', 'Google', 'P3', 'L5'],
    ['L5', 'alphabet', 'P3', 'L5'],
    ['E5', 'Facebook', 'P3', 'E5'],
    ['Senior SDE (L6)', 'AWS', 'P3', 'L6'],
    ['SDE II', 'amazon.com', 'P2', 'L5'],
    ['Staff Software Engineer', 'LinkedIn', 'P3', 'IC4'],
  ])('%j at %s is %s (%s)', async (title, company, level, code) => {
    const j = await json(['match', title, '--company', company]);
    expect(j.match.level).toBe(level);
    expect(j.match.company).toMatchObject({ code, standard: expect.any(String) });
    expect(j.reasons.join('\n')).toMatch(new RegExp(`${code} at `));
  });

  it('changes nothing without --company: no company key, the same answer', async () => {
    const j = await json(['match', 'Software Engineer L5']);
    expect(j.match.company).toBeUndefined();
    expect(j.match.level).toBe('P2');
  });

  it('refuses an unknown company with the closest names (exit 2)', async () => {
    const r = await run(['match', 'L5', '--company', 'Gogle']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leveler: unknown company "Gogle"; did you mean Google\b.*leveler companies lists the \d+ companies\n$/);
  });

  it('shows the company on the card, in a pipe', async () => {
    const r = await run(['match', 'E6', '--company', 'meta']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^level\tP4\n/);
    expect(r.stdout).toContain('E6 at Meta: the staff band, P4 (Advanced Professional)');
  });
});

describe('leveler companies', () => {
  it('lists every company, a tab-separated line each, with at least the 32 of the issue', async () => {
    const r = await run(['companies']);
    expect(r.code).toBe(0);
    const ids = r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]);
    expect(ids.length).toBeGreaterThanOrEqual(18);
    expect(ids).toEqual([...ids].sort());
  });

  it("shows one company's ladder beside the standard levels, in JSON and in 80 columns", async () => {
    const j = await json(['companies', 'google']);
    expect(j).toMatchObject({ id: 'google', name: 'Google' });
    expect(j.levels.find((l: { code: string; track: string }) => l.code === 'L5' && l.track === 'ic')).toMatchObject({ level: 'P3', band: 'Senior', sources: expect.arrayContaining([expect.stringMatching(/^https?:/)]) });
    const t = await run(['companies', 'google'], { tty: true, columns: 80 });
    expect(t.code).toBe(0);
    for (const line of t.stdout.split('\n')) expect(visible(line).length, line).toBeLessThanOrEqual(80);
    expect(t.stdout).toContain('L5');
  });
});

describe('leveler crosswalk', () => {
  it('gives the same level at other companies', async () => {
    const j = await json(['crosswalk', 'google:L5', 'meta', 'amazon']);
    expect(j.from).toMatchObject({ company: 'google', code: 'L5', level: 'P3' });
    expect(j.to.map((t: { company: string; levels: { code: string }[] }) => [t.company, t.levels.map((l) => l.code)])).toEqual([
      ['meta', ['E5']],
      ['amazon', ['L6']],
    ]);
  });

  it('lines two ladders up side by side, in a pipe and in 80 columns', async () => {
    const r = await run(['crosswalk', 'google', 'meta']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['level', 'google', 'meta']);
    expect(rows).toContainEqual(['P3', 'L5', 'E5']);
    const t = await run(['crosswalk', 'google', 'meta', 'amazon', 'microsoft'], { tty: true, columns: 80 });
    for (const line of t.stdout.split('\n')) expect(visible(line).length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    [['crosswalk', 'google:Q9'], /^leveler: Google has no level "Q9"; its codes are L3, /],
    [['crosswalk', 'google:'], /^leveler: "google:" names no level; give COMPANY:CODE/],
    [['crosswalk', 'meta', 'google:L5'], /^leveler: the level to cross comes first; such as: leveler crosswalk google:L5 meta/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('batch with companies', () => {
  const temp = mkdtempSync(join(tmpdir(), 'leveler-companies-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const file = join(temp, 'offers.csv');
  writeFileSync(file, 'employer,title\nGoogle,Software Engineer L5\nMeta,E4\nNowhere Corp,Senior Data Scientist\n,Staff Engineer\n');

  it('reads each row on its company ladder with --company-column, appending company_level', async () => {
    const r = await run(['batch', file, '--company-column', '--fields', 'level,company_level']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('employer,title,level,company_level\nGoogle,Software Engineer L5,P3,L5\nMeta,E4,P2,E4\nNowhere Corp,Senior Data Scientist,P3,\n,Staff Engineer,P4,\n');
    expect(r.stderr).toContain('leveler: companies from column "employer" (--company-column NAME to pick another)');
    expect(r.stderr).toContain('2 of 3 rows named a company with a ladder');
    const named = await run(['batch', file, '--company-column', 'employer', '--fields', 'level,company_level', '-q']);
    expect(named.stdout).toBe(r.stdout);
  });

  it('reads every row on one company ladder with --company, and changes nothing without either', async () => {
    const one = await run(['batch', file, '--company', 'meta', '-q', '--fields', 'level,company_level']);
    expect(one.stdout.split('\n')[2]).toBe('Meta,E4,P2,E4');
    const none = await run(['batch', file, '-q']);
    expect(none.stdout.split('\n')[0]).toBe('employer,title,level,level_name,track,family,role,confidence,soc_code,occupation');
  });

  it('refuses a company column the file does not have (exit 2)', async () => {
    const r = await run(['batch', file, '--company-column', 'firm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leveler: no column "firm" in .*offers\.csv; its columns are "employer", "title"; name one with --company-column NAME\n$/);
  });
});

describe("a ladder folder's own company file", () => {
  const temp = mkdtempSync(join(tmpdir(), 'leveler-hris-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  cpSync(join(DATA, 'ladder.yaml'), join(temp, 'ladder.yaml'));
  cpSync(join(DATA, 'families'), join(temp, 'families'), { recursive: true });
  mkdirSync(join(temp, 'companies'));

  it('maps an HRIS code to a level once, checked by validate with file and line', async () => {
    writeFileSync(join(temp, 'companies', 'acme.yaml'), 'id: acme\nname: Acme Corp\nlevels:\n  - code: Band 62\n    track: ic\n    level: P2\n  - code: Band 64\n    track: ic\n    level: P9\n');
    const bad = await run(['validate', '--data', temp]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/companies\/acme\.yaml:9: unknown level "P9"; the ladder's levels are P1, /);
    writeFileSync(join(temp, 'companies', 'acme.yaml'), 'id: acme\nname: Acme Corp\nlevels:\n  - code: Band 62\n    track: ic\n    level: P2\n');
    const ok = await run(['validate', '--data', temp]);
    expect(ok.code, ok.stdout).toBe(0);
    const j = JSON.parse((await run(['match', 'Engineer IV (Band 62)', '--company', 'acme corp', '--data', temp, '--json'])).stdout);
    expect(j.match).toMatchObject({ level: 'P2', company: { id: 'acme', code: 'Band 62', standard: null } });
    // The shipped companies are there too.
    const g = JSON.parse((await run(['match', 'L5', '--company', 'google', '--data', temp, '--json'])).stdout);
    expect(g.match.level).toBe('P3');
  });
});
