// Reading CSV, streaming: decoding and the record parser.
//
// The parser follows Python's csv module (the excel dialect, not strict), the reference the tests
// compare against: any line break (LF, CRLF or a lone CR, mixed in one file) ends a record outside
// quotes; a quote opens a quoted field only at the start of a field; `"Senior" ML` reads as
// `Senior ML` and `"Senior ML" ,3` keeps its space, each with a warning; a quote inside an unquoted
// field is kept as written. Blank lines are skipped. It is a state machine fed one decoded chunk at
// a time, so a record, a CRLF or a character cut at a chunk's edge costs nothing, and each chunk is
// scanned once: linear time however long a field is. (papaparse, used before, re-parsed open records,
// fixed one line ending per file and could not read these cases as Python does.)
import { TextDecoder } from 'node:util';
import { DataError, UsageError } from '../errors.js';
import { shown } from '../output/shown.js';

export interface CsvOptions {
  /** Field delimiter; detected from the start of the input when absent. */
  delimiter?: string;
  /** A WHATWG encoding label: windows-1251, latin1, ...; without it, UTF-8, or UTF-16 when the input starts with its BOM. */
  encoding?: string;
  /** The input's name in messages: a path, or "stdin". */
  source: string;
  /** The longest record accepted, in characters. */
  maxRecordChars?: number;
  /** False when the first row is data: the columns are then named 1, 2, 3... */
  header?: boolean;
  /** Give plain lines as strings rather than split them (see CsvRow): for callers that copy lines through. */
  rawLines?: boolean;
}

/**
 * A record: its fields, or, with `rawLines`, a whole line that holds no quote, CR or LF, whose
 * fields are its parts between delimiters. A raw line is split only where a field is needed.
 */
export type CsvRow = string[] | string;

export interface CsvWarning {
  line: number;
  message: string;
}

const DEFAULT_MAX_RECORD = 32 * 1024 * 1024;
const DETECT_SAMPLE = 64 * 1024;
const DETECT_RECORDS = 20;
const DELIMITERS = [',', ';', '\t', '|'];

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** Between records: blank lines are skipped here. */
  StartRecord,
  StartField,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: a doubled quote, or the field's end. */
  QuoteInQuoted,
  /** A CR ended the record; an LF right after it belongs to it. */
  AfterCr,
}

/** Throws a clear error for an encoding label TextDecoder does not know. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UsageError(`unknown encoding ${shown(label)}`, 'use a label such as utf-8, windows-1251, latin1 or utf-16le');
  }
}

/** The record parser: text in, complete records out; state carries over from one feed to the next. */
export class RecordParser {
  readonly warnings: CsvWarning[] = [];
  /** Physical lines wholly read: a CRLF is one line break. */
  line = 0;
  private state = State.StartRecord;
  private field = '';
  private row: string[] = [];
  private recordLine = 1;
  private recordChars = 0;
  private warnedLine = 0;
  private readonly delimiter: number;
  private readonly delimiterText: string;

