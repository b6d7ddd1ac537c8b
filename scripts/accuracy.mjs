#!/usr/bin/env node
// The project's accuracy check, through `leveler eval`: each labelled file scored as
// ../shared/tools/accuracy.mjs scores it ("?" right, an empty level or family meaning none), with
// the misses. Files: the arguments, else ../shared/acceptance/*.csv when present, else the copies in
// tests/fixtures/acceptance-*.csv. Exit 0 when every row is right, 1 when any is wrong.
// Usage: npm run build && npm run accuracy [-- FILE.csv ...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let files = process.argv.slice(2);
if (files.length === 0) {
  const shared = join(root, '..', 'shared', 'acceptance');
  const dir = existsSync(shared) ? shared : join(root, 'tests', 'fixtures');
  files = readdirSync(dir).filter((f) => f.endsWith('.csv') && (dir === shared || f.startsWith('acceptance-'))).sort().map((f) => join(dir, f));
}
let wrong = 0;
let total = 0;
for (const file of files) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'leveler.js'), 'eval', file, '--json', '--top', '1000', '--column', 'title', '--years-column', 'years'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`accuracy: leveler eval ${file} failed (exit ${r.status}): ${r.stderr.trim()}`);
    process.exit(2);
  }
  const report = JSON.parse(r.stdout);
  // As accuracy.mjs counts: a "?" label is right, so percentages are of every row.
  const rowPct = (s) => (((s.right + (report.rows - s.scored)) * 100) / report.rows).toFixed(1);
  console.log(`${basename(file)}: ${report.rowsRight}/${report.rows} right (level ${rowPct(report.level)}%, family ${rowPct(report.family)}%)`);
  for (const m of [...report.misses].sort((a, b) => a.row - b.row)) {
    const want = (x) => (x === null ? '?' : x === '' ? 'none' : x);
    const got = (x) => x ?? 'none';
    console.log(`  "${m.title}"${m.years === null ? '' : ` (${m.years} yrs)`}: want ${want(m.want.level)}/${want(m.want.family)}, got ${got(m.got.level)}/${got(m.got.family)}`);
  }
  total += report.rows;
  wrong += report.rows - report.rowsRight;
}
console.log(`${total - wrong} passed, ${wrong} failed`);
process.exit(wrong === 0 ? 0 : 1);
