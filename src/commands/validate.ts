import { EXIT } from '../errors.js';
import { checkLadderFiles, formatProblem, ladderDir, readLadderFiles, displayPath } from '../io/ladder.js';
import { occupationSource } from '../io/occupations.js';
import { readOverrides } from '../io/overrides.js';
import { Matcher } from '../core/match.js';
import type { Ladder } from '../core/types.js';
import { renderJson } from '../output/json.js';
import { command } from './command.js';
import { write } from './context.js';
import { options } from './options.js';

export const validateCommand = command({
  name: 'validate',
  args: '',
  summary: 'check a ladder and list every problem, with file and line',
  examples: ['leveler validate', 'leveler validate --data ./my-ladder'],
  details: 'Exit status: 0 valid, 1 problems found (one per line: file:line: what to fix), 3 the folder cannot be read.',
  options: [options.json(), options.data(), options.hush()],
  async run(_args, opts, io) {
    const dir = ladderDir(opts.data, io.env, io.cwd);
    const files = readLadderFiles(dir, io.cwd);
    const checked = await checkLadderFiles(files);
    let problems = [...checked.problems];
    // The overrides are checked against a valid ladder (their levels, families and occupations must be in it).
    const occupations = occupationSource(dir, io.cwd);
    const overrides = checked.ladder === null ? null : await readOverrides(dir, io.cwd, checked.ladder, { knownOccupation: (code) => occupations.get(code) !== undefined });
    // concat, not push(...): a file may have a hundred thousand problems.
    if (overrides) problems = problems.concat(overrides.problems.map((p) => ({ file: overrides.display, line: p.line, message: p.message })));
    // The company ladders (the folder's and the shipped ones), their bands read by this ladder's markers.
    const { readCompanies } = await import('../io/companies.js');
    const companies = checked.ladder === null ? null : await readCompanies(dir, io.cwd, new Set(checked.ladder.levels.map((l) => l.code)), bandReader(checked.ladder));
    if (companies) problems = problems.concat(companies.problems);
    const ladder = problems.length === 0 ? checked.ladder : null;
    if (opts.json) {
      write(io, renderJson({ ok: problems.length === 0, problems }));
    } else if (ladder !== null) {
      const cards = ladder.families.reduce((n, f) => n + Object.keys(f.cards).length, 0);
      const pinned = overrides ? `, ${overrides.table.size} override${overrides.table.size === 1 ? '' : 's'}` : '';
      const n = companies?.index?.companies.length ?? 0;
      const withCompanies = n > 0 ? `, ${n} compan${n === 1 ? 'y' : 'ies'}` : '';
      write(io, `ok: ${displayPath(dir, io.cwd)}: ${ladder.tracks.length} tracks, ${ladder.levels.length} levels, ${ladder.families.length} families, ${cards} cards${pinned}${withCompanies}\n`);
    } else {
      write(io, problems.map((p) => formatProblem(p) + '\n').join(''));
      io.stderr.write(`leveler: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${displayPath(dir, io.cwd)}\n`);
    }
    return problems.length === 0 ? EXIT.ok : EXIT.findings;
  },
});

function bandReader(ladder: Ladder): (reads: string) => string | null {
  let matcher: Matcher | null = null;
  return (reads) => (matcher ??= new Matcher(ladder)).bandLevel(reads);
}
