// The occupation data, built by scripts/build-occupations.mjs: the O*NET occupations
// (data/occupations.json: description, tasks, technologies, Job Zone, education, sample titles) and
// the word table that points a title to one (data/occupation-words.tsv). Both are read only when a
// title needs them: a title of a ladder family never pays for them. The word table is searched in
// place, sorted lines and a binary search, so a cold `leveler match` reads it without parsing it.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Occupation, OccupationIndex } from '../core/occupations.js';
import { parseFeatureLine, type FeatureEntry, type OccupationModel } from '../core/occupation.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';

export const OCCUPATIONS_FILE = 'occupations.json';
export const OCCUPATION_WORDS_FILE = 'occupation-words.tsv';
const WORDS_MAGIC = 'leveler-occupation-words 1';
const REBUILD = 'rebuild it with node scripts/build-occupations.mjs';

/** The occupations and the word table, loaded on first use. */
export interface OccupationSource {
  index(): OccupationIndex;
  get(code: string): Occupation | undefined;
  model(): OccupationModel;
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
  return index as OccupationIndex;
}

/**
 * Lines sorted by key (the text before a tab, compared as UTF-8 bytes), searched in place. The first
 * lookups read only the blocks the binary search visits (a cold `leveler match` never reads the
 * whole table); after LOOKUPS_BEFORE_LOAD of them (a batch), the whole file is read once into a map.
 */
export class SortedFile {
  private fd: number | null;
  private whole: Buffer | null = null;
  /** Every line by key, once the whole file is read. */
  private lines: Map<string, string> | null = null;
  private readonly scratch = Buffer.alloc(BLOCK * 2);
  private lookups = 0;

  constructor(
    private readonly path: string,
    private readonly from: number,
    private readonly size: number,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** The rest of the line after `key` and a tab; undefined when no line has that key. */
  get(key: string): string | undefined {
    if (this.lines !== null) return this.lines.get(key);
    if (++this.lookups > LOOKUPS_BEFORE_LOAD) {
      this.loadWhole();
      return this.lines!.get(key);
    }
    const wanted = Buffer.from(key, 'utf8');
    let lo = this.from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = this.lineAt(mid);
      if (line === null) {
        this.loadWhole();
        return this.lines!.get(key);
      }
      const { bytes, base, start, end } = line;
      let tab = bytes.indexOf(9, start - base);
      if (tab < 0 || tab > end - base) tab = end - base;
      const order = Buffer.compare(bytes.subarray(start - base, tab), wanted);
      if (order === 0) return bytes.toString('utf8', Math.min(tab + 1, end - base), end - base);
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }

  /** The line holding byte `p`: its bounds, and a window of bytes that has it (from byte `base`); null when a line is longer than the window. */
  private lineAt(p: number): { bytes: Buffer; base: number; start: number; end: number } | null {
    let bytes: Buffer;
    let base: number;
    if (this.whole !== null) {
      bytes = this.whole;
      base = 0;
    } else {
      base = Math.max(this.from, p - BLOCK);
      const n = readSync(this.fd!, this.scratch, 0, Math.min(BLOCK * 2, this.size - base), base);
      bytes = this.scratch.subarray(0, n);
    }
    const before = p === this.from ? -1 : bytes.lastIndexOf(10, p - 1 - base);
    if (before < 0 && base > this.from && p !== this.from) return null;
    const start = before < 0 ? Math.max(base, this.from) : base + before + 1;
    const after = bytes.indexOf(10, p - base);
    if (after < 0 && base + bytes.length < this.size) return null;
    const end = after < 0 ? this.size : base + after;
    return { bytes, base, start, end };
  }

  /** Reads the whole file into a map by key: a batch looks up many thousands of keys. */
  private loadWhole(): void {
    this.whole = readFileSync(this.path);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const text = this.whole.toString('utf8', this.from);
    this.lines = new Map();
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      if (tab >= 0 && tab < end) this.lines.set(text.slice(at, tab), text.slice(tab + 1, end));
      else if (end > at) this.lines.set(text.slice(at, end), '');
      at = end + 1;
    }
  }
}

/** Bytes read around each step of a cold binary search. */
const BLOCK = 4096;
const LOOKUPS_BEFORE_LOAD = 400;
/** Features looked up once are kept; the memo is emptied past this many (a batch of random titles). */
const MEMO_LIMIT = 200_000;

export function loadOccupationModel(ladderDir: string, cwd: string): OccupationModel {
  const path = pick(ladderDir, OCCUPATION_WORDS_FILE);
  let head: Buffer;
  let size: number;
  try {
    size = statSync(path).size;
    const fd = openSync(path, 'r');
    head = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the occupation word table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
  const first = head.indexOf(10);
  const second = head.indexOf(10, first + 1);
  if (!head.toString('utf8', 0, WORDS_MAGIC.length).startsWith(WORDS_MAGIC) || second < 0) {
    throw new DataError(`the occupation word table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  }
  const codes = head.toString('utf8', first + 1, second).split(' ');
  const table = new SortedFile(path, second + 1, size);
  // null: looked up, and not in the table.
  const memo = new Map<string, FeatureEntry | null>();
  return {
    feature(key) {
      const known = memo.get(key);
      if (known !== undefined) return known ?? undefined;
      const rest = key.startsWith('=') ? undefined : table.get(key);
      const entry = rest === undefined ? null : parseFeatureLine(rest, codes);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, entry);
      return entry ?? undefined;
    },
    exact(key) {
      const rest = table.get(`=${key}`);
      return rest === undefined ? undefined : codes[Number(rest)];
    },
  };
}

/** Both files of a ladder folder, each read on first use. */
export function occupationSource(ladderDir: string, cwd: string): OccupationSource {
  let index: OccupationIndex | undefined;
  let byCode: Map<string, Occupation> | undefined;
  let model: OccupationModel | undefined;
  const source: OccupationSource = {
    index: () => (index ??= loadOccupations(ladderDir, cwd)),
    get(code) {
      byCode ??= new Map(source.index().occupations.map((o) => [o.code, o]));
      return byCode.get(code);
    },
    model: () => (model ??= loadOccupationModel(ladderDir, cwd)),
  };
  return source;
}
