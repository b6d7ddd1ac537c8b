// leveler batch, the work: levels every row of a CSV, streaming, with the same answers as `match`.
//   input (file or stdin) -> CsvReader (decode, parse, one batch per chunk) -> per row: the
//   leveler's answer memo, keyed on title and years -> the format's text -> sink (stdout, or a file
//   renamed into place at the end). Each batch is written before the next is read: backpressure end to end.
import { parseYearsCell, plainYears, Tally } from '../core/batch.js';
import { EXIT, signalExit } from '../errors.js';
import { detached, fieldAt, fieldCount, type CsvReader } from '../io/csv.js';
import { openSink, type Sink } from '../io/output.js';
import type { Io } from '../io/terminal.js';
import { appendedNames, csvHeader, inputJson, inputKeys, rowText, APPENDED, COMPANY_LEVEL, type Field } from '../output/batch.js';
import { batchAnswers, BatchHelpers } from './batch-helper.js';
import { rowCompanies } from './batch-companies.js';
import { hintColumn, type HintColumn } from './batch-hints.js';
import { shown } from '../output/shown.js';
import { pickedFields, type BatchFlags } from './batch.js';
import { BatchReport } from './batch-report.js';
import { openLeveler } from './context.js';
import { openTable, tableColumns } from './table-input.js';

const FLUSH_CHARS = 256 * 1024;
/**
 * Bytes read at a time. Measured on 1M rows (bench/batch.mjs): 64 KB is both the fastest and the
 * leanest; 1 MB chunks ran half as fast and held three times the memory, as every young-generation
 * GC during a big batch promotes its rows to the old generation.
 */
const CHUNK_BYTES = 64 * 1024;

