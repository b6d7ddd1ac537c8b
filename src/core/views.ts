// What `list`, `families`, `occupations`, `pay` and `show` answer, as the JSON contract gives it
// (README, "JSON contract"): the same objects for the CLI's --json, its renderers and the library.
// Pure: the ladder, the occupation index and the pay table come loaded.
import { buildCard, occupationCard, yearsBand } from './cards.js';
import type { FamiliesView, LadderView, OccupationRef, OccupationsView, PayView, ShownCard } from './contract.js';
import { isOnetCode } from './soc.js';
import type { Occupation, OccupationHit, OccupationIndex } from './occupations.js';
import { marketPay, surveyPay, type PayTable } from './pay.js';
import type { FamilyDef, Ladder, LevelDef } from './types.js';

export type { FamiliesView, LadderView, OccupationsView, PayView } from './contract.js';

export function ladderView(ladder: Ladder, family: FamilyDef | null): LadderView {
  return {
    family: family ? { id: family.id, name: family.name } : null,
    tracks: ladder.tracks.map((t) => ({ id: t.id, name: t.name })),
    levels: ladder.levels.map((l) => ({ level: l.code, levelName: l.name, track: l.track, years: yearsBand(l), meaning: l.meaning, role: family?.cards[l.code]?.role ?? null })),
  };
}

export function familiesView(ladder: Ladder): FamiliesView {
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

export function occupationsView(index: OccupationIndex, query: string | null, hits: OccupationHit[]): OccupationsView {
  return {
    source: index.source,
    version: index.version,
    query,
    occupations: hits.map(({ occupation: o, matched, score }) => ({
      code: o.code,
      title: o.title,
      jobZone: o.jobZone,
      education: o.education,
      description: o.description,
      tasks: o.tasks,
      hotTechnologies: o.hotTechnologies,
      sampleTitles: o.sampleTitles,
      ...(query === null ? {} : { matched, score }),
    })),
  };
}

/** The levels a family has cards for, in the ladder's order (P1 up, then M1 up); without cards, the default track's and the management tracks'. */
export function familyLevels(ladder: Ladder, family: FamilyDef): LevelDef[] {
  const withCards = ladder.levels.filter((l) => family.cards[l.code]);
  if (withCards.length > 0) return withCards;
  const tracks = new Set([ladder.defaultTrack, ...ladder.tracks.filter((t) => t.namesRole).map((t) => t.id)]);
  return ladder.levels.filter((l) => tracks.has(l.track));
}

export function payView(ladder: Ladder, table: PayTable, region: string, of: { family: FamilyDef } | { occupation: string }): PayView {
  const family = 'family' in of ? of.family : null;
  const levels = family
    ? familyLevels(ladder, family).map((l) => {
        const s = surveyPay(table, family.id, l.code, region)!;
        return { level: l.code, name: l.name, n: s.n, p25: s.p25, median: s.median, p75: s.p75, note: s.note };
      })
    : [];
  const codes = family ? [family.soc?.code, ...family.occupations.map((o) => o.code)] : [(of as { occupation: string }).occupation];
  return {
    family: family ? { id: family.id, name: family.name } : null,
    region,
    survey: family ? { source: table.survey.source, credit: table.survey.credit, years: table.survey.years, minimum: table.survey.minimum } : null,
    levels,
    oews: marketPay(table, null, '', codes, region).oews,
  };
}

/** `show --json`: a level's card, a family's or an O*NET occupation's, with what it pays. */
export function cardView(ladder: Ladder, level: LevelDef, of: { family: FamilyDef | null } | { occupation: Occupation }, table: PayTable, region: string): ShownCard {
  if ('occupation' in of) {
    const o = of.occupation;
    return { ...occupationCard(level, o), marketPay: marketPay(table, null, level.code, o.code, region), occupation: { code: o.code, title: o.title, source: 'onet', jobZone: o.jobZone, education: o.education } };
  }
  const family = of.family;
  const codes = [family?.soc?.code, ...(family?.occupations ?? []).map((o) => o.code)];
  return { ...buildCard(ladder, level, family), marketPay: marketPay(table, family?.id ?? null, level.code, codes, region), occupation: familyOccupation(family) };
}

/** A family's own occupation, as match gives it for the family's titles: its soc when that is an O*NET occupation, else the first it names. */
function familyOccupation(family: FamilyDef | null): OccupationRef | null {
  if (family === null) return null;
  const own = family.soc && isOnetCode(family.soc.code) ? family.soc : family.occupations[0];
  return own ? { code: own.code, title: own.title, source: 'family' } : null;
}
