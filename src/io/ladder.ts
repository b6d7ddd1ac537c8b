// Finds and loads the ladder: --data, else LEVELER_DATA, else the data/ shipped with the package
// (found from this file, not from the working directory).
//
// Start-up speed: parsing YAML costs more than the rest of a `match`. The build writes a snapshot
// of the validated shipped ladder next to the bundle, with the size, time and hash of the files it
// was built from. When the files on disk are those (whatever folder they are in), the snapshot is
// used as is; an edited or a user ladder is parsed and validated from its YAML.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type LexiconData } from '../core/lexicon.js';
import type { Ladder } from '../core/types.js';
import { DataError } from '../errors.js';

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
}

/** A ladder file as the snapshot saw it. */
interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface Snapshot extends LoadedLadder {
  files: FileStamp[];
}

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
 * Whether the files on disk are the ones the snapshot was built from. Size and modification time
 * answer without reading a byte; when they differ (a copied or unpacked ladder), the text decides.
 */
function snapshotFits(snapshot: Snapshot, dir: string, cwd: string): boolean {
  const files = listLadderFiles(dir, cwd);
  if (files.length !== snapshot.files.length) return false;
  const stats = files.map((f) => {
    try {
      return statSync(f.path);
    } catch {
      return null;
    }
  });
  const stamps = snapshot.files;
  if (files.every((f, i) => f.name === stamps[i]!.name && stats[i]?.size === stamps[i]!.size && stats[i]?.mtimeMs === stamps[i]!.mtimeMs)) {
    return true;
  }
  return readLadderFiles(dir, cwd).every((f, i) => f.name === stamps[i]!.name && hashText(f.text) === stamps[i]!.hash);
}

/** FNV-1a: cheap, and plenty to tell an edited file. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** The ladder file first, then the family files in name order. */
export function readLadderFiles(dir: string, cwd: string): DataFile[] {
  return listLadderFiles(dir, cwd).map(({ name, path }) => ({ name, display: displayPath(path, cwd), text: readText(path, cwd) }));
}

const DATA_HINT = 'point --data (or LEVELER_DATA) at a folder holding ladder.yaml and families/*.yaml';

function readText(path: string, cwd: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const what = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : reason(e);
    throw new DataError(`cannot read the ladder: ${displayPath(path, cwd)}: ${what}`, DATA_HINT);
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a folder' : (err.message ?? String(e));
}

/** The build's snapshot: beside the CLI bundle, or one folder up from the library's chunks. */
function readSnapshot(): Snapshot | null {
  for (const dir of [here, join(here, '..')]) {
    try {
      return JSON.parse(readFileSync(join(dir, SNAPSHOT_FILE), 'utf8')) as Snapshot;
    } catch {
      // not here
    }
  }
  return null;
}

/** Parses and validates the files; every problem with its file and line. */
export async function checkLadderFiles(files: DataFile[]): Promise<{ ladder: Ladder | null; problems: Problem[] }> {
  const { parseLadder } = await import('./parse-ladder.js');
  return parseLadder(files);
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`;
}

export async function loadLadder(dir: string, cwd: string): Promise<LoadedLadder> {
  const snapshot = readSnapshot();
  if (snapshot !== null && snapshotFits(snapshot, dir, cwd)) return snapshot;
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

/** What the build stores next to the bundle. */
export function makeSnapshot(dir: string, cwd: string, ladder: Ladder): Snapshot {
  const files = listLadderFiles(dir, cwd).map(({ name, path }) => {
    const stat = statSync(path);
    return { name, size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(readText(path, cwd)) };
  });
  return { files, ladder, lexicon: compileLexicon(ladder) };
}
