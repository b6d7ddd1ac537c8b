// leveler --version: the program's version on the first line (what scripts read), then the data it
// answers from: the ladder, the O*NET release, the pay sources and the company ladders, and Node.
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from '../io/terminal.js';
import { openLeveler } from './context.js';

export async function versionText(io: Io): Promise<string> {
  const lines = [pkg.version];
  try {
    const leveler = await openLeveler(io, {});
    const l = leveler.ladder;
    lines.push(`ladder: ${l.levels.length} levels on ${l.tracks.length} tracks, ${l.families.length} families`);
    const o = leveler.occupations('', { top: 0 });
    lines.push(`occupations: ${o.source.split(',')[0]} (${o.occupations.length} occupations)`);
    const p = leveler.pay({ family: l.families[0]!.id });
    if (p.survey) lines.push(`pay: ${p.survey.source} ${p.survey.years[0]}-${p.survey.years[1]}; ${p.oews?.source ?? 'BLS OEWS'} ${p.oews?.period ?? ''}`.trimEnd());
    const c = await leveler.companies();
    if ('companies' in c) lines.push(`companies: ${c.companies.length} company ladders`);
  } catch (e) {
    lines.push(`data: cannot be read (${(e as Error).message.split('\n')[0]})`);
  }
  lines.push(`node: ${process.version}`);
  return lines.join('\n') + '\n';
}
