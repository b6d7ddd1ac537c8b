// leveler batch: the command's flags and help. The work is in batch-run.ts, loaded only when
// batch runs: it brings the CSV parser, which `match` should not pay for at start-up.
import { UsageError } from '../errors.js';
import { pickFields, APPENDED, PAY, type Field } from '../output/batch.js';
import { shown } from '../output/shown.js';
import { command } from './command.js';
import { options, type FlagsOf } from './options.js';

const flags = [
  options.column(),
  options.yearsColumn(),
  options.noYearsColumn(),
  options.noHeader(),
  options.format(),
  options.fields(),
  options.output(),
  options.levelHintColumn(),
  options.keepColumns(),
  options.bom(),
  options.delimiter(),
  options.encoding(),
  options.family(),
  options.company(),
  options.companyColumn(),
  options.pay(),
  options.region(),
  options.data(),
  options.threads(),
  options.quiet(),
] as const;

export type BatchFlags = FlagsOf<typeof flags>;

export const batchCommand = command({
  name: 'batch',
  args: '[file]',
  summary: 'level every row of a CSV of job titles, streaming',
  examples: [
    'leveler batch titles.csv > levelled.csv',
    'leveler batch postings.csv --column job_title --years-column years -o levelled.csv',
    'cat titles.csv | leveler batch --format ndjson | jq -r "[.row, .match.level] | @tsv"',
    'leveler batch survey.csv --encoding windows-1251 --delimiter ";"',
    'leveler batch offers.csv --company-column employer',
  ],
  details:
    `FILE may be - or left out to read stdin. CSV output keeps every input column and appends: ${APPENDED.map((f) => f.name).join(', ')} ` +
    '(with --pay also pay_p25, pay_median, pay_p75, pay_n; with a company, company_level). NDJSON and JSON give the `match --json` object of each row, with "row" (1-based).\n' +
    'Exit status: 0 done, 2 usage error (unknown column, bad option), 3 the input or the ladder cannot be read, 74 the output cannot be written, 130 interrupted (143 SIGTERM, 129 SIGHUP).',
  options: flags,
  async run([file], opts, io) {
    const { runBatch } = await import('./batch-run.js');
    return runBatch(file, opts, io);
  },
});

/** The --fields list, checked before any work starts; null for every field of the format. */
export function pickedFields(opts: BatchFlags): Field[] | null {
  if (opts.fields === undefined) return opts.pay ? [...APPENDED, ...PAY] : null;
  const { fields, unknown, known } = pickFields(opts.fields, opts.format);
  if (opts.pay) for (const f of PAY) if (!fields.includes(f)) fields.push(f);
  if (unknown !== null) {
    const what = unknown === '' ? 'names no field' : `names ${shown(unknown)}, which is not a field of --format ${opts.format}`;
    throw new UsageError(`--fields ${what}`, `the fields are ${known.join(', ')}`);
  }
  return fields;
}

