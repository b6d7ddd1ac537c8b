// What the commands share: opening the ladder, and deciding how to present output.
import { closestLevels, findFamily, findLevel } from '../core/cards.js';
import type { FamilyDef, Ladder, LevelDef } from '../core/types.js';
import { UsageError } from '../errors.js';
import { ladderDir, loadLadder, type LoadedLadder } from '../io/ladder.js';
import { occupationSource, type OccupationSource } from '../io/occupations.js';
import { paySource } from '../io/pay.js';
import { loadOverrides } from '../io/overrides.js';
import type { OverrideTable } from '../core/overrides.js';
import type { PayTable } from '../core/pay.js';
import type { Occupation } from '../core/occupations.js';
import { DEFAULT_REGION } from './options.js';
import type { Io } from '../io/terminal.js';
import { colorEnabled, type ColorFlag } from '../output/color.js';
import { shown } from '../output/shown.js';

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
    table: isTTY && opts.json !== true,
    color: opts.json !== true && colorEnabled({ flag: opts.color, env: io.env, isTTY }),
    width: io.stdout.columns || 100,
  };
}

/** The ladder, and the occupation data beside it (read only when a title needs it). */
export async function openLadder(
  io: Io,
  dataFlag: string | undefined,
): Promise<LoadedLadder & { dir: string; occupations: OccupationSource; pay: () => PayTable; overrides: () => Promise<OverrideTable | null> }> {
  const dir = ladderDir(dataFlag, io.env, io.cwd);
  const loaded = await loadLadder(dir, io.cwd);
  const occupations = occupationSource(dir, io.cwd, loaded.familyOccupations);
  return {
    ...loaded,
    dir,
    occupations,
    pay: paySource(dir, io.cwd),
    // An override's code must name an occupation: the occupation index is read only if one has a code.
    overrides: () => loadOverrides(dir, io.cwd, loaded.ladder, { knownOccupation: (code) => occupations.get(code) !== undefined }),
  };
}

/**
 * A --region the pay survey has responses from: an unknown one is refused with those it has (US,
 * the default, is always accepted, so that a ladder's own pay table need not have it).
 */
export function checkRegion(pay: () => PayTable, region: string): void {
  if (region === DEFAULT_REGION) return;
  const regions = pay().regions();
  if (regions.includes(region)) return;
  const list = regions.length > 40 ? `${regions.slice(0, 40).join(', ')}, … (${regions.length} in all)` : regions.join(', ');
  throw new UsageError(`unknown region ${shown(region)}: the pay survey has no response from it`, `the regions with responses are ${list || 'none'}`);
}

/** An O*NET occupation by its O*NET-SOC code or 6-digit SOC code; an unknown one names the codes nearest it. */
export function occupationArgument(code: string, occupations: OccupationSource): Occupation {
  const found = occupations.get(code);
  if (found) return found;
  const near = (prefix: string) => occupations.index().occupations.filter((o) => o.code.startsWith(prefix)).map((o) => o.code);
  const same = near(code.slice(0, 7));
  const close = same.length > 0 ? same : near(code.slice(0, 6));
  const hint = close.length > 0 ? `did you mean ${close.slice(0, 6).join(', ')}? ` : '';
  throw new UsageError(`unknown occupation ${shown(code)}`, `${hint}find codes with: leveler occupations registered nurse`);
}

export function familyOption(ladder: Ladder, id: string): FamilyDef {
  const family = findFamily(ladder, id);
  if (!family) {
    const known = ladder.families.map((f) => f.id);
    throw new UsageError(`unknown family ${shown(id)}`, known.length > 0 ? `families in this ladder: ${known.join(', ')}` : 'this ladder has no families');
  }
  return family;
}

/**
 * Said on stderr when a ladder of several families shows a level without --family: which families
 * have a card for it, and how to ask for one.
 */
export function familyHint(ladder: Ladder, level: string | null, command: string): string | null {
  if (ladder.families.length < 2) return null;
  const withCard = ladder.families.filter((f) => (level === null ? Object.keys(f.cards).length > 0 : f.cards[level] !== undefined)).map((f) => f.id);
  const which = withCard.length > 0 ? withCard.join(', ') : 'none of the families yet';
  return `leveler: the level without a family's card; ${level === null ? 'roles' : `cards for ${level}`}: ${which}; add --family ID, e.g. \`${command} --family ${withCard[0] ?? ladder.families[0]!.id}\`\n`;
}

/** The family --family names; without it, the ladder's only family when it has exactly one. */
export function cardFamily(ladder: Ladder, flag: string | undefined): FamilyDef | null {
  if (flag !== undefined) return familyOption(ladder, flag);
  return ladder.families.length === 1 ? ladder.families[0]! : null;
}

export function levelArgument(ladder: Ladder, code: string): LevelDef {
  const level = findLevel(ladder, code);
  if (!level) {
    const close = closestLevels(ladder, code);
    const all = ladder.levels.map((l) => l.code).join(', ');
    throw new UsageError(`unknown level ${shown(code)}`, `${close.length > 0 ? `did you mean ${close.join(' or ')}? ` : ''}levels: ${all}`);
  }
  return level;
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
