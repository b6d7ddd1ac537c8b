// leveler batch, the work: levels every row of a CSV, streaming, with the same answers as `match`.
//   input (file or stdin) -> CsvReader (decode, parse, one batch per chunk) -> per row: the
//   matcher, memoized on title and years -> the format's text -> sink (stdout, or a file renamed
//   into place at the end). Each batch is written before the next is read: backpressure end to end.
import { columnIndex, findTitleColumn, findYearsColumn, parseYearsCell, plainYears, Tally, type RowAnswer } from '../core/batch.js';
import { AnswerMemo } from '../core/answers.js';
import type { MatchResult } from '../core/types.js';
import { EXIT, signalExit, UsageError } from '../errors.js';
import { checkEncoding, CsvReader, detached, fieldAt, fieldCount } from '../io/csv.js';
import { createMatcher } from '../io/matcher.js';
import { emptyInput, openInput } from '../io/input.js';
import { openSink, type Sink } from '../io/output.js';
import type { Io } from '../io/terminal.js';
import {
  appendedNames,
  csvHeader,
  csvRow,
  csvSuffix,
  jsonBody,
  jsonFields,
  jsonWithRow,
  pickFields,
  shellWord,
  APPENDED,
  PAY,
  renderProgress,
  renderSummary,
  type Field,
} from '../output/batch.js';
import { colorEnabled, painter, type ColorFlag } from '../output/color.js';
import { messageLine, shown, shownList } from '../output/shown.js';
import { checkRegion, familyOption, openLadder } from './context.js';

interface BatchFlags {
  color: ColorFlag;
  column?: string;
  /** A column name or number; false with --no-years-column; undefined: found by its name. */
  yearsColumn?: string | false;
  /** False with --no-header. */
  header: boolean;
  bom?: boolean;
  fields?: string;
  format: 'csv' | 'ndjson' | 'json';
  output?: string;
  delimiter?: string;
  encoding?: string;
  family?: string;
  /** With --pay: the pay columns. */
  pay?: boolean;
  region: string;
  data?: string;
  quiet?: boolean;
}

/** Distinct answer texts kept to be shared between titles. */
const SHARED_ANSWERS = 10_000;
/** Warnings printed one by one; the rest are counted. */
const WARNING_LIMIT = 20;
const PROGRESS_EVERY_MS = 200;
const FLUSH_CHARS = 256 * 1024;
/**
 * Bytes read at a time. Measured on 1M rows (bench/batch.mjs): 64 KB is both the fastest and the
 * leanest; 1 MB chunks ran half as fast and held three times the memory, as every young-generation
 * GC during a big batch promotes its rows to the old generation.
 */
const CHUNK_BYTES = 64 * 1024;

export async function runBatch(file: string | undefined, flags: Record<string, unknown>, io: Io): Promise<number> {
  return new BatchRun(flags as unknown as BatchFlags, io, file === undefined || file === '-' ? null : file).run();
}

class BatchRun {
  private readonly display: string;
  private tally = new Tally();
  private warnings = 0;
  private progressShown = false;
  private lastProgress = 0;
  private readonly started = Date.now();

  constructor(
    private readonly opts: BatchFlags,
    private readonly io: Io,
    private readonly file: string | null,
  ) {
    this.display = file === null ? 'stdin' : file;
  }

