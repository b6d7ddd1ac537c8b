// What batch needs to answer a title once for many years values: a key equal for two years values
// exactly when decide() gives them the same level, family and confidence (their reasons and
// alternatives, which quote the years, may differ), and a years value standing in for each key.
import { MAX_YEARS } from '../years.js';
import type { LadderIndex, TitleReading } from './context.js';
import { fitFactor, levelForYears } from './level.js';

export type YearsKeyed = Pick<TitleReading, 'marker' | 'track' | 'override'>;

export function yearsKey(ix: LadderIndex, reading: YearsKeyed, years: number | null): number {
  if (years === null) return -1;
  if (reading.override) return -3;
  if (reading.marker !== null) return fitFactor(ix, reading.marker, years);
  const level = levelForYears(ix, years, reading.track);
  return level === undefined ? -2 : 10 + ix.levelIndex.get(level.code)!;
}

/**
 * Years that stand for each yearsKey() a title can have, with that key: the answer for any years
 * is decide() at the stand-in of its key (less its reasons and alternatives).
 */
export function standInYears(ix: LadderIndex, reading: YearsKeyed): [key: number, years: number][] {
  if (reading.override) return [[-3, 0]];
  const candidates: number[] = [];
  if (reading.marker !== null) {
    // Inside the band, and 0.5, 2 and 4 years either side of it: each fit factor's distances.
    const { min, max } = ix.bands.get(reading.marker)!;
    for (const d of [0.5, 2, 4]) candidates.push(min - d, ...(max === null ? [] : [max + d]));
    candidates.push(min);
  } else {
    for (const level of ix.ladder.levels) if (level.track === reading.track) candidates.push(ix.bands.get(level)!.min);
  }
  const found = new Map<number, number>();
  for (const years of candidates) {
    if (years < 0 || years > MAX_YEARS) continue;
    const key = yearsKey(ix, reading, years);
    if (!found.has(key)) found.set(key, years);
  }
  return [...found];
}
