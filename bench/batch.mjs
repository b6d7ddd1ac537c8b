#!/usr/bin/env node
// Batch benchmark: builds its workloads from real titles and prints, in one run, rows/s on a
// 1M-row file of repeated titles, distinct titles/s with no memo help (with the occupation stage, as
// batch runs it), peak memory on a 1 GB input, and a pass-through baseline (same file read, parsed
// and written, no matching) as a ratio.
//
// Usage: node bench/batch.mjs [DATA_DIR] [--rows N] [--gb G]      (build first: npm run build)
//   DATA_DIR: a folder holding aijobs-salaries/salaries.csv and linkedin-ds-jobs-2024/job_postings.csv
//   (default ../shared/eval-data when present). Without it, a generated workload is used. The data
//   is read from there at run time; workloads are written to $TMPDIR/leveler-bench and reused.
// Targets (2-core machine, issue 17): repeated titles >= 1,000,000 rows/s; distinct titles >= 100,000/s
// in-process as batch answers them and >= 60,000 rows/s end to end; <= 150 MB on 1 GB.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { measure } from './measure.mjs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const ROWS = flag('--rows', 1_000_000);
const GB = flag('--gb', 1);
const defaultData = resolve(root, '..', 'shared', 'eval-data');
const dataDir = args[0] ?? (existsSync(defaultData) ? defaultData : null);
const work = join(tmpdir(), 'leveler-bench');
mkdirSync(work, { recursive: true });
if (!existsSync(join(root, 'dist', 'internal.js'))) {
  console.error('bench: no dist/ (run npm run build first)');
  process.exit(2);
}
const lib = await import(join(root, 'dist', 'internal.js'));

/** A tiny seeded PRNG, so every run draws the same rows. */
function random(seed = 42) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

async function readRows(file) {
  const reader = new lib.CsvReader({ source: file });
  const rows = [];
  for await (const batch of reader.batches(readFileSync(file).length ? [readFileSync(file)] : [])) for (const r of batch) rows.push(r);
  return { header: reader.header, rows, delimiter: reader.delimiter };
}

function generatedTitles() {
  const markers = ['', 'Senior ', 'Sr. ', 'Junior ', 'Staff ', 'Principal ', 'Lead ', 'Associate ', 'Head of ', 'Director of '];
  const topics = ['Machine Learning', 'ML', 'Deep Learning', 'Data', 'Software', 'NLP', 'Computer Vision', 'Backend', 'Platform'];
  const roles = [' Engineer', ' Scientist', ' Developer', ' Manager', ' Analyst', ' Engineer II', ' Engineer III', ' Team Lead'];
  return markers.flatMap((m) => topics.flatMap((t) => roles.map((r) => `${m}${t}${r}`)));
}

