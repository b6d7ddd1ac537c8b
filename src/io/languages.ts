// ESCO's occupation labels in eleven languages, each with the English label of its occupation
// (data/esco-labels.tsv, built by scripts/build-languages.mjs from ESCO v1.0.8). The file is sorted
// by a label's first word and searched in place through its sparse index: a title of English words
// the ladder knows never opens it, and a cold `leveler match` of a German title reads a block.
//   line 1: "leveler esco labels<TAB>1<TAB>…"
//   line 2: JSON {index: the sparse index [[key, offset], …], targets: the English labels, numbered}
//   line 3: "words N", then N bytes: the first words, one a line (a word not there starts no label)
//   body:   first word<TAB>entry;entry…   where entry = rest of the label|number of its English label|languages
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Translation } from '../core/lexicon.js';
import type { LabelLookup } from '../core/stages/translate.js';
import { DataError } from '../errors.js';
import { sortedLinesHave } from './dictionary.js';
import { displayPath, shippedDataDir } from './ladder.js';
import { SortedFile, type SparseIndex } from './sorted-file.js';

export const LABELS_FILE = 'esco-labels.tsv';
export const LABELS_MAGIC = 'leveler esco labels';
const REBUILD = 'rebuild it with node scripts/build-languages.mjs';
/** Parsed lines kept; past this many a batch of random titles starts again. */
const MEMO_LIMIT = 50_000;

/** The labels of the ladder folder's own file when it has one, else the shipped one; opened on the first lookup. */
export function labelSource(ladderDir: string, cwd: string): LabelLookup {
  const own = join(ladderDir, LABELS_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), LABELS_FILE);
  let table: Table | null | undefined;
  const memo = new Map<string, readonly Translation[] | null>();
  return {
    get(word) {
      if (table === undefined) table = open(path, cwd);
      if (table === null) return undefined;
      const known = memo.get(word);
      if (known !== undefined) return known ?? undefined;
      const rest = sortedLinesHave(table.words, word) ? table.lines.get(word) : undefined;
      const parsed = rest === undefined ? null : parseLine(word, rest, table.targets, table.shared);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, parsed);
      return parsed ?? undefined;
    },
  };
}

interface Table {
  /** The first words, a newline before and after each. */
  words: string;
  lines: SortedFile;
  /** The English labels, by number. */
  targets: string[];
  /** The words of the English labels and the lists of languages read so far, one array each for every line that names it. */
  shared: SharedParts;
}

/** Arrays labels share: the words of each English label (by number), each list of languages (by its text). */
interface SharedParts {
  to: (string[] | undefined)[];
  languages: Map<string, string[]>;
}

/** The table, or null when the ladder has none at all (a package built without it). */
function open(path: string, cwd: string): Table | null {
  if (!existsSync(path)) return null;
  const notOurs = () => new DataError(`the ESCO label table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    return readTable(fd, path, size, notOurs);
  } finally {
    closeSync(fd);
  }
}

/** The header, the first words and the sparse index over the body, read through one file handle. */
function readTable(fd: number, path: string, size: number, notOurs: () => DataError): Table {
  let head = '';
  // The three header lines: the sparse index is a few kilobytes.
  for (let want = 64 * 1024; ; want *= 2) {
    const buf = Buffer.alloc(Math.min(want, size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    head = buf.toString('utf8', 0, n);
    if (head.split('\n', 4).length >= 4 || n >= size) break;
  }
  const first = head.indexOf('\n');
  const second = first < 0 ? -1 : head.indexOf('\n', first + 1);
  const third = second < 0 ? -1 : head.indexOf('\n', second + 1);
  const wordBytes = third < 0 ? NaN : Number(/^words (\d+)$/.exec(head.slice(second + 1, third))?.[1]);
  if (!Number.isInteger(wordBytes) || !head.startsWith(`${LABELS_MAGIC}\t1\t`)) throw notOurs();
  let pairs: [string, number][];
  let targets: string[];
  try {
    ({ index: pairs, targets } = JSON.parse(head.slice(first + 1, second)) as { index: [string, number][]; targets: string[] });
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(pairs) || !Array.isArray(targets)) throw notOurs();
  const at = Buffer.byteLength(head.slice(0, third), 'utf8');
  const block = Buffer.alloc(wordBytes);
  if (readSync(fd, block, 0, wordBytes, at) !== wordBytes) throw notOurs();
  const body = at + wordBytes;
  const index: SparseIndex = { keys: pairs.map((p) => p[0]), offsets: pairs.map((p) => body + p[1]) };
  return { words: block.toString('utf8'), lines: new SortedFile(path, body, size, index), targets, shared: { to: [], languages: new Map() } };
}

/**
 * The labels a line holds: "rest|target|languages" entries, longest first. A line of a common word
 * holds a thousand ("manager"): the arrays of an English label's words and of a list of languages
 * are made once and shared (translations are only read).
 */
export function parseLine(first: string, rest: string, targets: readonly string[], shared: SharedParts = { to: [], languages: new Map() }): Translation[] {
  const out: Translation[] = [];
  for (const entry of rest.split(';')) {
    const [tail = '', number = '', languages = ''] = entry.split('|');
    const n = Number(number);
    const to = targets[n];
    if (to === undefined || number === '') continue;
    const words = (shared.to[n] ??= to.split(' '));
    let langs = shared.languages.get(languages);
    if (langs === undefined) shared.languages.set(languages, (langs = languages.split(',')));
    out.push({ words: tail === '' ? [first] : [first, ...tail.split(' ')], to: words, languages: langs, source: 'esco' });
  }
  return out.sort((a, b) => b.words.length - a.words.length);
}
