// Makes dist/leveler.cache, V8's code cache of leveler's bundle (see src/boot.ts): loads the bundle
// as the bin does, runs the commands a cold start runs most, to a pipe and to a terminal, so that
// the code they run is compiled, then writes what V8 compiled. Run by scripts/build.mjs in a Node of
// its own with no flags, as the bin runs (V8 rejects a cache made under other flags).
// Usage: node scripts/code-cache.mjs DIST_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { createRequire } from 'node:module';

const out = process.argv[2];
const { load, sealCache, BUNDLE_FILE, CODE_CACHE_FILE } = createRequire(import.meta.url)(join(out, 'boot.cjs'));
const { exports, script } = load();
const RUNS = [
  ['match', 'Associate ML'],
  ['match', 'Sr. ML Engineer', '--json'],
  ['match', 'Senoir ML Engineer'],
  ['match', 'Senior Data Scientist', '--years', '6'],
  ['match', 'Registered Nurse'],
  ['match', 'Lead Cook', '--json'],
  ['show', 'P3'],
];
const sink = (tty) => Object.assign(new Writable({ write: (_chunk, _enc, done) => done() }), { isTTY: tty, columns: 100, rows: 60 });
for (const tty of [false, true]) {
  for (const args of RUNS) {
    const io = { stdout: sink(tty), stderr: sink(tty), stdin: Object.assign(Readable.from([]), { isTTY: tty }), env: {}, cwd: out };
    const code = await exports.main(args, io);
    if (code !== 0) throw new Error(`leveler ${args.join(' ')} exited ${code} while warming the code cache`);
  }
}
// Sealed with the bundle's bytes: boot uses it only for exactly this bundle (see src/boot.ts).
writeFileSync(join(out, CODE_CACHE_FILE), sealCache(readFileSync(join(out, BUNDLE_FILE)), script.createCachedData()));
