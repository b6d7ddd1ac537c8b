#!/usr/bin/env node
// A/B of two builds on distinct titles, in-process: the CPU time each takes to match the same
// titles (fresh matchers, the occupation stage on, as batch runs it), the two run in turns so the
// machine's noise falls on both alike. Prints each build's median titles per CPU second and the ratio.
//
// Usage: node bench/compare.mjs OTHER_ROOT [--rounds N] [--titles FILE]   (build both first)
//   OTHER_ROOT: another checkout of leveler with its dist/ built (e.g. a git worktree of main).
//   Titles: the LinkedIn titles from ../shared/eval-data when present, else a generated set;
//   --titles FILE reads one title a line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const rounds = Number(option('--rounds', '7'));
const titlesFile = option('--titles', null);
const other = args[0] ? resolve(args[0]) : null;
if (other === null) {
  console.error('compare: name the other build\'s folder (hint: git worktree add /tmp/base main && (cd /tmp/base && npm ci && npm run build))');
  process.exit(2);
}
for (const root of [here, other]) {
  if (!existsSync(join(root, 'dist', 'internal.js'))) {
    console.error(`compare: ${root}: no dist/internal.js (hint: npm run build there)`);
    process.exit(2);
  }
}

/** The second field of a CSV line, unquoted ("" for a quote). */
function secondField(line) {
  let i = line.indexOf(',') + 1;
  if (i === 0) return '';
  if (line[i] !== '"') return line.slice(i, line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i));
  let out = '';
  for (i++; i < line.length; i++) {
    if (line[i] === '"' && line[i + 1] === '"') {
      out += '"';
      i++;
    } else if (line[i] === '"') break;
    else out += line[i];
  }
  return out;
}

function titles() {
  if (titlesFile) return [...new Set(readFileSync(titlesFile, 'utf8').split(/\r?\n/).filter(Boolean))];
  const postings = join(here, '..', 'shared', 'eval-data', 'linkedin-ds-jobs-2024', 'job_postings.csv');
  const places = ['', ' - Remote', ' - London', ' - Austin, TX', ' (Hybrid)'];
  if (existsSync(postings)) {
    // The job_title column (the second), read with its quotes: the first is the posting's link.
    const lines = readFileSync(postings, 'utf8').split('\n').slice(1, 4001);
    const base = lines.map((l) => secondField(l)).filter(Boolean);
    return [...new Set(base.flatMap((t) => places.map((p) => t + p)))];
  }
  const markers = ['', 'Senior ', 'Junior ', 'Staff ', 'Lead ', 'Head of '];
  const topics = ['Machine Learning', 'Data', 'Software', 'Backend', 'Marketing', 'Nursing'];
  const roles = [' Engineer', ' Scientist', ' Manager', ' Analyst', ' Specialist'];
  return markers.flatMap((m) => topics.flatMap((t) => roles.flatMap((r) => places.map((p) => m + t + r + p))));
}

async function runner(root) {
  const lib = await import(join(root, 'dist', 'internal.js'));
  const dir = lib.shippedDataDir();
  const { ladder, lexicon, familyOccupations } = await lib.loadLadder(dir, root);
  return async (list) => {
    const matcher = (await lib.createMatcher(ladder, lexicon)).useOccupations(lib.occupationSource(dir, root, familyOccupations));
    // Titles in other languages read through ESCO's labels, as the CLI reads them (builds since issue 20).
    if (lib.labelSource && matcher.useLabels) matcher.useLabels(lib.labelSource(dir, root));
    matcher.match(list[0]); // the model loaded outside the timing
    const t0 = process.cpuUsage();
    for (const t of list) matcher.match(t);
    const t = process.cpuUsage(t0);
    return list.length / ((t.user + t.system) / 1e6);
  };
}

const list = titles();
const runs = { new: await runner(here), old: await runner(other) };
const rates = { new: [], old: [] };
for (let i = 0; i < rounds; i++) {
  for (const side of i % 2 === 0 ? ['new', 'old'] : ['old', 'new']) rates[side].push(await runs[side](list));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log(`${list.length.toLocaleString('en-US')} distinct titles, ${rounds} rounds each, CPU time`);
console.log(`  this build  (${here}): ${fmt(median(rates.new))} titles/s  [${rates.new.map(fmt).join(', ')}]`);
console.log(`  other build (${other}): ${fmt(median(rates.old))} titles/s  [${rates.old.map(fmt).join(', ')}]`);
console.log(`  ratio this/other: ${(median(rates.new) / median(rates.old)).toFixed(3)}`);
