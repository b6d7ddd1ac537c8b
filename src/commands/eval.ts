// leveler eval GOLD.csv: how often the ladder agrees with levels a team already assigned.
import { AnswerMemo, shortAnswer } from '../core/answers.js';
import { columnIndex, findTitleColumn, findYearsColumn, parseYearsCell } from '../core/batch.js';
import { findFamily, findLevel } from '../core/cards.js';
import { EvalTally, type GoldRow } from '../core/eval.js';
import { thousands } from '../core/numbers.js';
import { isSocCode } from '../core/soc.js';
import type { Ladder } from '../core/types.js';
import { EXIT, UsageError } from '../errors.js';
import { CsvReader, detached, fieldAt, type CsvRow } from '../io/csv.js';
import { emptyInput, openInput } from '../io/input.js';
import { displayPath } from '../io/ladder.js';
import { createMatcher } from '../io/matcher.js';
import type { Io } from '../io/terminal.js';
import { painter, type ColorFlag } from '../output/color.js';
import { evalJson, percent as pct, renderEval } from '../output/eval.js';
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
    // Each distinct title is answered once, as batch answers it; a row keeps nothing but its counts.
    const memo = new AnswerMemo(matcher, { family: null, quotesYears: false, explain: false, keep: shortAnswer, own: detached });

    const reader = new CsvReader({ source: where, rawLines: true });
    let columns: Columns | null = null;
    let tally: EvalTally | null = null;
    const problems = new Problems();
    const labels = labelReaders(ladder);
    let row = 0;
    try {
      for await (const rows of reader.batches(input.stream)) {
        columns ??= evalColumns(reader.header!, opts, where);
        tally ??= new EvalTally({ levelOrder: ladder.levels.map((l) => l.code), withOccupation: columns.occupation >= 0, keepMisses: opts.top, own: detached });
        const d = reader.delimiter!;
        for (const record of rows) {
          row++;
          const gold = goldRow(record, d, row, columns, labels, problems);
          tally.add(gold, memo.answer(gold.title, gold.years));
        }
      }
    } finally {
      input.stream.destroy();
      await input.handle?.close().catch(() => undefined);
    }
    if (reader.header === null) throw emptyInput(where, true);
    columns ??= evalColumns(reader.header, opts, where);
    tally ??= new EvalTally({ levelOrder: ladder.levels.map((l) => l.code), withOccupation: columns.occupation >= 0, keepMisses: opts.top });
    problems.print(io, where);
    if (row > 0 && !tally.scoredAny) {
      throw new UsageError(`nothing was scored in ${where}: no row has a level${columns.family >= 0 ? ' or family' : ''} label the ladder knows`, `labels are the ladder's level codes (${ladder.levels.slice(0, 3).map((l) => l.code).join(', ')}…) and family ids; see \`leveler list\` and \`leveler families\``);
    }
    const report = tally.report((title, years) => matcher.match(title, { years, top: 0 }).reasons);

    const show = presentation(io, opts);
    if (show.json) write(io, renderJson({ file: where, ...evalJson(report), problems: problems.list, problemCount: problems.count }));
    else {
      const paint = await painter(show.color);
      const text = renderEval(where, report, paint, show.table);
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

interface Columns {
  title: number;
  years: number;
  level: number;
  family: number;
  occupation: number;
}

function evalColumns(header: string[], opts: EvalFlags, where: string): Columns {
  const column = (flag: string | undefined, what: string, fallback: () => number, required: boolean): number => {
    const i = flag === undefined ? fallback() : flag === '' ? -1 : columnIndex(header, flag);
    if (i < 0 && (required || (flag !== undefined && flag !== ''))) {
      const named = flag === undefined || flag === '' ? `no ${what} column` : `no column ${shown(flag)}`;
      throw new UsageError(`${where} has ${named}`, `its columns are ${shownList(header)}; name one with --${what}-column`.replace('--title-column', '--column'));
    }
    return i;
  };
  return {
    title: column(opts.column, 'title', () => findTitleColumn(header), true),
    years: opts.yearsColumn === false ? -1 : column(opts.yearsColumn, 'years', () => findYearsColumn(header), false),
    level: column(opts.levelColumn ?? 'level', 'level', () => -1, true),
    family: column(opts.familyColumn, 'family', () => columnIndex(header, 'family'), false),
    occupation: opts.occupationColumn === undefined ? -1 : column(opts.occupationColumn, 'occupation', () => -1, true),
  };
}

/** Bad labels, by row: the first few kept to be shown, the rest counted. */
class Problems {
  readonly list: string[] = [];
  count = 0;
  add(problem: string): void {
    this.count++;
    if (this.list.length < PROBLEMS_KEPT) this.list.push(problem);
  }
  print(io: Io, where: string): void {
    for (const p of this.list.slice(0, PROBLEMS_SHOWN)) io.stderr.write(`leveler: ${where}: ${p}\n`);
    if (this.count > PROBLEMS_SHOWN) io.stderr.write(`leveler: ${where}: … and ${thousands(this.count - PROBLEMS_SHOWN)} more rows with problems\n`);
  }
}

/** Problems shown on stderr; kept for --json. */
const PROBLEMS_SHOWN = 20;
const PROBLEMS_KEPT = 1000;

type LabelReader = (value: string) => string | null;

/** A label's reading, worked out once per distinct label: the ladder's level code, family id, or a SOC code. */
function labelReaders(ladder: Ladder): { level: LabelReader; family: LabelReader; occupation: LabelReader } {
  const memo = (read: LabelReader): LabelReader => {
    const seen = new Map<string, string | null>();
    return (v) => {
      let r = seen.get(v);
      if (r === undefined) {
        r = read(v);
        if (seen.size < 10_000) seen.set(v, r);
      }
      return r;
    };
  };
  return {
    level: memo((v) => findLevel(ladder, v)?.code ?? null),
    family: memo((v) => findFamily(ladder, v)?.id ?? null),
    occupation: (v) => (isSocCode(v) ? v : null),
  };
}

function goldRow(record: CsvRow, d: string, row: number, c: Columns, labels: ReturnType<typeof labelReaders>, problems: Problems): GoldRow {
  const cell = (at: number) => (at < 0 ? undefined : (fieldAt(record, d, at) ?? '').trim());
  const title = fieldAt(record, d, c.title) ?? '';
  const yearsText = cell(c.years);
  const yearsCell = parseYearsCell(yearsText);
  let years: number | null = null;
  if (yearsCell && 'error' in yearsCell) problems.add(`row ${row}: years ${shown(yearsText!)} ${yearsCell.error}; read without years`);
  else if (yearsCell) years = yearsCell.years;
  const label = (at: number, what: string, read: LabelReader): string | null => {
    const v = cell(at);
    if (v === undefined || v === '?') return null;
    if (v === '') return '';
    const known = read(v);
    if (known === null) problems.add(`row ${row}: ${what} ${shown(v)} is not one of the ladder's; not scored`);
    return known;
  };
  const level = label(c.level, 'level', labels.level);
  const family = c.family < 0 ? null : label(c.family, 'family', labels.family);
  // An empty SOC cell is a code nobody filed: not scored.
  const occupation = label(c.occupation, 'occupation', labels.occupation) || null;
  return { row, title, years, level, family, occupation };
}

