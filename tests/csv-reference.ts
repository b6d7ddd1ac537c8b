// The reference that batch's CSV reading and writing are held to: Python's csv module (excel
// dialect, newline='' text, blank lines dropped), and random CSV texts of every awkward kind.
import { spawnSync } from 'node:child_process';

/** Python's reading of each text: csv.reader over newline='' text, blank lines dropped. */
export function pythonRows(texts: string[], delimiter = ','): string[][][] {
  const script = [
    'import csv, io, json, sys',
    'out = []',
    'for t in json.load(sys.stdin):',
    `    out.append([r for r in csv.reader(io.StringIO(t, newline=''), delimiter=${JSON.stringify(delimiter)}) if r != []])`,
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) throw new Error(`python3 failed: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout) as string[][][];
}

/** A seeded generator of numbers in [0, 1): the same seed, the same texts. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Senior', 'ML', 'Engineer', 'Cook', 'Line', 'Data', 'Scientist', 'Lead', 'II', 'Nurse', 'Ingénieur', '研究员', 'Jr.'];

export interface RandomCsvOptions {
  rows: number;
  /** The longest long field, in characters. */
  longField?: number;
  delimiter?: string;
  /** How often a field is of an awkward kind, against plain words: 1 as generated, 0.05 for rare quotes. */
  awkward?: number;
}

/**
 * A CSV text with a header `title,team,note` and `rows` records: plain fields, fields that need
 * quoting (a delimiter, a quote, LF, CRLF or a lone CR inside), doubled quotes, long fields, empty
 * ones, the forms Python reads leniently (`"Senior" ML`, a quote inside an unquoted field), rows
 * short and long, blank lines, and LF, CRLF and lone-CR record ends mixed. Every quote is closed.
 */
export function randomCsv(random: () => number, { rows, longField = 3000, delimiter = ',', awkward = 1 }: RandomCsvOptions): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const quoteWhole = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const field = (): string => {
    const k = random() / awkward;
    if (k < 0.06) return quoteWhole(`${words(1)}${delimiter} ${words(1)}`);
    if (k < 0.1) return quoteWhole(`${words(1)}${pick(['\n', '\r\n', '\r'])}${words(1)}`);
    if (k < 0.14) return quoteWhole(`say "${words(1)}"`);
    if (k < 0.16) return quoteWhole(words(2));
    if (k < 0.18) return `"${words(1)}" ${words(1)}`;
    if (k < 0.2) return `${words(1)} "${words(1)}"`;
    if (k < 0.22) return 'x'.repeat(Math.floor(random() * longField));
    if (k < 0.25) return '';
    if (k < 0.26) return '""';
    return words(1 + Math.floor(random() * 3));
  };
  const end = () => pick(['\n', '\n', '\r\n', '\r']);
  // A plain first record: a reader fed through a pipe answers it before the awkward ones arrive.
  let text = ['title', 'team', 'note'].join(delimiter) + end() + ['Senior ML Engineer', 'ML', 'first'].join(delimiter) + '\n';
  for (let i = 0; i < rows; i++) {
    const width = random() < 0.9 ? 3 : pick([1, 2, 4]);
    text += Array.from({ length: width }, field).join(delimiter);
    if (random() < 0.05) text += end();
    if (i < rows - 1 || random() < 0.8) text += end();
  }
  return text;
}

/** Cuts bytes into chunks of `size` (a UTF-8 character may be cut in two). */
export function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
