// The matcher: a title (and optional years) in, a level, a family, a confidence and the reasons out.
//   tokenize -> expand aliases -> correct typos -> find the ladder's phrases -> pick the family
//   -> pick the level (markers, else years, else the default) -> confidence, alternatives, reasons.
import { bandDistance, bandText, buildCard, findFamily, findLevel, inBand, yearsBand } from './cards.js';
import { compileLexicon, indexLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import { tokenize, type Token } from './normalize.js';
import { MAX_YEARS } from './years.js';
import { findHits, selectHits, type Hit } from './phrases.js';
import { editDistance, TypoCorrector, type FuzzyFinder } from './typos.js';
import type { Alternative, FamilyDef, Ladder, LevelDef, MatchOptions, MatchResult, YearsBand } from './types.js';

interface WorkToken extends Token {
  /** How the token was read: expanded from an alias, or corrected from a typo, and from which word. */
  via?: { kind: 'alias' | 'typo'; from: string; origin: number };
}

interface LevelPick {
  level: LevelDef;
  confidence: number;
  /** Tokens the decision rests on. */
  evidence: number[];
  /** Levels of markers that lost. */
  others: LevelDef[];
  fromYears: boolean;
}

interface FamilyPick {
  family: FamilyDef | null;
  evidence: number[];
  /** Families the title names the topic of, but a role of another family. */
  excluded: FamilyDef[];
}

/** A specific topic outranks a broad one; then the longer; then the first. */
const outranks = (h: Hit, best: Hit) =>
  Number(!h.phrase.broad) - Number(!best.phrase.broad) > 0 ||
  (Boolean(h.phrase.broad) === Boolean(best.phrase.broad) && h.phrase.literalCount > best.phrase.literalCount);

const NO_FAMILY: FamilyPick = { family: null, evidence: [], excluded: [] };

/** What readTitle() finds in a title: everything but what years decide. Treat as read-only. */
export interface TitleReading {
  title: string;
  /** Said before anything else (a title cut short). */
  notes: string[];
  tokens: WorkToken[];
  /** The level markers found, roles already set aside. */
  markers: Hit[];
  /** The level the markers decide, whatever the years; null without markers. */
  marker: LevelDef | null;
  levelReasons: string[];
  fam: FamilyPick;
  familyReasons: string[];
}

const MAX_TOP = 20;
/**
 * Characters of a title that are read. Real titles are far shorter; a job description pasted into
 * a title column is not a title, and reading only its start keeps every title under a millisecond.
 */
export const MAX_TITLE_CHARS = 300;

/** The part of a title that is read: at most MAX_TITLE_CHARS, cut at a space when there is one. */
export function readablePart(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const head = title.slice(0, MAX_TITLE_CHARS);
  const space = head.search(/\s\S*$/);
  return space > MAX_TITLE_CHARS / 2 ? head.slice(0, space) : head;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
const quote = (s: string) => `"${s}"`;
const yearsText = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

export class Matcher {
  readonly ladder: Ladder;
  private readonly lexicon: Lexicon;
  private readonly typos: TypoCorrector;
  private readonly levelIndex = new Map<string, number>();
  private readonly trackPriority = new Map<string, number>();

  private readonly levels = new Map<string, LevelDef>();
  private readonly bands = new Map<LevelDef, YearsBand>();
  /** Confidence factors and count words: the ladder's data (ladder.yaml `confidence`, `counts`). */
  private readonly factors: Ladder['confidence'];
  private readonly countBefore: Set<string>;
  private readonly countAfter: Set<string>;

  /** @param lexicon the ladder's compiled lexicon, when the caller has it (the build stores one). */
  constructor(ladder: Ladder, lexicon: LexiconData = compileLexicon(ladder)) {
    this.ladder = ladder;
    this.lexicon = indexLexicon(lexicon);
    this.typos = new TypoCorrector(this.lexicon.typoTargets, this.lexicon.knownWords);
    ladder.levels.forEach((l, i) => {
      this.levelIndex.set(l.code, i);
      this.levels.set(l.code, l);
      this.bands.set(l, yearsBand(l));
    });
    for (const t of ladder.tracks) this.trackPriority.set(t.id, t.priority);
    this.factors = ladder.confidence;
    this.countBefore = new Set(ladder.counts.before.flatMap((w) => tokenize(w).map((t) => t.text)));
    this.countAfter = new Set(ladder.counts.after.flatMap((w) => tokenize(w).map((t) => t.text)));
  }

  /** Lets the matcher correct typos; `createMatcher()` does this for you. */
  useFuzzy(finder: FuzzyFinder): this {
    this.typos.useFinder(finder);
    return this;
  }

  /** Tells real words from typos ("Targeting" is not a typo of "marketing"); see src/io/dictionary.ts. */
  useDictionary(isWord: (word: string) => boolean): this {
    this.typos.useDictionary(isWord);
    return this;
  }

  /** Whether reading `title` needs the fuzzy finder (a word the exact index does not know). */
  needsFuzzy(title: string): boolean {
    if (this.typos.hasFinder) return false;
    return tokenize(readablePart(title)).some(
      (t) => t.kind === 'word' && !this.lexicon.aliases.has(t.text) && !this.lexicon.knownWords.has(t.text) && this.typos.needsLookup(t.text),
    );
  }

  match(title: string, options: MatchOptions = {}): MatchResult {
    return this.decide(this.readTitle(title, options.family ?? null), options.years ?? null, options.top ?? 3);
  }

  /**
   * All that a title alone decides: its words, its level markers and its family. Years do not
   * change it, so a batch with a years column reads each distinct title once (see decide()).
   */
  readTitle(title: string, family: string | null = null): TitleReading {
    const notes: string[] = [];
    const read = readablePart(title);
    if (read.length < title.length) notes.push(`the title is ${title.length.toLocaleString('en-US')} characters long: only the first ${read.length} are read`);
    const tokens = this.read(tokenize(read));
    const levelReasons: string[] = [];
    const familyReasons: string[] = [];
    const fam = tokens.length === 0 && family === null ? NO_FAMILY : this.pickFamily(selectHits(findHits(tokens, this.lexicon.familyPhrases)), family, familyReasons);
    const markers = tokens.length === 0 ? [] : this.levelHits(tokens, levelReasons);
    const marker = markers.length > 0 ? this.chooseMarker(markers).picked : null;
    return { title, notes, tokens, markers, marker, levelReasons, fam, familyReasons };
  }

  /**
   * The answer for a title read by readTitle(), with these years. With `explain` false, only the
   * match: no reasons and no alternatives (a batch writing CSV shows neither, and builds none).
   */
  decide(reading: TitleReading, years: number | null, top = 3, explain = true): MatchResult {
    const { title, tokens, fam } = reading;
    const result: MatchResult = { query: { title, years }, match: null, alternatives: [], reasons: explain ? [...reading.notes] : [] };
    if (tokens.length === 0 && years === null) {
      if (explain) result.reasons.push('the title is empty');
      return result;
    }
    const levelReasons = explain ? [...reading.levelReasons] : null;
    const lvl = this.pickLevel(reading.markers, years, fam.family !== null, levelReasons);
    const evidence = new Set([...(lvl?.evidence ?? []), ...fam.evidence]);
    if (explain) result.reasons.push(...this.readingReasons(tokens, evidence), ...levelReasons!, ...reading.familyReasons);
    if (lvl === null) {
      if (explain) result.reasons.push('nothing to go on: no known job family, no level marker and no years');
      return result;
    }

    // Each typo read into the answer, and not knowing the family, make it less certain.
    const corrected = [...evidence].filter((i) => tokens[i]?.via?.kind === 'typo').length;
    const f = this.factors;
    const confidence = lvl.confidence * f.typo ** Math.min(corrected, 2) * (fam.family === null ? f.noFamily : 1);
    result.match = { ...buildCard(this.ladder, lvl.level, fam.family), confidence: round(confidence) };
    if (explain) result.alternatives = this.alternatives(lvl, fam, years, confidence, top);
    return result;
  }

  /** Other readings, best first: outranked markers, the years' level, the neighbours, an excluded family. */
  private alternatives(lvl: LevelPick, fam: FamilyPick, years: number | null, confidence: number, top: number): Alternative[] {
    const found = new Map<string, Alternative>();
    const familyId = fam.family?.id ?? null;
    const offer = (level: LevelDef, family: string | null, c: number) => {
      const key = `${level.code}|${family ?? ''}`;
      if ((found.get(key)?.confidence ?? -1) < round(c)) found.set(key, { level: level.code, family, confidence: round(c) });
    };
    for (const other of lvl.others) offer(other, familyId, confidence * 0.6);
    if (years !== null) {
      const byYears = this.levelForYears(years, lvl.level.track);
      if (byYears && byYears !== lvl.level) offer(byYears, familyId, confidence * (lvl.fromYears ? 0.4 : 0.6));
    }
    for (const next of this.neighbours(lvl.level)) offer(next, familyId, confidence * 0.35);
    for (const f of fam.excluded) offer(lvl.level, f.id, confidence * 0.5);
    found.delete(`${lvl.level.code}|${familyId ?? ''}`);
    return [...found.values()]
      .sort((a, b) => b.confidence - a.confidence || this.order(a.level) - this.order(b.level))
      .slice(0, Math.max(0, Math.min(MAX_TOP, top)));
  }

  /** Expands aliases and corrects typos, remembering how each token was read. */
  private read(raw: Token[]): WorkToken[] {
    const out: WorkToken[] = [];
    for (const [origin, t] of raw.entries()) {
      const alias = t.kind === 'word' ? this.lexicon.aliases.get(t.text) : undefined;
      if (alias) {
        alias.words.forEach((w, i) => {
          const token: WorkToken = { text: w, kind: 'word', seg: t.seg, raw: t.raw, via: { kind: 'alias', from: t.raw, origin } };
          if (i === 0 && t.joinedBy !== undefined) token.joinedBy = t.joinedBy;
          out.push(token);
        });
        continue;
      }
      const fixed = t.kind === 'word' && !this.lexicon.knownWords.has(t.text) ? this.typos.correct(t.text) : null;
      // A real English word is a typo only one edit away, where the correction completes a phrase.
      const accepted =
        fixed !== null && (!this.typos.isRealWord(t.text) || (editDistance(t.text, fixed, 1) <= 1 && this.completesPhrase(raw, origin, fixed)));
      out.push(accepted ? { ...t, text: fixed, via: { kind: 'typo', from: t.raw, origin } } : t);
    }
    return out;
  }

  /**
   * Whether `word`, read at `at` instead of a real English word, completes a ladder phrase of two
   * words or more with the title's other words ("Machine Leaning Engineer"): a real word is read as
   * a typo only then ("Targeting", "Mechanical" and "Sensor" stay themselves).
   */
  private completesPhrase(tokens: Token[], at: number, word: string): boolean {
    const trial = tokens.map((t, i) => (i === at ? { ...t, text: word } : t));
    const uses = (h: Hit) => h.phrase.literalCount >= 2 && h.used.includes(at);
    return findHits(trial, this.lexicon.familyPhrases).some(uses) || findHits(trial, this.lexicon.levelPhrases).some(uses);
  }

  private levelHits(tokens: WorkToken[], reasons: string[]): Hit[] {
    const hits = findHits(tokens, this.lexicon.levelPhrases).filter((hit) => {
      const p = hit.phrase;
      // A leading marker opens a part of the title and comes before a role: "Associate ML", not "Associate".
      if (p.leading && ((hit.start > 0 && tokens[hit.start - 1]!.seg === tokens[hit.start]!.seg) || hit.used.at(-1) === tokens.length - 1)) return false;
      if (!p.numeral || hit.used.length > 1) return true;
      const why = this.notANumeral(tokens, hit.start);
      if (why) reasons.push(`${quote(tokens[hit.start]!.raw)} ${why}, not a level`);
      return why === null;
    });
    const chosen = selectHits(hits);
    for (const role of chosen.filter((h) => h.phrase.kind === 'role')) {
      const shadowed = hits.find((h) => h.phrase.kind === 'marker' && h.used.some((i) => role.used.includes(i)));
      if (shadowed) {
        const inside = shadowed.used.filter((i) => role.used.includes(i));
        reasons.push(`${quote(this.said(tokens, inside))} is part of the role ${quote(role.phrase.text)}, not a level marker`);
      }
    }
    return chosen.filter((h) => h.phrase.kind === 'marker');
  }

  private notANumeral(tokens: WorkToken[], at: number): string | null {
    if (at === 0) return 'opens the title';
    // "(3 in-office/2 remote)", "2 openings": a number that opens a part and goes on counts it.
    const next = tokens[at + 1];
    if (tokens[at - 1]!.seg !== tokens[at]!.seg && next && next.seg === tokens[at]!.seg) return 'opens a part of the title and counts what follows';
    const before = tokens[at - 1]!;
    const after = tokens[at + 1];
    if (this.countBefore.has(before.text)) return `follows ${quote(before.raw)}: a count or a name`;
    if (after && after.seg === tokens[at]!.seg && this.countAfter.has(after.text)) return `comes before ${quote(after.raw)}: a quantity`;
    return null;
  }

  /**
   * The family follows the role a title names, not its topic. The first family role decides: a
   * family's own role gives that family, unless a family that claims the role has a topic in the
   * title ("Software Engineer, Machine Learning"); a shared head noun ("engineer") needs such a
   * topic; a title naming only roles of no family ("Business Analyst, Data") gets none. With no role
   * at all (a manager, a director, "Machine Learning II"), the family's topic decides: a specific one
   * before a broad one, the longest, then the first. A second role's family is an alternative.
   */
  private pickFamily(hits: Hit[], forced: string | null, reasons: string[]): FamilyPick {
    if (forced !== null) {
      const family = findFamily(this.ladder, forced) ?? null;
      if (family) reasons.push(`family ${family.id} (${family.name}) given with --family`);
      return { ...NO_FAMILY, family };
    }
    const vetoed = new Set(hits.filter((h) => h.phrase.kind === 'exclude').map((h) => h.phrase.family!));
    const topics = hits.filter((h) => h.phrase.kind === 'vocab' && !vetoed.has(h.phrase.family!));
    const topicOf = (families: string[], forClaim = true) =>
      topics
        .filter((h) => families.includes(h.phrase.family!) && (forClaim || !h.phrase.claimOnly))
        .reduce<Hit | null>((best, h) => (best === null || outranks(h, best) ? h : best), null);

    const decided: { family: string; job: Hit | null; topic: Hit | null }[] = [];
    const jobs = hits.filter((h) => h.phrase.kind === 'job');
    for (const job of jobs) {
      const p = job.phrase;
      const claim = p.claimedBy ? topicOf(p.claimedBy.filter((f) => f !== p.family)) : null;
      // A family may take the role over with another family's topic: research science takes "Scientist, ML".
      let lent: { family: string; topic: Hit } | null = null;
      for (const b of claim ? [] : (p.borrowed ?? [])) {
        const topic = b.family === p.family ? null : topicOf([b.topicsOf]);
        if (topic) {
          lent = { family: b.family, topic };
          break;
        }
      }
      if (p.other && !claim && !lent) continue;
      const family = claim ? claim.phrase.family! : lent ? lent.family : p.family && !vetoed.has(p.family) ? p.family : null;
      if (family !== null && !decided.some((d) => d.family === family)) decided.push({ family, job, topic: claim ?? lent?.topic ?? null });
    }
    // A role of no family ("business analyst", "sales") leaves a title without one, unless it also
    // names a family's role ("Marketing Data Analyst"): topics alone do not outweigh it.
    const other = decided.length === 0 ? jobs.find((h) => h.phrase.other) : undefined;
    if (other) {
      reasons.push(`no job family: ${quote(other.phrase.text)} is a role of none of the ladder's families`);
      return NO_FAMILY;
    }
    if (decided.length === 0 && jobs.length === 0) {
      const topic = topicOf(this.ladder.families.map((f) => f.id), false);
      if (topic) decided.push({ family: topic.phrase.family!, job: null, topic });
    }
    if (decided.length === 0) {
      const job = jobs[0];
      reasons.push(job ? `no job family: ${quote(job.phrase.text)}, with no topic to say of what` : 'no known job family in the title');
      return NO_FAMILY;
    }
    const [first, ...others] = decided.map((d) => ({ ...d, def: findFamily(this.ladder, d.family)! }));
    const from = first!.job
      ? `the role ${quote(first!.job.phrase.text)}${first!.topic ? ` and the topic ${quote(first!.topic.phrase.text)}` : ''}`
      : `the topic ${quote(first!.topic!.phrase.text)}`;
    reasons.push(`family ${first!.def.id} (${first!.def.name}) from ${from}`);
    for (const o of others) reasons.push(`also names ${o.job ? `the role ${quote(o.job.phrase.text)}` : 'a role'} of ${o.def.id}: an alternative`);
    return {
      family: first!.def,
      evidence: [...(first!.job?.used ?? []), ...(first!.topic?.used ?? [])],
      excluded: others.map((o) => o.def),
    };
  }

  private pickLevel(markers: Hit[], years: number | null, knownFamily: boolean, reasons: string[] | null): LevelPick | null {
    const level = (h: Hit) => this.levels.get(h.phrase.level!)!;
    if (markers.length > 0) {
      const { chosen, picked, topPriority } = this.chooseMarker(markers);
      let confidence = chosen.phrase.numeral ? this.factors.numeral : this.factors.word;
      reasons?.push(`marker ${quote(chosen.phrase.text)} → ${picked.code} ${picked.name}`);
      const others: LevelDef[] = [];
      for (const h of markers) {
        if (h === chosen || level(h) === picked) continue;
        others.push(level(h));
        const what = reasons && `${quote(h.phrase.text)} (${level(h).code})`;
        if (this.priority(level(h)) < topPriority) {
          reasons?.push(`the ${picked.track} marker ${quote(chosen.phrase.text)} outranks ${what}`);
          confidence *= this.factors.outrankedTrack;
        } else if (h.phrase.numeral && !chosen.phrase.numeral) {
          reasons?.push(`the word marker ${quote(chosen.phrase.text)} outranks the numeral ${what}`);
          confidence *= this.factors.outrankedNumeral;
        } else {
          reasons?.push(`also read ${what}; the higher level wins`);
          confidence *= this.factors.conflictingMarkers;
        }
      }
      if (years !== null) confidence *= this.yearsFit(picked, years, reasons);
      return { level: picked, confidence, evidence: markers.flatMap((h) => h.used), others, fromYears: false };
    }
    if (years !== null) {
      const picked = this.levelForYears(years, this.ladder.defaultTrack);
      if (!picked) return null;
      reasons?.push(`no level marker; ${yearsText(years)} ${years === 1 ? 'falls' : 'fall'} in ${picked.code}'s band (${bandText(yearsBand(picked))})`);
      return { level: picked, confidence: this.factors.years, evidence: [], others: [], fromYears: true };
    }
    if (!knownFamily) return null;
    const picked = findLevel(this.ladder, this.ladder.defaultLevel)!;
    reasons?.push(`no level marker and no years: ${picked.code} is the default for a title of a known family`);
    return { level: picked, confidence: this.factors.default, evidence: [], others: [], fromYears: false };
  }

  /** The marker that decides: the highest-priority track, words before numerals, then the higher level. */
  private chooseMarker(markers: Hit[]): { chosen: Hit; picked: LevelDef; topPriority: number } {
    const level = (h: Hit) => this.levels.get(h.phrase.level!)!;
    const topPriority = Math.max(...markers.map((h) => this.priority(level(h))));
    const onTop = markers.filter((h) => this.priority(level(h)) === topPriority);
    const words = onTop.filter((h) => !h.phrase.numeral);
    const pool = words.length > 0 ? words : onTop;
    const chosen = pool.reduce((a, b) => (this.order(level(b).code) > this.order(level(a).code) ? b : a));
    return { chosen, picked: level(chosen), topPriority };
  }

  /** How much years outside a marker's band lower the confidence: 1 inside it. */
  private fitFactor(level: LevelDef, years: number): number {
    const band = this.bands.get(level)!;
    if (inBand(band, years)) return 1;
    const d = bandDistance(band, years);
    return d <= 1 ? this.factors.yearsNear : d <= 3 ? this.factors.yearsOff : this.factors.yearsFar;
  }

  private yearsFit(level: LevelDef, years: number, reasons: string[] | null): number {
    const band = this.bands.get(level)!;
    const factor = this.fitFactor(level, years);
    if (factor === 1) reasons?.push(`${yearsText(years)} ${years === 1 ? 'fits' : 'fit'} ${level.code}'s band (${bandText(band)})`);
    else reasons?.push(`${yearsText(years)} ${years === 1 ? 'is' : 'are'} outside ${level.code}'s band (${bandText(band)}); the marker wins, with lower confidence`);
    return factor;
  }

  /**
   * Equal for two years values exactly when decide() gives them the same level, family and
   * confidence (their reasons and alternatives, which quote the years, may differ): a batch that
   * writes neither answers a title once per key instead of once per years value.
   */
  yearsKey(reading: Pick<TitleReading, 'marker'>, years: number | null): number {
    if (years === null) return -1;
    if (reading.marker !== null) return this.fitFactor(reading.marker, years);
    const level = this.levelForYears(years, this.ladder.defaultTrack);
    return level === undefined ? -2 : 10 + this.levelIndex.get(level.code)!;
  }

  /**
   * Years that stand for each yearsKey() a title can have, with that key: the answer for any years
   * is decide() at the stand-in of its key (less its reasons and alternatives). A batch answers a
   * title for every key at once and keeps the answers, not the reading.
   */
  standInYears(reading: Pick<TitleReading, 'marker'>): [key: number, years: number][] {
    const candidates: number[] = [];
    if (reading.marker !== null) {
      // Inside the band, and 0.5, 2 and 4 years either side of it: each fit factor's distances.
      const { min, max } = this.bands.get(reading.marker)!;
      for (const d of [0.5, 2, 4]) candidates.push(min - d, ...(max === null ? [] : [max + d]));
      candidates.push(min);
    } else {
      for (const level of this.ladder.levels) if (level.track === this.ladder.defaultTrack) candidates.push(this.bands.get(level)!.min);
    }
    const found = new Map<number, number>();
    for (const years of candidates) {
      if (years < 0 || years > MAX_YEARS) continue;
      const key = this.yearsKey(reading, years);
      if (!found.has(key)) found.set(key, years);
    }
    return [...found];
  }

  /** The level of `track` whose band holds `years`, else the one nearest to it. */
  levelForYears(years: number, track: string): LevelDef | undefined {
    let best: LevelDef | undefined;
    let bestDistance = Infinity;
    for (const level of this.ladder.levels) {
      if (level.track !== track) continue;
      const band = this.bands.get(level)!;
      const d = inBand(band, years) ? -1 : bandDistance(band, years);
      if (d < bestDistance) {
        best = level;
        bestDistance = d;
      }
    }
    return best;
  }

  private neighbours(level: LevelDef): LevelDef[] {
    const same = this.ladder.levels.filter((l) => l.track === level.track);
    const i = same.indexOf(level);
    return [same[i - 1], same[i + 1]].filter((l): l is LevelDef => l !== undefined);
  }

  /** How aliases and typos were read, for the words the answer rests on. */
  private readingReasons(tokens: WorkToken[], used: Set<number>): string[] {
    const reasons: string[] = [];
    const seen = new Set<number>();
    for (const i of [...used].sort((a, b) => a - b)) {
      const via = tokens[i]?.via;
      if (!via || seen.has(via.origin)) continue;
      seen.add(via.origin);
      const to = tokens.filter((t) => t.via?.origin === via.origin).map((t) => t.text).join(' ');
      reasons.push(`read ${quote(via.from)} as ${quote(to)}${via.kind === 'typo' ? ' (typo)' : ''}`);
    }
    return [...new Set(reasons)];
  }

  private said(tokens: WorkToken[], used: number[]): string {
    return used.map((i) => tokens[i]!.raw).filter((r, k, all) => k === 0 || r !== all[k - 1]).join(' ');
  }

  private priority(level: LevelDef): number {
    return this.trackPriority.get(level.track) ?? 0;
  }

  private order(code: string): number {
    return this.levelIndex.get(code) ?? -1;
  }
}

/** A matcher with its fuzzy finder (fuse.js, loaded here once); with `isWord`, its dictionary too (see src/io/matcher.ts). */
export async function createMatcher(ladder: Ladder, lexicon?: LexiconData, isWord?: (word: string) => boolean): Promise<Matcher> {
  const { fuseFinder } = await import('./fuzzy.js');
  const matcher = new Matcher(ladder, lexicon).useFuzzy(fuseFinder);
  return isWord ? matcher.useDictionary(isWord) : matcher;
}
