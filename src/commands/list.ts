// leveler list: the ladder at a glance, every level with its years and, for a family, its role.
import { EXIT } from '../errors.js';
import { command } from './command.js';
import { familyHint, openLeveler, present } from './context.js';
import { options } from './options.js';

export const listCommand = command({
  name: 'list',
  args: '',
  summary: 'the ladder at a glance: every level, its years and its role',
  examples: ['leveler list', 'leveler list --family data-science', 'leveler list --json | jq -r ".levels[].level"', 'leveler list --family ai-ml | cut -f1,5'],
  details: 'In a pipe, one tab-separated line per level: level, name, track, years, role (or meaning).',
  options: [options.cardFamily('roles'), options.json(), options.data(), options.hush()],
  async run(_args, opts, io) {
    const leveler = await openLeveler(io, opts);
    const view = leveler.list(opts.family !== undefined ? { family: opts.family } : {});
    const hint = view.family === null && !opts.json ? familyHint(leveler.ladder, null, 'leveler list') : null;
    if (hint) io.stderr.write(hint);
    await present(io, opts, 'ladder', view, leveler.ladder);
    return EXIT.ok;
  },
});
