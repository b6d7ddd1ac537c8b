// leveler families: every job family of the ladder, with its occupation and its cards.
import { EXIT } from '../errors.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { options } from './options.js';

export const familiesCommand = command({
  name: 'families',
  args: '',
  summary: 'every job family: id, name, occupation and cards',
  examples: ['leveler families', 'leveler families --json | jq -r ".families[].id"', 'leveler families | cut -f1,3'],
  details: 'In a pipe, one tab-separated line per family: id, name, O*NET-SOC code, occupation, cards.',
  options: [options.json(), options.data(), options.hush()],
  async run(_args, opts, io) {
    const leveler = await openLeveler(io, opts);
    await present(io, opts, 'families', leveler.families(), leveler.ladder);
    return EXIT.ok;
  },
});
