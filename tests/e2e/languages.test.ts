// Titles in other languages in the built binary, as a user runs it: a language added to a ladder
// folder of one's own (validate, match, batch), and the shipped languages read in a batch as in match.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const leveler = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const temp = mkdtempSync(join(tmpdir(), 'leveler-e2e-languages-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const ladder = join(temp, 'my-ladder');
cpSync(DATA, ladder, { recursive: true });

/** The ladder folder's ladder.yaml with Swedish words added under `languages`, and a family's roles in it. */
function addSwedish(familyLanguage: string): void {
  const ladderFile = join(ladder, 'ladder.yaml');
  const text = readFileSync(join(DATA, 'ladder.yaml'), 'utf8').replace(
    /^ {2}sv:\n {4}name: Swedish\n {4}words:\n/m,
    '  sv:\n    name: Swedish\n    words:\n      avdelningschef: head\n      utvecklare: developer\n',
  );
  expect(text).toContain('avdelningschef: head');
  writeFileSync(ladderFile, text);
  const familyFile = join(ladder, 'families', 'software-engineering.yaml');
  const family = readFileSync(join(DATA, 'families', 'software-engineering.yaml'), 'utf8').replace(/^languages:\n/m, `languages:\n  ${familyLanguage}: { systemutvecklare: software developer }\n`);
  expect(family).toContain('systemutvecklare');
  writeFileSync(familyFile, family);
}

describe('a language added to a ladder of your own, in the built binary', () => {
  it('is checked by validate, then read by match and batch with its name in the reasons', () => {
    addSwedish('xx');
    const bad = leveler(['validate', '--data', 'my-ladder'], temp);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^my-ladder\/families\/software-engineering\.yaml:\d+: language "xx" is not declared in my-ladder\/ladder\.yaml; add it under languages/m);

    addSwedish('sv');
    const ok = leveler(['validate', '--data', 'my-ladder'], temp);
    expect(ok.status, ok.stdout).toBe(0);

    const m = leveler(['match', 'Senior Systemutvecklare', '--data', 'my-ladder', '--json'], temp);
    expect(m.status, m.stderr).toBe(0);
    const out = JSON.parse(m.stdout);
    expect([out.match.level, out.match.family, out.match.language]).toEqual(['P3', 'software-engineering', 'sv']);
    expect(out.reasons).toContain('read "Systemutvecklare" as "software developer" (Swedish)');

    writeFileSync(join(temp, 'staff.csv'), 'title\nAvdelningschef Utvecklare\nUtvecklare\nSenior Data Engineer\n');
    const b = leveler(['batch', 'staff.csv', '--data', 'my-ladder', '--fields', 'level,family', '-q'], temp);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toBe('title,level,family\nAvdelningschef Utvecklare,M4,software-engineering\nUtvecklare,P2,software-engineering\nSenior Data Engineer,P3,data-engineering\n');
  });
});

describe('the shipped languages in the built binary', () => {
  it('level a batch of foreign titles as match levels each one', () => {
    const titles = ['Kellner/in (m/w/d)', 'Praktikant Softwareentwicklung (m/w/d)', 'Desenvolvedor(a) Pleno', 'Starszy Programista Java', 'Infirmier H/F', 'Magazijnmedewerker', 'Senior Data Engineer'];
    writeFileSync(join(temp, 'foreign.csv'), `title\n${titles.map((t) => `"${t}"`).join('\n')}\n`);
    const b = leveler(['batch', 'foreign.csv', '--format', 'ndjson', '-q'], temp);
    expect(b.status, b.stderr).toBe(0);
    const rows = b.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(titles.length);
    titles.forEach((title, i) => {
      const one = JSON.parse(leveler(['match', title, '--json'], temp).stdout);
      expect(rows[i].match, title).toEqual(one.match);
    });
    expect(rows.map((r) => r.match.language)).toEqual(['de', 'de', 'pt', 'pl', 'fr', 'nl', null]);
  });
});
