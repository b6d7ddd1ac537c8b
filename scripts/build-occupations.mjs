#!/usr/bin/env node
// Builds the occupation data leveler ships, into data/ (or --out-dir):
//   occupations.json       the O*NET occupations: code, title, description, Job Zone, typical education
//                          (the most common required level), up to six core tasks, up to ten hot
//                          technologies, sample titles.
//   occupation-words.tsv   the model the occupation stage reads (src/core/occupation.ts): for each word,
//                          pair of words and head noun of a title, its weight for each occupation it
//                          speaks for or against, learnt from the titles below; and the titles, read
//                          whole, whose occupation the weights get wrong.
// It learns from O*NET's occupation, alternate and reported titles, and from the job titles of U.S.
// labour-condition filings with the SOC code filed for each (--filings; public domain). Titles are
// read by the built leveler itself (its aliases, markers and typo guard), so run `npm run build` first.
// Usage: node scripts/build-occupations.mjs [ONET_DIR] [--filings FILE | --filings none] [--out-dir DIR] [--version "30.0"]
//   ONET_DIR defaults to ../shared/onet, FILE to ../shared/eval-data/h1b-lca-title-soc/title_soc.csv.
//   A newer O*NET release with the same files works the same way. The same files give the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords, option as optionOf } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => optionOf(args, name, fallback);
const outDir = resolve(option('--out-dir', join(root, 'data')));
const filingsOption = option('--filings', join(root, '..', 'shared', 'eval-data', 'h1b-lca-title-soc', 'title_soc.csv'));
const filings = filingsOption === 'none' ? null : resolve(filingsOption);
const version = option('--version', '30.0');
if (filings && !existsSync(filings)) {
  console.error(`build-occupations: cannot read ${filings}: not found; give --filings FILE, or --filings none`);
  process.exit(2);
}
const dir = resolve(args[0] ?? join(root, '..', 'shared', 'onet'));

/** Rows of a tab-separated O*NET file, as objects by header. */
function table(name) {
  let text;
  try {
    text = readFileSync(join(dir, name), 'utf8');
  } catch (e) {
    console.error(`build-occupations: cannot read ${join(dir, name)}: ${e.code === 'ENOENT' ? 'not found' : e.message}; give the O*NET folder as the first argument`);
    process.exit(2);
  }
  const [head, ...lines] = text.replace(/\r/g, '').split('\n').filter((l) => l !== '');
  const keys = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [keys[i], v])));
}

const EDUCATION = {
  1: 'Less than a high school diploma', 2: 'High school diploma or equivalent', 3: 'Post-secondary certificate',
  4: 'Some college courses', 5: "Associate's degree", 6: "Bachelor's degree", 7: 'Post-baccalaureate certificate',
  8: "Master's degree", 9: "Post-master's certificate", 10: 'First professional degree', 11: 'Doctoral degree',
  12: 'Post-doctoral training',
};

const occupations = new Map();
for (const r of table('Occupation Data.txt')) {
  occupations.set(r['O*NET-SOC Code'], {
    code: r['O*NET-SOC Code'], title: r.Title, description: r.Description,
    jobZone: null, education: null, tasks: [], hotTechnologies: [], sampleTitles: [], titles: new Map(),
  });
}
const each = (name, fn) => {
  for (const r of table(name)) {
    const o = occupations.get(r['O*NET-SOC Code']);
    if (o) fn(o, r);
  }
};
each('Job Zones.txt', (o, r) => (o.jobZone = Number(r['Job Zone'])));
const education = new Map();
each('Education, Training, and Experience.txt', (o, r) => {
  if (r['Scale ID'] !== 'RL') return;
  const best = education.get(o.code);
  const value = Number(r['Data Value']);
  if (!best || value > best.value) education.set(o.code, { value, category: Number(r.Category) });
});
for (const [code, { category }] of education) occupations.get(code).education = EDUCATION[category] ?? null;
each('Task Statements.txt', (o, r) => {
  if (r['Task Type'] === 'Core' && o.tasks.length < 6) o.tasks.push(r.Task);
});
// Hot technologies, those also in demand first.
const hot = new Map();
each('Technology Skills.txt', (o, r) => {
  if (r['Hot Technology'] !== 'Y') return;
  const list = hot.get(o.code) ?? [];
  if (!list.some((t) => t.name === r.Example)) list.push({ name: r.Example, demand: r['In Demand'] === 'Y' });
  hot.set(o.code, list);
});
for (const [code, list] of hot) {
  occupations.get(code).hotTechnologies = [...list.filter((t) => t.demand), ...list.filter((t) => !t.demand)].slice(0, 10).map((t) => t.name);
}
// A title's weight in the word table: 0.5 for a reported title; an alternate title weighs more the
// more of O*NET's sources give it ("Warehouse Associate" is under two occupations, by one and two sources).
const titled = (o, title, weight) => o.titles.set(title, Math.max(o.titles.get(title) ?? 0, weight));
each('Sample of Reported Titles.txt', (o, r) => {
  if (o.sampleTitles.length < 8) o.sampleTitles.push(r['Reported Job Title']);
  titled(o, r['Reported Job Title'], 0.5);
});
each('Alternate Titles.txt', (o, r) => {
  const weight = 0.25 + 0.25 * (r['Source(s)'] ?? '').split(',').filter(Boolean).length;
  titled(o, r['Alternate Title'], weight);
  if (r['Short Title'] && r['Short Title'] !== 'n/a') titled(o, r['Short Title'], weight);
});

