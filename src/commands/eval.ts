// leveler eval GOLD.csv: how often the ladder agrees with levels a team already assigned. The
// command's flags and help; the work is in eval-run.ts.
import { InvalidArgumentError, Option } from 'commander';
import { command } from './command.js';
import { flag, options, type FlagsOf } from './options.js';

function percent(value: string): number {
  const n = /^\s*\d{1,3}(?:\.\d+)?\s*%?\s*$/.test(value) ? Number(value.replace('%', '')) : NaN;
  if (!(n >= 0 && n <= 100)) throw new InvalidArgumentError('must be a percentage from 0 to 100, such as 95');
  return n;
}

const flags = [
  options.hush(),
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

export type EvalFlags = FlagsOf<typeof flags>;

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
    // The work is loaded only when eval runs: it brings the CSV reader, which `match` should not pay for.
    const { runEval } = await import('./eval-run.js');
    return runEval(file, opts, io);
  },
});
