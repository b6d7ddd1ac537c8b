// How the built package loads its code (dist/boot.cjs): the whole of leveler is one CommonJS bundle,
// dist/leveler.cjs, compiled with V8's code cache, dist/leveler.cache, which the build makes by
// running the commands a cold start runs most (scripts/code-cache.mjs). A cold `leveler match` then
// skips compiling the code it runs, a third of its time over `node -e 0`.
//
// The cache is only ever an aid: V8 checks it against the source and its own version and flags, and
// rejects one that does not fit (another Node, a rebuilt bundle); the code is then compiled from the
// source as if there were no cache, with the same behaviour. The bin, the library's entries and
// batch's helper threads all load the bundle through load().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
export const BUNDLE_FILE = 'leveler.cjs';
export const CODE_CACHE_FILE = 'leveler.cache';

/** What the cache did: used, rejected by V8 (then compiled from the source), or there was none. */
export type CacheUse = 'used' | 'rejected' | 'none';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** The compiled bundle: the build asks it for a code cache once its warm-up has run. */
  script: Script;
  cache: CacheUse;
}

let loaded: LoadedBundle | undefined;

/** The bundle's exports; the bundle is compiled and run once per thread. */
export function load(): LoadedBundle {
  if (loaded) return loaded;
  const file = join(here, BUNDLE_FILE);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(here, CODE_CACHE_FILE));
  } catch {
    // No cache (a build that made none): compiled from the source.
  }
  // The wrapper Node gives a CommonJS module, so the bundle runs as `require` would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, here);
  loaded = { exports: module.exports, script, cache: cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used' };
  return loaded;
}
