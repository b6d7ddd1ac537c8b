// Each distinct title of a file answered once: the memo batch, eval and triage share. A title seen
// without years keeps its answer; a title seen with years keeps one answer per years key (see
// Matcher.yearsKey): when the kept answer does not quote the years, a title is answered at once
// for every key it can have and its reading is dropped (a reading is a few KB, an answer a few
// dozen bytes). The memo is bounded: past its limits it starts over, so memory holds however many
// rows a file has.
import type { LevelHint } from './hints.js';
import type { Company } from './companies.js';
import type { Matcher, TitleReading } from './match.js';
import type { MatchResult } from './types.js';

export interface AnswerMemoOptions<T> {
  /** The family every title is read in (--family), or null to find it from the title. */
  family: string | null;
  /** The company whose ladder every title is read on first (--company, a row's company column), or none. */
  company?: Company | null;
  /** Whether what is kept quotes the years (a JSON answer's query and reasons): then one answer per years value. */
  quotesYears: boolean;
  /** Whether the answers carry their reasons and alternatives. */
  explain: boolean;
  /**
   * Whether what is kept quotes the title (a JSON answer's query). Without the title and the
   * reasons, a title whose end names a place ("Data Engineer - Austin, TX") has its core's answer,
   * worked out once for every title with that core. True unless said.
   */
  quotesTitle?: boolean;
  /** The level hint every title is read with (a row's seniority column), or none. */
  hint?: LevelHint | null;
  /** What is kept of an answer: a rendered text, or a short answer. */
  keep: (result: MatchResult) => T;
  /** The characters a kept answer holds, for the memo's bound. */
  charsOf?: (kept: T) => number;
  /** A title as kept: a copy that holds no reference to the chunk of input it was cut from. */
  own?: (title: string) => string;
  /** Distinct titles kept before the memo starts over. */
  maxTitles?: number;
  /** Characters of titles and answers kept before the memo starts over. */
  maxChars?: number;
}

interface TitleAnswers<T> {
  title: string;
  key: Pick<TitleReading, 'marker' | 'track' | 'override'>;
  /** Kept only while answers may still be needed per years value (output that quotes the years). */
  reading: TitleReading | null;
  /** By years, or by Matcher.yearsKey when the kept answer does not quote the years. */
  answers: Map<number, T>;
  /** By whole years, a shortcut to the same answers. */
  whole: T[];
}

const MAX_TITLES = 50_000;
const MAX_CHARS = 16_000_000;