export async function runBatch(file: string | undefined, opts: BatchFlags, io: Io): Promise<number> {
  const fields = pickedFields(opts);
  const toStdout = opts.output === undefined || opts.output === '-';
  const table = await openTable(file, io, opts, 'batch', { chunkBytes: CHUNK_BYTES, writesStdout: toStdout, outputFlag: '-o' });
  const { where, reader, input } = table;
  const report = new BatchReport(io, where, opts);
  let sink: Sink | null = null;
  let helpers: BatchHelpers | null = null;
  let interrupted: string | null = null;
  const stopListening = io.onInterrupt?.((signal) => {
    interrupted = signal;
    input.stream.destroy();
  });
  try {
    const leveler = await openLeveler(io, opts);
    const family = leveler.familyId(opts.family);
    const tally = new Tally(leveler.ladder.confidence.low);
    const companies = await rowCompanies(leveler, opts);
    const csvFields = companies.used && !fields?.includes(COMPANY_LEVEL) ? [...(fields ?? APPENDED), COMPANY_LEVEL] : fields;
    // Whether the output quotes the years (if not, a title is answered once per years key instead of
    // once per years value), carries reasons and pay, and how a row's answer is written.
    const { quotesYears, quotesTitle, explain, pay, keep } = batchAnswers(opts, fields, csvFields, () => reader.delimiter!);
    const memo = await leveler.answers({ family, company: companies.fixed, quotesYears, quotesTitle, explain, keep, charsOf: (a) => a.text.length, own: detached, pay });
    // Helper threads, where a row's answer is its title's alone (see batch-helper.ts).
    helpers = companies.used
      ? null
      : BatchHelpers.for(opts, () => ({
          ...(opts.data !== undefined ? { data: opts.data } : {}),
          ...(opts.region !== undefined ? { region: opts.region } : {}),
          cwd: io.cwd,
          env: Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => typeof e[1] === 'string')),
          family,
          format: opts.format,
          ...(opts.fields !== undefined ? { fields: opts.fields } : {}),
          ...(opts.pay !== undefined ? { pay: opts.pay } : {}),
          delimiter: reader.delimiter!,
        }));
    sink = openSink({ target: opts.output, stdout: io.stdout, cwd: io.cwd, input: input.id });
    let columns: { title: number; years: number; width: number } | null = null;
    // --keep-columns: each JSON row carries its input row, keyed by the header's names.
    let keys: string[] | null = null;
    // --level-hint-column: each row's seniority value, read as a level (each distinct value once).
    let hints: HintColumn | null = null;
    let row = 0;
    // Output is written in pieces of at most FLUSH_CHARS: a JSON answer is a hundred times its input row.
    let out: string[] = [];
    let outChars = 0;
    const flush = async () => {
      const open = out.length === 0 || (await sink!.write(out.join('')));
      out = [];
      outChars = 0;
      return open && !sink!.closed;
    };
    reading: for await (const rows of reader.batches(input.stream)) {
      if (interrupted) break;
      if (columns === null) {
        columns = tableColumns(reader, opts, where, io);
        companies.findColumn(reader.header!, where, io, opts.quiet === true);
        hints = hintColumn(reader.header!, opts, where, io, leveler.ladder);
        out.push(preamble(reader, csvFields, opts, report));
        if (opts.keepColumns && opts.format !== 'csv') keys = inputKeys(reader.header!);
      }
      const d = reader.delimiter!;
      if (helpers !== null && columns.years < 0 && hints === null && helpers.wanted(memo)) {
        const at = columns.title;
        await helpers.share(rows.map((r) => fieldAt(r, d, at) ?? ''), memo);
      }
      for (const record of rows) {
        row++;
        const width = fieldCount(record, d);
        if (width !== columns.width) report.warn(`row ${row} has ${width} fields, the header ${columns.width}; kept`);
        const years = columns.years < 0 ? null : yearsOf(fieldAt(record, d, columns.years), row, report);
        const title = fieldAt(record, d, columns.title) ?? '';
        const hint = hints === null ? null : hints.of(fieldAt(record, d, hints.column));
        const company = companies.column < 0 ? null : companies.of(fieldAt(record, d, companies.column));
        const a = hint !== null ? memo.answerWith(hint, company, title, years) : companies.column < 0 ? memo.answer(title, years) : memo.answerAt(company, title, years);
        tally.add(a.level, a.confidence, a.family);
        if (a.level === null) tally.unmatchedTitle(title, detached);
        // A raw line is one with no quotes: its fields are what lies between delimiters.
        const input = keys === null ? '' : inputJson(keys, typeof record === 'string' ? record.split(d) : record);
        const text = rowText(opts.format, record, width, columns.width, d, a.text, row, input);
        out.push(text);
        outChars += text.length;
        // The reader has gone (`| head`): stop quietly.
        if (outChars > FLUSH_CHARS && !(await flush())) break reading;
      }
      for (const w of reader.warnings.splice(0)) report.warn(`line ${w.line}: ${w.message}`);
      if (!(await flush())) break;
      report.progress(row, reader.bytesRead, input.size);
    }
    for (const w of reader.warnings.splice(0)) report.warn(`line ${w.line}: ${w.message}`);
    if (interrupted !== null) return stopped(sink, interrupted, report, io, opts.output);
    if (!sink.closed) {
      if (columns === null) {
        tableColumns(reader, opts, where, io);
        await sink.write(preamble(reader, csvFields, opts, report));
      }
      if (opts.format === 'json') await sink.write(row > 0 ? '\n]\n' : ']\n');
      await sink.commit();
    }
    if (!opts.quiet) io.stderr.write(companies.summary() ?? '');
    await report.summary(tally, leveler.ladder.levels.map((l) => l.code), { file: file === undefined || file === '-' ? null : file, ...opts });
    if (!opts.quiet) io.stderr.write(helpers?.summary() ?? '');
    return EXIT.ok;
  } catch (e) {
    // Ctrl-C destroys the input under the reader, which then fails: that is the interruption.
    if (interrupted !== null && sink) return stopped(sink, interrupted, report, io, opts.output);
    sink?.abort();
    report.clearProgress();
    throw e;
  } finally {
    await helpers?.close();
    stopListening?.();
    await table.close();
  }
}

function stopped(sink: Sink, signal: string, report: BatchReport, io: Io, output: string | undefined): number {
  sink.abort();
  report.clearProgress();
  const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
  io.stderr.write(`leveler: ${what}${output ? `; ${output} was not written` : ''}\n`);
  return signalExit(signal);
}

function preamble(reader: CsvReader, fields: Field[] | null, opts: BatchFlags, report: BatchReport): string {
  if (opts.format !== 'csv') return opts.format === 'json' ? '[\n' : '';
  const bom = opts.bom ? '\uFEFF' : '';
  if (opts.header === false) return bom;
  const all = fields ?? APPENDED;
  const names = appendedNames(reader.header!, all);
  const renamed = all.flatMap((f, i) => (names[i] === f.name ? [] : [`"${f.name}" as "${names[i]}"`]));
  if (renamed.length > 0) report.warn(`the input already has ${renamed.length === 1 ? 'a column' : 'columns'} of the name; leveler's ${renamed.length === 1 ? 'is' : 'are'} written ${renamed.join(', ')}`);
  return bom + csvHeader(reader.header!, reader.delimiter!, names) + '\n';
}

function yearsOf(cell: string | undefined, row: number, report: BatchReport): number | null {
  const quick = cell === undefined ? -1 : plainYears(cell);
  if (quick >= 0) return quick;
  const reading = parseYearsCell(cell);
  if (reading === null) return null;
  if ('years' in reading) return reading.years;
  report.warn(`row ${row}: years ${shown(cell ?? '')} ${reading.error}; read as none`);
  return null;
}
