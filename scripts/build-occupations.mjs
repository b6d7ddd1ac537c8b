#!/usr/bin/env node
// Builds data/occupations.json, the compact O*NET occupation index leveler ships, from an O*NET
// database folder of tab-separated text files (the official layout).
// Usage: node scripts/build-occupations.mjs [ONET_DIR] [--out FILE] [--version "30.0"]
//   ONET_DIR defaults to ../shared/onet. A newer release with the same files works the same way.
// Per occupation: code, title, description, Job Zone, typical education (the most common required
// level), up to six core tasks, up to ten hot technologies, sample titles; and every title people
// use for it (occupation, alternate and reported titles) for search. Output is sorted and stable:
// the same files give the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const out = resolve(option('--out', join(root, 'data', 'occupations.json')));
const version = option('--version', '30.0');
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
    jobZone: null, education: null, tasks: [], hotTechnologies: [], sampleTitles: [], titles: new Set([r.Title]),
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
each('Sample of Reported Titles.txt', (o, r) => {
  if (o.sampleTitles.length < 8) o.sampleTitles.push(r['Reported Job Title']);
  o.titles.add(r['Reported Job Title']);
});
each('Alternate Titles.txt', (o, r) => {
  o.titles.add(r['Alternate Title']);
  if (r['Short Title'] && r['Short Title'] !== 'n/a') o.titles.add(r['Short Title']);
});

const list = [...occupations.values()].sort((a, b) => a.code.localeCompare(b.code));
for (const o of list) {
  if (o.sampleTitles.length === 0) o.sampleTitles = [...o.titles].filter((t) => t !== o.title).slice(0, 8);
  o.titles = [...o.titles].sort();
}
const index = {
  source: `O*NET ${version} Database, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA); CC BY 4.0`,
  version,
  occupations: list,
};
writeFileSync(out, JSON.stringify(index) + '\n');
const titles = list.reduce((n, o) => n + o.titles.length, 0);
console.log(`build-occupations: ${list.length} occupations, ${titles} titles -> ${out}`);
