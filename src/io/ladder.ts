// Finds and loads the ladder: --data, else LEVELER_DATA, else the data/ shipped with the package
// (found from this file, not from the working directory).
//
// Start-up speed: parsing YAML costs more than the rest of a `match`. The build writes a snapshot
// of the validated shipped ladder next to the bundle, with its build id and the bytes of each file
// it was built from. When the code is that build's and the files on disk are byte for byte the same
// (whatever folder they are in), the snapshot is used as is; an edited or a user ladder is parsed
// from its YAML.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type LexiconData } from '../core/lexicon.js';
import type { LadderSettings } from '../core/schema.js';
import type { Ladder } from '../core/types.js';
import { DataError } from '../errors.js';
import type { OccupationSpans } from './occupations.js';

export interface DataFile {
  /** File name within the ladder folder ("ladder.yaml", "ai-ml.yaml"). */
  name: string;
  /** Path as shown to the user. */
  display: string;
  text: string;
}

export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

/** A ladder ready for matching: the data, and its compiled lexicon. */
export interface LoadedLadder {
  ladder: Ladder;
  lexicon: LexiconData;
  /** The build's answers for common family titles, and the stamp of the word table they were read from (see OccupationSource). */
  familyOccupations?: FamilyOccupationCache;
}

/** Occupations of common family titles, by "family<TAB>occupation words and parts" (occupationPartsKey), worked out at build time from the word table stamped `stamp`. */
export interface FamilyOccupationCache {
  stamp: string;
  table: Record<string, string>;
  /** Where each record of the shipped occupations.json lies (see OccupationSpans); parsed on first use. */
  spans?: OccupationSpans;
}

/** A ladder file as the snapshot saw it. */
interface FileStamp {
  name: string;
  /** Its length in bytes; the bytes themselves follow the snapshot's JSON line. */
  size: number;
}

/** A snapshot as read: its JSON, and the bytes of the files it was built from. */
interface ReadSnapshot {
  snapshot: Snapshot;
  bytes: Buffer;
}

export interface Snapshot extends LoadedLadder {
  /** The byte length of each family's cards, as JSON after the JSON line, in family order. */
  cards?: number[];
  /** The byte length of the occupations' spans, as JSON after the cards (see FamilyOccupationCache). */
  spans?: number;
  /** The build that wrote it: a snapshot is used only by the code it was built with. */
  build: string;
  files: FileStamp[];
}

declare const __LEVELER_BUILD__: string | undefined;
/** Set by the bundler for each build; code run from source never uses a snapshot. */
export const BUILD_ID = typeof __LEVELER_BUILD__ === 'string' ? __LEVELER_BUILD__ : 'source';

/** A ladder file is a few hundred KB; anything far larger is a mistake (or /dev/zero). */
export const MAX_LADDER_FILE_BYTES = 4 * 1024 * 1024;

export const SNAPSHOT_FILE = 'ladder.snapshot.json';
const LADDER_FILE = 'ladder.yaml';
const FAMILIES_DIR = 'families';

const here = dirname(fileURLToPath(import.meta.url));

/** The data/ folder of the installed package (from dist/ or from src/io/). */
export function shippedDataDir(): string {
  for (const up of ['..', '../..']) {
    const dir = resolve(here, up, 'data');
    if (existsSync(join(dir, LADDER_FILE))) return dir;
  }
  return resolve(here, '..', 'data');
}

