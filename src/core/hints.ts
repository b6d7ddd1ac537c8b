// A row's level hint: the value of a seniority column of the file's own (the aijobs.net survey's
// experience_level "SE", an HR export's "Senior"), read as a level by ladder.yaml `levelHints`, or
// as a level code. Pure: batch reads the column and passes the hint to decide().
import { findLevel } from './cards.js';
import type { Ladder, LevelDef } from './types.js';

export interface LevelHint {
  /** The value as the row gives it, for the reasons. */
  value: string;
  level: LevelDef;
}

/** The level a hint value names, case and spaces aside; null when it names none (an empty cell, "n/a"). */
export function hintLevel(ladder: Ladder, value: string): LevelDef | null {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return null;
  const mapped = Object.entries(ladder.levelHints).find(([k]) => k.toLowerCase() === key)?.[1];
  return findLevel(ladder, mapped ?? key) ?? null;
}
