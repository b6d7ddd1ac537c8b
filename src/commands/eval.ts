// leveler eval GOLD.csv: how often the ladder agrees with levels a team already assigned.
import { columnIndex, findTitleColumn, findYearsColumn, parseYearsCell } from '../core/batch.js';
import { findFamily, findLevel } from '../core/cards.js';
import { evaluate, NONE, type EvalReport, type GoldRow } from '../core/eval.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { CsvReader, fieldsOf } from '../io/csv.js';
import { openInput } from '../io/input.js';
import { displayPath } from '../io/ladder.js';
import { createMatcher } from '../io/matcher.js';
import { painter, type ColorFlag, type Paint } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { shown, shownList } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';
import { InvalidArgumentError, Option } from 'commander';

interface EvalFlags {
  pager?: boolean;
  color: ColorFlag;
  column?: string;
  yearsColumn?: string | false;
  levelColumn?: string;
  familyColumn?: string;
  occupationColumn?: string;
  minLevel?: number;
  minFamily?: number;
  top: number;
  json?: boolean;
  data?: string;
}

function percent(value: string): number {
  const n = /^\s*\d{1,3}(?:\.\d+)?\s*%?\s*$/.test(value) ? Number(value.replace('%', '')) : NaN;
  if (!(n >= 0 && n <= 100)) throw new InvalidArgumentError('must be a percentage from 0 to 100, such as 95');
  return n;
}