  async run(): Promise<number> {
    const { opts, io } = this;
    const encoding = opts.encoding === undefined ? undefined : checkEncoding(opts.encoding);
    if (this.file === null && io.stdin.isTTY) {
      throw new UsageError('no input: stdin is a terminal', 'give a CSV file (leveler batch titles.csv), or pipe one in (cat titles.csv | leveler batch)');
    }
    const fields = this.fields();
    const { ladder, lexicon, occupations, pay, overrides } = await openLadder(io, opts.data);
    const family = opts.family === undefined ? null : familyOption(ladder, opts.family).id;
    this.tally = new Tally(ladder.confidence.low);
    const matcher = (await createMatcher(ladder, lexicon)).useOccupations(occupations).useOverrides(await overrides());
    // Pay only where the output shows it: --pay, a pay field, or whole JSON answers.
    const showsPay = opts.pay === true || (opts.format !== 'csv' && (fields === null || fields.some((f) => f.name.startsWith('pay_'))));
    checkRegion(pay, opts.region);
    if (showsPay) matcher.usePay(pay, opts.region);
    const input = await openInput(this.file, io, { chunkBytes: CHUNK_BYTES, writesStdout: opts.output === undefined || opts.output === '-', outputFlag: '-o' });
    let sink: Sink | null = null;
    let interrupted: string | null = null;
    const stopListening = io.onInterrupt?.((signal) => {
      interrupted = signal;
      input.stream.destroy();
    });
    try {
      sink = openSink({ target: opts.output, stdout: io.stdout, cwd: io.cwd, input: input.id });
      const reader = new CsvReader({
        source: this.display,
        header: opts.header !== false,
        rawLines: true,
        ...(encoding ? { encoding } : {}),
        ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
      });
      let columns: { title: number; years: number; width: number } | null = null;
      let row = 0;
      // Whether the output quotes the years (reasons, the query): if not, a title is answered once per
      // Matcher.yearsKey() instead of once per years value.
      const quotesYears = opts.format !== 'csv' && (fields === null || fields.some((f) => f.name === 'years'));
      // Reasons and alternatives appear only in the full JSON answer.
      const explain = opts.format !== 'csv' && fields === null;
      const render = (result: MatchResult) =>
        opts.format === 'csv' ? csvSuffix(result, reader.delimiter!, fields ?? undefined) : fields ? jsonFields(result, fields) : jsonBody(result);
      // Titles share answers: a CSV answer is one of a few hundred texts, kept once each.
      const shared = new Map<string, RowAnswer>();
      const keep = (result: MatchResult): RowAnswer => {
        const text = render(result);
        let a = shared.get(text);
        if (a === undefined) {
          a = { level: result.match?.level ?? null, confidence: result.match?.confidence ?? 0, family: result.match?.family ?? null, text };
          if (shared.size > SHARED_ANSWERS) shared.clear();
          shared.set(text, a);
        }
        return a;
      };
      const memo = new AnswerMemo(matcher, { family, quotesYears, explain, keep, charsOf: (a) => a.text.length, own: detached });
      // Output is written in pieces of at most FLUSH_CHARS: a JSON answer is a hundred times its input row.
      let out: string[] = [];
      let outChars = 0;
      let open = true;
      const flush = async () => {
        if (out.length > 0) open = await sink!.write(out.join(''));
        out = [];
        outChars = 0;
        return open;
      };
      const emit = (text: string) => {
        out.push(text);
        outChars += text.length;
      };
      reading: for await (const rows of reader.batches(input.stream)) {
        if (interrupted) break;
        if (columns === null) {
          columns = this.columns(reader);
          emit(this.preamble(reader, fields));
        }
        const d = reader.delimiter!;
        for (const record of rows) {
          row++;
          const width = fieldCount(record, d);
          if (width !== columns.width) this.warn(`row ${row} has ${width} fields, the header ${columns.width}; kept`);
          const years = columns.years < 0 ? null : this.years(fieldAt(record, d, columns.years), row);
          const title = fieldAt(record, d, columns.title) ?? '';
          const a = memo.answer(title, years);
          this.tally.add(a.level, a.confidence, a.family);
          if (a.level === null) this.tally.unmatchedTitle(title, detached);
          if (opts.format === 'csv') {
            // A raw line is copied through as read: it holds no quote, CR or LF to escape. Any other
            // record is written again field by field, quoted where the format needs it.
            const line = typeof record === 'string' ? record + d.repeat(Math.max(0, columns.width - width)) + a.text : csvRow(record, columns.width, d, a.text);
            emit(line + '\n');
          } else if (opts.format === 'ndjson') emit(jsonWithRow(a.text, row) + '\n');
          else emit((row > 1 ? ',\n' : '') + jsonWithRow(a.text, row));
          // The reader has gone (`| head`): stop quietly.
          if (outChars > FLUSH_CHARS && !(await flush())) break reading;
        }
        this.readerWarnings(reader);
        if (!(await flush())) break;
        this.progress(row, reader.bytesRead, input.size);
      }
      this.readerWarnings(reader);
      if (interrupted !== null) return this.interrupted(sink, interrupted);
      if (!sink.closed) {
        if (columns === null) {
          this.columns(reader);
          await sink.write(this.preamble(reader, fields));
        }
        if (opts.format === 'json') await sink.write(row > 0 ? '\n]\n' : ']\n');
        await sink.commit();
      }
      await this.summary(ladder.levels.map((l) => l.code));
      return EXIT.ok;
    } catch (e) {
      // Ctrl-C destroys the input under the reader, which then fails: that is the interruption.
      if (interrupted !== null && sink) return this.interrupted(sink, interrupted);
      sink?.abort();
      this.clearProgress();
      throw e;
    } finally {
      stopListening?.();
      input.stream.destroy();
      await input.handle?.close().catch(() => undefined);
    }
  }

  private interrupted(sink: Sink, signal: string): number {
    sink.abort();
    this.clearProgress();
    const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
    this.io.stderr.write(`leveler: ${what}${this.opts.output ? `; ${this.opts.output} was not written` : ''}\n`);
    return signalExit(signal);
  }

