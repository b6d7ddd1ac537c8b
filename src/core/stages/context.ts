// What every stage reads: the ladder, indexed once per matcher (levels by code, years bands, tracks
// and their priority, the compiled lexicon, the typo corrector, the confidence factors), and the
// knowledge sources wired in (occupations, overrides). Built by the Matcher; read-only after.
import { yearsBand } from '../cards.js';
import { indexLexicon, type Lexicon, type LexiconData } from '../lexicon.js';
import { tokenize, type Token } from '../normalize.js';
import type { Occupation } from '../occupations.js';
import type { MarketPay } from '../pay.js';
import type { OccupationModel } from '../occupation.js';
import type { OverrideEntry, OverrideTable } from '../overrides.js';
import type { PlaceIndex } from './places.js';
import type { Hit } from '../phrases.js';
import type { Reason } from '../reasons.js';
import { TypoCorrector } from '../typos.js';
import type { CompanyPick } from './company.js';
import type { LabelLookup } from './translate.js';
import type { FamilyDef, Ladder, LevelDef, OccupationRef, TrackDef, YearsBand } from '../types.js';

/** The O*NET data the occupation stage reads, loaded on first use (see src/io/occupations.ts). */
export interface OccupationLookup {
  model(): OccupationModel;
  /** By O*NET-SOC code (29-1141.00), or by 6-digit SOC code (29-1141). */
  get(code: string): Occupation | undefined;
  /** A family title's occupation worked out ahead (by family id and occupationPartsKey of its words); '' for none. */
  familyOccupation?(family: string, key: string): string | undefined;
}

export interface LadderIndex {
  readonly ladder: Ladder;
  readonly lexicon: Lexicon;
  readonly typos: TypoCorrector;
  readonly levels: ReadonlyMap<string, LevelDef>;
  /** A level's place on the ladder: higher is more senior within a track. */
  readonly levelIndex: ReadonlyMap<string, number>;
  readonly bands: ReadonlyMap<LevelDef, YearsBand>;
  readonly tracks: ReadonlyMap<string, TrackDef>;
  readonly trackPriority: ReadonlyMap<string, number>;
  /** One-word markers of tracks that do not name a role ("senior", "associate"): alone, they name no occupation. */
  readonly rankWords: ReadonlySet<string>;
  /** Confidence factors: the ladder's data (ladder.yaml `confidence`). */
  readonly factors: Ladder['confidence'];
  /** The 6-digit SOC codes of the occupations the families name (their soc and occupations). */
  readonly claimedSoc: ReadonlySet<string>;
  /** Count words (ladder.yaml `counts`): a number after or before one counts or names something. */
  readonly countBefore: ReadonlySet<string>;
  readonly countAfter: ReadonlySet<string>;
}

/** The knowledge sources a matcher has been given; null where none. */
export interface Sources {
  occupations: OccupationLookup | null;
  overrides: OverrideTable | null;
  /** What a card pays, for a family (or none), a level and an occupation's code (or none). */
  pay: ((family: string | null, level: string, soc: string | null) => MarketPay) | null;
  /** ESCO's occupation labels in other languages, by first word (src/io/languages.ts). */
  labels: LabelLookup | null;
  /** The places a title's end may name (src/io/places.ts), read on first use. */
  places: (() => PlaceIndex) | null;
}

export function indexLadder(ladder: Ladder, lexicon: LexiconData): LadderIndex {
  const lex = indexLexicon(lexicon);
  const levels = new Map<string, LevelDef>();
  const levelIndex = new Map<string, number>();
  const bands = new Map<LevelDef, YearsBand>();
  ladder.levels.forEach((l, i) => {
    levelIndex.set(l.code, i);
    levels.set(l.code, l);
    bands.set(l, yearsBand(l));
  });
  const tracks = new Map(ladder.tracks.map((t) => [t.id, t]));
  const rankWords = new Set<string>();
  for (const p of lexicon.phrases) {
    const level = p.kind === 'marker' ? levels.get(p.level!) : undefined;
    if (level && !tracks.get(level.track)?.namesRole && p.parts.length === 1 && p.parts[0]!.length === 1) rankWords.add(p.parts[0]![0]!);
  }
  const words = (list: string[]) => new Set(list.flatMap((w) => tokenize(w).map((t) => t.text)));
  return {
    ladder,
    lexicon: lex,
    typos: new TypoCorrector(lex.typoTargets, lex.knownWords),
    levels,
    levelIndex,
    bands,
    tracks,
    trackPriority: new Map(ladder.tracks.map((t) => [t.id, t.priority])),
    rankWords,
    factors: ladder.confidence,
    claimedSoc: new Set(ladder.families.flatMap((f) => [...(f.soc && /^\d\d-\d{4}\.\d\d$/.test(f.soc.code) ? [f.soc.code] : []), ...f.occupations.map((o) => o.code)]).map((c) => c.slice(0, 7))),
    countBefore: words(ladder.counts.before),
    countAfter: words(ladder.counts.after),
  };
}

