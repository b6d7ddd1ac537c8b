#!/usr/bin/env node
// Measures the company stage on the ways people write a company level: for every level of every
// shipped company, its code alone ("L5"), its code in a title ("Software Engineer L5", "Senior SDE
// (L6)"), and each title the company gives at it ("Staff Software Engineer"); each read with
// --company by the built library, and scored against the level the level's band gives. A title the
// company gives at two levels can be right at one only: those misses are the data's, and listed.
// With --file F (a CSV of company,title,level), scores those rows instead: a reference of your own.
// Usage: npm run build && node scripts/measure-companies.mjs [--misses N] [--file F]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { csvFields, option as optionOf } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const misses = Number(optionOf(args, '--misses', '10'));
const file = optionOf(args, '--file', null);
const { createLeveler } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const leveler = await createLeveler({ cwd: root });

/** The rows to score: [company, title, expected level, kind]. */
async function rows() {
  if (file) {
    const [head, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    const cols = csvFields(head).map((h) => h.trim().toLowerCase());
    const at = (name) => cols.indexOf(name);
    return lines.map((l) => {
      const f = csvFields(l);
      return [f[at('company')], f[at('title')], f[at('level')], 'file'];
    });
  }
  const out = [];
  const list = await leveler.companies();
  for (const { id } of list.companies) {
    const c = await leveler.companies(id);
    for (const l of c.levels) {
      const manager = l.track === 'management';
      // A manager's code is read on the manager's track where the title says manager.
      out.push([id, manager ? `Engineering Manager ${l.code}` : l.code, l.level, manager ? 'manager code' : 'code alone']);
      if (!manager) out.push([id, `Software Engineer ${l.code}`, l.level, 'code in a title']);
      for (const t of l.titles) out.push([id, t, l.level, 'company title']);
    }
  }
  return out;
}

const all = await rows();
const byKind = new Map();
const wrong = [];
for (const [company, title, expected, kind] of all) {
  const a = await leveler.match(title, { company });
  const got = a.match?.level ?? null;
  const k = byKind.get(kind) ?? { n: 0, right: 0 };
  k.n++;
  if (got === expected) k.right++;
  else wrong.push(`${company}: ${JSON.stringify(title)} -> ${got} (${a.match?.company?.code ?? 'no company level'}), expected ${expected}`);
  byKind.set(kind, k);
}
const pct = (k) => `${((100 * k.right) / k.n).toFixed(1)}%`;
let n = 0;
let right = 0;
for (const [kind, k] of byKind) {
  console.log(`${kind.padEnd(16)} ${String(k.right).padStart(5)}/${String(k.n).padEnd(5)} ${pct(k)}`);
  n += k.n;
  right += k.right;
}
console.log(`${'all'.padEnd(16)} ${String(right).padStart(5)}/${String(n).padEnd(5)} ${pct({ n, right })}`);
for (const w of wrong.slice(0, misses)) console.log(`  miss: ${w}`);