export const evalCommand: CommandSpec = {
  name: 'eval',
  args: '<gold>',
  summary: 'score the ladder against a file of titles with the levels you expect',
  examples: [
    'leveler eval gold.csv',
    'leveler eval gold.csv --min-level 95 --min-family 90',
    'leveler eval hris.csv --column "Job Title" --level-column grade --family-column ""',
    'leveler eval gold.csv --json | jq .level.accuracy',
  ],
  details:
    'The file has a title column and a level column (default "level"), and may have family, years and occupation (SOC) ' +
    'columns. A label "?" is not scored; an empty level means no match is expected, an empty family no family (an empty SOC code is not scored). ' +
    'Prints accuracy for each, precision and recall per level, the confusion matrix of expected against given levels, ' +
    'and the misses with their reasons, worst first. ' +
    'Exit status: 0 done (and at or above --min-level / --min-family), 1 below a minimum, 2 usage error, 3 unreadable file or ladder.',
  options: [
    options.column(),
    options.yearsColumn(),
    options.noYearsColumn(),
    new Option('--level-column <name>', 'the expected level column (default: level)'),
    new Option('--family-column <name>', 'the expected family column (default: family, when there is one); "" not to score families'),
    new Option('--occupation-column <name>', 'an expected SOC code column (compared at 6 digits: 15-2051)'),
    new Option('--min-level <pct>', 'exit 1 when level accuracy is below this percentage').argParser(percent),
    new Option('--min-family <pct>', 'exit 1 when family accuracy is below this percentage').argParser(percent),
    options.results(20),
    options.json(),
    options.data(),
  ],
  async run([gold], raw, io) {
    const opts = raw as unknown as EvalFlags;
    const fromStdin = gold === '-';
    if (fromStdin && io.stdin.isTTY) throw new UsageError('no input: stdin is a terminal', 'give a CSV file (leveler eval gold.csv), or pipe one in');
    const where = fromStdin ? 'stdin' : displayPath(gold!, io.cwd);
    const input = await openInput(fromStdin ? null : gold!, io);
    const { ladder, lexicon, occupations, overrides } = await openLadder(io, opts.data);
    const matcher = (await createMatcher(ladder, lexicon)).useOccupations(occupations).useOverrides(await overrides());

    const reader = new CsvReader({ source: where });
    const records: string[][] = [];
    try {
      for await (const rows of reader.batches(input.stream)) for (const r of rows) records.push(fieldsOf(r, reader.delimiter!));
    } finally {
      await input.handle?.close().catch(() => undefined);
    }
    const header = reader.header;
    if (header === null) throw new DataError(`${where} is empty: no header row`, 'the first line must name the columns, such as title,level,family');
    const column = (flag: string | undefined, what: string, fallback: () => number, required: boolean): number => {
      const i = flag === undefined ? fallback() : flag === '' ? -1 : columnIndex(header, flag);
      if (i < 0 && (required || (flag !== undefined && flag !== ''))) {
        const named = flag === undefined || flag === '' ? `no ${what} column` : `no column ${shown(flag)}`;
        throw new UsageError(`${where} has ${named}`, `its columns are ${shownList(header)}; name one with --${what}-column`.replace('--title-column', '--column'));
      }
      return i;
    };
    const titleAt = column(opts.column, 'title', () => findTitleColumn(header), true);
    const yearsAt = opts.yearsColumn === false ? -1 : column(opts.yearsColumn, 'years', () => findYearsColumn(header), false);
    const levelAt = column(opts.levelColumn ?? 'level', 'level', () => -1, true);
    const familyAt = column(opts.familyColumn, 'family', () => columnIndex(header, 'family'), false);
    const occupationAt = opts.occupationColumn === undefined ? -1 : column(opts.occupationColumn, 'occupation', () => -1, true);

    const problems: string[] = [];
    const rows: GoldRow[] = records.map((fields, i) => {
      const row = i + 1;
      const cell = (at: number) => (at < 0 ? undefined : (fields[at] ?? '').trim());
      const title = fields[titleAt] ?? '';
      const yearsCell = parseYearsCell(cell(yearsAt));
      let years: number | null = null;
      if (yearsCell && 'error' in yearsCell) problems.push(`row ${row}: years ${shown(cell(yearsAt)!)} ${yearsCell.error}; read without years`);
      else if (yearsCell) years = yearsCell.years;
      const label = (at: number, what: string, check: (v: string) => string | null): string | null => {
        const v = cell(at);
        if (v === undefined || v === '?') return null;
        if (v === '') return '';
        const known = check(v);
        if (known === null) problems.push(`row ${row}: ${what} ${shown(v)} is not one of the ladder's; not scored`);
        return known;
      };
      const level = label(levelAt, 'level', (v) => findLevel(ladder, v)?.code ?? null);
      const family = familyAt < 0 ? null : label(familyAt, 'family', (v) => findFamily(ladder, v)?.id ?? null);
      // An empty SOC cell is a code nobody filed: not scored.
      const occupation = label(occupationAt, 'occupation', (v) => (/^\d\d-\d{4}(?:\.\d\d)?$/.test(v) ? v : null)) || null;
      return { row, title, years, level, family, occupation, result: matcher.match(title, { years, top: 0 }) };
    });
    const report = evaluate(rows, ladder.levels.map((l) => l.code), occupationAt >= 0);
    for (const p of problems.slice(0, 20)) io.stderr.write(`leveler: ${where}: ${p}\n`);
    if (problems.length > 20) io.stderr.write(`leveler: ${where}: … and ${problems.length - 20} more rows with problems\n`);

    const show = presentation(io, opts);
    if (show.json) write(io, renderJson({ file: where, ...report, misses: report.misses.slice(0, opts.top), problems }));
    else {
      const paint = await painter(show.color);
      const text = renderEval(where, report, opts.top, paint, show.table);
      if (show.table) await writeTable(io, text, opts);
      else write(io, text);
    }
    const below = (min: number | undefined, s: { accuracy: number | null }) => min !== undefined && (s.accuracy ?? 0) * 100 < min;
    if (below(opts.minLevel, report.level) || below(opts.minFamily, report.family)) {
      io.stderr.write(`leveler: below the minimum: level ${pct(report.level.accuracy)}${opts.minLevel !== undefined ? ` (min ${opts.minLevel}%)` : ''}, family ${pct(report.family.accuracy)}${opts.minFamily !== undefined ? ` (min ${opts.minFamily}%)` : ''}\n`);
      return EXIT.noMatch;
    }
    return EXIT.ok;
  },
};

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The report as text: a terminal gets tables with a shaded matrix; a pipe, tab-separated sections. */
export function renderEval(file: string, r: EvalReport, top: number, paint: Paint, tty: boolean): string {
  const out: string[] = [];
  const scoreLine = (name: string, s: EvalReport['level'] | null) =>
    s === null ? null : `${name}\t${pct(s.accuracy)}\t${s.right} of ${s.scored} scored${r.rows > s.scored ? `, ${r.rows - s.scored} not scored` : ''}`;
  out.push(`${paint.bold(file)}: ${r.rows} rows, ${r.rowsRight} right`);
  for (const line of [scoreLine('level', r.level), scoreLine('family', r.family), scoreLine('occupation', r.occupation)]) if (line) out.push(line);
  out.push('', paint.bold('per level\tprecision\trecall\tlabelled'));
  for (const l of r.perLevel) out.push(`${l.level}\t${pct(l.precision)}\t${pct(l.recall)}\t${l.support}`);
  out.push('', paint.bold('expected \\ given'));
  const { labels, counts } = r.confusion;
  const width = Math.max(4, ...labels.map((l) => l.length), ...counts.flat().map((c) => String(c).length)) + 1;
  const cell = (s: string) => (tty ? s.padStart(width) : s);
  out.push([cell(''), ...labels.map(cell)].join(tty ? ' ' : '\t'));
  counts.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cells = row.map((c, j) => {
      const text = cell(c === 0 ? (tty ? '·' : '0') : String(c));
      return i === j ? paint.bold(text) : paint.shade(text, total === 0 ? 0 : c / total);
    });
    out.push([cell(labels[i]!), ...cells].join(tty ? ' ' : '\t'));
  });
  if (r.misses.length > 0) {
    out.push('', paint.bold(`misses, worst first (${Math.min(top, r.misses.length)} of ${r.misses.length})`));
    for (const m of r.misses.slice(0, top)) {
      const want = [m.want.level === '' ? NONE : (m.want.level ?? '?'), m.want.family === '' ? NONE : (m.want.family ?? '?'), ...(m.want.occupation !== null ? [m.want.occupation || NONE] : [])].join('/');
      const got = [m.got.level ?? NONE, m.got.family ?? NONE, ...(m.want.occupation !== null ? [m.got.occupation ?? NONE] : [])].join('/');
      out.push(`row ${m.row}\t${JSON.stringify(m.title)}${m.years === null ? '' : ` (${m.years} yrs)`}\twant ${want}\tgot ${got} (${m.got.confidence.toFixed(2)})`);
      for (const why of m.reasons.slice(0, 4)) out.push(`\t\t${paint.dim(why)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
