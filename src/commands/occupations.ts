// leveler occupations [QUERY]: the O*NET occupations a title's words point to, or all of them.
import { EXIT } from '../errors.js';
import { shown } from '../output/shown.js';
import { command } from './command.js';
import { openLeveler, present, presentation } from './context.js';
import { options } from './options.js';

export const occupationsCommand = command({
  name: 'occupations',
  args: '[query...]',
  summary: 'search the O*NET occupations by title (or list them all)',
  examples: ['leveler occupations registered nurse', 'leveler occupations "line cook" --json | jq -r ".occupations[0].code"', 'leveler occupations 15-2051', 'leveler occupations | wc -l'],
  details:
    'Without a query, every occupation: code, title, Job Zone. With one, the occupations its words point to, best first, ' +
    "with the words that decided and each one's probability, read as `match` reads a title. From the O*NET database (CC BY 4.0) " +
    'and the titles of U.S. labour-condition filings (public domain).',
  options: [options.results(10), options.json(), options.data(), options.hush()],
  async run(words, opts, io) {
    const leveler = await openLeveler(io, opts);
    const view = leveler.occupations(words.join(' '), { top: opts.top });
    if (view.occupations.length === 0 && !presentation(io, opts).json) {
      io.stderr.write(`leveler: no occupation matches ${shown(view.query ?? '')}; try fewer or other words\n`);
      return EXIT.noMatch;
    }
    await present(io, opts, 'occupations', view, leveler.ladder);
    return EXIT.ok;
  },
});
