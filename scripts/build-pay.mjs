#!/usr/bin/env node
// Builds data/pay.tsv, the market pay leveler shows on its cards, from open survey data:
//   survey  the aijobs.net salary survey (CC0): each full-time response levelled by leveler itself
//           (the built matcher and the shipped ladder), then, per family x level x region (the
//           company's country), the number of responses and the 25th, 50th and 75th percentiles
//           of annual pay in USD. A title with a level marker takes the marker's level; one with
//           none takes the survey's own experience level, read as batch --level-hint-column reads
//           it (ladder.yaml levelHints: EN P1, MI P2, SE P3, EX M4; written into the file too). Responses of no family count in no cell.
//   oews    BLS OEWS national wages, May 2024 (public domain): per detailed occupation, the 10th,
//           25th, 50th, 75th and 90th percentiles of annual wages; "#" (at or above the survey's
//           top, $239,200) is kept as a note, never as a number.
// Percentiles: linear interpolation between the two nearest ranks of the sorted values (NumPy's
// default, Excel's PERCENTILE.INC), rounded to the dollar. The same files give the same bytes.
// Usage: npm run build && node scripts/build-pay.mjs [--survey FILE] [--oews FILE] [--out FILE]
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords, option as optionOf } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => optionOf(args, name, fallback);
const surveyFile = resolve(option('--survey', join(root, '..', 'shared', 'eval-data', 'aijobs-salaries', 'salaries.csv')));
const oewsFile = resolve(option('--oews', join(root, '..', 'shared', 'oews', 'oews_national.csv')));
const out = resolve(option('--out', join(root, 'data', 'pay.tsv')));
for (const f of [surveyFile, oewsFile]) {
  if (!existsSync(f)) {
    console.error(`build-pay: cannot read ${f}: not found; give --survey FILE and --oews FILE`);
    process.exit(2);
  }
}

const lib = await import(join(root, 'dist', 'internal.js')).catch(() => {
  console.error('build-pay: no built leveler in dist/; run npm run build first');
  process.exit(2);
});
const { ladder, lexicon } = await lib.loadLadder(lib.shippedDataDir(), root).catch((e) => {
  console.error(`build-pay: ${e.message}${e.hint ? `; ${e.hint}` : ''}`);
  process.exit(3);
});
/** The survey's experience levels, read as the ladder's levels when a title has no marker: the ladder's levelHints. */
const EXPERIENCE = Object.fromEntries(['EN', 'MI', 'SE', 'EX'].map((v) => [v, lib.hintLevel(ladder, v)?.code]));
const matcher = (await lib.createMatcher(ladder, lexicon)).useOccupations(lib.occupationSource(lib.shippedDataDir(), root));


// The survey: full-time responses, levelled.
const values = new Map(); // "family|level|region" -> number[]
let fullTime = 0;
let levelled = 0;
let byMarker = 0;
const years = new Set();
const answers = new Map();
for (const r of csvRecords(surveyFile)) {
  if (r.employment_type !== 'FT') continue;
  const usd = Number(r.salary_in_usd);
  if (!Number.isFinite(usd) || usd <= 0) continue;
  fullTime++;
  years.add(Number(r.work_year));
  let answer = answers.get(r.job_title);
  if (answer === undefined) {
    const reading = matcher.readTitle(r.job_title);
    const family = reading.fam.family?.id ?? null;
    answer = { family, marker: reading.marker?.code ?? null };
    answers.set(r.job_title, answer);
  }
  if (answer.family === null) continue;
  const level = answer.marker ?? EXPERIENCE[r.experience_level];
  if (!level) continue;
  levelled++;
  if (answer.marker) byMarker++;
  for (const region of [r.company_location]) {
    const key = `${answer.family}|${level}|${region}`;
    (values.get(key) ?? values.set(key, []).get(key)).push(usd);
  }
}

/** The p-th percentile (0-1) of sorted values, by linear interpolation, to the dollar. */
function percentile(sorted, p) {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return Math.round(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
}

const MINIMUM = 30;
const cells = {};
for (const key of [...values.keys()].sort()) {
  const [family, level, region] = key.split('|');
  const sorted = values.get(key).sort((a, b) => a - b);
  const cell = { n: sorted.length };
  if (sorted.length >= MINIMUM) Object.assign(cell, { p25: percentile(sorted, 0.25), p50: percentile(sorted, 0.5), p75: percentile(sorted, 0.75) });
  ((cells[family] ??= {})[level] ??= {})[region] = cell;
}

// OEWS: detailed occupations, annual wages.
const oews = {};
for (const r of csvRecords(oewsFile)) {
  if (r.o_group !== 'detailed') continue;
  const wage = (v) => (v === '#' ? '#' : v === '*' || v === '' ? null : Number(v));
  oews[r.occ_code] = { title: r.occ_title, p10: wage(r.a_pct10), p25: wage(r.a_pct25), p50: wage(r.a_median), p75: wage(r.a_pct75), p90: wage(r.a_pct90) };
}

const [first, last] = [Math.min(...years), Math.max(...years)];
const meta = {
  survey: {
    source: 'aijobs.net salary survey',
    credit: 'aijobs.net salary survey (CC0 1.0, public domain)',
    years: [first, last],
    responses: fullTime,
    levelled,
    levelledByMarker: byMarker,
    minimum: MINIMUM,
    experienceLevels: EXPERIENCE,
    method: "full-time responses, salary in USD; level from the title's marker, else the experience level; region = company location; percentiles by linear interpolation",
  },
  oews: {
    source: 'BLS OEWS',
    credit: 'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024 (public domain)',
    period: 'May 2024',
    topCode: 239200,
  },
};
// One line per survey cell ("survey FAMILY LEVEL REGION<TAB>n[<TAB>p25<TAB>p50<TAB>p75]") and per
// OEWS occupation ("oews CODE<TAB>title<TAB>p10..p90", "#" kept, none empty), sorted as UTF-8 bytes.
const lines = [];
for (const [family, levels] of Object.entries(cells)) {
  for (const [level, regions] of Object.entries(levels)) {
    for (const [region, c] of Object.entries(regions)) lines.push([`survey ${family} ${level} ${region}`, c.n, ...(c.p50 === undefined ? [] : [c.p25, c.p50, c.p75])].join('\t'));
  }
}
for (const [code, o] of Object.entries(oews)) lines.push([`oews ${code}`, o.title, ...['p10', 'p25', 'p50', 'p75', 'p90'].map((k) => o[k] ?? '')].join('\t'));
lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
writeFileSync(out, `leveler-pay 1\t${JSON.stringify(meta)}\n${lines.join('\n')}\n`);
const filled = Object.values(cells).flatMap((l) => Object.values(l).flatMap((r) => Object.values(r))).filter((c) => c.p50 !== undefined).length;
console.log(`build-pay: ${fullTime} full-time responses ${first}-${last}, ${levelled} levelled (${byMarker} by a marker) -> ${filled} cells with figures; ${Object.keys(oews).length} OEWS occupations -> ${out}`);
