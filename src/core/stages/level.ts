// Stage 6, level: the marker's level (the deciding marker, read on the title's track; years outside
// its band lower the confidence), else the level whose years band holds the years, else the
// track's default level for a title of a known family or occupation.
import { bandDistance, findLevel, inBand } from '../cards.js';
import type { Hit } from '../phrases.js';
import type { Reason } from '../reasons.js';
import type { LevelDef } from '../types.js';
import { markerLevel, priorityOf, type LadderIndex, type LevelPick, type TitleReading } from './context.js';
import { onTrack } from './track.js';
import type { LevelHint } from '../hints.js';

export function pickLevel(ix: LadderIndex, reading: TitleReading, years: number | null, reasons: Reason[] | null, hint: LevelHint | null = null): LevelPick | null {
  const { markers, track } = reading;
  if (markers.length > 0) return fromMarkers(ix, reading, years, reasons);
  // A row's level hint (its own seniority column) speaks where the title is silent: read on the
  // title's track ("SE" is S3 for a cook), a manager's level as itself.
  if (hint !== null && reading.tokens.length > 0) {
    const level = ix.tracks.get(hint.level.track)?.namesRole ? hint.level : onTrack(ix, hint.level, track);
    reasons?.push({ kind: 'level-hint', value: hint.value, level: level.code, levelName: level.name });
    const confidence = ix.factors.hint * (years === null ? 1 : yearsFit(ix, level, years, reasons));
    return { level, confidence, evidence: [], others: [], fromYears: false };
  }
  if (years !== null) {
    const picked = levelForYears(ix, years, track);
    if (!picked) return null;
    reasons?.push({ kind: 'years-band', years, level: picked.code, band: ix.bands.get(picked)! });
    return { level: picked, confidence: ix.factors.years, evidence: [], others: [], fromYears: true };
  }
  if (reading.fam.family === null && !reading.occupation?.record) return null;
  const picked = defaultLevel(ix, track);
  const ofTrack = reading.fam.family === null;
  reasons?.push({ kind: 'default-level', level: picked.code, track: ofTrack ? track : null, jobZone: ofTrack ? (reading.occupation!.ref.jobZone ?? null) : null, groupJobZone: ofTrack ? (reading.occupation!.record?.groupJobZone ?? null) : null });
  return { level: picked, confidence: ix.factors.default, evidence: [], others: [], fromYears: false };
}

function fromMarkers(ix: LadderIndex, reading: TitleReading, years: number | null, reasons: Reason[] | null): LevelPick {
  const { markers, track } = reading;
  const level = (h: Hit) => onTrack(ix, markerLevel(ix, h), track);
  const f = ix.factors;
  const { chosen, topPriority } = reading.choice!;
  const picked = reading.marker!;
  let confidence = chosen.phrase.numeral ? f.numeral : f.word;
  const readOn = picked.track !== markerLevel(ix, chosen).track ? picked.track : null;
  reasons?.push({ kind: 'marker', marker: chosen.phrase.text, level: picked.code, levelName: picked.name, readOnTrack: readOn });
  const others: LevelDef[] = [];
  for (const h of markers) {
    if (h === chosen || level(h) === picked) continue;
    others.push(level(h));
    const lost = { track: picked.track, winner: chosen.phrase.text, loser: h.phrase.text, loserLevel: level(h).code };
    if (priorityOf(ix, markerLevel(ix, h)) < topPriority) {
      reasons?.push({ kind: 'outranks', by: 'track', ...lost });
      confidence *= f.outrankedTrack;
    } else if (h.phrase.numeral && !chosen.phrase.numeral) {
      reasons?.push({ kind: 'outranks', by: 'word', ...lost });
      confidence *= f.outrankedNumeral;
    } else {
      reasons?.push({ kind: 'outranks', by: 'higher', ...lost });
      confidence *= f.conflictingMarkers;
    }
  }
  if (years !== null) confidence *= yearsFit(ix, picked, years, reasons);
  return { level: picked, confidence, evidence: markers.flatMap((h) => h.used), others, fromYears: false };
}

/** The level of a title on `track` with no marker and no years. */
function defaultLevel(ix: LadderIndex, track: string): LevelDef {
  const own = ix.tracks.get(track)?.defaultLevel;
  return (own !== undefined && findLevel(ix.ladder, own)) || findLevel(ix.ladder, ix.ladder.defaultLevel)!;
}

/** How much years outside a marker's band lower the confidence: 1 inside it. */
export function fitFactor(ix: LadderIndex, level: LevelDef, years: number): number {
  const band = ix.bands.get(level)!;
  if (inBand(band, years)) return 1;
  const d = bandDistance(band, years);
  const f = ix.factors;
  return d <= 1 ? f.yearsNear : d <= 3 ? f.yearsOff : f.yearsFar;
}

function yearsFit(ix: LadderIndex, level: LevelDef, years: number, reasons: Reason[] | null): number {
  const factor = fitFactor(ix, level, years);
  reasons?.push({ kind: 'years-fit', years, level: level.code, band: ix.bands.get(level)!, fits: factor === 1 });
  return factor;
}

/** The level of `track` whose band holds `years`, else the one nearest to it. */
export function levelForYears(ix: LadderIndex, years: number, track: string): LevelDef | undefined {
  let best: LevelDef | undefined;
  let bestDistance = Infinity;
  for (const level of ix.ladder.levels) {
    if (level.track !== track) continue;
    const band = ix.bands.get(level)!;
    const d = inBand(band, years) ? -1 : bandDistance(band, years);
    if (d < bestDistance) {
      best = level;
      bestDistance = d;
    }
  }
  return best;
}

/** The levels either side of `level` on its track. */
export function neighbours(ix: LadderIndex, level: LevelDef): LevelDef[] {
  const same = ix.ladder.levels.filter((l) => l.track === level.track);
  const i = same.indexOf(level);
  return [same[i - 1], same[i + 1]].filter((l): l is LevelDef => l !== undefined);
}
