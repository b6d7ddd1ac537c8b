// leveler show LEVEL: a level's whole card, a family's or an O*NET occupation's.
import { EXIT } from '../errors.js';
import { command } from './command.js';
import { familyHint, openLeveler, present } from './context.js';
import { options } from './options.js';

export const showCommand = command({
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
  options: [options.cardFamily(), options.occupation(), options.region(), options.json(), options.data(), options.hush()],
  async run([code], opts, io) {
    const leveler = await openLeveler(io, opts);
    const card = leveler.show(code!, { ...(opts.family !== undefined ? { family: opts.family } : {}), ...(opts.occupation !== undefined ? { occupation: opts.occupation } : {}) });
    const hint = card.family === null && opts.occupation === undefined ? familyHint(leveler.ladder, card.level, `leveler show ${card.level}`) : null;
    if (hint) io.stderr.write(hint);
    await present(io, opts, 'card', card, leveler.ladder);
    return EXIT.ok;
  },
});
