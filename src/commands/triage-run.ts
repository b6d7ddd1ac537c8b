// leveler triage, the work: reads the file row by row, counts each distinct title's troubles, and
// lists the worst with what leveler read in each.
import { shortAnswer } from '../core/answers.js';
import { parseYearsCell } from '../core/batch.js';
import { thousands } from '../core/numbers.js';
import { Triage } from '../core/triage.js';
import { EXIT } from '../errors.js';
import { detached, fieldAt } from '../io/csv.js';
import { emptyInput } from '../io/input.js';
import { openSink, refuseExistingFile } from '../io/output.js';
import { starterOverrides } from '../output/triage.js';
import { openLeveler, present } from './context.js';
import type { Io } from '../io/terminal.js';
import type { TriageFlags } from './triage.js';
import { openTable, titleColumn, yearsColumn } from './table-input.js';


export async function runTriage(file: string | undefined, opts: TriageFlags, io: Io): Promise<number> {
  // A hand-edited overrides file is not replaced by a starter one unless --force says so.
  if (opts.writeOverrides !== undefined && !opts.force) refuseExistingFile(opts.writeOverrides, io.cwd, '--write-overrides');
  const table = await openTable(file, io, opts, 'triage');
  const { where, reader } = table;
  const leveler = await openLeveler(io, opts);
  const family = leveler.familyId(opts.family);
  // Each distinct title is answered once, as batch answers it; only the listed ones again, with their reasons.
  const memo = await leveler.answers({ family, quotesYears: false, quotesTitle: false, explain: false, keep: shortAnswer, own: detached, pay: false });
  const triage = new Triage(leveler.ladder.confidence.low);
  let columns: { title: number; years: number } | null = null;
  let badYears = 0;
  try {
    for await (const rows of reader.batches(table.input.stream)) {
      columns ??= { title: titleColumn(reader.header!, opts, where), years: yearsColumn(reader.header!, opts, where) };
      const d = reader.delimiter!;
      for (const r of rows) {
        const cell = columns.years < 0 ? null : parseYearsCell(fieldAt(r, d, columns.years));
        if (cell && 'error' in cell) badYears++;
        const title = fieldAt(r, d, columns.title) ?? '';
        const years = cell && 'years' in cell ? cell.years : null;
        triage.add(title, years, memo.answer(title, years));
      }
    }
  } finally {
    await table.close();
  }
  if (badYears > 0) io.stderr.write(`leveler: warning: ${where}: ${thousands(badYears)} years cell${badYears === 1 ? '' : 's'} not read as years; those rows read without years\n`);
  if (reader.header === null) throw emptyInput(where, opts.header !== false);
  const titles = triage.list(opts.top, (title, years) => leveler.explained(title, years, family));
  if (opts.writeOverrides !== undefined) {
    const sink = openSink({ target: opts.writeOverrides, stdout: io.stdout, cwd: io.cwd, input: table.input.id, flag: '--write-overrides' });
    try {
      await sink.write(starterOverrides(where, titles));
      await sink.commit();
    } catch (e) {
      sink.abort();
      throw e;
    }
    io.stderr.write(`leveler: wrote ${titles.length} titles to ${opts.writeOverrides}: correct them, then keep the file as overrides.yaml beside ladder.yaml\n`);
  }
  const view = { file: where, counts: triage.counts, distinct: triage.distinct, titles, unmatched: triage.share(titles.length, 'unmatched') };
  await present(io, opts, 'triage', view, leveler.ladder);
  return EXIT.ok;
}
