// The occupation data, built by scripts/build-occupations.mjs: the O*NET occupations
// (data/occupations.json: description, tasks, technologies, Job Zone, education, sample titles) and
// the word table that points a title to one (data/occupation-words.tsv). Both are read only when a
// title needs them (a common family title is answered from the build's cache). The word table is
// searched in place through its sparse index, so a cold `leveler match` reads a block, not the file.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SortedFile, type SparseIndex } from './sorted-file.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withGroupJobZones, type Occupation, type OccupationIndex } from '../core/occupations.js';
import type { OccupationModel } from '../core/occupation.js';
import { packHead, PackedTable, packTable } from '../core/occupation-pack.js';
import { parseExactLine, parseFeatureLine, parseHead, WordTable, type TableHead } from '../core/occupation-table.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir, type FamilyOccupationCache } from './ladder.js';

export const OCCUPATIONS_FILE = 'occupations.json';
export const OCCUPATION_WORDS_FILE = 'occupation-words.tsv';
const REBUILD = 'rebuild it with node scripts/build-occupations.mjs';

/** The occupations and the word table, loaded on first use. */
export interface OccupationSource {
  index(): OccupationIndex;
  /** An occupation by its O*NET-SOC code, or by a 6-digit SOC code (its .00 occupation, else its first). */
  get(code: string): Occupation | undefined;
  model(): OccupationModel;
  /** A family title's occupation as the build worked it out (see scripts/build.mjs); undefined when it did not. */
  familyOccupation(family: string, key: string): string | undefined;
}

/** The stamp in the word table's first line ("stamp 0123…"), read without reading the rest. */
export function tableStamp(path: string): string | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(1024);
      const n = readSync(fd, head, 0, head.length, 0);
      const line = head.toString('utf8', 0, n).split('\n', 1)[0]!;
      return /\tstamp ([0-9a-f]+)$/.exec(line)?.[1] ?? null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** The ladder folder's own file when it has one, else the shipped one. */
function pick(ladderDir: string, name: string): string {
  const own = join(ladderDir, name);
  return existsSync(own) ? own : join(shippedDataDir(), name);
}

function read(path: string, cwd: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the ${what}: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
}