  constructor(
    delimiter: string,
    private readonly source: string,
    private readonly maxRecord = DEFAULT_MAX_RECORD,
    /** Stop after this many records (for guessing the delimiter). */
    private readonly limit = Infinity,
    private readonly rawLines = false,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  /** Parses `text`; returns the records it completes. `final`: no more text follows. */
  feed(text: string, final: boolean, rows: CsvRow[] = []): CsvRow[] {
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    // Where the next quote and CR are (n when none): a line with neither is split natively.
    let nextQuote = -1;
    let nextCr = -1;
    while (i < n && rows.length < this.limit) {
      if (this.state === State.StartRecord) {
        if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
        if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
        if (nextQuote === n && nextCr === n && this.limit === Infinity) {
          // No quote and no CR in the rest of the chunk: its whole lines are split natively at once.
          const last = text.lastIndexOf('\n');
          if (last >= i) {
            i = this.splitLines(text, i, last, rows);
            continue;
          }
        }
        // One line with no quote, ending in LF or CRLF: taken whole.
        const lf = text.indexOf('\n', i);
        if (lf > i && nextQuote > lf && (nextCr > lf || nextCr === lf - 1) && lf - i <= this.maxRecord) {
          const end = nextCr === lf - 1 ? lf - 1 : lf;
          if (end > i) {
            this.pushLine(text.slice(i, end), rows);
            this.line++;
            i = lf + 1;
            continue;
          }
        }
      }
      switch (this.state) {
        case State.AfterCr:
          if (text.charCodeAt(i) === LF) i++;
          this.state = State.StartRecord;
          break;
        case State.StartRecord: {
          const c = text.charCodeAt(i);
          if (c === LF || c === CR) {
            i++;
            this.line++;
            if (c === CR) this.state = State.AfterCr;
            break;
          }
          this.recordLine = this.line + 1;
          this.recordChars = 0;
          this.state = State.StartField;
          break;
        }
        case State.StartField:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === d || c === LF || c === CR || c === QUOTE) break;
            j++;
          }
          this.take(text, i, j);
          i = j;
          if (j === n) break;
          i++;
          if (c === QUOTE) {
            this.field += '"';
            this.warn('a quote inside a field that is not quoted as a whole; read as written');
          } else if (c === d) {
            this.endField();
            this.state = State.StartField;
          } else {
            this.endRecord(rows);
            this.line++;
            this.state = c === CR ? State.AfterCr : State.StartRecord;
          }
          break;
        }
        case State.Quoted: {
          const j = text.indexOf('"', i);
          const end = j < 0 ? n : j;
          this.line += lineBreaks(text, i, end);
          this.take(text, i, end);
          i = end;
          if (j >= 0) {
            i++;
            this.state = State.QuoteInQuoted;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = text.charCodeAt(i);
          i++;
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
          } else if (c === d) {
            this.endField();
            this.state = State.StartField;
          } else if (c === LF || c === CR) {
            this.endRecord(rows);
            this.line++;
            this.state = c === CR ? State.AfterCr : State.StartRecord;
          } else {
            // `"Senior" ML`: the rest of the field is read as written, as Python does.
            this.field += text[i - 1];
            this.state = State.Unquoted;
            this.warn('text after the closing quote of a field; read as part of the field');
          }
          break;
        }
      }
    }
    if (final) this.finish(rows);
    return rows;
  }

  /** Splits the lines of text[from, lastLf], which hold no quote and no CR; returns lastLf + 1. */
  private splitLines(text: string, from: number, lastLf: number, rows: CsvRow[]): number {
    const lines = text.slice(from, lastLf).split('\n');
    for (const line of lines) {
      this.line++;
      if (line.length === 0) continue;
      if (line.length > this.maxRecord) {
        this.recordLine = this.line;
        this.tooLong();
      }
      this.pushLine(line, rows);
    }
    return lastLf + 1;
  }

  /** A line with no quote, CR or LF: its fields, or the line itself with `rawLines`. */
  private pushLine(line: string, rows: CsvRow[]): void {
    rows.push(this.rawLines ? line : line.split(this.delimiterText));
  }

  private finish(rows: CsvRow[]): void {
    if (this.state === State.Quoted) {
      throw new DataError(`${this.source}: line ${this.recordLine}: a quoted field is never closed`, 'close the quote, or double a quote inside a quoted field ("")');
    }
    if (this.state === State.StartField || this.state === State.Unquoted || this.state === State.QuoteInQuoted) this.endRecord(rows);
    this.state = State.StartRecord;
  }

  private take(text: string, from: number, to: number): void {
    if (to === from) return;
    this.field += text.slice(from, to);
    this.recordChars += to - from;
    if (this.recordChars > this.maxRecord) this.tooLong();
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
  }

  private endRecord(rows: CsvRow[]): void {
    this.endField();
    rows.push(this.row);
    this.row = [];
  }

  private warn(message: string): void {
    if (this.warnedLine === this.recordLine) return;
    this.warnedLine = this.recordLine;
    this.warnings.push({ line: this.recordLine, message });
  }

  private tooLong(): never {
    const mb = Math.round(this.maxRecord / 1048576);
    const hint =
      this.state === State.Quoted
        ? 'is a quote left open? A quoted field runs until its closing quote'
        : 'is this a CSV file with one record a line? Check --delimiter and --encoding';
    throw new DataError(`${this.source}: line ${this.recordLine}: a record longer than ${mb} MB`, hint);
  }
}

/**
 * A copy of a cell that holds no reference to the chunk it was cut from: V8 keeps a whole 64 KB
 * chunk alive for a substring of it, so a memo keyed by cells would hold every chunk a new title
 * came from.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** The fields of a row. */
export function fieldsOf(row: CsvRow, delimiter: string): string[] {
  return typeof row === 'string' ? row.split(delimiter) : row;
}

/** How many fields a row has, without splitting a raw line. */
export function fieldCount(row: CsvRow, delimiter: string): number {
  if (typeof row !== 'string') return row.length;
  let n = 1;
  for (let i = row.indexOf(delimiter); i >= 0; i = row.indexOf(delimiter, i + 1)) n++;
  return n;
}