const list = [...occupations.values()].sort((a, b) => a.code.localeCompare(b.code));
for (const o of list) {
  if (o.sampleTitles.length === 0) o.sampleTitles = [...o.titles.keys()].filter((t) => t !== o.title).slice(0, 8);
}
const source = `O*NET ${version} Database, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA); CC BY 4.0`;
const cards = list.map(({ titles: _titles, ...card }) => card);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'occupations.json'), JSON.stringify({ source, version, occupations: cards }) + '\n');

// The word table: a linear model over the features of a title (its words, pairs and head noun; see
// src/core/occupation.ts), trained on the titles with their occupations. Each title counts with a
// weight: O*NET's own title 2, its other titles 0.5 to 1 (see titled above), a filed title 1.
const lib = await import(join(root, 'dist', 'internal.js')).catch(() => {
  console.error('build-occupations: no built leveler in dist/; run npm run build first');
  process.exit(2);
});
const { ladder } = await lib.loadLadder(lib.shippedDataDir(), root).catch((e) => {
  console.error(`build-occupations: ${e.message}${e.hint ? `; ${e.hint}` : ''}`);
  process.exit(3);
});
const matcher = await lib.createMatcher(ladder);
const codeIndex = new Map(list.map((o, i) => [o.code, i]));
if (list.length > lib.MAX_CODES) {
  console.error(`build-occupations: ${list.length} occupations are more than a word table holds (${lib.MAX_CODES})`);
  process.exit(3);
}
const examples = [];
for (const o of list) {
  examples.push({ title: o.title, code: o.code, weight: 2 });
  for (const [t, weight] of o.titles) if (t !== o.title) examples.push({ title: t, code: o.code, weight });
}
let filed = 0;
if (filings) {
  // SOC 2018 codes to O*NET-SOC: the .00 occupation, else the first of the code.
  const bySoc = new Map();
  for (const o of list) if (!bySoc.has(o.code.slice(0, 7)) || o.code.endsWith('.00')) bySoc.set(o.code.slice(0, 7), o.code);
  for (const r of csvRecords(filings)) {
    const code = bySoc.get(r.soc_code);
    if (!code) continue;
    examples.push({ title: r.title, code, weight: 1 });
    filed++;
  }
}

// Each title read as the matcher reads it: its features (by number) and its key read whole.
const featureIds = new Map();
const featureTitles = [];
const wholes = new Map(); // key -> Map<code, weight>
const vote = (map, code, w) => map.set(code, (map.get(code) ?? 0) + w);
const train = [];
for (const { title, code, weight } of examples) {
  const words = matcher.occupationWordsOf(title);
  if (words.length === 0) continue;
  const key = lib.occupationKey(words);
  vote(wholes.get(key) ?? wholes.set(key, new Map()).get(key), code, weight);
  const features = lib.occupationFeatures(words).map((f) => {
    let id = featureIds.get(f);
    if (id === undefined) {
      featureIds.set(f, (id = featureIds.size));
      featureTitles.push(0);
    }
    featureTitles[id]++;
    return id;
  });
  train.push({ features, y: codeIndex.get(code), weight });
}