export function loadOccupations(ladderDir: string, cwd: string): OccupationIndex {
  const path = pick(ladderDir, OCCUPATIONS_FILE);
  let data: unknown;
  try {
    data = JSON.parse(read(path, cwd, 'occupation index'));
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`cannot read the occupation index: ${displayPath(path, cwd)}: not valid JSON`, REBUILD);
  }
  const index = data as Partial<OccupationIndex>;
  if (!Array.isArray(index.occupations) || typeof index.version !== 'string') {
    throw new DataError(`the occupation index ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  }
  return withGroupJobZones(index as OccupationIndex);
}

/**
 * Where each occupation's record lies in the bytes of occupations.json, worked out by the build
 * (scripts/build.mjs, into the ladder snapshot): a cold `match` of a title of no family then parses
 * the one record it shows, not the whole file. Used only for a file of exactly these bytes (`sha1`).
 */
export interface OccupationSpans {
  sha1: string;
  codes: string[];
  /** Each record's first and last-but-one byte, two numbers per occupation, in file order. */
  spans: number[];
  /** The groupJobZone withGroupJobZones() gives each occupation O*NET gives no Job Zone. */
  groupJobZones: Record<string, number | null>;
}

// Required when first used, not imported: loading node:crypto costs a cold start about 7 ms, and
// only a title of no family reads the spans.
const digest = (algorithm: 'sha1' | 'sha256', bytes: Uint8Array) =>
  (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash(algorithm).update(bytes).digest('hex');
const sha1 = (bytes: Uint8Array) => digest('sha1', bytes);
/** The digest a pack of the word table names its table by (see packedTable()). */
const tableDigest = (bytes: Uint8Array) => digest('sha256', bytes);

/**
 * The spans of an occupations.json's records: each object of the occupations array, found by
 * scanning the bytes for braces outside strings, then checked against the whole file parsed (the
 * reference): null when they differ in any way.
 */
export function occupationSpans(bytes: Buffer): OccupationSpans | null {
  const index = withGroupJobZones(JSON.parse(bytes.toString('utf8')) as OccupationIndex);
  const spans: number[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth === 3 && c === 0x7b) start = i;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth === 3 && c === 0x7d) spans.push(start, i + 1);
      depth--;
    }
  }
  if (spans.length !== 2 * index.occupations.length) return null;
  const groupJobZones: Record<string, number | null> = {};
  for (const [i, o] of index.occupations.entries()) {
    if (o.jobZone === null) groupJobZones[o.code] = o.groupJobZone ?? null;
    if (JSON.stringify(recordAt(bytes, spans, i, groupJobZones)) !== JSON.stringify(o)) return null;
  }
  return { sha1: sha1(bytes), codes: index.occupations.map((o) => o.code), spans, groupJobZones };
}

/** The record at span `i`, as withGroupJobZones() completes it. */
function recordAt(bytes: Buffer, spans: readonly number[], i: number, groupJobZones: Record<string, number | null>): Occupation {
  const o = JSON.parse(bytes.toString('utf8', spans[2 * i], spans[2 * i + 1])) as Occupation;
  if (o.jobZone === null) o.groupJobZone = groupJobZones[o.code] ?? null;
  return o;
}

/**
 * Occupations by code read one record at a time through the build's spans, the way the whole
 * file's index finds them (see OccupationSource.get); null when the spans do not fit the file.
 */
function spannedRecords(path: string, spans: OccupationSpans): ((code: string) => Occupation | undefined) | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (sha1(bytes) !== spans.sha1) return null;
  // The last of a code, as a Map built from the list keeps it.
  const at = new Map(spans.codes.map((c, i) => [c, i]));
  const read = new Map<number, Occupation>();
  return (wanted) => {
    const i = at.get(wanted) ?? at.get(`${wanted}.00`) ?? spans.codes.findIndex((c) => c.startsWith(`${wanted}.`));
    if (i === undefined || i < 0) return undefined;
    let o = read.get(i);
    if (o === undefined) read.set(i, (o = recordAt(bytes, spans.spans, i, spans.groupJobZones)));
    return o;
  };
}

/** The first bytes of a file, enough to hold its first `lines` lines (at most 4 MB). */
function readHead(path: string, lines: number): { head: Buffer; size: number } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    for (let want = 64 * 1024; ; want *= 4) {
      const head = Buffer.alloc(Math.min(size, want));
      readSync(fd, head, 0, head.length, 0);
      let seen = 0;
      for (let at = head.indexOf(10); at >= 0 && seen < lines; at = head.indexOf(10, at + 1)) seen++;
      if (seen >= lines || head.length === size || want >= 4 * 1024 * 1024) return { head, size };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A word table's header from its first bytes, and where its body starts; null when they are not a
 * table leveler built. The format is src/core/occupation-table.ts's: three header lines, then the
 * sorted body.
 */
function headOf(bytes: Buffer): { parsed: TableHead; body: number } | null {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  const third = second < 0 ? -1 : bytes.indexOf(10, second + 1);
  if (third < 0) return null;
  const parsed = parseHead(bytes.toString('utf8', 0, first), bytes.toString('utf8', first + 1, second), bytes.toString('utf8', second + 1, third));
  return parsed === null ? null : { parsed, body: third + 1 };
}

/** The model, and how it reads the table now: line by line through the index, or whole from the build's pack or the body. */
export type LoadedModel = OccupationModel & { reading(): 'lines' | 'pack' | 'body' };

export function loadOccupationModel(ladderDir: string, cwd: string): LoadedModel {
  const path = pick(ladderDir, OCCUPATION_WORDS_FILE);
  const notOurs = () => new DataError(`the occupation word table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  let head: Buffer;
  let size: number;
  try {
    ({ head, size } = readHead(path, 3));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the occupation word table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
  const read = headOf(head);
  if (read === null) throw notOurs();
  const { parsed, body } = read;
  const { codes, scale } = parsed;
  const index: SparseIndex = { keys: parsed.index.map((p) => p[0]), offsets: parsed.index.map((p) => body + p[1]) };
  const table = new SortedFile(path, body, size, index);
  // A few lookups (a `match`) read lines through the index; a batch's many read the body whole, once.
  let lookups = 0;
  let whole: WholeTable | null = null;
  const wholeTable = (): WholeTable | null => {
    if (whole === null && ++lookups > LOOKUPS_BEFORE_WHOLE) {
      try {
        // Read once: the pack's check (its digest) and, without a pack that fits, the body.
        const bytes = readFileSync(path);
        whole = packedTable(bytes, codes) ?? new WordTable(bytes.toString('utf8', body), codes);
        table.close();
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
        throw new DataError(`cannot read the occupation word table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
      }
    }
    return whole;
  };
  const lineFeature = memoised((key) => {
    const rest = table.get(key);
    return rest === undefined ? undefined : parseFeatureLine(rest, codes.length);
  });
  const lineExact = memoised((key) => {
    const rest = table.get(`=${key}`);
    return rest === undefined ? undefined : parseExactLine(rest, codes);
  });
  return {
    codes,
    scale,
    feature: (key) => {
      if (key.startsWith('=')) return undefined;
      const all = wholeTable();
      return all !== null ? all.feature(key) : lineFeature(key);
    },
    exact: (key) => {
      const all = wholeTable();
      return all !== null ? all.exact(key) : lineExact(key);
    },
    reading: () => (whole === null ? 'lines' : whole instanceof PackedTable ? 'pack' : 'body'),
  };
}

/** A word table read whole: the pack the build made of it, or its body read here. */
type WholeTable = Pick<WordTable, 'feature' | 'exact'>;

/** The pack of the shipped word table, beside the bundle (see scripts/build.mjs). */
export const OCCUPATION_PACK_FILE = 'occupation-words.pack';
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The build's pack of a table (dist/occupation-words.pack), used only for a table of exactly the
 * bytes it was packed from (`table`; the SHA-256 in its head); null when there is none, or it
 * is of other bytes or broken (not a pack, or not of the size its head says): the table's body is then read
 * here. As with the code cache (src/boot.ts), a pack damaged in place, its size kept, is beyond
 * these checks: the build writes it, and nothing else does.
 */
function packedTable(table: Uint8Array, codes: readonly string[]): PackedTable | null {
  for (const dir of [here, join(here, '..')]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, OCCUPATION_PACK_FILE));
    } catch {
      continue;
    }
    const read = packHead(bytes);
    if (read === null || read.head.digest !== tableDigest(table)) return null;
    try {
      return new PackedTable(bytes, codes);
    } catch {
      return null;
    }
  }
  return null;
}

/** The pack of the word table at `path` (for the build): its body read here, laid out for PackedTable. */
export function packWordTable(path: string): Uint8Array {
  const bytes = readFileSync(path);
  const read = headOf(bytes);
  if (read === null) throw new Error(`${path}: not a word table leveler built`);
  const { codes } = read.parsed;
  return packTable(new WordTable(bytes.toString('utf8', read.body), codes), codes, tableDigest(bytes));
}

/** Lookups read through the word table's index before its body is read whole. */
const LOOKUPS_BEFORE_WHOLE = 400;

/** `read` with its answers kept, "not there" too (for the lookups before the body is read whole). */
function memoised<T>(read: (key: string) => T | undefined): (key: string) => T | undefined {
  // null: looked up, and not in the table.
  const memo = new Map<string, T | null>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = read(key);
    memo.set(key, found ?? null);
    return found;
  };
}

/**
 * Both files of a ladder folder, each read on first use; with the build's cache of family titles'
 * occupations. A ladder folder of one's own without a word table uses the shipped one: `notice`
 * hears so, once, when the table is first read.
 */
export function occupationSource(ladderDir: string, cwd: string, cache?: FamilyOccupationCache, notice?: (message: string) => void): OccupationSource {
  let index: OccupationIndex | undefined;
  let byCode: Map<string, Occupation> | undefined;
  let model: OccupationModel | undefined;
  let spanned: ((code: string) => Occupation | undefined) | null | undefined;
  // The cache holds only while the word table is the one it was worked out from.
  let cached: Record<string, string> | null | undefined = cache ? undefined : null;
  const source: OccupationSource = {
    index: () => (index ??= loadOccupations(ladderDir, cwd)),
    get(code) {
      const wanted = code.trim();
      // Until the whole index is read, a record at a time where the build's spans fit the file.
      if (index === undefined && spanned === undefined) spanned = cache?.spans ? spannedRecords(pick(ladderDir, OCCUPATIONS_FILE), cache.spans) : null;
      if (index === undefined && spanned) return spanned(wanted);
      byCode ??= new Map(source.index().occupations.map((o) => [o.code, o]));
      return byCode.get(wanted) ?? byCode.get(`${wanted}.00`) ?? source.index().occupations.find((o) => o.code.startsWith(`${wanted}.`));
    },
    model: () => {
      if (model === undefined && notice && !existsSync(join(ladderDir, OCCUPATION_WORDS_FILE)) && resolve(ladderDir) !== resolve(shippedDataDir())) {
        notice(`${displayPath(ladderDir, cwd)} has no ${OCCUPATION_WORDS_FILE} of its own: occupations are read with the shipped model (O*NET and U.S. filings)`);
      }
      return (model ??= loadOccupationModel(ladderDir, cwd));
    },
    familyOccupation(family, key) {
      if (cached === undefined) cached = tableStamp(pick(ladderDir, OCCUPATION_WORDS_FILE)) === cache!.stamp ? cache!.table : null;
      const found = cached?.[`${family}\t${key}`];
      return typeof found === 'string' ? found : undefined;
    },
  };
  return source;
}
