// leveler companies [QUERY]: the companies with a ladder, or one company's ladder beside the
// ladder's levels.
import { EXIT } from '../errors.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { options } from './options.js';

export const companiesCommand = command({
  name: 'companies',
  args: '[query...]',
  summary: "the companies with a ladder, or one company's levels beside the ladder's",
  examples: ['leveler companies', 'leveler companies google', 'leveler companies meta --json | jq -r ".levels[] | [.code, .level] | @tsv"'],
  details: "In a pipe, one tab-separated line per company (id, name, levels, aliases), or per level of one (company, code, track, level, band, years, titles).",
  options: [options.json(), options.data(), options.hush()],
  async run(words, opts, io) {
    const leveler = await openLeveler(io, opts);
    const view = await leveler.companies(words.join(' '));
    if ('companies' in view) await present(io, opts, 'companies', view, leveler.ladder);
    else await present(io, opts, 'company', view, leveler.ladder);
    return EXIT.ok;
  },
});
