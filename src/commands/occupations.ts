// leveler occupations [QUERY]: search the O*NET occupations by title, or list them all.
import { searchOccupations, type OccupationHit } from '../core/occupations.js';
import { EXIT } from '../errors.js';
import { ladderDir } from '../io/ladder.js';
import { occupationSource } from '../io/occupations.js';
import { painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { renderTsv } from '../output/plain.js';
import { shown } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { presentation, write, writeTable } from './context.js';
import { options } from './options.js';

interface OccupationsFlags {
  pager?: boolean;
  color: ColorFlag;
  json?: boolean;
  data?: string;
  top: number;
}

export const occupationsCommand: CommandSpec = {
  name: 'occupations',
  args: '[query...]',
  summary: 'search the O*NET occupations by title (or list them all)',
  examples: ['leveler occupations registered nurse', 'leveler occupations "line cook" --json | jq -r ".occupations[0].code"', 'leveler occupations 15-2051', 'leveler occupations | wc -l'],
  details:
    'Without a query, every occupation: code, title, Job Zone. With one, the occupations its words point to, best first, ' +
    'with the words that decided and each one\'s probability, read as `match` reads a title. From the O*NET database (CC BY 4.0) ' +
    'and the titles of U.S. labour-condition filings (public domain).',
  options: [options.results(10), options.json(), options.data()],
  async run(words, raw, io) {
    const opts = raw as unknown as OccupationsFlags;
    const source = occupationSource(ladderDir(opts.data, io.env, io.cwd), io.cwd);
    const index = source.index();
    const query = words.join(' ').trim();
    const hits: OccupationHit[] =
      query === '' ? index.occupations.map((o) => ({ occupation: o, matched: o.title, score: 1 })) : searchOccupations(index, source.model(), query, opts.top);
    const show = presentation(io, opts);
    if (show.json) {
      const occupations = hits.map(({ occupation: o, matched, score }) => ({
        code: o.code, title: o.title, jobZone: o.jobZone, education: o.education, description: o.description,
        tasks: o.tasks, hotTechnologies: o.hotTechnologies, sampleTitles: o.sampleTitles, ...(query === '' ? {} : { matched, score }),
      }));
      write(io, renderJson({ source: index.source, version: index.version, query: query === '' ? null : query, occupations }));
    } else if (hits.length === 0) {
      io.stderr.write(`leveler: no occupation matches ${shown(query)}; try fewer or other words\n`);
      return EXIT.noMatch;
    } else if (show.table) {
      const { renderOccupationsTable } = await import('../output/table.js');
      const rows = hits.map((h) => [h.occupation.code, h.occupation.title, String(h.occupation.jobZone ?? '—'), query === '' ? '' : h.matched]);
      await writeTable(io, renderOccupationsTable(rows, query !== '', { paint: await painter(show.color), width: show.width }), opts);
    } else {
      write(io, renderTsv(hits.map((h) => [h.occupation.code, h.occupation.title, String(h.occupation.jobZone ?? ''), ...(query === '' ? [] : [h.matched, h.score.toFixed(2)])])));
    }
    return EXIT.ok;
  },
};
