// leveler eval GOLD.csv: how often the ladder agrees with levels a team already assigned.
import { InvalidArgumentError, Option } from 'commander';
import { shortAnswer } from '../core/answers.js';
import { goldRow, labelReaders, type GoldColumns, type GoldProblem } from '../core/eval.js';
import { columnIndex } from '../core/batch.js';
import { thousands } from '../core/numbers.js';
import { EXIT, UsageError } from '../errors.js';
import { detached, fieldAt } from '../io/csv.js';
import { emptyInput } from '../io/input.js';
import type { Io } from '../io/terminal.js';
import { percent as pct } from '../output/eval.js';
import { shown } from '../output/shown.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { flag, options, type FlagsOf } from './options.js';
import { namedColumn, openTable, titleColumn, yearsColumn } from './table-input.js';

function percent(value: string): number {
  const n = /^\s*\d{1,3}(?:\.\d+)?\s*%?\s*$/.test(value) ? Number(value.replace('%', '')) : NaN;
  if (!(n >= 0 && n <= 100)) throw new InvalidArgumentError('must be a percentage from 0 to 100, such as 95');
  return n;
}

const flags = [
  options.column(),
  options.yearsColumn(),
  options.noYearsColumn(),
  flag<'levelColumn', string | undefined>('levelColumn', new Option('--level-column <name>', 'the expected level column (default: level)')),
  flag<'familyColumn', string | undefined>('familyColumn', new Option('--family-column <name>', 'the expected family column (default: family, when there is one); "" not to score families')),
  flag<'occupationColumn', string | undefined>('occupationColumn', new Option('--occupation-column <name>', 'an expected SOC code column (compared at 6 digits: 15-2051)')),
  flag<'minLevel', number | undefined>('minLevel', new Option('--min-level <pct>', 'exit 1 when level accuracy is below this percentage').argParser(percent)),
  flag<'minFamily', number | undefined>('minFamily', new Option('--min-family <pct>', 'exit 1 when family accuracy is below this percentage').argParser(percent)),
  options.results(20),
  options.json(),
  options.data(),
] as const;

export const evalCommand = command({
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
    'Exit status: 0 done (and at or above --min-level / --min-family), 1 below a minimum, 2 usage error or nothing scored, 3 unreadable file or ladder.',
  options: flags,
  async run([file], opts, io) {
    const table = await openTable(file, io, opts, 'eval');
    const { where, reader } = table;
    const leveler = await openLeveler(io, opts);
    // Each distinct title is answered once, as batch answers it; a row keeps nothing but its counts.
    const memo = await leveler.answers({ family: null, quotesYears: false, explain: false, keep: shortAnswer, own: detached, pay: false });
    const labels = labelReaders(leveler.ladder);
    const problems = new Problems();
    let columns: GoldColumns | null = null;
    let tally: ReturnType<typeof leveler.evalTally> | null = null;
    let row = 0;
    try {
      for await (const rows of reader.batches(table.input.stream)) {
        columns ??= goldColumns(reader.header!, opts, where);
        tally ??= leveler.evalTally(opts.top, columns.occupation >= 0, detached);
        const d = reader.delimiter!;
        for (const record of rows) {
          const gold = goldRow((at) => fieldAt(record, d, at), ++row, columns, labels, (p) => problems.add(p));
          tally.add(gold, memo.answer(gold.title, gold.years));
        }
      }
    } finally {
      await table.close();
    }
    if (reader.header === null) throw emptyInput(where, true);
    columns ??= goldColumns(reader.header, opts, where);
    tally ??= leveler.evalTally(opts.top, columns.occupation >= 0);
    problems.print(io, where);
    if (row > 0 && !tally.scoredAny) {
      const codes = leveler.ladder.levels.slice(0, 3).map((l) => l.code).join(', ');
      throw new UsageError(`nothing was scored in ${where}: no row has a level${columns.family >= 0 ? ' or family' : ''} label the ladder knows`, `labels are the ladder's level codes (${codes}…) and family ids; see \`leveler list\` and \`leveler families\``);
    }
    const report = tally.report((title, years) => leveler.explain(title, years));
    await present(io, opts, 'eval', { file: where, ...report, problems: problems.list, problemCount: problems.count }, leveler.ladder);
    const below = (min: number | undefined, s: { accuracy: number | null }) => min !== undefined && (s.accuracy ?? 0) * 100 < min;
    if (below(opts.minLevel, report.level) || below(opts.minFamily, report.family)) {
      const min = (m: number | undefined) => (m !== undefined ? ` (min ${m}%)` : '');
      io.stderr.write(`leveler: below the minimum: level ${pct(report.level.accuracy)}${min(opts.minLevel)}, family ${pct(report.family.accuracy)}${min(opts.minFamily)}\n`);
      return EXIT.noMatch;
    }
    return EXIT.ok;
  },
});

function goldColumns(header: string[], opts: FlagsOf<typeof flags>, where: string): GoldColumns {
  return {
    title: titleColumn(header, opts, where),
    years: yearsColumn(header, opts, where),
    level: namedColumn(header, opts.levelColumn ?? 'level', 'level', '--level-column', where, -1, true),
    family: namedColumn(header, opts.familyColumn, 'family', '--family-column', where, columnIndex(header, 'family')),
    occupation: opts.occupationColumn === undefined ? -1 : namedColumn(header, opts.occupationColumn, 'occupation', '--occupation-column', where, -1, true),
  };
}

/** Bad labels, by row: the first few shown, a thousand kept for --json, all counted. */
class Problems {
  readonly list: string[] = [];
  count = 0;
  add(p: GoldProblem): void {
    this.count++;
    if (this.list.length >= 1000) return;
    this.list.push(p.what === 'years' ? `row ${p.row}: years ${shown(p.value)} ${p.why}; read without years` : `row ${p.row}: ${p.what} ${shown(p.value)} is not one of the ladder's; not scored`);
  }
  print(io: Io, where: string): void {
    for (const p of this.list.slice(0, 20)) io.stderr.write(`leveler: ${where}: ${p}\n`);
    if (this.count > 20) io.stderr.write(`leveler: ${where}: … and ${thousands(this.count - 20)} more rows with problems\n`);
  }
}