// An averaged multiclass perceptron with a margin: title by title, when an occupation other than the
// title's own scores within MARGIN of it, the title's features move toward its own and away from that
// one; the model is the average of the weights over all the steps (less prone to the last titles).
// The order of the titles is shuffled by a fixed seed, so the same files give the same model.
const EPOCHS = 8;
const MARGIN = 1;
const weights = Array.from({ length: featureIds.size }, () => new Map());
let step = 1;
const scoresOf = (features, value) => {
  const scores = new Map();
  for (const f of features) for (const [c, cell] of weights[f]) scores.set(c, (scores.get(c) ?? 0) + value(cell));
  return scores;
};
const update = (f, c, by) => {
  let cell = weights[f].get(c);
  if (!cell) weights[f].set(c, (cell = { w: 0, sum: 0, since: step }));
  cell.sum += cell.w * (step - cell.since);
  cell.since = step;
  cell.w += by;
};
let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = train.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [train[i], train[j]] = [train[j], train[i]];
  }
  for (const { features, y, weight } of train) {
    step++;
    const scores = scoresOf(features, (cell) => cell.w);
    const own = scores.get(y) ?? 0;
    let rival = -1;
    let most = -Infinity;
    for (const [c, v] of scores) if (c !== y && (v > most || (v === most && c < rival))) [rival, most] = [c, v];
    if (rival === -1 || most > own - MARGIN) {
      for (const f of features) {
        update(f, y, weight);
        if (rival !== -1) update(f, rival, -weight);
      }
    }
  }
}
// The averaged weights, in tenths; kept for features of two titles or more (a feature of one title
// says more of that title than of its occupation), and from half a step of weight.
const kept = new Array(featureIds.size);
for (const id of featureIds.values()) {
  if (featureTitles[id] < 2) continue;
  const codes = [];
  for (const [c, cell] of weights[id]) {
    const tenths = Math.round(((cell.sum + cell.w * (step - cell.since)) / step) * 10);
    if (Math.abs(tenths) > lib.MAX_TENTHS) throw new Error(`build-occupations: a weight of ${tenths} tenths is beyond the table's ${lib.MAX_TENTHS}`);
    if (Math.abs(tenths) >= 5) codes.push([c, tenths]);
  }
  if (codes.length > 0) kept[id] = codes.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

// The scale of the scores: the one whose softmax gives every third title its own occupation with
// the highest likelihood, so that a title's confidence says how often the model is right.
const logLikelihood = (scale) => {
  let sum = 0;
  for (let i = 0; i < train.length; i += 3) {
    const scores = new Map();
    for (const f of train[i].features) for (const [c, t] of kept[f] ?? []) scores.set(c, (scores.get(c) ?? 0) + t / 10);
    let top = 0;
    for (const v of scores.values()) top = Math.max(top, v);
    let z = (list.length - scores.size) * Math.exp(-top / scale);
    for (const v of scores.values()) z += Math.exp((v - top) / scale);
    sum += ((scores.get(train[i].y) ?? 0) - top) / scale - Math.log(z);
  }
  return sum;
};
let scale = 1;
let likelihood = logLikelihood(scale);
for (const s of [0.5, 0.75, 1.5, 2, 3, 4, 6, 8]) {
  const l = logLikelihood(s);
  if (l > likelihood) [scale, likelihood] = [s, l];
}

// Titles read whole whose features score another occupation highest than the one they are filed under.
const model = {
  codes: list.map((o) => o.code),
  scale,
  feature: (k) => {
    const codes = kept[featureIds.get(k)];
    return codes && lib.featureEntry(codes);
  },
  exact: () => undefined,
};
const ranked = (votes) => [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
// Each with the share of its titles' weight filed under that code.
const exceptions = new Map();
for (const [key, votes] of wholes) {
  const [code, weight] = ranked(votes)[0];
  const words = key.split(' ').map((text) => ({ text, seg: 0 }));
  const guess = lib.classifyOccupation(model, words);
  let total = 0;
  for (const w of votes.values()) total += w;
  if (guess?.code !== code) exceptions.set(key, [code, Math.round((weight / total) * 100)]);
}
// The table, in the format src/core/occupation-table.ts defines (the loader reads it with the same module).
const lines = [];
for (const [f, id] of featureIds) if (kept[id]) lines.push(lib.featureLine(f, kept[id]));
for (const [key, [code, pct]] of exceptions) lines.push(lib.exactLine(key, codeIndex.get(code), pct));
// Sorted as UTF-8 bytes: src/io/occupations.ts searches the file in place by bytes.
lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const sources = `${source}; U.S. Department of Labor, OFLC LCA disclosure data (public domain)`;
// A stamp of the content, in the header: a build's cache of answers read from this table (see
// scripts/build.mjs) is used only with the very table it was read from.
const codesLine = list.map((o) => o.code).join(' ');
const body = `${lines.join('\n')}\n`;
const stamp = createHash('sha256').update(codesLine).update('\n').update(body).digest('hex').slice(0, 16);
// The index: a cold lookup reads one block of lines.
const index = lib.indexOf(lines, (line) => Buffer.byteLength(line));
writeFileSync(join(outDir, 'occupation-words.tsv'), lib.formatHead({ version, sources, scale, stamp, codes: list.map((o) => o.code), index }) + body);
console.log(`build-occupations: ${list.length} occupations; ${examples.length} titles (${filed} filed) -> ${lines.length - exceptions.size} features (scale ${scale}), ${exceptions.size} whole titles -> ${outDir}`);