  private columns(reader: CsvReader): { title: number; years: number; width: number } {
    const { opts } = this;
    const header = reader.header;
    if (header === null) {
      throw emptyInput(this.display, opts.header !== false);
    }
    const list = opts.header === false ? `${header.length} columns, numbered from 1` : shownList(header);
    const title = opts.column !== undefined ? columnIndex(header, opts.column) : opts.header === false ? 0 : findTitleColumn(header);
    if (title < 0) {
      throw new UsageError(
        opts.column === undefined ? `no title column in ${this.display}` : `no column ${shown(opts.column)} in ${this.display}`,
        `its columns are ${list}; pick one with --column NAME (or its number)`,
      );
    }
    let years = -1;
    if (typeof opts.yearsColumn === 'string') {
      years = columnIndex(header, opts.yearsColumn);
      if (years < 0) throw new UsageError(`no column ${shown(opts.yearsColumn)} in ${this.display}`, `its columns are ${list}`);
    } else if (opts.yearsColumn === undefined && opts.header !== false) {
      years = findYearsColumn(header);
      if (years >= 0 && !opts.quiet) {
        this.io.stderr.write(`leveler: years of experience from column ${shown(header[years]!)} (--years-column to pick another, --no-years-column for none)\n`);
      }
    }
    return { title, years, width: header.length };
  }

  /** The --fields list, checked before any work starts; null for every field of the format. */
  private fields(): Field[] | null {
    if (this.opts.fields === undefined) return this.opts.pay ? [...APPENDED, ...PAY] : null;
    const { fields, unknown, known } = pickFields(this.opts.fields, this.opts.format);
    if (this.opts.pay) for (const f of PAY) if (!fields.includes(f)) fields.push(f);
    if (unknown !== null) {
      const what = unknown === '' ? 'names no field' : `names ${shown(unknown)}, which is not a field of --format ${this.opts.format}`;
      throw new UsageError(`--fields ${what}`, `the fields are ${known.join(', ')}`);
    }
    return fields;
  }

  private preamble(reader: CsvReader, fields: Field[] | null): string {
    if (this.opts.format === 'csv') {
      const bom = this.opts.bom ? '\uFEFF' : '';
      if (this.opts.header === false) return bom;
      const all = fields ?? APPENDED;
      const names = appendedNames(reader.header!, all);
      const renamed = all.flatMap((f, i) => (names[i] === f.name ? [] : [`"${f.name}" as "${names[i]}"`]));
      if (renamed.length > 0) {
        this.warn(`the input already has ${renamed.length === 1 ? 'a column' : 'columns'} of the name; leveler's ${renamed.length === 1 ? 'is' : 'are'} written ${renamed.join(', ')}`);
      }
      return bom + csvHeader(reader.header!, reader.delimiter!, names) + '\n';
    }
    return this.opts.format === 'json' ? '[\n' : '';
  }

  private years(cell: string | undefined, row: number): number | null {
    const quick = cell === undefined ? -1 : plainYears(cell);
    if (quick >= 0) return quick;
    const reading = parseYearsCell(cell);
    if (reading === null) return null;
    if ('years' in reading) return reading.years;
    this.warn(`row ${row}: years ${shown(cell ?? '')} ${reading.error}; read as none`);
    return null;
  }

  private readerWarnings(reader: CsvReader): void {
    for (const w of reader.warnings.splice(0)) this.warn(`line ${w.line}: ${w.message}`);
  }

  private warn(message: string): void {
    this.warnings++;
    if (this.warnings > WARNING_LIMIT) return;
    this.clearProgress();
    this.io.stderr.write(`leveler: warning: ${messageLine(`${this.display}: ${message}`)}\n`);
    if (this.warnings === WARNING_LIMIT) {
      this.io.stderr.write(`leveler: (further warnings are counted ${this.opts.quiet ? 'at the end' : 'in the summary'})\n`);
    }
  }

  private get showProgress(): boolean {
    return !this.opts.quiet && this.io.stderr.isTTY === true;
  }

  private progress(rows: number, bytes: number, size: number | null): void {
    const now = Date.now();
    if (!this.showProgress || now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const fraction = size ? Math.min(1, bytes / size) : null;
    this.io.stderr.write(`\r\u001b[K${renderProgress(rows, (now - this.started) / 1000, fraction)}`);
    this.progressShown = true;
  }

  private clearProgress(): void {
    if (this.progressShown) this.io.stderr.write('\r\u001b[K');
    this.progressShown = false;
  }

  private async summary(levels: string[]): Promise<void> {
    this.clearProgress();
    if (this.opts.quiet) {
      const hidden = this.warnings - WARNING_LIMIT;
      if (hidden > 0) this.io.stderr.write(`leveler: warning: ${this.display}: ${hidden} more warning${hidden === 1 ? '' : 's'} not shown\n`);
      return;
    }
    const color = colorEnabled({ flag: this.opts.color, env: this.io.env, isTTY: this.io.stderr.isTTY === true });
    const paint = await painter(color);
    const { column, header } = this.opts;
    const triage = `${this.file === null ? '<file>' : shellWord(this.file)}${column === undefined ? '' : ` --column ${shellWord(column)}`}${header === false ? ' --no-header' : ''}`;
    let text = renderSummary({ tally: this.tally, levels, seconds: (Date.now() - this.started) / 1000, paint, triage });
    if (this.warnings > 0) text += `${this.warnings} warning${this.warnings === 1 ? '' : 's'}\n`;
    this.io.stderr.write(text);
  }
}
