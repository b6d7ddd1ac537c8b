#!/usr/bin/env node
// Measures the occupation stage on titles it has never seen: splits a file of titles with their
// filed SOC codes (the labour-condition filings, by default) in four by a hash of the title, builds
// the word table from O*NET and three quarters, and scores the fourth: the share of titles whose
// 6-digit SOC code is right (uniform over titles, and weighted by filings) and whose major group is.
// Usage: npm run build && node scripts/measure-occupations.mjs [--filings FILE] [--onet DIR] [--misses N] [--confusions N]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvFields, csvLines, option as optionOf } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => optionOf(args, name, fallback);
const filings = resolve(option('--filings', join(root, '..', 'shared', 'eval-data', 'h1b-lca-title-soc', 'title_soc.csv')));
const onet = resolve(option('--onet', join(root, '..', 'shared', 'onet')));
const misses = Number(option('--misses', '0'));
const confusions = Number(option('--confusions', '0'));

const lines = csvLines(filings);
const [head, ...rows] = lines;
const heldOut = (line) => createHash('md5').update(line.slice(0, line.lastIndexOf(',', line.lastIndexOf(',', line.lastIndexOf(',') - 1) - 1))).digest()[0] % 4 === 3;
const train = rows.filter((l) => !heldOut(l));
const test = rows.filter(heldOut);

const temp = mkdtempSync(join(tmpdir(), 'leveler-measure-'));
try {
  cpSync(join(root, 'data'), temp, { recursive: true });
  writeFileSync(join(temp, 'train.csv'), [head, ...train].join('\n') + '\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-occupations.mjs'), onet, '--filings', join(temp, 'train.csv'), '--out-dir', temp], { stdio: ['ignore', 'ignore', 'inherit'] });
  const lib = await import(join(root, 'dist', 'internal.js'));
  const { ladder, lexicon } = await lib.loadLadder(temp, root);
  // As shipped: a place at the end of a title is not read (src/core/stages/places.ts).
  const matcher = (await lib.createMatcher(ladder, lexicon)).useOccupations(lib.occupationSource(temp, root)).usePlaces(lib.placeSource(temp, root));
  const keys = head.split(',');
  const col = (name) => keys.indexOf(name);
  let right = 0, rightWeighted = 0, weight = 0, major = 0, none = 0;
  const wrong = [];
  const bySource = {};
  const started = process.hrtime.bigint();
  for (const line of test) {
    const f = csvFields(line);
    const [title, soc, n] = [f[col('title')], f[col('soc_code')], Number(f[col('filings')]) || 1];
    const occupation = matcher.match(title, { top: 0 }).match?.occupation ?? null;
    const code = occupation?.code.slice(0, 7) ?? null;
    const by = (bySource[occupation?.source ?? 'none'] ??= { titles: 0, right: 0 });
    by.titles++;
    if (code === soc) by.right++;
    weight += n;
    if (code === null) none++;
    if (code === soc) {
      right++;
      rightWeighted += n;
    }
    else wrong.push([title, soc, code]);
    if (code?.slice(0, 2) === soc.slice(0, 2)) major++;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(`held-out titles: ${test.length.toLocaleString('en-US')} (trained on ${train.length.toLocaleString('en-US')} and O*NET)`);
  console.log(`6-digit SOC right: ${pct(right / test.length)} of titles, ${pct(rightWeighted / weight)} of filings`);
  console.log(`major group right: ${pct(major / test.length)}; no occupation: ${pct(none / test.length)}; ${Math.round(test.length / (ms / 1000)).toLocaleString('en-US')} titles/s`);
  for (const [source, { titles, right: r }] of Object.entries(bySource)) console.log(`  by ${source}: ${pct(titles / test.length)} of titles, ${pct(r / titles)} right`);
  const pairs = new Map();
  for (const [, soc, code] of wrong) pairs.set(`filed ${soc}, read ${code ?? '-'}`, (pairs.get(`filed ${soc}, read ${code ?? '-'}`) ?? 0) + 1);
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, confusions)) console.log(`  ${n}\t${pair}`);
  for (const [title, soc, code] of wrong.slice(0, misses)) console.log(`  ${title} | filed ${soc} | read ${code ?? '-'}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
