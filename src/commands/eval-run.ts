// leveler eval, the work: reads a labelled file row by row and scores the ladder against it.
import { shortAnswer } from '../core/answers.js';
import { goldRow, labelReaders, type EvalTally, type GoldColumns, type GoldProblem } from '../core/eval.js';
import { columnIndex } from '../core/batch.js';
import { thousands } from '../core/numbers.js';
import { EXIT, UsageError } from '../errors.js';
import { detached, fieldAt } from '../io/csv.js';
import { emptyInput } from '../io/input.js';
import type { Io } from '../io/terminal.js';
import { percent as pct } from '../output/eval.js';
import { shown } from '../output/shown.js';
import { openLeveler, present } from './context.js';
import type { EvalFlags } from './eval.js';
import { namedColumn, openTable, titleColumn, yearsColumn } from './table-input.js';

export async function runEval(file: string | undefined, opts: EvalFlags, io: Io): Promise<number> {
  const table = await openTable(file, io, opts, 'eval');
  const { where, reader } = table;
  const leveler = await openLeveler(io, opts);
  // Each distinct title is answered once, as batch answers it; a row keeps nothing but its counts.
  const memo = await leveler.answers({ family: null, quotesYears: false, quotesTitle: false, explain: false, keep: shortAnswer, own: detached, pay: false });
  const labels = labelReaders(leveler.ladder);
  const problems = new Problems();
  let columns: GoldColumns | null = null;
  let tally: EvalTally | null = null;
  let row = 0;
  try {
    for await (const rows of reader.batches(table.input.stream)) {
      columns ??= goldColumns(reader.header!, opts, where);
      tally ??= await leveler.evalTally(opts.top, columns.occupation >= 0, detached);
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
  tally ??= await leveler.evalTally(opts.top, columns.occupation >= 0);
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
}

function goldColumns(header: string[], opts: EvalFlags, where: string): GoldColumns {
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
