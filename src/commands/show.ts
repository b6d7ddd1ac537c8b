import { buildCard, occupationCard } from '../core/cards.js';
import { marketPay } from '../core/pay.js';
import { EXIT, UsageError } from '../errors.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderPlain } from '../output/plain.js';
import { cardRows, identityRows } from '../output/rows.js';
import type { CommandSpec } from './command.js';
import { cardFamily, checkRegion, familyHint, levelArgument, occupationArgument, openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';

interface ShowFlags {
  /** false with --no-pager. */
  pager?: boolean;
  color: ColorFlag;
  family?: string;
  occupation?: string;
  region: string;
  json?: boolean;
  data?: string;
}

export const showCommand: CommandSpec = {
  name: 'show',
  args: '<level>',
  summary: "print a level's whole card",
  examples: [
    'leveler show P3 --family data-science',
    'leveler show m2 --family ai-ml',
    'leveler show P1 --family ai-ml --json | jq -r ".tasks[]"',
    'leveler show S2 --occupation 35-2014.00',
    'leveler show P3',
  ],
  details:
    "Without --family, a ladder with a single family shows that family's card; with several, the level alone, and stderr names the families with a card. " +
    "With --occupation CODE, the level with an O*NET occupation's description, tasks, technologies, Job Zone and education (find codes with `leveler occupations`).",
  options: [options.cardFamily(), options.occupation(), options.region(), options.json(), options.data()],
  async run([code], raw, io) {
    const opts = raw as unknown as ShowFlags;
    const { ladder, pay, occupations } = await openLadder(io, opts.data);
    const level = levelArgument(ladder, code!);
    if (opts.family !== undefined && opts.occupation !== undefined) throw new UsageError('--family and --occupation both name a card', 'give one of them');
    checkRegion(pay, opts.region);
    const occupation = opts.occupation === undefined ? null : occupationArgument(opts.occupation, occupations);
    const family = occupation ? null : cardFamily(ladder, opts.family);
    const base = occupation ? occupationCard(level, occupation) : buildCard(ladder, level, family);
    const card = { ...base, marketPay: marketPay(pay(), family?.id ?? null, level.code, occupation ? occupation.code : [family?.soc?.code, ...(family?.occupations ?? []).map((o) => o.code)], opts.region) };
    const show = presentation(io, opts);
    const hint = family === null && occupation === null ? familyHint(ladder, level.code, `leveler show ${level.code}`) : null;
    if (hint) io.stderr.write(hint);
    if (show.json) {
      write(io, renderJson(card));
    } else if (show.table) {
      const { renderCardTable } = await import('../output/table.js');
      await writeTable(io, renderCardTable(card, { paint: await painter(show.color), width: show.width }), opts);
    } else {
      write(io, renderPlain([...identityRows(card), ...cardRows(card)]));
    }
    return EXIT.ok;
  },
};
