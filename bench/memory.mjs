#!/usr/bin/env node
// Memory benchmark: eval on a labelled file of about 1 GB and triage on 2 million distinct titles,
// each beside batch on the same file, in one run: seconds, peak RSS, and the time as a ratio of
// batch's. Targets: both within 500 MB; eval and triage within 2x batch's time.
// Usage: node bench/memory.mjs [--gb G] [--distinct N]      (build first: npm run build)
// The files are generated (no data is read) into $TMPDIR/leveler-bench and reused.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const GB = flag('--gb', 1);
const DISTINCT = flag('--distinct', 2_000_000);
const work = join(tmpdir(), 'leveler-bench');
mkdirSync(work, { recursive: true });
const bin = join(root, 'bin', 'leveler.js');
if (!existsSync(join(root, 'dist', 'internal.js'))) {
  console.error('bench: no dist/ (run npm run build first)');
  process.exit(2);
}

function random(seed = 7) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** Writes lines made by `line(i)` until `done(i, bytes)`, in blocks, minding backpressure. */
async function writeLines(path, header, line, done) {
  const out = createWriteStream(path);
  out.write(header + '\n');
  let bytes = 0;
  for (let i = 0; !done(i, bytes); ) {
    const block = [];
    for (let k = 0; k < 10_000 && !done(i, bytes); k++, i++) {
      const text = line(i);
      bytes += text.length + 1;
      block.push(text);
    }
    if (!out.write(block.join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

const rnd = random();
const pick = (list) => list[Math.floor(rnd() * list.length)];
const markers = ['', 'Senior ', 'Junior ', 'Staff ', 'Lead ', 'Principal ', 'Associate ', 'Head of '];
const roles = ['Data Scientist', 'ML Engineer', 'Data Engineer', 'Software Engineer', 'Line Cook', 'Registered Nurse', 'Accountant', 'Product Manager', 'Data Analyst'];
const levels = ['P1', 'P2', 'P3', 'P4', 'M2', '?', ''];
const families = ['ai-ml', 'data-science', 'data-engineering', '', '?'];

// A gold file: a few thousand distinct titles, as a team's labelled export has.
const gold = join(work, `gold-${GB}gb.csv`);
if (!existsSync(gold)) {
  const titles = markers.flatMap((m) => roles.flatMap((r) => [`${m}${r}`, `${m}${r} - Remote`, `${m}${r} II`]));
  await writeLines(gold, 'title,years,level,family', () => `${pick(titles)},${pick(['', '2', '5', '9'])},${pick(levels)},${pick(families)}`, (_i, bytes) => bytes >= GB * 1024 ** 3);
}
// Every row a title of its own.
const distinct = join(work, `distinct-${DISTINCT}.csv`);
if (!existsSync(distinct)) {
  const words = ['Senior', 'Data', 'Zorb', 'Analyst', 'Engineer', 'Flarn', 'Lead', 'Cook', 'Nurse', 'Manager', 'Xylo'];
  await writeLines(distinct, 'title', (i) => `${pick(words)} ${pick(words)} ${String(i).padStart(7, '0')}`, (i) => i >= DISTINCT);
}

const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const line = (name, r, base) => `  ${name.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s  peak ${mb(r.peak).padStart(7)}${base ? `  ${(r.seconds / base.seconds).toFixed(2)}x batch's time` : ''}`;
console.log(`leveler memory benchmark: ${cpus().length} cores, Node ${process.version}; files in ${work}`);
console.log(`eval on ${gold} (${GB} GB, a years column):   (target: within 500 MB and 2x batch)`);
const batchGold = await measure([bin, 'batch', gold, '-q', '--years-column', 'years']);
const evalGold = await measure([bin, 'eval', gold]);
console.log(line('batch', batchGold));
console.log(line('eval', evalGold, batchGold));
console.log(`triage on ${distinct} (${DISTINCT.toLocaleString('en-US')} distinct titles):   (target: within 500 MB and 2x batch)`);
const batchDistinct = await measure([bin, 'batch', distinct, '-q']);
const triage = await measure([bin, 'triage', distinct, '--top', '20']);
console.log(line('batch', batchDistinct));
console.log(line('triage', triage, batchDistinct));
