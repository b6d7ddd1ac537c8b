// The data model shared by every layer, and the JSON contract of `match --json` / `show --json`.
// Renaming a key here is a breaking change for scripts: see README, "JSON contract".
import type { MarketPay } from './pay.js';
import type { Reason } from './reasons.js';
import type { Dimensions, FamilyDef, LadderFile } from './schema.js';

export type { Dimensions, FamilyDef, LadderFile, LevelDef, TrackDef, CardDef, MarkerDef } from './schema.js';

/** A whole ladder: the ladder file plus its job families. */
export interface Ladder extends LadderFile {
  families: FamilyDef[];
}

export interface YearsBand {
  min: number;
  /** Exclusive upper bound; null for "and up". */
  max: number | null;
}

export interface Soc {
  code: string;
  title: string;
  inferred: boolean;
}

/** What a level means, for one family (or for no family: the family fields are then null/empty). */
export interface Card {
  level: string;
  levelName: string;
  track: string;
  family: string | null;
  familyName: string | null;
  role: string | null;
  summary: string | null;
  meaning: string;
  years: YearsBand;
  dimensions: Dimensions;
  /** Shared with the ladder: read, do not change. */
  readonly tasks: readonly string[];
  readonly skills: readonly string[];
  readonly qualifications: readonly string[];
  readonly commonTitles: readonly string[];
  pay: string | null;
  soc: Soc | null;
  /** What the level pays: the survey's figures for the family x level x region, OEWS's for the occupation. Null where no pay table is read. */
  marketPay: MarketPay | null;
}

/** The occupation of a title: its family's, or the O*NET occupation its words point to. */
export interface OccupationRef {
  /** O*NET-SOC code, such as 29-1141.00; its first seven characters are the 2018 SOC code. */
  code: string;
  title: string;
  source: 'family' | 'onet';
  /** onet: O*NET's Job Zone (1, little preparation, to 5, extensive); null where O*NET has none. */
  jobZone?: number | null;
  /** onet: the most common education the occupation requires. */
  education?: string | null;
}

export type MatchedCard = Card & { confidence: number; occupation: OccupationRef | null };

export interface Alternative {
  level: string;
  family: string | null;
  confidence: number;
  /** Another occupation the title may be: the runners-up of the occupation's vote. */
  occupation?: { code: string; title: string };
}

/** A title's answer, as the matcher gives it: `reasons` as data (the JSON contract writes them as sentences: src/output/contract.ts). */
export interface MatchResult {
  query: { title: string; years: number | null };
  match: MatchedCard | null;
  alternatives: Alternative[];
  reasons: Reason[];
}

export interface MatchOptions {
  years?: number | null;
  /** Force this family instead of detecting one. */
  family?: string | null;
  /** How many alternatives to return. */
  top?: number;
}

export type { MarketPay } from './pay.js';
