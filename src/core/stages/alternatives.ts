// Stage 8, alternatives: the other readings of a title, best first, each as sure as the answer
// times a factor (ladder.yaml `confidence`): outranked markers, the years' own level, the level's
// neighbours, a second family the title names, and the occupation's runners-up.
import type { Alternative, LevelDef } from '../types.js';
import { orderOf, type FamilyPick, type LadderIndex, type LevelPick, type OccupationPick } from './context.js';
import { rounded as round } from './confidence.js';
import { levelForYears, neighbours } from './level.js';
import { onTrack } from './track.js';

const MAX_TOP = 20;


export function alternatives(
  ix: LadderIndex,
  lvl: LevelPick,
  fam: FamilyPick,
  occupation: OccupationPick | null,
  track: string,
  years: number | null,
  confidence: number,
  top: number,
): Alternative[] {
  const f = ix.factors;
  const found = new Map<string, Alternative>();
  const familyId = fam.family?.id ?? null;
  const offer = (level: LevelDef, family: string | null, c: number, other?: { code: string; title: string }) => {
    const key = `${level.code}|${family ?? ''}|${other?.code ?? ''}`;
    if ((found.get(key)?.confidence ?? -1) < round(c)) found.set(key, { level: level.code, family, confidence: round(c), ...(other ? { occupation: other } : {}) });
  };
  for (const other of lvl.others) offer(onTrack(ix, other, track), familyId, confidence * f.alternativeMarker);
  if (years !== null) {
    const byYears = levelForYears(ix, years, lvl.level.track);
    if (byYears && byYears !== lvl.level) offer(byYears, familyId, confidence * (lvl.fromYears ? f.alternativeYearsAlone : f.alternativeYears));
  }
  for (const next of neighbours(ix, lvl.level)) offer(next, familyId, confidence * f.alternativeNeighbour);
  for (const other of fam.excluded) offer(lvl.level, other.id, confidence * f.alternativeFamily);
  // Another occupation the words may name, as sure as its probability against the winner's.
  for (const o of occupation?.others ?? []) offer(lvl.level, null, (confidence * o.share) / occupation!.share, { code: o.code, title: o.title });
  found.delete(`${lvl.level.code}|${familyId ?? ''}|`);
  return [...found.values()]
    .sort((a, b) => b.confidence - a.confidence || orderOf(ix, a.level) - orderOf(ix, b.level))
    .slice(0, Math.max(0, Math.min(MAX_TOP, top)));
}
