// The text of `batch` output: CSV columns appended to each row, NDJSON and JSON lines, and the
// summary with its bar chart. Strings only; the command writes them.
import { wrapLine } from './wrap.js';
import { bar } from './bars.js';
import type { CsvRow } from '../io/csv.js';
import { matchJson } from './json.js';
import { socOf } from '../core/soc.js';
import { thousands } from '../core/numbers.js';
import { csvField, csvLine } from './csv.js';
import { shown } from './shown.js';
import type { Tally } from '../core/batch.js';
import type { MatchResult } from '../core/types.js';

type Matched = NonNullable<MatchResult['match']>;

/** A value batch can write for a row: a CSV column appended, or a key of a `--fields` JSON object. */
export interface Field {
  name: string;
  csv: (m: Matched) => string;
  json: (result: MatchResult) => unknown;
}

function fromMatch(name: string, value: (m: Matched) => string | number | null, text?: (m: Matched) => string): Field {
  return { name, csv: text ?? ((m) => String(value(m) ?? '')), json: (r) => (r.match === null ? null : value(r.match)) };
}

/** The columns batch appends, each with how a match fills it: one list, so header and cells agree. */
export const APPENDED: Field[] = [
  fromMatch('level', (m) => m.level),
  fromMatch('level_name', (m) => m.levelName),
  fromMatch('track', (m) => m.track),
  fromMatch('family', (m) => m.family),
  fromMatch('role', (m) => m.role),
  fromMatch('confidence', (m) => m.confidence, (m) => m.confidence.toFixed(2)),
  // The occupation: the 2018 SOC code (the O*NET-SOC code's first seven characters) and its title.
  fromMatch('soc_code', (m) => (m.occupation ? socOf(m.occupation.code) : null)),
  fromMatch('occupation', (m) => m.occupation?.title ?? null),
];

/** The column batch appends with a company (--company, --company-column): the company's code for the answer, where its ladder decided. */
export const COMPANY_LEVEL: Field = fromMatch('company_level', (m) => m.company?.code ?? null);

/**
 * The columns `batch --pay` appends: the survey's figures for the row's family x level in the
 * region, else OEWS's for its occupation (no n: OEWS is not a count of responses). A top-coded OEWS
 * wage is written "239200 or more", never as a number.
 */
function payValue(m: Matched, key: 'p25' | 'median' | 'p75'): number | string | null {
  const p = m.marketPay;
  if (p?.survey && p.survey.median !== null) return p.survey[key];
  if (!p?.oews) return null;
  if (p.oews.topCoded.includes(key)) return `${p.oews.topCode} or more`;
  return p.oews[key];
}
export const PAY: Field[] = [
  fromMatch('pay_p25', (m) => payValue(m, 'p25')),
  fromMatch('pay_median', (m) => payValue(m, 'median')),
  fromMatch('pay_p75', (m) => payValue(m, 'p75')),
  fromMatch('pay_n', (m) => (m.marketPay?.survey && m.marketPay.survey.median !== null ? m.marketPay.survey.n : null)),
];

/** What `--fields` may also name in JSON: the row's query, as read. */
const QUERY: Field[] = [
  { name: 'title', csv: () => '', json: (r) => r.query.title },
  { name: 'years', csv: () => '', json: (r) => r.query.years },
];

export interface FieldChoice {
  fields: Field[];
  /** The first name that is not a field ('' for an empty list); null when all are. */
  unknown: string | null;
  known: string[];
}

/** The fields a `--fields` list names, in its order. */
export function pickFields(list: string, format: 'csv' | 'ndjson' | 'json'): FieldChoice {
  const known = format === 'csv' ? [...APPENDED, ...PAY, COMPANY_LEVEL] : [...QUERY, ...APPENDED, ...PAY, COMPANY_LEVEL];
  const names = known.map((f) => f.name);
  const fields: Field[] = [];
  for (const name of list.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean)) {
    const field = known.find((f) => f.name === name);
    if (!field) return { fields, unknown: name, known: names };
    if (!fields.includes(field)) fields.push(field);
  }
  return { fields, unknown: fields.length === 0 ? '' : null, known: names };
}

/** What an appended column is called when the input already has a column of its name. */
export const COLUMN_PREFIX = 'leveler_';

/**
 * The names of the appended columns: each field's name, or, when the input header already has it
 * (compared without case or surrounding space), `leveler_` and the name, then `_2`, `_3`... until
 * no column of the output repeats another's name.
 */
export function appendedNames(header: string[], fields: Field[] = APPENDED): string[] {
  const taken = new Set(header.map((h) => h.trim().toLowerCase()));
  return fields.map((f) => {
    let name = f.name;
    if (taken.has(name)) name = COLUMN_PREFIX + f.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${COLUMN_PREFIX}${f.name}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function csvHeader(header: string[], delimiter: string, names: string[]): string {
  return csvLine([...header, ...names], delimiter);
}

/** The appended cells of a row, with their leading delimiter; empty cells for no match. */
export function csvSuffix(result: MatchResult, delimiter: string, fields: Field[] = APPENDED): string {
  const m = result.match;
  return fields.map((f) => delimiter + (m === null ? '' : csvField(f.csv(m), delimiter))).join('');
}

/** The chosen fields of a row's answer as a JSON object, without its row number. */
export function jsonFields(result: MatchResult, fields: Field[]): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, f.json(result)])));
}

