// The data model shared by every layer: the ladder as its files describe it (src/core/schema.ts),
// and the JSON contract (src/core/contract.ts).
import type { FamilyDef, LadderFile } from './schema.js';

export type * from './contract.js';
export type { FamilyDef, LadderFile, LevelDef, TrackDef, CardDef, MarkerDef } from './schema.js';

/** A whole ladder: the ladder file plus its job families. */
export interface Ladder extends LadderFile {
  families: FamilyDef[];
}

export interface MatchOptions {
  years?: number | null;
  /** Force this family instead of detecting one. */
  family?: string | null;
  /** How many alternatives to return. */
  top?: number;
}

