// The text of `batch` output: CSV columns appended to each row, NDJSON and JSON lines, and the
// summary with its bar chart. Strings only; the command writes them.
import { csvField, csvLine } from './csv.js';
import type { Tally } from '../core/batch.js';
import type { MatchResult } from '../core/types.js';

type Matched = NonNullable<MatchResult['match']>;

/** The columns batch appends, each with how a match fills it: one list, so header and cells agree. */
const APPENDED: [name: string, cell: (m: Matched) => string][] = [
  ['level', (m) => m.level],
  ['level_name', (m) => m.levelName],
  ['track', (m) => m.track],
  ['family', (m) => m.family ?? ''],
  ['role', (m) => m.role ?? ''],
  ['confidence', (m) => m.confidence.toFixed(2)],
];

/** The names of the appended columns that the input header already has (compared without case). */
export function collidingColumns(header: string[]): string[] {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return APPENDED.map(([name]) => name).filter((name) => names.has(name));
}

export function csvHeader(header: string[], delimiter: string): string {
  return csvLine([...header, ...APPENDED.map(([name]) => name)], delimiter);
}

/** The appended cells of a row, with their leading delimiter; empty cells for no match. */
export function csvSuffix(result: MatchResult, delimiter: string): string {
  const m = result.match;
  return APPENDED.map(([, cell]) => delimiter + (m === null ? '' : csvField(cell(m), delimiter))).join('');
}

/**
 * A row's input fields, padded to the header's width when the row is short. `plain` says no field
 * needs quoting (see CsvBatch.quoted): a join is then enough, and much cheaper.
 */
export function csvRow(fields: string[], width: number, delimiter: string, suffix: string, plain: boolean): string {
  let line = plain ? fields.join(delimiter) : csvLine(fields, delimiter);
  for (let i = fields.length; i < width; i++) line += delimiter;
  return line + suffix;
}

/** The `match --json` object as one line; the row number is put in front per row. */
export function jsonBody(result: MatchResult): string {
  return JSON.stringify(result);
}

export function jsonWithRow(body: string, row: number): string {
  return `{"row":${row},${body.slice(1)}`;
}

const int = (n: number) => n.toLocaleString('en-US');

export interface SummaryInput {
  tally: Tally;
  levels: string[];
  seconds: number;
  paint?: { bold: (s: string) => string };
}

export function renderSummary({ tally, levels, seconds, paint }: SummaryInput): string {
  const bold = paint?.bold ?? ((s: string) => s);
  const rate = seconds >= 0.2 ? `, ${int(Math.round(tally.rows / seconds))} rows/s` : '';
  const lines = [
    `${bold(`${int(tally.rows)} rows`)} in ${seconds.toFixed(1)} s${rate}: ${int(tally.matched)} matched, ${int(tally.unmatched)} unmatched, ${int(tally.low)} low-confidence`,
  ];
  const counts = levels.map((l) => [l, tally.perLevel.get(l) ?? 0] as const).filter(([, n]) => n > 0);
  const most = Math.max(1, ...counts.map(([, n]) => n));
  const width = Math.max(...counts.map(([, n]) => int(n).length), 1);
  for (const [level, n] of counts) lines.push(`  ${level.padEnd(4)} ${int(n).padStart(width)}  ${bar(n / most, 30)}`);
  return lines.join('\n') + '\n';
}

/** A bar of `fraction` of `width` cells, in eighths. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]!;
  return '█'.repeat(Math.floor(eighths / 8)) + partial || (fraction > 0 ? '▏' : '');
}

export function renderProgress(rows: number, seconds: number, fraction: number | null): string {
  const rate = seconds > 0 ? ` · ${int(Math.round(rows / seconds))} rows/s` : '';
  const pct = fraction === null ? '' : ` · ${Math.floor(fraction * 100)}%`;
  return `${int(rows)} rows${rate}${pct}`;
}
