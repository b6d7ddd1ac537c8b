// leveler pay: a family's market pay by level, with a bar per level, or an occupation's U.S. wages.
import { EXIT } from '../errors.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { options } from './options.js';

export const payCommand = command({
  name: 'pay',
  args: '',
  summary: "a family's market pay by level, or an occupation's U.S. wages",
  examples: ['leveler pay --family ai-ml', 'leveler pay --family data-science --region GB', 'leveler pay --occupation 29-1141', 'leveler pay --family ai-ml --json | jq ".levels[] | {level, median}"'],
  details:
    'By level, from P1 up the professional track and M1 up the management track: the number of full-time responses ' +
    "to the aijobs.net salary survey and their 25th, 50th and 75th percentiles of annual pay in USD, in the company's country " +
    '(--region, default US); no figure from fewer than 30 responses. With --occupation, BLS OEWS May 2024 wages for the U.S.',
  options: [options.cardFamily('pay'), options.occupation(), options.region(), options.json(), options.data(), options.hush()],
  async run(_words, opts, io) {
    const leveler = await openLeveler(io, opts);
    // The pay chart has no colours; --color always still asks for it in a pipe, as a terminal shows it.
    await present(io, { ...opts, color: opts.color === 'always' ? 'always' : 'never' }, 'pay', leveler.pay(opts), leveler.ladder);
    return EXIT.ok;
  },
});
