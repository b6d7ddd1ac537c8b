import { yearsBand, bandText } from '../core/cards.js';
import type { Ladder } from '../core/types.js';
import { EXIT } from '../errors.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderTsv } from '../output/plain.js';
import type { CommandSpec } from './command.js';
import { cardFamily, familyHint, openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';

interface ListFlags {
  /** false with --no-pager. */
  pager?: boolean;
  color: ColorFlag;
  family?: string;
  json?: boolean;
  data?: string;
}

export function ladderSummary(ladder: Ladder, familyId: string | null) {
  const family = ladder.families.find((f) => f.id === familyId) ?? null;
  return {
    family: family ? { id: family.id, name: family.name } : null,
    tracks: ladder.tracks.map((t) => ({ id: t.id, name: t.name })),
    levels: ladder.levels.map((l) => ({
      level: l.code,
      levelName: l.name,
      track: l.track,
      years: yearsBand(l),
      meaning: l.meaning,
      role: family?.cards[l.code]?.role ?? null,
    })),
  };
}

export const listCommand: CommandSpec = {
  name: 'list',
  args: '',
  summary: 'the ladder at a glance: every level, its years and its role',
  examples: ['leveler list', 'leveler list --family data-science', 'leveler list --json | jq -r ".levels[].level"', 'leveler list --family ai-ml | cut -f1,5'],
  details: 'In a pipe, one tab-separated line per level: level, name, track, years, role (or meaning).',
  options: [options.cardFamily(), options.json(), options.data()],
  async run(_args, raw, io) {
    const opts = raw as unknown as ListFlags;
    const { ladder } = await openLadder(io, opts.data);
    const familyId = cardFamily(ladder, opts.family)?.id ?? null;
    const hint = familyId === null && !opts.json ? familyHint(ladder, null, 'leveler list') : null;
    if (hint) io.stderr.write(hint);
    const show = presentation(io, opts);
    const summary = ladderSummary(ladder, familyId);
    if (show.json) {
      write(io, renderJson(summary));
    } else if (show.table) {
      const { renderLadderTable } = await import('../output/table.js');
      await writeTable(io, renderLadderTable(ladder, familyId, { paint: await painter(show.color), width: show.width }), opts);
    } else {
      write(io, renderTsv(summary.levels.map((l) => [l.level, l.levelName, l.track, bandText(l.years), l.role ?? l.meaning])));
    }
    return EXIT.ok;
  },
};
