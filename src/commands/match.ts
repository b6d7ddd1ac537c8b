// leveler match TITLE: one title's level, with what the level means.
import { EXIT } from '../errors.js';
import { shown } from '../output/shown.js';
import { command } from './command.js';
import { openLeveler, present, presentation } from './context.js';
import { options } from './options.js';

export const matchCommand = command({
  name: 'match',
  args: '<title...>',
  summary: 'level one job title, with what the level means',
  examples: [
    'leveler match "Associate ML"',
    'leveler match "Machine Learning Engineer" --years 6',
    'leveler match "Sr. ML Engineer" --json | jq .match.level',
    'leveler match "Senior Data Scientist" --region GB',
    'leveler match "Software Engineer L5" --company Google',
    'leveler match "Registered Nurse" --brief',
  ],
  details: 'Exit status: 0 matched, 1 no match, 2 usage error, 3 the ladder cannot be read.',
  options: [options.years(), options.family(), options.company(), options.top(), options.region(), options.brief(), options.json(), options.data(), options.hush()],
  async run(words, opts, io) {
    const title = words.join(' ');
    const leveler = await openLeveler(io, opts);
    const result = await leveler.match(title, { years: opts.years ?? null, family: opts.family ?? null, company: opts.company ?? null, top: opts.top });
    if (result.match === null && !presentation(io, opts).json) {
      io.stderr.write(`leveler: no match for ${shown(title)}: ${result.reasons.at(-1) ?? 'nothing recognised'}\n`);
      // A bare company code ("E5") means a level at some company: say which, and how to ask.
      const at = opts.company === undefined ? await leveler.companiesWithCode(title) : [];
      if (at.length > 0) {
        const shownAt = at.slice(0, 6).map((c) => `${c.name} ${c.code} (${c.level}${c.band ? `, ${c.band}` : ''})`);
        io.stderr.write(`leveler: ${shown(title)} is a level code at ${shownAt.join(', ')}${at.length > 6 ? ` and ${at.length - 6} more` : ''}; read it on one with --company NAME, e.g. \`leveler match ${shown(title)} --company ${at[0]!.name}\`\n`);
      }
    } else {
      await present(io, opts, opts.brief ? 'matchBrief' : 'match', result, leveler.ladder);
    }
    return result.match === null ? EXIT.noMatch : EXIT.ok;
  },
});
