// Finds and loads the ladder: --data, else LEVELER_DATA, else the data/ shipped with the package
// (found from this file, not from the working directory).
//
// Start-up speed: parsing YAML costs more than the rest of a `match`. The build writes a snapshot
// of the validated shipped ladder next to the bundle, with the text it was built from. When the
// files on disk have the same text (whatever folder they are in), the snapshot is used as is; an edited
// or a user ladder is parsed and validated from its YAML.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

export interface Snapshot extends LoadedLadder {
  /** The text of each file the snapshot was built from, by file name. */
  sources: Record<string, string>;
}

/** Comparing the text itself is exact, and cheaper at start-up than hashing it. */
function sameSources(snapshot: Snapshot, files: DataFile[]): boolean {
  return Object.keys(snapshot.sources).length === files.length && files.every((f) => snapshot.sources[f.name] === f.text);
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

/** The ladder file first, then the family files in name order. */
export function readLadderFiles(dir: string, cwd: string): DataFile[] {
  const hint = 'point --data (or LEVELER_DATA) at a folder holding ladder.yaml and families/*.yaml';
  const ladderPath = join(dir, LADDER_FILE);
  const files: DataFile[] = [{ name: LADDER_FILE, display: displayPath(ladderPath, cwd), text: readText(ladderPath, cwd, hint) }];
  const familiesPath = join(dir, FAMILIES_DIR);
  if (!existsSync(familiesPath)) return files;
  let names: string[];
  try {
    names = readdirSync(familiesPath).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    throw new DataError(`cannot read ${displayPath(familiesPath, cwd)}: ${reason(e)}`, hint);
  }
  for (const name of names) {
    const path = join(familiesPath, name);
    files.push({ name, display: displayPath(path, cwd), text: readText(path, cwd, hint) });
  }
  return files;
}

function readText(path: string, cwd: string, hint: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const what = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : reason(e);
    throw new DataError(`cannot read the ladder: ${displayPath(path, cwd)}: ${what}`, hint);
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a folder' : (err.message ?? String(e));
}

function readSnapshot(): Snapshot | null {
  try {
    return JSON.parse(readFileSync(join(here, SNAPSHOT_FILE), 'utf8')) as Snapshot;
  } catch {
    return null;
  }
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
  const files = readLadderFiles(dir, cwd);
  const snapshot = readSnapshot();
  if (snapshot !== null && sameSources(snapshot, files)) return snapshot;
  const { ladder, problems } = await checkLadderFiles(files);
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
export function makeSnapshot(files: DataFile[], ladder: Ladder): Snapshot {
  return { sources: Object.fromEntries(files.map((f) => [f.name, f.text])), ladder, lexicon: compileLexicon(ladder) };
}
