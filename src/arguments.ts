// What a command's arguments and flags name, checked against the ladder and its data: a level, a
// family, an occupation, a region. An unknown one is a usage error that names the choices, the
// same for the CLI and the library.
import { closestLevels, findFamily, findLevel } from './core/cards.js';
import type { Occupation } from './core/occupations.js';
import type { PayTable } from './core/pay.js';
import type { FamilyDef, Ladder, LevelDef } from './core/types.js';
import { UsageError } from './errors.js';
import type { OccupationSource } from './io/occupations.js';
import { shown } from './output/shown.js';
import { didYouMean } from './core/closest.js';

/** The region pay is shown for when none is given. */
export const DEFAULT_REGION = 'US';

/**
 * A region the pay survey has responses from: an unknown one is refused with those it has (US,
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
    throw new UsageError(`unknown family ${shown(id)}`, known.length > 0 ? `${didYouMean(id, known)}families in this ladder: ${known.join(', ')}` : 'this ladder has no families');
  }
  return family;
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
