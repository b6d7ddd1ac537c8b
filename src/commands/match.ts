import { matchJson } from '../output/contract.js';
import { reasonText } from '../output/reasons.js';
import { Matcher } from '../core/match.js';
import { englishWords } from '../io/dictionary.js';
import { EXIT, UsageError } from '../errors.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderPlain } from '../output/plain.js';
import { matchRows } from '../output/rows.js';
import type { CommandSpec } from './command.js';
import { checkRegion, familyOption, openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';
import { shown } from '../output/shown.js';

interface MatchFlags {
  /** false with --no-pager. */
  pager?: boolean;
  color: ColorFlag;
  years?: number;
  family?: string;
  top: number;
  region: string;
  json?: boolean;
  data?: string;
}

export const matchCommand: CommandSpec = {
  name: 'match',
  args: '<title...>',
  summary: 'level one job title, with what the level means',
  examples: [
    'leveler match "Associate ML"',
    'leveler match "Machine Learning Engineer" --years 6',
    'leveler match "Sr. ML Engineer" --json | jq .match.level',
    'leveler match "Senior Data Scientist" --region GB',
  ],
  details: 'Exit status: 0 matched, 1 no match, 2 usage error, 3 the ladder cannot be read.',
  options: [options.years(), options.family(), options.top(), options.region(), options.json(), options.data()],
  async run(words, raw, io) {
    const opts = raw as unknown as MatchFlags;
    const title = words.join(' ');
    if (title.trim() === '') throw new UsageError('the title is empty', 'give a job title, such as: leveler match "Senior Data Scientist"');
    const { ladder, lexicon, occupations, pay, overrides } = await openLadder(io, opts.data);
    const family = opts.family === undefined ? null : familyOption(ladder, opts.family).id;
    checkRegion(pay, opts.region);
    const matcher = new Matcher(ladder, lexicon).useDictionary(englishWords()).useOccupations(occupations).usePay(pay, opts.region).useOverrides(await overrides());
    // fuse.js is the slowest part of start-up; most titles never need it.
    if (matcher.needsFuzzy(title)) matcher.useFuzzy((await import('../core/fuzzy.js')).fuseFinder);
    const result = matcher.match(title, { years: opts.years ?? null, family, top: opts.top });
    const show = presentation(io, opts);
    if (show.json) {
      write(io, renderJson(matchJson(result)));
    } else if (result.match === null) {
      const last = result.reasons.at(-1);
      io.stderr.write(`leveler: no match for ${shown(title)}: ${last ? reasonText(last) : 'nothing recognised'}\n`);
    } else if (show.table) {
      const { renderMatchTable } = await import('../output/table.js');
      await writeTable(io, renderMatchTable(result, { paint: await painter(show.color), width: show.width }), opts);
    } else {
      write(io, renderPlain(matchRows(result)));
    }
    return result.match === null ? EXIT.noMatch : EXIT.ok;
  },
};
