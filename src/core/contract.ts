// The JSON contract: the shapes `--json` prints and the library returns, in one module with no
// dependency of its own (the published types hold only these). Renaming a key is a breaking change
// for scripts: see README, "JSON contract".
import type { Occupation } from './occupations.js';
import type { MarketPay, OewsPay } from './pay.js';
import type { Reason } from './reasons.js';

export type { MarketPay, SurveyPay, OewsPay } from './pay.js';
export type { Reason, ReasonKind } from './reasons.js';

/** What a level means along its dimensions (ladder.yaml `levels[].dimensions`). */
export interface Dimensions {
  scope: string;
  autonomy: string;
  complexity: string;
  impact: string;
  decisionRights: string;
  leadership: string;
  typicalExperience: string;
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

/** The company level that decided an answer (--company). */
export interface CompanyRef {
  /** The company's id ("google"). */
  id: string;
  name: string;
  /** Its level code ("L5"). */
  code: string;
  /** The first title it gives at that level ("Senior Software Engineer"), or null. */
  title: string | null;
  /** The market band its sources place the level in ("Senior"), or null where the ladder's own file names the level. */
  standard: string | null;
}

/** `show --json`: a level's card with its occupation, as match gives it (the family's own, or the --occupation's). */
export type ShownCard = Card & { occupation: OccupationRef | null };

export type MatchedCard = Card & { confidence: number; occupation: OccupationRef | null; company?: CompanyRef; language: string | null };

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

// list, families, occupations, pay (src/core/views.ts builds them).

/** `list --json`: every level, with the family's role for it when a family is given. */
export interface LadderView {
  family: { id: string; name: string } | null;
  tracks: { id: string; name: string }[];
  levels: { level: string; levelName: string; track: string; years: YearsBand; meaning: string; role: string | null }[];
}

/** `families --json`. */
export interface FamiliesView {
  families: { id: string; name: string; soc: { code: string; title: string; inferred: boolean } | null; cards: string[]; roles: string[] }[];
}

/** `occupations --json`: the occupations a query points to, best first, or all of them. */
export interface OccupationsView {
  source: string;
  version: string;
  query: string | null;
  occupations: (Pick<Occupation, 'code' | 'title' | 'jobZone' | 'education' | 'description' | 'tasks' | 'hotTechnologies' | 'sampleTitles'> & { matched?: string; score?: number })[];
}

/** `pay --json`: a family's survey pay by level in a region, and OEWS's wages for its occupation (or the one asked for). */
export interface PayView {
  family: { id: string; name: string } | null;
  region: string;
  survey: { source: string; credit: string; years: [number, number]; minimum: number } | null;
  levels: { level: string; name: string; n: number; p25: number | null; median: number | null; p75: number | null; note: string | null }[];
  oews: OewsPay | null;
}

// eval (src/core/eval.ts tallies it).

export interface Score {
  right: number;
  scored: number;
  /** right / scored, 0 to 1; null when nothing was scored. */
  accuracy: number | null;
}

export interface LevelStats {
  level: string;
  /** Rows labelled with the level. */
  support: number;
  /** Of the rows given the level, the share labelled with it. */
  precision: number | null;
  /** Of the rows labelled with the level, the share given it. */
  recall: number | null;
}

export interface Miss {
  row: number;
  title: string;
  years: number | null;
  want: { level: string | null; family: string | null; occupation: string | null };
  got: { level: string | null; family: string | null; occupation: string | null; confidence: number };
  /** Which columns are wrong. */
  wrong: ('level' | 'family' | 'occupation')[];
  reasons: Reason[];
}

export interface EvalReport {
  rows: number;
  /** Rows with every scored column right, unscored ones counted right (as ../shared/tools/accuracy.mjs counts). */
  rowsRight: number;
  level: Score;
  family: Score;
  occupation: Score | null;
  perLevel: LevelStats[];
  /** Expected level (rows) by given level (columns); "none" for no match. */
  confusion: { labels: string[]; counts: number[][] };
  /** Rows with a column wrong. */
  missCount: number;
  /** The worst of them (as many as asked), worst first: more columns wrong, then the more confident wrong answer. */
  misses: Miss[];
}

// The answers with their reasons as sentences, as --json prints them (src/output/json.ts writes them).

/** What `leveler match --json` prints, and what the library's match() gives. */
export type MatchJson = Omit<MatchResult, 'reasons'> & { reasons: string[] };

/** The report as the library's eval() gives it: each miss's reasons as sentences. */
export type EvalJson = Omit<EvalReport, 'misses'> & { misses: (Omit<Miss, 'reasons'> & { reasons: string[] })[] };

/** What `leveler eval FILE --json` prints: the report, the file, and the rows it could not read (the first of them, and how many). */
export type EvalFileJson = { file: string } & EvalJson & { problems: string[]; problemCount: number };

/** What `leveler triage FILE --json` prints: the rows by trouble, and the titles that cost the most, worst first. */
export interface TriageJson {
  file: string;
  rows: number;
  /** Rows matched with confidence and a family. */
  ok: number;
  unmatched: number;
  lowConfidence: number;
  noFamily: number;
  /** Distinct titles in the file. */
  distinct: number;
  titles: {
    title: string;
    rows: number;
    trouble: 'unmatched' | 'low-confidence' | 'no-family';
    level: string | null;
    family: string | null;
    occupation: { code: string; title: string } | null;
    confidence: number;
    reasons: string[];
    /** Rows of this title and every title above it, as a share of all the troubled rows (0 to 1). */
    runningShare: number;
  }[];
}

// companies and crosswalk (src/core/company-views.ts builds them).

export interface CompanyLevelView {
  code: string;
  titles: string[];
  track: 'ic' | 'management';
  /** The market band ("Senior"), or null where the file names a ladder level. */
  band: string | null;
  /** The ladder's level it equals, and that level's name. */
  level: string;
  levelName: string;
  years: YearsBand | null;
  sources: string[];
  disputed: { band: string; level: string; sources: string[] } | null;
}

/** `companies --json`: the companies (those a query's words are in, with one). */
export interface CompaniesView {
  query: string | null;
  companies: { id: string; name: string; aliases: string[]; levels: number; file: string }[];
}

/** `companies NAME --json`: one company's ladder beside the ladder's levels. */
export interface CompanyView {
  id: string;
  name: string;
  aliases: string[];
  file: string;
  levels: CompanyLevelView[];
}

/** `crosswalk COMPANY:CODE [COMPANY...] --json`: the same ladder level at other companies. */
export interface CrosswalkView {
  from: { company: string; name: string; code: string; level: string; levelName: string; track: 'ic' | 'management'; band: string | null };
  to: { company: string; name: string; levels: CompanyLevelView[] }[];
}

/** `crosswalk COMPANY COMPANY... --json`: whole ladders side by side, by the ladder's levels. */
export interface LaddersView {
  companies: { id: string; name: string }[];
  levels: { level: string; levelName: string; track: string; codes: Record<string, string[]> }[];
}