export class AnswerMemo<T> {
  /** Answers of titles without years. */
  private readonly plain = new Map<string, T>();
  private readonly withYears = new Map<string, TitleAnswers<T>>();
  private chars = 0;
  private readonly maxTitles: number;
  private readonly maxChars: number;
  private readonly own: (title: string) => string;
  private readonly charsOf: (kept: T) => number;
  /** Whether a title with a place at its end is answered as its core (see quotesTitle). */
  private readonly byCore: boolean;
  /** Titles kept as another's (a title with a place, under its core's answer): a key each, counted a quarter of a title (see full()). */
  private aliases = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly o: AnswerMemoOptions<T>,
    /** Whether cards carry their pay: only where the output shows it (a batch writing CSV does not). */
    private readonly pay = true,
  ) {
    this.maxTitles = o.maxTitles ?? MAX_TITLES;
    this.maxChars = o.maxChars ?? MAX_CHARS;
    this.own = o.own ?? ((s) => s);
    this.charsOf = o.charsOf ?? (() => 0);
    this.byCore = !o.explain && o.quotesTitle === false;
  }

  private readonly byCompany = new Map<Company, AnswerMemo<T>>();

  /** The answer for a title read on a company's ladder (a batch's company column): one memo per company, made on first need. */
  answerAt(company: Company | null, title: string, years: number | null): T {
    if (company === null || company === this.o.company) return this.answer(title, years);
    let memo = this.byCompany.get(company);
    if (memo === undefined) this.byCompany.set(company, (memo = new AnswerMemo(this.matcher, { ...this.o, company }, this.pay)));
    return memo.answer(title, years);
  }

  private readonly byHint = new Map<string, AnswerMemo<T>>();

  /**
   * The answer for a title with a row's level hint (batch --level-hint-column): one memo per hint,
   * made on first need, keyed by years exactly (a hint's level, not the title's, meets the years).
   * No hint: as answerAt.
   */
  answerWith(hint: LevelHint | null, company: Company | null, title: string, years: number | null): T {
    if (hint === null) return this.answerAt(company, title, years);
    // The reasons quote the hint's value; without them, hints of one level give one answer.
    const key = `${company === null ? '' : company.id}\u0000${this.o.explain ? hint.value : hint.level.code}`;
    let memo = this.byHint.get(key);
    if (memo === undefined) this.byHint.set(key, (memo = new AnswerMemo(this.matcher, { ...this.o, company: company ?? this.o.company ?? null, hint, quotesYears: true }, this.pay)));
    return memo.answer(title, years);
  }

  /** The kept answer for a title with these years, worked out on first sight. */
  answer(title: string, years: number | null): T {
    if (this.full()) this.forget();
    if (years === null) {
      let a = this.plain.get(title);
      if (a === undefined) {
        const core = this.byCore ? this.matcher.placeCore(title) : null;
        if (core !== null) {
          a = this.answer(core, null);
          this.plain.set(this.own(title), a);
          this.chars += title.length;
          this.aliases++;
          return a;
        }
        a = this.o.keep(this.matcher.decide(this.matcher.readTitle(title, this.o.family, this.o.company ?? null, !this.o.explain), null, 3, this.o.explain, this.pay, this.o.hint ?? null));
        this.plain.set(this.own(title), a);
        this.chars += title.length + this.charsOf(a);
      }
      return a;
    }
    const known = this.withYears.get(title) ?? this.learnTitle(title);
    // Whole years, the common case, are looked up by index, without working out their key.
    const whole = Number.isInteger(years);
    let a = whole ? known.whole[years] : undefined;
    if (a !== undefined) return a;
    const key = this.o.quotesYears ? years : this.matcher.yearsKey(known.key, years);
    a = known.answers.get(key);
    if (a === undefined) {
      known.reading ??= this.matcher.readTitle(known.title, this.o.family, this.o.company ?? null, !this.o.explain);
      a = this.o.keep(this.matcher.decide(known.reading, years, 3, this.o.explain, this.pay, this.o.hint ?? null));
      known.answers.set(key, a);
      this.chars += this.charsOf(a);
    }
    if (whole) known.whole[years] = a;
    return a;
  }

  /** Whether a title without years has its answer kept. */
  knows(title: string): boolean {
    return this.plain.has(title);
  }

  /** How many titles without years it holds (since it was last emptied). */
  get titles(): number {
    return this.plain.size;
  }

  /** Keeps an answer worked out elsewhere (a helper thread) for a title without years, as answer(title, null) keeps its own. */
  remember(title: string, a: T): void {
    if (this.full()) this.forget();
    if (this.plain.has(title)) return;
    this.plain.set(this.own(title), a);
    this.chars += title.length + this.charsOf(a);
  }

  /** A title's answers by years, worked out for it or, with a place at its end, shared with its core's. */
  private learnTitle(title: string): TitleAnswers<T> {
    const core = this.byCore ? this.matcher.placeCore(title) : null;
    if (core === null) return this.learn(this.own(title));
    const known = this.withYears.get(core) ?? this.learn(this.own(core));
    this.withYears.set(this.own(title), known);
    this.chars += title.length;
    this.aliases++;
    return known;
  }

  private learn(title: string): TitleAnswers<T> {
    const reading = this.matcher.readTitle(title, this.o.family, this.o.company ?? null, !this.o.explain);
    const known: TitleAnswers<T> = { title, key: { marker: reading.marker, track: reading.track, override: reading.override }, reading, answers: new Map(), whole: [] };
    if (!this.o.quotesYears) {
      for (const [key, years] of this.matcher.standInYears(reading)) {
        const a = this.o.keep(this.matcher.decide(reading, years, 3, this.o.explain, this.pay, this.o.hint ?? null));
        known.answers.set(key, a);
        this.chars += this.charsOf(a);
      }
      known.reading = null;
    }
    this.withYears.set(title, known);
    this.chars += title.length;
    return known;
  }

  /** Past its bounds: more distinct titles or characters than it keeps (a title kept as its core's counts a quarter). */
  private full(): boolean {
    return this.chars > this.maxChars || this.plain.size + this.withYears.size - this.aliases + (this.aliases >> 2) >= this.maxTitles;
  }

  private forget(): void {
    this.aliases = 0;
    this.plain.clear();
    this.withYears.clear();
    this.byHint.clear();
    this.chars = 0;
  }
}

/** What eval and triage keep of an answer: a few values, not the card. */
export interface ShortAnswer {
  level: string | null;
  family: string | null;
  /** The O*NET-SOC code, or null. */
  occupation: string | null;
  confidence: number;
}

export function shortAnswer(result: MatchResult): ShortAnswer {
  const m = result.match;
  return { level: m?.level ?? null, family: m?.family ?? null, occupation: m?.occupation?.code ?? null, confidence: m?.confidence ?? 0 };
}
