// Stage 7, confidence: the level's own (by what decided it, lowered by losing markers and years
// outside the band), times what the title's family or occupation makes of it, and lowered for each
// typo read into the answer. The factors are the ladder's (ladder.yaml `confidence`).
import type { FamilyPick, LadderIndex, LevelPick, OccupationPick, WorkToken } from './context.js';

export function confidenceOf(ix: LadderIndex, lvl: LevelPick, fam: FamilyPick, occupation: OccupationPick | null, tokens: WorkToken[], evidence: Set<number>): number {
  const f = ix.factors;
  const corrected = [...evidence].filter((i) => tokens[i]?.via?.kind === 'typo').length;
  // An O*NET occupation is as sure as its vote; no family and no occupation, less sure still.
  const known = fam.family !== null ? 1 : occupation?.record ? f.occupationBase + (1 - f.occupationBase) * occupation.share : f.noFamily;
  return lvl.confidence * f.typo ** Math.min(corrected, 2) * known;
}

/** A confidence as answers give it: two decimals, from 0 to 1. */
export const rounded = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
