// Reading CSV, streaming: the one module that knows the CSV library (papaparse).
//
// Bytes are decoded here, chunk by chunk, with a streaming TextDecoder: papaparse's own Node
// stream reader decodes each chunk alone and splits a character cut at a chunk's edge. Each
// decoded chunk goes through papaparse's parser; the record cut at the chunk's end waits for the
// next chunk. The caller pulls one batch of records at a time, so a slow writer slows the reader
// down and memory stays flat however large the file.
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import { DataError, UsageError } from '../errors.js';

export interface CsvOptions {
  /** Field delimiter; detected from the start of the input when absent. */
  delimiter?: string;
  /** A WHATWG encoding label: utf-8 (default), windows-1251, latin1, ... */
  encoding?: string;
  /** The input's name in messages: a path, or "stdin". */
  source: string;
  /** The longest record accepted, in characters: a longer one is almost always an unterminated quote. */
  maxRecordChars?: number;
}

export interface CsvBatch {
  rows: string[][];
  /** False when the text of these rows holds no quote: no field then holds a delimiter, a quote
   *  or a line break, and joining a row's fields with the delimiter gives back its line as written. */
  quoted: boolean;
}

export interface CsvWarning {
  line: number;
  message: string;
}

const DEFAULT_MAX_RECORD = 32 * 1024 * 1024;
const DETECT_SAMPLE = 64 * 1024;
/** A record still open past this length is taken for an open quoted field (see mayStillBeOpen). */
const OPEN_QUOTE_CHARS = 1024 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** Throws a clear error for an encoding label TextDecoder does not know. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UsageError(`unknown encoding "${label}"`, 'use a label such as utf-8, windows-1251, latin1 or utf-16le');
  }
}

export class CsvReader {
  delimiter: string | undefined;
  newline: '\n' | '\r\n' | '\r' | undefined;
  header: string[] | null = null;
  /** Bytes read so far: for progress. */
  bytesRead = 0;
  readonly warnings: CsvWarning[] = [];

  private readonly decoder: TextDecoder;
  private readonly source: string;
  private readonly encoding: string;
  private readonly maxRecord: number;
  private pending = '';
  /** Physical lines wholly consumed before `pending`. */
  private linesBefore = 0;
  /** Text set aside, unparsed, while a long quoted field is open (see `mayStillBeOpen`). */
  private held: string[] = [];
  private heldChars = 0;
  private openQuote = false;

  constructor(options: CsvOptions) {
    this.source = options.source;
    this.encoding = checkEncoding(options.encoding ?? 'utf-8');
    this.decoder = new TextDecoder(this.encoding, { fatal: true });
    this.delimiter = options.delimiter;
    this.maxRecord = options.maxRecordChars ?? DEFAULT_MAX_RECORD;
  }

  /** Data records (the header row is taken into `header`), one batch per chunk of input. */
  async *batches(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<CsvBatch> {
    for await (const chunk of input) {
      this.bytesRead += chunk.length;
      const text = typeof chunk === 'string' ? chunk : this.decode(chunk, true);
      if (this.mayStillBeOpen(text)) continue;
      this.pending += this.takeHeld() + text;
      const batch = this.parse(false);
      if (batch.rows.length > 0) yield batch;
    }
    this.pending += this.takeHeld() + this.decode(undefined, false);
    const batch = this.parse(true);
    if (batch.rows.length > 0) yield batch;
  }

  /**
   * A long record with an odd number of quotes is a quoted field still open: a chunk without a
   * quote cannot close it, so it is held rather than parsed again with the whole record (which
   * made an unterminated quote in a big file cost seconds and hundreds of MB before its error).
   */
  private mayStillBeOpen(text: string): boolean {
    if (!this.openQuote || text.includes('"')) return false;
    this.held.push(text);
    this.heldChars += text.length;
    if (this.pending.length + this.heldChars > this.maxRecord) this.tooLong();
    return true;
  }

  private takeHeld(): string {
    const text = this.held.join('');
    this.held = [];
    this.heldChars = 0;
    return text;
  }

  private tooLong(): never {
    throw new DataError(
      `${this.source}: line ${this.linesBefore + 1}: a record longer than ${Math.round(this.maxRecord / 1048576)} MB`,
      'is a quote left open? A quoted field runs until its closing quote',
    );
  }

  private decode(chunk: Buffer | undefined, stream: boolean): string {
    try {
      return this.decoder.decode(chunk, { stream });
    } catch {
      // Find the first bad byte's line: decode again, leniently, up to the replacement character.
      const lenient = new TextDecoder(this.encoding).decode(chunk ?? new Uint8Array());
      const bad = lenient.indexOf('\uFFFD');
      const line = this.linesBefore + countLines(this.pending) + countLines(lenient, bad < 0 ? lenient.length : bad) + 1;
      throw new DataError(
        `${this.source}: not valid ${this.encoding} text at line ${line}`,
        this.encoding === 'utf-8' ? 'if the file is in another encoding, pass it, e.g. --encoding windows-1251 or --encoding latin1' : 'check --encoding',
      );
    }
  }

  private detect(): void {
    // papaparse's guesses skip quoted text: a header may hold a line break inside quotes.
    const guess = Papa.parse<string[]>(this.pending.slice(0, DETECT_SAMPLE), {
      preview: 20,
      skipEmptyLines: true, // an empty last line would make every delimiter look inconsistent
      delimitersToGuess: DELIMITERS,
      ...(this.delimiter === undefined ? {} : { delimiter: this.delimiter }),
    });
    const linebreak = guess.meta.linebreak;
    this.newline ??= linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
    this.delimiter ??= DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  }

  private parse(final: boolean): CsvBatch {
    if (this.pending === '') return { rows: [], quoted: false };
    if (this.delimiter === undefined || this.newline === undefined) {
      // Wait for a whole first line before guessing, unless this is all there is.
      if (!final && !/[\r\n]/.test(this.pending) && this.pending.length < DETECT_SAMPLE) return { rows: [], quoted: false };
      this.detect();
    }
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, skipEmptyLines: true, quoteChar: '"' });
    const result = parser.parse(this.pending, 0, !final);
    for (const e of result.errors) this.report(e, final);
    const cursor = final ? this.pending.length : result.meta.cursor;
    const quote = this.pending.indexOf('"');
    const quoted = quote >= 0 && quote < cursor;
    this.linesBefore += countLines(this.pending, cursor);
    this.pending = this.pending.slice(cursor);
    if (this.pending.length > this.maxRecord) this.tooLong();
    this.openQuote = this.pending.length > OPEN_QUOTE_CHARS && countQuotes(this.pending) % 2 === 1;
    const rows = result.data as string[][];
    if (this.header === null && rows.length > 0) this.header = rows.shift()!;
    return { rows, quoted };
  }

  private report(e: Papa.ParseError, final: boolean): void {
    const line = this.linesBefore + countLines(this.pending, e.index ?? 0) + 1;
    if (e.code === 'MissingQuotes') {
      if (!final) return; // the record goes on in the next chunk
      throw new DataError(`${this.source}: line ${line}: a quoted field is never closed`, 'close the quote, or double a quote inside a quoted field ("")');
    }
    if (e.code === 'InvalidQuotes') this.warnings.push({ line, message: 'a quote inside a field that is not quoted as a whole; read as written' });
  }
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  if (n === 0 && !text.includes('\n')) {
    for (let i = text.indexOf('\r'); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) n++;
  }
  return n;
}
