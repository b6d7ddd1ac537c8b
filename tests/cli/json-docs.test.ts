// Every JSON shape the README documents is the one the command prints: each key the README's
// section names is in the output, and each key of the output's top level is in the section.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's section under "### `NAME --json`", up to the next heading. */
function section(name: string): string {
  const at = README.indexOf(`### \`${name} --json\``);
  expect(at, name).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n#', at + 5);
  return README.slice(at, end < 0 ? undefined : end);
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'leveler-json-docs-'));
const gold = join(dir, 'gold.csv');
writeFileSync(gold, 'title,level,family\nSenior Data Scientist,P2,data-science\nAssociate ML,P1,ai-ml\n');
const titles = join(dir, 'titles.csv');
writeFileSync(titles, 'title\nEngineer\nEngineer\nasdfgh\nSenior Data Scientist\nSenior Accountant\n');

describe('the JSON the README documents', () => {
  it.each([
    ['pay', ['pay', '--family', 'ai-ml', '--json']],
    ['eval', ['eval', gold, '--json']],
    ['triage', ['triage', titles, '--json']],
    ['families', ['families', '--json']],
    ['occupations', ['occupations', 'cashier', '--json', '--top', '2']],
    ['list', ['list', '--family', 'ai-ml', '--json']],
  ])('%s --json: the keys the README names are the ones it prints', async (name, args) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const text = section(name);
    const documented = new Set([...text.matchAll(/"([A-Za-z][A-Za-z0-9]*)":/g)].map((m) => m[1]!));
    const printed = keysOf(out);
    expect([...documented].filter((k) => !printed.has(k)), 'documented but not printed').toEqual([]);
    expect(Object.keys(out).filter((k) => !documented.has(k)), 'printed at the top level but not documented').toEqual([]);
  });
});