/** Field `k` of a row (undefined past its end), without splitting a raw line. */
export function fieldAt(row: CsvRow, delimiter: string, k: number): string | undefined {
  if (typeof row !== 'string') return row[k];
  let start = 0;
  for (let j = 0; j < k; j++) {
    const next = row.indexOf(delimiter, start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = row.indexOf(delimiter, start);
  return row.slice(start, end < 0 ? row.length : end);
}

function indexOrEnd(text: string, what: string, from: number): number {
  const at = text.indexOf(what, from);
  return at < 0 ? text.length : at;
}

/** Line breaks in text[from, to): LF, CRLF and a lone CR each count once. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * The delimiter of a sample: the candidate that splits the first records into the same number of
 * fields, more than one, and the most fields; a comma when none does.
 */
export function guessDelimiter(sample: string, final: boolean): string {
  let best = ',';
  let bestScore = -1;
  for (const candidate of DELIMITERS) {
    const parser = new RecordParser(candidate, 'sample', DEFAULT_MAX_RECORD, DETECT_RECORDS);
    let rows: string[][];
    try {
      rows = parser.feed(sample, final) as string[][];
    } catch {
      continue;
    }
    const counts = rows.map((r) => r.length);
    if (counts.length === 0 || counts[0]! < 2) continue;
    const same = counts.filter((c) => c === counts[0]).length;
    // Agreement first, then the width of the header.
    const score = (same / counts.length) * 1000 + Math.min(counts[0]!, 999);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

export class CsvReader {
  delimiter: string | undefined;
  header: string[] | null = null;
  /** Bytes read so far: for progress. */
  bytesRead = 0;

  private decoder: TextDecoder | null = null;
  private readonly source: string;
  private encoding: string;
  private readonly sniff: boolean;
  private readonly maxRecord: number;
  private parser: RecordParser | null = null;
  private readonly headerRow: boolean;
  private readonly rawLines: boolean;
  /** Text read before the delimiter is known. */
  private sample = '';

  constructor(options: CsvOptions) {
    this.source = options.source;
    this.encoding = checkEncoding(options.encoding ?? 'utf-8');
    this.sniff = options.encoding === undefined;
    this.delimiter = options.delimiter;
    this.maxRecord = options.maxRecordChars ?? DEFAULT_MAX_RECORD;
    this.headerRow = options.header ?? true;
    this.rawLines = options.rawLines ?? false;
  }

  get warnings(): CsvWarning[] {
    return this.parser?.warnings ?? [];
  }

  /**
   * Data records (the header row is taken into `header`), one batch per chunk of input. A record
   * that held a quote, a CR or a line break is always given as fields, whichever chunk it began in:
   * only a raw line may be copied through as read.
   */
  async *batches(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<CsvRow[]> {
    for await (const chunk of input) {
      this.bytesRead += chunk.length;
      const rows = this.parse(typeof chunk === 'string' ? chunk : this.decode(chunk, true), false);
      if (rows.length > 0) yield rows;
    }
    const rows = this.parse(this.decode(undefined, false), true);
    if (rows.length > 0) yield rows;
  }

  private parse(text: string, final: boolean): CsvRow[] {
    if (this.parser === null) {
      this.sample += text;
      // Guess from whole lines: wait for a line break, or enough text, unless this is all there is.
      if (!final && this.sample.length < DETECT_SAMPLE && !/[\r\n]/.test(this.sample)) return [];
      this.delimiter ??= guessDelimiter(this.sample.slice(0, DETECT_SAMPLE), final && this.sample.length <= DETECT_SAMPLE);
      this.parser = new RecordParser(this.delimiter, this.source, this.maxRecord, Infinity, this.rawLines);
      text = this.sample;
      this.sample = '';
    }
    const rows = this.parser.feed(text, final);
    if (this.header === null && rows.length > 0) {
      const first = fieldsOf(rows[0]!, this.delimiter!);
      this.header = first.map((_, i) => String(i + 1));
      if (this.headerRow) {
        rows.shift();
        this.header = first;
      }
    }
    return rows;
  }

  private decode(chunk: Buffer | undefined, stream: boolean): string {
    if (this.decoder === null) {
      if (this.sniff && chunk) this.encoding = bomEncoding(chunk) ?? this.encoding;
      this.decoder = new TextDecoder(this.encoding, { fatal: true });
      if (this.encoding === 'utf-8' && chunk && nulShare(chunk.subarray(0, 512)) > 0.2) {
        throw new DataError(`${this.source}: not UTF-8 text: it looks like UTF-16 without a byte-order mark`, 'pass --encoding utf-16le (or utf-16be)');
      }
    }
    try {
      return this.decoder.decode(chunk, { stream });
    } catch {
      // Find the first bad byte's line: decode again, leniently, up to the replacement character.
      const lenient = new TextDecoder(this.encoding).decode(chunk ?? new Uint8Array());
      const bad = lenient.indexOf('\uFFFD');
      const line = (this.parser?.line ?? 0) + lineBreaks(this.sample, 0, this.sample.length) + lineBreaks(lenient, 0, bad < 0 ? lenient.length : bad) + 1;
      throw new DataError(`${this.source}: not valid ${this.encoding} text at line ${line}`, encodingHint(this.encoding));
    }
  }
}

function encodingHint(encoding: string): string {
  if (encoding !== 'utf-8') return 'check --encoding';
  return 'if the file is in another encoding, pass it, e.g. --encoding windows-1251 or --encoding latin1';
}

/** UTF-16 announced by its byte-order mark (UTF-8's own BOM is dropped by the decoder). */
function bomEncoding(head: Buffer): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

function nulShare(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return bytes.length === 0 ? 0 : n / bytes.length;
}