async function writeFile(path, header, lines) {
  const out = createWriteStream(path);
  out.write(header + '\n');
  for (let i = 0; i < lines.length; i += 10_000) {
    if (!out.write(lines.slice(i, i + 10_000).join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function workloads() {
  const rnd = random();
  const tag = dataDir ? 'eval' : 'generated';
  const repeated = join(work, `${tag}-repeated-${ROWS}.csv`);
  const distinct = join(work, `${tag}-distinct.csv`);
  let distinctTitles;
  if (dataDir) {
    const salaries = readFileSync(join(dataDir, 'aijobs-salaries', 'salaries.csv'), 'utf8').split('\n');
    const body = salaries.slice(1).filter(Boolean);
    if (!existsSync(repeated)) await writeFile(repeated, salaries[0], Array.from({ length: ROWS }, () => body[Math.floor(rnd() * body.length)]));
    const postings = await readRows(join(dataDir, 'linkedin-ds-jobs-2024', 'job_postings.csv'));
    const col = postings.header.indexOf('job_title');
    distinctTitles = [...new Set(postings.rows.map((r) => r[col] ?? ''))];
  } else {
    const titles = generatedTitles();
    if (!existsSync(repeated)) await writeFile(repeated, 'id,title', Array.from({ length: ROWS }, (_, i) => `${i},${titles[Math.floor(rnd() * titles.length)]}`));
    distinctTitles = titles;
  }
  // Every row a different string, so the batch memo never helps: each title with a place after it.
  const places = ['Austin, TX', 'Remote', 'London', 'New York, NY', 'Berlin', 'Toronto', 'Bangalore', 'Paris', 'Seattle, WA', 'Hybrid'];
  if (!existsSync(distinct)) {
    await writeFile(distinct, 'title', distinctTitles.flatMap((t) => [t, ...places.map((p) => `${t} - ${p}`)]).map((t) => lib.csvLine([t], ',')));
  }
  const big = join(work, `${tag}-${GB}gb.csv`);
  if (GB > 0 && !existsSync(big)) {
    const text = readFileSync(repeated, 'utf8');
    const cut = text.indexOf('\n') + 1;
    const out = createWriteStream(big);
    out.write(text.slice(0, cut));
    let size = cut;
    while (size < GB * 1024 ** 3) {
      if (!out.write(text.slice(cut))) await new Promise((r) => out.once('drain', r));
      size += text.length - cut;
    }
    await new Promise((r) => out.end(r));
  }
  // 2M rows of about 20,000 distinct titles, each with years from 0 to 40: a memo keyed by title and
  // years would see 800,000 keys.
  const withYears = join(work, `${tag}-years-${2 * ROWS}.csv`);
  if (!existsSync(withYears)) {
    const pool = distinctTitles.flatMap((t) => [t, ...places.map((p) => `${t} - ${p}`)]).slice(0, 20_000);
    await writeFile(withYears, 'title,years', Array.from({ length: 2 * ROWS }, () => `${lib.csvLine([pool[Math.floor(rnd() * pool.length)]], ',')},${Math.floor(rnd() * 41)}`));
  }
  return { repeated, distinct, distinctTitles, withYears, big: GB > 0 ? big : null };
}

/** Titles a second in each round, each round with what `fresh` makes anew: no memo of any kind, the word table read anew. */
async function roundRates(titles, fresh, rounds = 5) {
  const rates = [];
  for (let i = 0; i < rounds; i++) {
    const answer = await fresh();
    const t0 = performance.now();
    for (const t of titles) answer(t);
    rates.push(titles.length / ((performance.now() - t0) / 1000));
  }
  return rates;
}

/** Whole answers, reasons and alternatives too: a fresh matcher with the occupation stage. */
async function distinctRate(titles) {
  const dir = lib.shippedDataDir();
  const { ladder, lexicon, familyOccupations } = await lib.loadLadder(dir, root);
  return roundRates(titles, async () => {
    const matcher = (await lib.createMatcher(ladder, lexicon)).useOccupations(lib.occupationSource(dir, root, familyOccupations));
    return (t) => matcher.match(t);
  });
}

/** Each title answered as batch answers it for CSV (no reasons or alternatives, no pay): a fresh leveler. */
function batchRate(titles) {
  return roundRates(titles, async () => {
    const memo = await (await lib.createLeveler({ cwd: root })).answers({ family: null, quotesYears: false, explain: false, keep: (r) => r, pay: false });
    return (t) => memo.answer(t, null);
  });
}

/** A round's rates as the bench prints them: the first (start-up work in it), and the median. */
function rateLine(rates) {
  const sorted = [...rates].sort((a, b) => a - b);
  return `first round ${fmt(rates[0])} titles/s, median of ${rates.length} ${fmt(sorted[Math.floor(sorted.length / 2)])} titles/s`;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const w = await workloads();
const bin = join(root, 'bin', 'leveler.js');
const rows = ROWS;

console.log(`leveler batch benchmark: ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`workloads: ${dataDir ? `real titles from ${dataDir}` : 'generated titles (no data folder found)'}; files in ${work}`);

const pass = await measure([join(root, 'bench', 'passthrough.mjs'), w.repeated]);
const csv = await measure([bin, 'batch', w.repeated, '-q']);
const ndjson = await measure([bin, 'batch', w.repeated, '--format', 'ndjson', '-q']);
const fields = await measure([bin, 'batch', w.repeated, '--format', 'ndjson', '--fields', 'level,family,confidence', '-q']);
console.log(`\n${fmt(rows)} rows of repeated titles (${mb(statSync(w.repeated).size)}):`);
console.log(`  batch --format csv     ${csv.seconds.toFixed(2).padStart(6)} s  ${fmt(rows / csv.seconds).padStart(10)} rows/s  peak ${mb(csv.peak)}   (target >= 1,000,000 rows/s)`);
console.log(`  batch --format ndjson  ${ndjson.seconds.toFixed(2).padStart(6)} s  ${fmt(rows / ndjson.seconds).padStart(10)} rows/s  peak ${mb(ndjson.peak)}`);
console.log(`  ndjson --fields level,family,confidence  ${fields.seconds.toFixed(2)} s  ${fmt(rows / fields.seconds)} rows/s  peak ${mb(fields.peak)}  (${(fields.seconds / csv.seconds).toFixed(2)}x csv; target <= 2x)`);
console.log(`  pass-through baseline  ${pass.seconds.toFixed(2).padStart(6)} s  ${fmt(rows / pass.seconds).padStart(10)} rows/s  peak ${mb(pass.peak)}`);
console.log(`  batch csv takes ${(csv.seconds / pass.seconds).toFixed(2)}x the pass-through time`);

const rates = await distinctRate(w.distinctTitles);
const asBatch = await batchRate(w.distinctTitles);
const distinctOne = await measure([bin, 'batch', w.distinct, '-q', '--threads', '1']);
const distinctCli = await measure([bin, 'batch', w.distinct, '-q', '--threads', '2']);
const distinctRows = readFileSync(w.distinct, 'utf8').split('\n').length - 2;
// Distinct titles with no place to cut: the labour-condition filings' titles, each once.
const filed = dataDir ? join(dataDir, 'h1b-lca-title-soc', 'title_soc.csv') : null;
const filedRun = filed && existsSync(filed) ? await measure([bin, 'batch', filed, '--column', 'title', '-q', '--threads', '1']) : null;
const filedRows = filedRun ? readFileSync(filed, 'utf8').split('\n').length - 2 : 0;
console.log(`\n${fmt(w.distinctTitles.length)} distinct titles, a fresh matcher each round (no memo):`);
console.log(`  in-process, as batch answers for CSV: ${rateLine(asBatch)}   (target >= 100,000)`);
console.log(`  in-process, whole answers (match --json: reasons, alternatives): ${rateLine(rates)}`);
console.log(`  batch CLI on ${fmt(distinctRows)} rows, each a different string (title, or title - place: the place is cut and each core answered once), start-up included:`);
console.log(`    --threads 1 (default)   ${distinctOne.seconds.toFixed(2)} s, ${fmt(distinctRows / distinctOne.seconds)} rows/s, peak ${mb(distinctOne.peak)}`);
console.log(`    --threads 2   ${distinctCli.seconds.toFixed(2)} s, ${fmt(distinctRows / distinctCli.seconds)} rows/s, peak ${mb(distinctCli.peak)}   (${(distinctOne.seconds / distinctCli.seconds).toFixed(2)}x --threads 1; target >= 60,000 rows/s)`);
if (filedRun) console.log(`  batch CLI on ${fmt(filedRows)} distinct filed titles (h1b-lca-title-soc: few places), --threads 1: ${filedRun.seconds.toFixed(2)} s, ${fmt(filedRows / filedRun.seconds)} rows/s, peak ${mb(filedRun.peak)}`);

const noYears = await measure([bin, 'batch', w.withYears, '--no-years-column', '-q']);
const years = await measure([bin, 'batch', w.withYears, '--years-column', 'years', '-q']);
console.log(`\n${fmt(2 * rows)} rows, about 20,000 distinct titles, years 0-40 (${mb(statSync(w.withYears).size)}):`);
console.log(`  without years     ${noYears.seconds.toFixed(2).padStart(6)} s  ${fmt((2 * rows) / noYears.seconds).padStart(10)} rows/s  peak ${mb(noYears.peak)}`);
console.log(`  --years-column    ${years.seconds.toFixed(2).padStart(6)} s  ${fmt((2 * rows) / years.seconds).padStart(10)} rows/s  peak ${mb(years.peak)}   (${(years.seconds / noYears.seconds).toFixed(2)}x without; target <= 2x)`);

if (w.big) {
  const size = statSync(w.big).size;
  const big = await measure([bin, 'batch', w.big, '-q']);
  console.log(`\n${mb(size)} input: ${big.seconds.toFixed(1)} s, ${fmt(size / 1048576 / big.seconds)} MB/s, peak RSS ${mb(big.peak)}   (target <= 150 MB)`);
}
