// What batch, triage and eval share of reading a CSV: the input (a file, or stdin with - or none),
// the reader with the common CSV flags, and the columns the flags or the header name.
import { columnIndex, findTitleColumn, findYearsColumn } from '../core/batch.js';
import { UsageError } from '../errors.js';
import { checkEncoding, CsvReader } from '../io/csv.js';
import { emptyInput, openInput, type Input, type InputOptions } from '../io/input.js';
import { displayPath } from '../io/ladder.js';
import type { Io } from '../io/terminal.js';
import { shown, shownList } from '../output/shown.js';
import { didYouMean } from '../core/closest.js';

export interface TableFlags {
  column?: string;
  /** A column name or number; false with --no-years-column; undefined: found by its name. */
  yearsColumn?: string | false;
  /** False with --no-header. */
  header?: boolean;
  delimiter?: string;
  encoding?: string;
}

export interface TableInput {
  /** The input's name in messages: a path, or "stdin". */
  where: string;
  input: Input;
  reader: CsvReader;
  /** Closes the file (the stream does not). */
  close(): Promise<void>;
}

/** Opens the input of `command` (batch, triage, eval) and its CSV reader; stdin for none or "-". */
export async function openTable(file: string | undefined, io: Io, flags: TableFlags, command: string, options: InputOptions = {}): Promise<TableInput> {
  const encoding = flags.encoding === undefined ? undefined : checkEncoding(flags.encoding);
  const fromStdin = file === undefined || file === '-';
  if (fromStdin && io.stdin.isTTY) {
    throw new UsageError('no input: stdin is a terminal', `give a CSV file (leveler ${command} titles.csv), or pipe one in (cat titles.csv | leveler ${command})`);
  }
  const where = fromStdin ? 'stdin' : displayPath(file, io.cwd);
  const input = await openInput(fromStdin ? null : file, io, options);
  const reader = new CsvReader({
    source: where,
    header: flags.header !== false,
    rawLines: true,
    ...(encoding ? { encoding } : {}),
    ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
  });
  return {
    where,
    input,
    reader,
    close: async () => {
      input.stream.destroy();
      await input.handle?.close().catch(() => undefined);
    },
  };
}

const columnsText = (header: string[], flags: TableFlags) => (flags.header === false ? `${header.length} columns, numbered from 1` : shownList(header));
/** "did you mean "job_title"? " for a column name the header has nearly. */
const nearColumn = (header: string[], name: string | undefined) => (name === undefined ? '' : didYouMean(name, header, (n) => shown(n)));

/** The title column: --column (a name or a number), else the first header named title, job_title…; column 1 without a header. */
export function titleColumn(header: string[], flags: TableFlags, where: string): number {
  const at = flags.column !== undefined ? columnIndex(header, flags.column) : flags.header === false ? 0 : findTitleColumn(header);
  if (at < 0) {
    throw new UsageError(
      flags.column === undefined ? `no title column in ${where}` : `no column ${shown(flags.column)} in ${where}`,
      `${nearColumn(header, flags.column)}its columns are ${columnsText(header, flags)}; pick one with --column NAME (or its number)`,
    );
  }
  return at;
}

/** The years column: --years-column, else one named years, yoe…; none with --no-years-column or without a header; -1 for none. */
export function yearsColumn(header: string[], flags: TableFlags, where: string): number {
  if (flags.yearsColumn === false) return -1;
  if (flags.yearsColumn === undefined) return flags.header === false ? -1 : findYearsColumn(header);
  const at = columnIndex(header, flags.yearsColumn);
  if (at < 0) throw new UsageError(`no column ${shown(flags.yearsColumn)} in ${where}`, `${nearColumn(header, flags.yearsColumn)}its columns are ${columnsText(header, flags)}; pick one with --years-column`);
  return at;
}

/** A column named by a flag (eval's --level-column…): -1 when the flag is "" (none) or absent and `fallback` finds none. */
export function namedColumn(header: string[], flag: string | undefined, what: string, option: string, where: string, fallback = -1, required = false): number {
  const at = flag === undefined ? fallback : flag === '' ? -1 : columnIndex(header, flag);
  if (at < 0 && (required || (flag !== undefined && flag !== ''))) {
    const named = flag === undefined || flag === '' ? `no ${what} column` : `no column ${shown(flag)}`;
    throw new UsageError(`${named} in ${where}`, `${nearColumn(header, flag || undefined)}its columns are ${shownList(header)}; name one with ${option}`);
  }
  return at;
}

/** batch's columns: the title's, the years' (said on stderr when found by its name), and how many the header has. */
export function tableColumns(reader: CsvReader, flags: TableFlags & { quiet?: boolean }, where: string, io: Io): { title: number; years: number; width: number } {
  const header = reader.header;
  if (header === null) throw emptyInput(where, flags.header !== false);
  const years = yearsColumn(header, flags, where);
  if (years >= 0 && flags.yearsColumn === undefined && !flags.quiet) {
    io.stderr.write(`leveler: years of experience from column ${shown(header[years]!)} (--years-column to pick another, --no-years-column for none)\n`);
  }
  return { title: titleColumn(header, flags, where), years, width: header.length };
}
