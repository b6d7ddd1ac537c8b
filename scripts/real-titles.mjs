#!/usr/bin/env node
// The answers for every real title at hand, to prove a change by diffing before and after: the
// distinct titles of the LinkedIn postings, the aijobs survey and the U.S. filings, and the
// acceptance titles with their years, levelled by the built CLI. The data is read at run time from
// ../shared/eval-data and never stored in the project; answers are written where you say.
//
// Usage: npm run build && node scripts/real-titles.mjs OUT.ndjson [--reasons] [--diff BEFORE.ndjson] [--data DIR]
//   OUT.ndjson     one line per title: {source, title, years, level, family, occupation, confidence[, reasons, alternatives]}
//   --reasons      keep the reasons and alternatives too (a refactor must not change a word)
//   --diff FILE    compare with an earlier run: counts of changed levels, families, occupations, and examples
//   --data DIR     a ladder folder to level with (default: the shipped one)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const args = process.argv.slice(2);
const take = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const withReasons = args.includes('--reasons');
if (withReasons) args.splice(args.indexOf('--reasons'), 1);
const before = take('--diff');
const data = take('--data');
const out = args[0];
if (!out) {
  console.error('usage: node scripts/real-titles.mjs OUT.ndjson [--reasons] [--diff BEFORE.ndjson] [--data DIR]');
  process.exit(2);
}

/** The column of a CSV file, read by leveler's own reader (quoted fields and all). */
async function column(file, name) {
  const lib = await import(join(root, 'dist', 'internal.js'));
  const reader = new lib.CsvReader({ source: file });
  const values = [];
  for await (const rows of reader.batches([readFileSync(file)])) {
    const at = reader.header.indexOf(name);
    for (const r of rows) values.push({ title: r[at] ?? '', years: null });
  }
  return values;
}

async function acceptance() {
  const rows = [];
  const dir = join(shared, 'acceptance');
  if (!existsSync(dir)) return rows;
  for (const f of ['ai-ml.csv', 'families.csv']) {
    const lib = await import(join(root, 'dist', 'internal.js'));
    const reader = new lib.CsvReader({ source: f });
    for await (const batch of reader.batches([readFileSync(join(dir, f))])) {
      const t = reader.header.indexOf('title');
      const y = reader.header.indexOf('years');
      for (const r of batch) rows.push({ title: r[t] ?? '', years: y < 0 || r[y] === '' ? null : Number(r[y]) });
    }
  }
  return rows;
}

const sources = {
  linkedin: () => column(join(shared, 'eval-data', 'linkedin-ds-jobs-2024', 'job_postings.csv'), 'job_title'),
  aijobs: () => column(join(shared, 'eval-data', 'aijobs-salaries', 'salaries.csv'), 'job_title'),
  filed: () => column(join(shared, 'eval-data', 'h1b-lca-title-soc', 'title_soc.csv'), 'title'),
  acceptance,
};

const queries = [];
for (const [source, read] of Object.entries(sources)) {
  const seen = new Set();
  for (const q of await read()) {
    const key = `${q.title}\u0000${q.years}`;
    if (seen.has(key)) continue;
    seen.add(key);
    queries.push({ source, ...q });
  }
}
const csv = ['title,years', ...queries.map((q) => `"${q.title.replaceAll('"', '""')}",${q.years ?? ''}`)].join('\n') + '\n';
const run = spawnSync(process.execPath, [join(root, 'bin', 'leveler.js'), 'batch', '-', '-q', '--format', 'ndjson', '--years-column', 'years', ...(data ? ['--data', data] : [])], {
  input: csv,
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (run.status !== 0) {
  console.error(`real-titles: leveler batch failed (exit ${run.status}): ${run.stderr.trim()}`);
  process.exit(1);
}
const lines = run.stdout.split('\n').filter(Boolean);
const answers = lines.map((line, i) => {
  const r = JSON.parse(line);
  const m = r.match;
  const a = { source: queries[i].source, title: r.query.title, years: r.query.years, level: m?.level ?? null, family: m?.family ?? null, occupation: m?.occupation?.code ?? null, confidence: m?.confidence ?? 0 };
  return withReasons ? { ...a, reasons: r.reasons, alternatives: r.alternatives } : a;
});
writeFileSync(out, answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
console.log(`real-titles: ${answers.length} titles (${Object.keys(sources).map((s) => `${s} ${answers.filter((a) => a.source === s).length}`).join(', ')}) -> ${out}`);

if (before) {
  const old = new Map(readFileSync(before, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((a) => [`${a.source}\u0000${a.title}\u0000${a.years}`, a]));
  const changed = { level: [], family: [], occupation: [], confidence: [], reasons: [] };
  for (const a of answers) {
    const o = old.get(`${a.source}\u0000${a.title}\u0000${a.years}`);
    if (!o) continue;
    for (const k of ['level', 'family', 'occupation', 'confidence']) if (o[k] !== a[k]) changed[k].push([a, o]);
    if (withReasons && JSON.stringify([o.reasons, o.alternatives]) !== JSON.stringify([a.reasons, a.alternatives])) changed.reasons.push([a, o]);
  }
  for (const [k, list] of Object.entries(changed)) {
    if (k === 'reasons' && !withReasons) continue;
    console.log(`${k}: ${list.length} changed`);
    for (const [a, o] of list.slice(0, 12)) console.log(`  [${a.source}] ${JSON.stringify(a.title)}${a.years === null ? '' : ` (${a.years} yrs)`}: ${JSON.stringify(o[k])} -> ${JSON.stringify(a[k])}`);
  }
  const total = Object.values(changed).reduce((n, l) => n + l.length, 0);
  process.exit(total === 0 ? 0 : 1);
}