/** A row's input fields, quoted where they must be, padded to the header's width when the row is short. */
export function csvRow(fields: string[], width: number, delimiter: string, suffix: string): string {
  let line = csvLine(fields, delimiter);
  for (let i = fields.length; i < width; i++) line += delimiter;
  return line + suffix;
}

/** The `match --json` object as one line; the row number is put in front per row. */
export function jsonBody(result: MatchResult): string {
  return JSON.stringify(matchJson(result));
}

/** An answer's JSON with its row number first, then (--keep-columns) its input row as `"input":{…}`. */
export function jsonWithRow(body: string, row: number, input = ''): string {
  const head = input === '' ? `"row":${row}` : `"row":${row},"input":${input}`;
  return body === '{}' ? `{${head}}` : `{${head},${body.slice(1)}`;
}

/**
 * The input columns' names as JSON keys, each followed by a colon, for `inputJson`: the header's
 * names (a name used twice gets its column number, "name_3"; an empty one its number).
 */
export function inputKeys(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((name, i) => {
    const key = name === '' || seen.has(name) ? `${name === '' ? '' : `${name}_`}${i + 1}` : name;
    seen.add(key);
    return `${JSON.stringify(key)}:`;
  });
}

/** A row's fields as a JSON object by `keys` (inputKeys); a field past the header is keyed by its number, a missing one is null. */
export function inputJson(keys: readonly string[], fields: readonly (string | undefined)[]): string {
  const parts: string[] = [];
  const n = Math.max(keys.length, fields.length);
  for (let k = 0; k < n; k++) parts.push(`${keys[k] ?? `${JSON.stringify(String(k + 1))}:`}${fields[k] === undefined ? 'null' : JSON.stringify(fields[k])}`);
  return `{${parts.join(',')}}`;
}


export interface SummaryInput {
  tally: Tally;
  levels: string[];
  seconds: number;
  paint?: { bold: (s: string) => string };
  /** The arguments that triage the same input ("titles.csv --column job_title"), for the hint. */
  triage?: string;
  /** A terminal's width: lines are broken between words to fit it (0: a pipe, lines whole). */
  width?: number;
}

const share = (n: number, of: number) => (of === 0 ? '0%' : `${((n / of) * 100).toFixed(n === of || n === 0 ? 0 : 1)}%`);

export function renderSummary({ tally, levels, seconds, paint, triage, width = 0 }: SummaryInput): string {
  const bold = paint?.bold ?? ((s: string) => s);
  const rate = seconds >= 0.2 ? `, ${thousands(Math.round(tally.rows / seconds))} rows/s` : '';
  const of = (n: number) => `${thousands(n)} (${share(n, tally.rows)})`;
  const lines = [
    `${bold(`${thousands(tally.rows)} rows`)} in ${seconds.toFixed(1)} s${rate}: ${of(tally.matched)} matched, ${of(tally.unmatched)} unmatched, ${of(tally.low)} low-confidence`,
  ];
  const counts = levels.map((l) => [l, tally.perLevel.get(l) ?? 0] as const).filter(([, n]) => n > 0);
  const most = Math.max(1, ...counts.map(([, n]) => n));
  const digits = Math.max(...counts.map(([, n]) => thousands(n).length), 1);
  for (const [level, n] of counts) lines.push(`  ${level.padEnd(4)} ${thousands(n).padStart(digits)}  ${bar(n / most, 30)}`);
  if (tally.matched > 0) {
    const families = [...tally.perFamily].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const parts = [...families.map(([f, n]) => `${f} ${of(n)}`), `no family ${of(tally.noFamily)}`];
    lines.push(`  families: ${parts.join(' · ')}`);
  }
  const top = tally.topUnmatched(5);
  if (top.length > 0) {
    const titles = top.map(([t, n]) => `${t === '' ? 'an empty title' : shown(t, 40)} (${thousands(n)})`).join(', ');
    lines.push(`  most unmatched: ${titles}; for more, run: leveler triage ${triage ?? '<file>'}`);
  }
  return lines.map((l) => wrapLine(l, width, l.startsWith('  ') ? 4 : 2)).join('\n') + '\n';
}

/** A path or a name as a shell word: quoted when it holds anything but safe characters. */
export function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}


export function renderProgress(rows: number, seconds: number, fraction: number | null): string {
  const rate = seconds > 0 ? ` · ${thousands(Math.round(rows / seconds))} rows/s` : '';
  const pct = fraction === null ? '' : ` · ${Math.floor(fraction * 100)}%`;
  return `${thousands(rows)} rows${rate}${pct}`;
}

/**
 * A row's output: in CSV, its fields and the appended cells (a raw line is copied through as read:
 * it holds no quote, CR or LF to escape; any other record is written again field by field, quoted
 * where the format needs it); in NDJSON and JSON, the answer with the row's number first.
 */
export function rowText(format: 'csv' | 'ndjson' | 'json', record: CsvRow, width: number, headerWidth: number, delimiter: string, answer: string, row: number, input = ''): string {
  if (format === 'csv') {
    const line = typeof record === 'string' ? record + delimiter.repeat(Math.max(0, headerWidth - width)) + answer : csvRow(record, headerWidth, delimiter, answer);
    return line + '\n';
  }
  if (format === 'ndjson') return jsonWithRow(answer, row, input) + '\n';
  return (row > 1 ? ',\n' : '') + jsonWithRow(answer, row, input);
}
