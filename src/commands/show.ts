import { buildCard } from '../core/cards.js';
import { EXIT } from '../errors.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderPlain } from '../output/plain.js';
import { cardRows, identityRows } from '../output/rows.js';
import type { CommandSpec } from './command.js';
import { cardFamily, familyHint, levelArgument, openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';

interface ShowFlags {
  /** false with --no-pager. */
  pager?: boolean;
  color: ColorFlag;
  family?: string;
  json?: boolean;
  data?: string;
}

export const showCommand: CommandSpec = {
  name: 'show',
  args: '<level>',
  summary: "print a level's whole card",
  examples: ['leveler show P3 --family data-science', 'leveler show m2 --family ai-ml', 'leveler show P1 --family ai-ml --json | jq -r ".tasks[]"', 'leveler show P3'],
  details: "Without --family, a ladder with a single family shows that family's card; with several, the level alone, and stderr names the families with a card.",
  options: [options.cardFamily(), options.json(), options.data()],
  async run([code], raw, io) {
    const opts = raw as unknown as ShowFlags;
    const { ladder } = await openLadder(io, opts.data);
    const level = levelArgument(ladder, code!);
    const family = cardFamily(ladder, opts.family);
    const card = buildCard(ladder, level, family);
    const show = presentation(io, opts);
    const hint = family === null ? familyHint(ladder, level.code, `leveler show ${level.code}`) : null;
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
