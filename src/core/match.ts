// The matcher: a title (and optional years) in, a level, a family, a confidence and the reasons out.
// This class holds what a matcher is given (the ladder, indexed once; the fuzzy finder and the
// dictionary its typo reading uses; the occupation, override and pay sources) and hands each
// title to the pipeline (src/core/pipeline.ts), whose stages live in src/core/stages.
import type { LevelHint } from './hints.js';
import { forgetSplits, type LabelLookup } from './stages/translate.js';
import { compileLexicon, type LexiconData } from './lexicon.js';
import type { OccupationWord } from './occupation.js';
import type { OverrideTable } from './overrides.js';
import { marketPay, type MarketPay, type PayTable } from './pay.js';
import { decide, readTitle } from './pipeline.js';
import { indexLadder, type LadderIndex, type OccupationLookup, type Sources, type TitleReading } from './stages/context.js';
import { levelForYears } from './stages/level.js';
import { findMarkers } from './stages/markers.js';
import { wordsOfOccupation } from './stages/occupation.js';
import { cutPlace, type PlaceIndex } from './stages/places.js';
import { needsFuzzy, readablePart, readWords, titleTokens } from './stages/read.js';
import { standInYears, yearsKey, type YearsKeyed } from './stages/years-key.js';
import type { FuzzyFinder } from './typos.js';
import type { Company } from './companies.js';
import { bandLevel, compileCompany, type CompiledCompany } from './stages/company.js';
import type { Ladder, LevelDef, MatchOptions, MatchResult } from './types.js';

export type { OccupationLookup, TitleReading } from './stages/context.js';
export { MAX_TITLE_CHARS, readablePart } from './stages/read.js';

/** Pay answers worked out before a memo starts over: a batch asks for a few hundred. */
const PAY_MEMO = 10_000;

export class Matcher {
  readonly ladder: Ladder;
  private readonly ix: LadderIndex;
  private readonly sources: Sources = { occupations: null, overrides: null, pay: null, labels: null, places: null };

  /** @param lexicon the ladder's compiled lexicon, when the caller has it (the build stores one). */
  constructor(ladder: Ladder, lexicon: LexiconData = compileLexicon(ladder)) {
    this.ladder = ladder;
    this.ix = indexLadder(ladder, lexicon);
  }

  /** Lets the matcher correct typos; `createMatcher()` does this for you. */
  useFuzzy(finder: FuzzyFinder): this {
    this.ix.typos.useFinder(finder);
    return this;
  }

  /** Tells real words from typos ("Targeting" is not a typo of "marketing"); see src/io/dictionary.ts. */
  useDictionary(isWord: (word: string) => boolean): this {
    this.ix.typos.useDictionary(isWord);
    // Split compounds were read with the dictionary before.
    forgetSplits(this.ix);
    return this;
  }

  /** Lets the matcher name the O*NET occupation of a title of no family; src/io/occupations.ts loads it. */
  useOccupations(lookup: OccupationLookup): this {
    this.sources.occupations = lookup;
    return this;
  }

  /** Lets the matcher read titles in other languages through ESCO's occupation labels; src/io/languages.ts loads them. */
  useLabels(lookup: LabelLookup | null): this {
    this.sources.labels = lookup;
    // Split compounds were read with the labels before.
    forgetSplits(this.ix);
    return this;
  }

  /** Lets the matcher cut a place from a title's end ("Data Engineer - Austin, TX"); src/io/places.ts loads them. */
  usePlaces(places: (() => PlaceIndex) | null): this {
    this.sources.places = places;
    return this;
  }

  /**
   * The part of a title that is read when its end names a place ("Data Engineer" of "Data Engineer
   * - Austin, TX"), else null. The title's answer is its core's, but for the reason that says so
   * and the title it quotes: a batch that shows neither answers each core once.
   */
  placeCore(title: string): string | null {
    if (this.sources.places === null) return null;
    return cutPlace(this.sources.places(), readablePart(title))?.core ?? null;
  }

