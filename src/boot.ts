// How the built package loads its code (dist/boot.cjs): the whole of leveler is one CommonJS bundle,
// dist/leveler.cjs, compiled with V8's code cache, dist/leveler.cache, which the build makes by
// running the commands a cold start runs most (scripts/code-cache.mjs). A cold `leveler match` then
// skips compiling the code it runs, a third of its time over `node -e 0`.
//
// The cache is only ever an aid. V8 rejects one made by another Node (its version and flags) or for
// a source of another length (a rebuilt bundle); a bundle edited in place keeping its length V8
// would not see, so the cache file carries the bytes of the bundle it was made from and is used only
// when they are the bundle's, compared byte for byte (as the ladder snapshot compares its files).
// The code is otherwise compiled from the source, with the same behaviour. V8 does not check the
// cache's own bytes: a cache damaged in place, its length kept, is beyond these checks. The bin, the
// library's entries and batch's helper threads all load the bundle through load().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
export const BUNDLE_FILE = 'leveler.cjs';
export const CODE_CACHE_FILE = 'leveler.cache';

/** What the cache did: used, rejected (by V8, or older than the bundle: then compiled from the source), or there was none. */
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
  const bundle = readFileSync(file);
  const source = bundle.toString('utf8');
  let cachedData: Buffer | undefined;
  let stale = false;
  try {
    const sealed = readFileSync(join(here, CODE_CACHE_FILE));
    cachedData = unsealed(sealed, bundle);
    stale = cachedData === undefined;
  } catch {
    // No cache (a build that made none): compiled from the source.
  }
  // The wrapper Node gives a CommonJS module, so the bundle runs as `require` would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, here);
  loaded = { exports: module.exports, script, cache: stale || script.cachedDataRejected === true ? 'rejected' : cachedData === undefined ? 'none' : 'used' };
  return loaded;
}

const MAGIC = Buffer.from('LVC1');

/** A code cache file's bytes: a mark, the length and bytes of the bundle it was made from, then V8's data. */
export function sealCache(bundle: Buffer, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bundle.length);
  return Buffer.concat([MAGIC, length, bundle, data]);
}

/** V8's data from a cache file, when the file was made for exactly these bundle bytes. */
function unsealed(sealed: Buffer, bundle: Buffer): Buffer | undefined {
  const from = MAGIC.length + 4;
  if (sealed.length < from || !sealed.subarray(0, MAGIC.length).equals(MAGIC) || sealed.readUInt32LE(MAGIC.length) !== bundle.length) return undefined;
  return sealed.subarray(from, from + bundle.length).equals(bundle) ? sealed.subarray(from + bundle.length) : undefined;
}