export function ladderDir(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = flag ?? (env.LEVELER_DATA || undefined);
  return chosen === undefined ? shippedDataDir() : resolve(cwd, chosen);
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The ladder's files, without reading them: ladder.yaml first, then families/*.yaml by name. */
function listLadderFiles(dir: string, cwd: string): { name: string; path: string }[] {
  const files = [{ name: LADDER_FILE, path: join(dir, LADDER_FILE) }];
  const familiesPath = join(dir, FAMILIES_DIR);
  if (!existsSync(familiesPath)) return files;
  try {
    for (const name of readdirSync(familiesPath).filter((n) => /\.ya?ml$/.test(n)).sort()) files.push({ name, path: join(familiesPath, name) });
  } catch (e) {
    throw new DataError(`cannot read ${displayPath(familiesPath, cwd)}: ${reason(e)}`, DATA_HINT);
  }
  return files;
}

/**
 * Whether the snapshot was written by this build from exactly the files on disk. Every byte is
 * compared, every time (a fraction of a millisecond): size and modification time survive an edit.
 */
function snapshotFits({ snapshot, bytes }: ReadSnapshot, dir: string, cwd: string): boolean {
  if (snapshot.build !== BUILD_ID || BUILD_ID === 'source') return false;
  const files = listLadderFiles(dir, cwd);
  if (files.length !== snapshot.files.length || files.some((f, i) => f.name !== snapshot.files[i]!.name)) return false;
  let at = 0;
  return files.every((f, i) => {
    const size = snapshot.files[i]!.size;
    const same = readBytes(f.path, cwd).equals(bytes.subarray(at, at + size));
    at += size;
    return same;
  });
}

/** The ladder file first, then the family files in name order. */
export function readLadderFiles(dir: string, cwd: string): DataFile[] {
  return listLadderFiles(dir, cwd).map(({ name, path }) => ({ name, display: displayPath(path, cwd), text: readText(path, cwd) }));
}

const DATA_HINT = 'point --data (or LEVELER_DATA) at a folder holding ladder.yaml and families/*.yaml';

/**
 * A ladder file's text. Only a regular file is read (a FIFO would hang, a device never end), at most
 * MAX_LADDER_FILE_BYTES, and it must be UTF-8: a bad byte is named by its line, never shown as U+FFFD.
 */
export function readText(path: string, cwd: string): string {
  return decodeUtf8(readBytes(path, cwd), displayPath(path, cwd));
}

function readBytes(path: string, cwd: string): Buffer {
  const shown = displayPath(path, cwd);
  const fail = (what: string, hint = DATA_HINT) => new DataError(`cannot read the ladder: ${what}`, hint);
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once, to be refused below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fail(`${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : reason(e)}`);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw fail(`${shown}: is a folder`);
    if (!info.isFile()) throw fail(`${shown}: not a regular file (a device, FIFO or socket)`, 'a ladder file must be a plain YAML file');
    const bytes = readCapped(fd, info.size);
    if (bytes === null) throw fail(`${shown}: larger than ${MAX_LADDER_FILE_BYTES / 1048576} MB`, 'a ladder file is a few hundred KB at most; check the path');
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The whole file, or null when it holds more than MAX_LADDER_FILE_BYTES (whatever its size says). */
function readCapped(fd: number, size: number): Buffer | null {
  let buffer = Buffer.allocUnsafe(Math.min(size, MAX_LADDER_FILE_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_LADDER_FILE_BYTES) return null;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_LADDER_FILE_BYTES + 1));
      buffer.copy(bigger);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return length > MAX_LADDER_FILE_BYTES ? null : buffer.subarray(0, length);
}

function decodeUtf8(bytes: Buffer, shown: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw new DataError(`invalid ladder: ${shown}:${line}: not valid UTF-8 text`, 'save the file as UTF-8');
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a folder' : (err.message ?? String(e));
}

/**
 * The snapshot file is one line of JSON, then the bytes of the ladder files it was built from:
 * they are compared as bytes, never decoded or parsed as JSON strings at start-up.
 */
function readSnapshot(): ReadSnapshot | null {
  for (const dir of [here, join(here, '..')]) {
    try {
      const buffer = readFileSync(join(dir, SNAPSHOT_FILE));
      const end = buffer.indexOf(10);
      const snapshot = JSON.parse(buffer.toString('utf8', 0, end)) as Snapshot;
      // Cards are parsed when a family's card is first shown: most runs show one, or none.
      let at = end + 1;
      // `key` of `target` is the JSON of the next `size` bytes, parsed on first read.
      const lazy = (target: object, key: string, size: number) => {
        const from = at;
        at += size;
        let value: unknown;
        Object.defineProperty(target, key, { enumerable: true, get: () => (value ??= JSON.parse(buffer.toString('utf8', from, from + size))) });
      };
      snapshot.ladder.families.forEach((family, i) => lazy(family, 'cards', snapshot.cards?.[i] ?? 0));
      // The occupations' spans, parsed when a title of no family first needs its occupation's record.
      if (snapshot.familyOccupations && snapshot.spans) lazy(snapshot.familyOccupations, 'spans', snapshot.spans);
      else at += snapshot.spans ?? 0;
      return { snapshot, bytes: buffer.subarray(at) };
    } catch {
      // not here
    }
  }
  return null;
}

/** The snapshot file's content: see readSnapshot(). */
export function serializeSnapshot(dir: string, cwd: string, ladder: Ladder, familyOccupations?: FamilyOccupationCache): Buffer {
  const files = listLadderFiles(dir, cwd).map(({ name, path }) => ({ name, bytes: readBytes(path, cwd) }));
  const cards = ladder.families.map((f) => Buffer.from(JSON.stringify(f.cards), 'utf8'));
  const withoutCards = { ...ladder, families: ladder.families.map((f) => ({ ...f, cards: {} })) };
  const spans = familyOccupations?.spans;
  const spanBytes = spans ? Buffer.from(JSON.stringify(spans), 'utf8') : Buffer.alloc(0);
  const snapshot: Snapshot = {
    build: BUILD_ID,
    files: files.map((f) => ({ name: f.name, size: f.bytes.length })),
    cards: cards.map((c) => c.length),
    spans: spanBytes.length,
    ladder: withoutCards,
    lexicon: compileLexicon(ladder),
    ...(familyOccupations ? { familyOccupations: { stamp: familyOccupations.stamp, table: familyOccupations.table } } : {}),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(snapshot)}\n`, 'utf8'), ...cards, spanBytes, ...files.map((f) => f.bytes)]);
}

/**
 * Parses and validates the files; every problem with its file and line. The settings the ladder
 * file leaves out (confidence, counts, occupationChoice) are `inherit`'s: by default the shipped
 * ladder's; null for none (the shipped ladder itself, which must set them all).
 */
export async function checkLadderFiles(files: DataFile[], inherit?: LadderSettings | null): Promise<{ ladder: Ladder | null; problems: Problem[] }> {
  const { parseLadder } = await import('./parse-ladder.js');
  return parseLadder(files, inherit === undefined ? await shippedSettings() : inherit);
}

let shipped: Promise<LadderSettings> | undefined;
/** The shipped ladder's settings: from the snapshot when it fits, else from its files. */
function shippedSettings(): Promise<LadderSettings> {
  shipped ??= (async () => {
    const dir = shippedDataDir();
    const read = readSnapshot();
    const ladder = read !== null && snapshotFits(read, dir, dir) ? read.snapshot.ladder : (await checkLadderFiles(readLadderFiles(dir, dir), null)).ladder;
    if (ladder === null) throw new DataError('the shipped ladder is invalid', 'reinstall leveler, or run `leveler validate` on data/');
    return { confidence: ladder.confidence, counts: ladder.counts, occupationChoice: ladder.occupationChoice };
  })();
  return shipped;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`;
}

export async function loadLadder(dir: string, cwd: string): Promise<LoadedLadder> {
  const read = readSnapshot();
  if (read !== null && snapshotFits(read, dir, cwd)) return read.snapshot;
  const { ladder, problems } = await checkLadderFiles(readLadderFiles(dir, cwd));
  if (ladder === null) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DataError(
      `invalid ladder: ${formatProblem(problems[0]!)}${more}`,
      `run \`leveler validate --data ${displayPath(dir, cwd)}\` to list every problem`,
    );
  }
  return { ladder, lexicon: compileLexicon(ladder) };
}