/** The level a marker phrase names. */
export const markerLevel = (ix: LadderIndex, h: Hit): LevelDef => ix.levels.get(h.phrase.level!)!;

/** Whether a marker's track names a role (a manager's, a supervisor's), not only a rank. */
export const namesRole = (ix: LadderIndex, h: Hit): boolean => ix.tracks.get(markerLevel(ix, h).track)?.namesRole === true;

export const priorityOf = (ix: LadderIndex, level: LevelDef): number => ix.trackPriority.get(level.track) ?? 0;

export const orderOf = (ix: LadderIndex, code: string): number => ix.levelIndex.get(code) ?? -1;

export interface WorkToken extends Token {
  /** How the token was read: expanded from an alias, corrected from a typo, or translated from
   *  another language (with the languages its phrase is of), and from which words. */
  via?: { kind: 'alias' | 'typo' | 'translation'; from: string; origin: number; languages?: string[] };
}

/** The occupation of a title, with how sure it is and the runners-up. */
export interface OccupationPick {
  ref: OccupationRef;
  /** The O*NET record (onet only): the card's content. */
  record: Occupation | null;
  /** The winner's probability by the model; 1 for a family's occupation. */
  share: number;
  others: { code: string; title: string; share: number }[];
}

export interface FamilyPick {
  family: FamilyDef | null;
  /** What placed the title: the family's own role, a shared role its topic claims, a topic alone, or --family (or an override). */
  via: 'role' | 'claim' | 'topic' | 'given' | null;
  evidence: number[];
  /** Families the title names the role of too: alternatives. */
  excluded: FamilyDef[];
}

export interface LevelPick {
  level: LevelDef;
  confidence: number;
  /** Tokens the decision rests on. */
  evidence: number[];
  /** Levels of markers that lost. */
  others: LevelDef[];
  fromYears: boolean;
}

/** The marker that decides among a title's markers, its level, and the top track priority among them. */
export interface MarkerChoice {
  chosen: Hit;
  picked: LevelDef;
  topPriority: number;
}

/** What readTitle() finds in a title: everything but what years decide. Treat as read-only. */
export interface TitleReading {
  title: string;
  /** Said before anything else (a title cut short). */
  notes: Reason[];
  tokens: WorkToken[];
  /** The level markers found, roles already set aside. */
  markers: Hit[];
  /** The marker that decides, before it is read on the title's track; null without markers. */
  choice: MarkerChoice | null;
  /** The level the markers decide, read on the title's track, whatever the years; null without markers. */
  marker: LevelDef | null;
  levelReasons: Reason[];
  fam: FamilyPick;
  familyReasons: Reason[];
  /** The family's occupation, or the O*NET occupation the title's words point to. */
  occupation: OccupationPick | null;
  occupationReasons: Reason[];
  /** The track the title's level is read on: the default, or its occupation's (by Job Zone). */
  track: string;
  /** The ladder owner's pin for this title (overrides.yaml): it wins over everything. */
  override: OverrideEntry | null;
  /** What the company's ladder decided (--company), when it did: then `marker` is its level. */
  company: CompanyPick | null;
  /** The language of the words read as English (ISO 639-1), or null. */
  language: string | null;
  /** Read for an answer without reasons (readTitle()'s `lean`): its occupation has no runners-up nor evidence. */
  lean: boolean;
}
