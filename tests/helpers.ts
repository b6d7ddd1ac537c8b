// Shared by the tests: the shipped ladder, a fake terminal, a tiny CSV reader for fixtures.
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';
import type { Matcher } from '../src/core/match.js';
import { createMatcher } from '../src/io/matcher.js';
import { occupationSource } from '../src/io/occupations.js';
import { placeSource } from '../src/io/places.js';
import { paySource } from '../src/io/pay.js';
import { checkLadderFiles, readLadderFiles, type LoadedLadder } from '../src/io/ladder.js';
import { compileLexicon } from '../src/core/lexicon.js';
import type { Io } from '../src/io/terminal.js';
import type { MatchResult } from '../src/core/types.js';
import { reasonTexts } from '../src/output/reasons.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = join(ROOT, 'data');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

let shipped: Promise<LoadedLadder> | undefined;
export function shippedLadder(): Promise<LoadedLadder> {
  shipped ??= (async () => {
    const { ladder, problems } = await checkLadderFiles(readLadderFiles(DATA, ROOT));
    if (!ladder) throw new Error(`shipped ladder invalid: ${JSON.stringify(problems)}`);
    return { ladder, lexicon: compileLexicon(ladder) };
  })();
  return shipped;
}

let matcher: Promise<Matcher> | undefined;
export function shippedMatcher(): Promise<Matcher> {
  matcher ??= shippedLadder().then(async ({ ladder, lexicon }) => (await createMatcher(ladder, lexicon)).useOccupations(occupationSource(DATA, ROOT)).usePlaces(placeSource(DATA, ROOT)).usePay(paySource(DATA, ROOT), 'US'));
  return matcher;
}

let withoutOccupations: Promise<Matcher> | undefined;
/** The shipped matcher without its occupation stage: the family and level stages alone. */
export function familyStageMatcher(): Promise<Matcher> {
  withoutOccupations ??= shippedLadder().then(({ ladder, lexicon }) => createMatcher(ladder, lexicon));
  return withoutOccupations;
}

class Capture extends Writable {
  chunks: string[] = [];
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
  constructor(isTTY: boolean, columns?: number) {
    super();
    this.isTTY = isTTY;
    this.columns = columns;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** What went through the pager (with `pager: true`). */
  paged: string[];
}

export interface FakeIoOptions {
  tty?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
  /** What stdin gives: one chunk, or these chunks in turn (bytes cut anywhere, as a pipe cuts them). */
  stdin?: string | (string | Buffer)[];
  stdinTTY?: boolean;
  cwd?: string;
  /** Terminal height. */
  rows?: number;
  /** Give the CLI a pager that records what it is given. */
  pager?: boolean;
}

/** Runs the CLI in-process, as `leveler ...args`, with a fake terminal or pipe. */
export async function run(args: string[], options: FakeIoOptions = {}): Promise<RunResult> {
  const stdout = new Capture(options.tty ?? false, options.columns);
  if (options.rows !== undefined) stdout.rows = options.rows;
  const stderr = new Capture(options.tty ?? false);
  const chunks = options.stdin === undefined ? [] : typeof options.stdin === 'string' ? [options.stdin] : options.stdin;
  const stdin = Object.assign(Readable.from(chunks), { isTTY: options.stdinTTY ?? false });
  const paged: string[] = [];
  const io: Io = { stdout, stderr, stdin, env: options.env ?? {}, cwd: options.cwd ?? ROOT };
  if (options.pager) {
    io.page = async (text) => {
      paged.push(text);
      return true;
    };
  }
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text, paged };
}

/** Rows of a small, well-formed CSV fixture (quoted fields allowed), as objects by header. */
export function readCsvFixture(path: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = readFileSync(path, 'utf8');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, j) => [h, r[j] ?? ''])));
}

/**
 * The labelled titles the tests hold the shipped ladder to: a committed copy, so that a change to
 * the shared acceptance files (new expectations for work not yet done) is measured with
 * `accuracy.mjs`, not turned into a red CI for unrelated work. Refresh it when the ladder meets them.
 */
/** A copy of the built package at `root`: bin/ and dist/ copied, the shipped data beside them (linked). */
export function copyBuiltPackage(root: string): string {
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  symlinkSync(DATA, join(root, 'data'));
  return root;
}

export function acceptanceFile(): string {
  return join(FIXTURES, 'acceptance-ai-ml.csv');
}

/** A result's reasons as the sentences `match` prints. */
export function said(result: MatchResult): string[] {
  return reasonTexts(result.reasons);
}
