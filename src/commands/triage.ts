// leveler triage FILE: the distinct titles that cost the most unmatched, low-confidence or
// family-less rows, most first, with what leveler read in each; and a starter overrides file.
import { Option } from 'commander';
import { command } from './command.js';
import { flag, options, type FlagsOf } from './options.js';

const flags = [
  options.hush(),
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
] as const;

export type TriageFlags = FlagsOf<typeof flags>;

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
  options: flags,
  async run([file], opts, io) {
    // The work is loaded only when triage runs: it brings the CSV reader, which `match` should not pay for.
    const { runTriage } = await import('./triage-run.js');
    return runTriage(file, opts, io);
  },
});
