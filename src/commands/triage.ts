// leveler triage FILE: the distinct titles that cost the most unmatched, low-confidence or
// family-less rows, most first, with what leveler read in each; and a starter overrides file.
import { Option } from 'commander';
import { shortAnswer } from '../core/answers.js';
import { parseYearsCell } from '../core/batch.js';
import { thousands } from '../core/numbers.js';
import { Triage } from '../core/triage.js';
import { EXIT } from '../errors.js';
import { detached, fieldAt } from '../io/csv.js';
import { emptyInput } from '../io/input.js';
import { openSink, refuseExistingFile } from '../io/output.js';
import { starterOverrides } from '../output/triage.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { flag, options } from './options.js';
import { openTable, titleColumn, yearsColumn } from './table-input.js';

export const triageCommand = command({
  name: 'triage',
  args: '[file]',
  summary: 'the titles that cost the most unmatched, low-confidence or family-less rows',
  examples: [
    'leveler triage titles.csv',
    'leveler triage postings.csv --column job_title --top 50',
    'leveler triage titles.csv --write-overrides overrides.yaml',
    'leveler triage titles.csv --json | jq ".titles[0]"',
  ],
  details:
    'Reads the file as batch does (a years column too) and answers each distinct title once for each years value. Lists the titles whose rows ' +
    "are unmatched, of low confidence (under the ladder's confidence.low: 0.6 in the shipped ladder) or without a family, by rows, with the running share of those rows, and " +
    'for each what leveler read and why it stopped. The counts add up to the rows. --write-overrides writes a starter ' +
    'overrides.yaml of the top titles with the current answers, for a person to correct. ' +
    'Exit status: 0 done, 2 usage error, 3 unreadable file or ladder, 74 the output cannot be written.',
  options: [
    options.column(),
    options.yearsColumn(),
    options.noYearsColumn(),
    options.noHeader(),
    options.delimiter(),
    options.encoding(),
    options.family(),
    options.results(20),
    flag<'writeOverrides', string | undefined>('writeOverrides', new Option('--write-overrides <file>', 'write a starter overrides.yaml of the top titles with their current answers (a new file, unless --force)')),
    flag<'force', boolean | undefined>('force', new Option('--force', 'let --write-overrides replace a file that exists')),
    options.json(),
    options.data(),
  ],
  async run([file], opts, io) {
    // A hand-edited overrides file is not replaced by a starter one unless --force says so.
    if (opts.writeOverrides !== undefined && !opts.force) refuseExistingFile(opts.writeOverrides, io.cwd, '--write-overrides');
    const table = await openTable(file, io, opts, 'triage');
    const { where, reader } = table;
    const leveler = await openLeveler(io, opts);
    const family = leveler.familyId(opts.family);
    // Each distinct title is answered once, as batch answers it; only the listed ones again, with their reasons.
    const memo = await leveler.answers({ family, quotesYears: false, explain: false, keep: shortAnswer, own: detached, pay: false });
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
    await present(io, { ...opts, color: 'never' }, 'triage', view, leveler.ladder);
    return EXIT.ok;
  },
});
