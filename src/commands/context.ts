// What the commands share: opening the ladder, and deciding how to present output.
export { cardFamily, checkRegion, familyOption, levelArgument, occupationArgument } from '../arguments.js';
import type { Ladder } from '../core/types.js';
import type { Io } from '../io/terminal.js';
import { colorEnabled, painter, type ColorFlag } from '../output/color.js';
import { renderJson } from '../output/json.js';
import { RENDERERS, type Renderer, type Views } from '../output/registry.js';
import { createLeveler, type Leveler } from '../leveler.js';

export interface Presentation {
  json: boolean;
  /** A table for a terminal; plain lines for a pipe. */
  table: boolean;
  color: boolean;
  width: number;
}

export function presentation(io: Io, opts: { json?: boolean; color: ColorFlag }): Presentation {
  const isTTY = io.stdout.isTTY === true;
  return {
    json: opts.json === true,
    // --color always asks for what a terminal shows, in a pipe too (less -R, watch --color, screenshots).
    table: (isTTY || opts.color === 'always') && opts.json !== true,
    color: opts.json !== true && colorEnabled({ flag: opts.color, env: io.env, isTTY }),
    width: io.stdout.columns || 100,
  };
}

/**
 * Said on stderr when a ladder of several families shows a level without --family: which families
 * have a card for it, and how to ask for one.
 */
export function familyHint(ladder: Ladder, level: string | null, command: string): string | null {
  if (ladder.families.length < 2) return null;
  const withCard = ladder.families.filter((f) => (level === null ? Object.keys(f.cards).length > 0 : f.cards[level] !== undefined)).map((f) => f.id);
  const which = withCard.length > 0 ? withCard.join(', ') : 'none of the families yet';
  const example = `\`${command} --family ${withCard[0] ?? ladder.families[0]!.id}\``;
  // The ladder's view: short, so that it fits a terminal under the table; `leveler families` lists them.
  if (level === null) return `leveler: each level's meaning; for a family's roles add --family ID, e.g. ${example} (\`leveler families\` lists ${withCard.length})\n`;
  return `leveler: the level without a family's card; families with a card for ${level}: ${which}; add --family ID, e.g. ${example}\n`;
}

/** The leveler a command works with: its --data, --region, and the process's folder and environment. */
export function openLeveler(io: Io, opts: { data?: string; region?: string }): Promise<Leveler> {
  return createLeveler({
    ...(opts.data !== undefined ? { data: opts.data } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    cwd: io.cwd,
    env: io.env,
    onNotice: (message) => io.stderr.write(`leveler: note: ${message}\n`),
  });
}

/**
 * Writes a view as the command's output: JSON with --json, a table on a terminal (through the
 * pager when it is taller than the screen), plain lines in a pipe; renderers from one registry.
 */
export async function present<K extends keyof Views>(io: Io, opts: { json?: boolean; color: ColorFlag; pager?: boolean }, kind: K, view: Views[K], ladder: Ladder): Promise<void> {
  const show = presentation(io, opts);
  const renderer = RENDERERS[kind] as unknown as Renderer<Views[K]>;
  if (show.json) return write(io, renderJson(renderer.json(view)));
  const ctx = { ladder, paint: await painter(show.color), width: show.width };
  if (show.table) await writeTable(io, await renderer.table(view, ctx), opts);
  else write(io, renderer.plain(view, ctx));
}

export function write(io: Io, text: string): void {
  io.stdout.write(text);
}

/** A table for the terminal: through the pager when it is taller than the screen, unless --no-pager. */
export async function writeTable(io: Io, text: string, opts: { pager?: boolean }): Promise<void> {
  const rows = io.stdout.rows ?? 0;
  const tall = rows > 0 && text.split('\n').length > rows - 1;
  if (opts.pager !== false && tall && io.page && (await io.page(text))) return;
  write(io, text);
}