  /** Titles the ladder owner pins (overrides.yaml, read by src/io/overrides.ts), by overrideKey(). */
  useOverrides(table: OverrideTable | null): this {
    this.sources.overrides = table;
    return this;
  }

  /**
   * Lets the matcher say what a level pays in `region` (a country code: US, GB…); src/io/pay.ts
   * loads the table. A card's pay is worked out once per family, level and occupation.
   */
  usePay(table: () => PayTable, region = 'US'): this {
    const memo = new Map<string, MarketPay>();
    const where = region.toUpperCase();
    this.sources.pay = (family, level, soc) => {
      const key = `${family ?? ''}|${level}|${soc ?? ''}`;
      let found = memo.get(key);
      if (found === undefined) {
        if (memo.size >= PAY_MEMO) memo.clear();
        found = marketPay(table(), family, level, soc, where);
        memo.set(key, found);
      }
      return found;
    };
    return this;
  }

  /** Whether reading `title` needs the fuzzy finder (a word the exact index does not know). */
  needsFuzzy(title: string): boolean {
    return needsFuzzy(this.ix, this.placeCore(title) ?? title);
  }

  match(title: string, options: MatchOptions & { company?: Company | null } = {}): MatchResult {
    return this.decide(this.readTitle(title, options.family ?? null, options.company ?? null), options.years ?? null, options.top ?? 3);
  }

  private readonly compiled = new Map<Company, CompiledCompany>();

  /** A company's ladder as this ladder reads it (its titles' ranks by this ladder's markers), once per company. */
  private companyLadder(company: Company): CompiledCompany {
    let c = this.compiled.get(company);
    if (c === undefined) this.compiled.set(company, (c = compileCompany(this.ix, company)));
    return c;
  }

  /** The level code a market band's `reads` title carries by this ladder's markers (data/companies/bands.yaml), or null. */
  bandLevel(reads: string): string | null {
    return bandLevel(this.ix, reads)?.code ?? null;
  }

  /**
   * All that a title alone decides: its words, its level markers and its family. Years do not
   * change it, so a batch with a years column reads each distinct title once (see decide()).
   */
  readTitle(title: string, family: string | null = null, company: Company | null = null, lean = false): TitleReading {
    return readTitle(this.ix, this.sources, title, family, company === null ? null : this.companyLadder(company), lean);
  }

  /**
   * The answer for a title read by readTitle(), with these years. With `explain` false, only the
   * match: no reasons and no alternatives (a batch writing CSV shows neither, and builds none).
   */
  decide(reading: TitleReading, years: number | null, top = 3, explain = true, pay = true, hint: LevelHint | null = null): MatchResult {
    return decide(this.ix, this.sources, reading, years, top, explain, pay, hint);
  }

  /** The words the occupation stage reads in `title`; scripts/build-occupations.mjs trains on them. */
  occupationWordsOf(title: string): OccupationWord[] {
    const tokens = readWords(this.ix, titleTokens(readablePart(title)));
    return wordsOfOccupation(this.ix, tokens, findMarkers(this.ix, tokens, null));
  }

  /** See src/core/stages/years-key.ts: equal for two years values exactly when decide() gives them the same answer. */
  yearsKey(reading: YearsKeyed, years: number | null): number {
    return yearsKey(this.ix, reading, years);
  }

  /** Years that stand for each yearsKey() a title can have, with that key. */
  standInYears(reading: YearsKeyed): [key: number, years: number][] {
    return standInYears(this.ix, reading);
  }

  /** The level of `track` whose band holds `years`, else the one nearest to it. */
  levelForYears(years: number, track: string): LevelDef | undefined {
    return levelForYears(this.ix, years, track);
  }
}

/** A matcher with its fuzzy finder (fuse.js, loaded here once); with `isWord`, its dictionary too (see src/io/matcher.ts). */
export async function createMatcher(ladder: Ladder, lexicon?: LexiconData, isWord?: (word: string) => boolean): Promise<Matcher> {
  const { fuseFinder } = await import('./fuzzy.js');
  const matcher = new Matcher(ladder, lexicon).useFuzzy(fuseFinder);
  return isWord ? matcher.useDictionary(isWord) : matcher;
}
