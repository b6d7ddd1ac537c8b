// A level's card: what the level means on the ladder, and for a family what the role looks like.
import { editDistance } from './typos.js';
import type { Occupation } from './occupations.js';
import type { Card, FamilyDef, Ladder, LevelDef, YearsBand } from './types.js';

/** What O*NET's Job Zones mean, in its own words, shortened. */
const JOB_ZONES: Record<number, string> = {
  1: 'little or no preparation needed',
  2: 'some preparation needed',
  3: 'medium preparation needed',
  4: 'considerable preparation needed',
  5: 'extensive preparation needed',
};

export function findLevel(ladder: Ladder, code: string): LevelDef | undefined {
  const wanted = code.trim().toUpperCase();
  return ladder.levels.find((l) => l.code.toUpperCase() === wanted);
}

export function findFamily(ladder: Ladder, id: string): FamilyDef | undefined {
  const wanted = id.trim().toLowerCase();
  return ladder.families.find((f) => f.id === wanted);
}

export function yearsBand(level: LevelDef): YearsBand {
  return { min: level.years.min, max: level.years.max ?? null };
}

export function bandText(band: YearsBand): string {
  return band.max === null ? `${band.min}+ yrs` : `${band.min}–${band.max} yrs`;
}

export function inBand(band: YearsBand, years: number): boolean {
  return years >= band.min && (band.max === null || years < band.max);
}

/** How far `years` lie outside the band, in years (0 when inside, or just at the exclusive top). */
export function bandDistance(band: YearsBand, years: number): number {
  if (years < band.min) return band.min - years;
  if (band.max !== null && years >= band.max) return years - band.max;
  return 0;
}

export function buildCard(ladder: Ladder, level: LevelDef, family: FamilyDef | null): Card {
  const card = family?.cards[level.code];
  return {
    level: level.code,
    levelName: level.name,
    track: level.track,
    family: family?.id ?? null,
    familyName: family?.name ?? null,
    role: card?.role ?? null,
    summary: card?.summary ?? null,
    meaning: level.meaning,
    years: yearsBand(level),
    // A family's card reads the level as the families do; any other, as it reads for any occupation.
    dimensions: family ? { ...level.dimensions, ...level.familyDimensions } : { ...level.dimensions },
    // The ladder's own lists, not copies: a batch builds a card per distinct title.
    tasks: card?.tasks ?? [],
    skills: card?.skills ?? [],
    qualifications: card?.qualifications ?? [],
    commonTitles: card?.commonTitles ?? [],
    pay: card ? (card.pay ?? family?.pay ?? null) : null,
    soc: family?.soc ? { code: family.soc.code, title: family.soc.title, inferred: family.soc.inferred } : null,
    marketPay: null,
  };
}

/**
 * A level's card for an O*NET occupation: what the level means on the ladder, with the occupation's
 * description, core tasks, hot technologies, Job Zone, typical education and sample titles.
 */
export function occupationCard(level: LevelDef, occupation: Occupation): Card {
  const qualifications: string[] = [];
  if (occupation.education) qualifications.push(`Typical education: ${occupation.education}`);
  if (occupation.jobZone !== null) qualifications.push(`O*NET Job Zone ${occupation.jobZone}: ${JOB_ZONES[occupation.jobZone] ?? 'preparation unknown'}`);
  return {
    level: level.code,
    levelName: level.name,
    track: level.track,
    family: null,
    familyName: null,
    role: occupation.title,
    summary: occupation.description,
    meaning: level.meaning,
    years: yearsBand(level),
    dimensions: { ...level.dimensions },
    tasks: occupation.tasks,
    skills: occupation.hotTechnologies,
    qualifications,
    commonTitles: occupation.sampleTitles,
    pay: null,
    soc: { code: occupation.code, title: occupation.title, inferred: false },
    marketPay: null,
  };
}

/** The level codes closest to `code` ("P7" -> P6), for "did you mean" hints. */
export function closestLevels(ladder: Ladder, code: string): string[] {
  const wanted = code.trim().toUpperCase();
  const split = (c: string) => /^([A-Z]+)(\d+)$/.exec(c);
  const w = split(wanted);
  const distance = (c: string) => {
    const l = split(c.toUpperCase());
    if (w && l && w[1] === l[1]) return Math.abs(Number(w[2]) - Number(l[2]));
    return 100 + editDistance(c.toUpperCase(), wanted);
  };
  const scored = ladder.levels.map((l) => ({ code: l.code, d: distance(l.code) }));
  const best = Math.min(...scored.map((s) => s.d));
  return best > 102 ? [] : scored.filter((s) => s.d === best).map((s) => s.code);
}
