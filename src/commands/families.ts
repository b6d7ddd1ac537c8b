// leveler families: every job family of the ladder, its occupation and its cards.
import type { Ladder } from '../core/types.js';
import { EXIT } from '../errors.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderTsv } from '../output/plain.js';
import type { CommandSpec } from './command.js';
import { openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';

interface FamiliesFlags {
  pager?: boolean;
  color: ColorFlag;
  json?: boolean;
  data?: string;
}

/** The `families --json` object (part of the JSON contract). */
export function familiesSummary(ladder: Ladder) {
  return {
    families: ladder.families.map((f) => ({
      id: f.id,
      name: f.name,
      soc: f.soc ? { code: f.soc.code, title: f.soc.title, inferred: f.soc.inferred } : null,
      cards: ladder.levels.map((l) => l.code).filter((code) => f.cards[code] !== undefined),
      roles: f.roles,
    })),
  };
}

export const familiesCommand: CommandSpec = {
  name: 'families',
  args: '',
  summary: 'every job family: id, name, occupation and cards',
  examples: ['leveler families', 'leveler families --json | jq -r ".families[].id"', 'leveler families | cut -f1,3'],
  details: 'In a pipe, one tab-separated line per family: id, name, O*NET-SOC code, occupation, cards.',
  options: [options.json(), options.data()],
  async run(_args, raw, io) {
    const opts = raw as unknown as FamiliesFlags;
    const { ladder } = await openLadder(io, opts.data);
    const summary = familiesSummary(ladder);
    const show = presentation(io, opts);
    // "all 12 of professional, management": every level of the tracks a family has cards on.
    const cardsText = (cards: string[]) => {
      if (cards.length === 0) return 'none yet';
      const tracks = [...new Set(ladder.levels.filter((l) => cards.includes(l.code)).map((l) => l.track))];
      const whole = ladder.levels.filter((l) => tracks.includes(l.track)).length === cards.length;
      if (!whole) return cards.join(' ');
      return tracks.length === ladder.tracks.length ? `all ${cards.length}` : `all ${cards.length} of ${tracks.join(', ')}`;
    };
    if (show.json) {
      write(io, renderJson(summary));
    } else if (show.table) {
      const { renderFamiliesTable } = await import('../output/table.js');
      const rows = summary.families.map((f) => [f.id, f.name, f.soc ? `${f.soc.code} ${f.soc.title}${f.soc.inferred ? ' (inferred)' : ''}` : '—', cardsText(f.cards)]);
      await writeTable(io, renderFamiliesTable(rows, { paint: await painter(show.color), width: show.width }), opts);
    } else {
      write(io, renderTsv(summary.families.map((f) => [f.id, f.name, f.soc?.code ?? '', f.soc?.title ?? '', cardsText(f.cards)])));
    }
    return EXIT.ok;
  },
};
