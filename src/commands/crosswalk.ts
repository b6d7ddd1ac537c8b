// leveler crosswalk COMPANY:CODE [COMPANY...]: a company's level at other companies, by the ladder
// level both equal; leveler crosswalk COMPANY COMPANY...: whole ladders side by side.
import { EXIT, UsageError } from '../errors.js';
import { command } from './command.js';
import { openLeveler, present } from './context.js';
import { options } from './options.js';

export const crosswalkCommand = command({
  name: 'crosswalk',
  args: '<company...>',
  summary: "a company's level at other companies (google:L5 meta amazon), or ladders side by side (google meta)",
  examples: ['leveler crosswalk google:L5 meta amazon', 'leveler crosswalk meta:E6', 'leveler crosswalk google meta apple', 'leveler crosswalk amazon:L6 --json | jq -r ".to[] | [.name, .levels[0].code] | @tsv"'],
  details: 'With COMPANY:CODE first, the level at each other company named (default: every company). With companies only, their ladders side by side.',
  options: [options.json(), options.data(), options.hush()],
  async run(args, opts, io) {
    const leveler = await openLeveler(io, opts);
    const [first, ...rest] = args;
    if (first === undefined) throw new UsageError('crosswalk needs a company', 'such as: leveler crosswalk google:L5 meta');
    if (first.includes(':')) {
      await present(io, opts, 'crosswalk', await leveler.crosswalk(first, rest), leveler.ladder);
      return EXIT.ok;
    }
    if (rest.some((r) => r.includes(':'))) throw new UsageError('the level to cross comes first', `such as: leveler crosswalk ${rest.find((r) => r.includes(':'))} ${first}`);
    await present(io, opts, 'ladders', await leveler.ladders(args), leveler.ladder);
    return EXIT.ok;
  },
});
