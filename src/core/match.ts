// The matcher: a title (and optional years) in, a level, a family, a confidence and the reasons out.
//   tokenize -> expand aliases -> correct typos -> find the ladder's phrases -> pick the family
//   -> pick the level (markers, else years, else the default) -> confidence, alternatives, reasons.
import { bandDistance, bandText, buildCard, findFamily, findLevel, inBand, occupationCard, yearsBand } from './cards.js';
import { compileLexicon, indexLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import { tokenize, type Token } from './normalize.js';
import { classifyOccupation, familyChoice, occupationPartsKey, occupationWords, type OccupationModel, type OccupationWord } from './occupation.js';
import type { Occupation } from './occupations.js';
import { marketPay, type MarketPay, type PayTable } from './pay.js';
import type { OverrideEntry, OverrideTable } from './overrides.js';
import { MAX_YEARS } from './years.js';
import { isOnetCode } from './soc.js';
import { findHits, selectHits, type Hit } from './phrases.js';
import { editDistance, TypoCorrector, type FuzzyFinder } from './typos.js';
import type { Alternative, FamilyDef, Ladder, LevelDef, MatchOptions, MatchResult, OccupationRef, TrackDef, YearsBand } from './types.js';

/** The O*NET data the occupation stage reads, loaded on first use (see src/io/occupations.ts). */
export interface OccupationLookup {
  model(): OccupationModel;
  /** By O*NET-SOC code (29-1141.00), or by 6-digit SOC code (29-1141). */
  get(code: string): Occupation | undefined;
  /** A family title's occupation worked out ahead (by family id and occupationPartsKey of its words); '' for none. */
  familyOccupation?(family: string, key: string): string | undefined;
}

/** The occupation of a title, with how sure it is and the runners-up. */
interface OccupationPick {
  ref: OccupationRef;
  /** The O*NET record (onet only): the card's content. */
  record: Occupation | null;
  /** The winner's probability by the model; 1 for a family's occupation. */
  share: number;
  others: { code: string; title: string; share: number }[];
}

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
  /** The family's occupation, or the O*NET occupation the title's words point to. */
  occupation: OccupationPick | null;
  /** Written only when asked for (a batch writing CSV never is). */
  occupationReasons: (() => string)[];
  /** The track the title's level is read on: the default, or its occupation's (by Job Zone). */
  track: string;
  /** The ladder owner's pin for this title (overrides.yaml): it wins over everything. */
  override: OverrideEntry | null;
}

/** An O*NET occupation as a title's occupation. */

/** An occupation of SOC major group 11, Management Occupations. */
const isManagement = (code: string) => code.startsWith('11-');

const onetPick = (record: Occupation, share: number, others: OccupationPick['others']): OccupationPick => ({
  ref: { code: record.code, title: record.title, source: 'onet', jobZone: record.jobZone, education: record.education },
  record,
  share,
  others,
});

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
  private readonly tracks = new Map<string, TrackDef>();
  /** One-word markers of tracks that do not name a role ("senior", "associate"): alone, they name no occupation. */
  private readonly rankWords = new Set<string>();
  private occupations: OccupationLookup | null = null;
  private overrides: OverrideTable | null = null;
  private pay: { table: () => PayTable; region: string; memo: Map<string, MarketPay> } | null = null;

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
    for (const t of ladder.tracks) {
      this.trackPriority.set(t.id, t.priority);
      this.tracks.set(t.id, t);
    }
    for (const p of lexicon.phrases) {
      const level = p.kind === 'marker' ? this.levels.get(p.level!) : undefined;
      if (level && !this.tracks.get(level.track)?.namesRole && p.parts.length === 1 && p.parts[0]!.length === 1) this.rankWords.add(p.parts[0]![0]!);
    }
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

  /** Lets the matcher name the O*NET occupation of a title of no family; src/io/occupations.ts loads it. */
  useOccupations(lookup: OccupationLookup): this {
    this.occupations = lookup;
    return this;
  }

  /** Titles the ladder owner pins (overrides.yaml, read by src/io/overrides.ts), by overrideKey(). */
  useOverrides(table: OverrideTable | null): this {
    this.overrides = table;
    return this;
  }

  /** Lets the matcher say what a level pays in `region` (a country code: US, GB…); src/io/pay.ts loads the table. */
  usePay(table: () => PayTable, region = 'US'): this {
    this.pay = { table, region: region.toUpperCase(), memo: new Map() };
    return this;
  }

  /** A card's pay, worked out once per family, level and occupation (a batch asks for a few hundred). Treat as read-only. */
  private payOf(family: string | null, level: string, soc: string | null): MarketPay {
    const pay = this.pay!;
    const key = `${family ?? ''}|${level}|${soc ?? ''}`;
    let found = pay.memo.get(key);
    if (found === undefined) {
      if (pay.memo.size >= 10_000) pay.memo.clear();
      found = marketPay(pay.table(), family, level, soc, pay.region);
      pay.memo.set(key, found);
    }
    return found;
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
    const raw = tokenize(read);
    const tokens = this.read(raw);
    const levelReasons: string[] = [];
    const familyReasons: string[] = [];
    const override = this.overrides?.find(read, raw.map((t) => t.text).join(' ')) ?? null;
    // An override's family is the title's, whatever its words say.
    const forced = override?.family ?? family;
    let fam = tokens.length === 0 && forced === null ? NO_FAMILY : this.pickFamily(selectHits(findHits(tokens, this.lexicon.familyPhrases)), forced, familyReasons);
    if (override?.family) {
      familyReasons.length = 0;
      fam = { ...fam, excluded: [] };
    }
    const { markers, roleTokens } = tokens.length === 0 ? { markers: [], roleTokens: new Set<number>() } : this.levelHits(tokens, levelReasons);
    const occupationReasons: (() => string)[] = [];
    const occupation = override?.occupation ? this.occupationByCode(override.occupation) : this.pickOccupation(tokens, markers, roleTokens, fam.family, occupationReasons);
    if (override) {
      const level = findLevel(this.ladder, override.level)!;
      return { title, notes, tokens, markers: [], marker: level, levelReasons: [], fam, familyReasons, occupation, occupationReasons, track: level.track, override };
    }
    const track = this.trackOf(fam.family, occupation);
    const marker = markers.length > 0 ? this.onTrack(this.chooseMarker(markers).picked, track) : null;
    return { title, notes, tokens, markers, marker, levelReasons, fam, familyReasons, occupation, occupationReasons, track, override: null };
  }

  /** The O*NET occupation an override names, by its code (29-1141.00) or its 6-digit SOC code (29-1141). */
  private occupationByCode(code: string): OccupationPick | null {
    const record = this.occupations?.get(code);
    return record ? onetPick(record, 1, []) : null;
  }

  /**
   * A family's title has the family's occupation. Any other title, the O*NET occupation its words
   * point to: the words left once the level markers are set aside ("Senior", "II"; a manager's or a
   * supervisor's marker names the role and stays), read against the titles O*NET and U.S. filings
   * give each occupation.
   */
  private pickOccupation(tokens: WorkToken[], markers: Hit[], roleTokens: Set<number>, family: FamilyDef | null, reasons: (() => string)[]): OccupationPick | null {
    if (family !== null) return this.familyOccupation(family, tokens, markers, roleTokens, reasons);
    if (this.occupations === null || tokens.length === 0) return null;
    const guess = classifyOccupation(this.occupations.model(), this.wordsOfOccupation(tokens, markers, roleTokens));
    const record = guess ? this.occupations.get(guess.code) : undefined;
    if (!guess || !record) {
      reasons.push(() => 'no occupation: none of its words names one');
      return null;
    }
    const others = guess.others.flatMap((o) => {
      const r = this.occupations!.get(o.code);
      return r ? [{ code: r.code, title: r.title, share: o.share }] : [];
    });
    reasons.push(() =>
      guess.via === 'title'
        ? `occupation ${record.code} ${record.title} (O*NET) from the title ${quote(guess.evidence)} read whole: the occupation ${Math.round(guess.share * 100)}% of the titles read so are filed under`
        : `occupation ${record.code} ${record.title} (O*NET) from the words ${quote(guess.evidence)}, weighing most for it (${Math.round(guess.share * 100)}% likely)`,
    );
    if (others.length > 0) reasons.push(() => `runners-up: ${others.map((o) => `${o.code} ${o.title} (${Math.round(o.share * 100)}%)`).join(', ')}`);
    return onetPick(record, guess.share, others);
  }

  /**
   * A family's occupation: its soc, or one of the other occupations the family's titles are filed
   * under, the one the title's words score highest ("QA Engineer": testers, not developers); or
   * another the words make more likely than not ("Research Scientist" with the medical scientists).
   */
  private familyOccupation(family: FamilyDef, tokens: WorkToken[], markers: Hit[], roleTokens: Set<number>, reasons: (() => string)[]): OccupationPick | null {
    // A management occupation (SOC major group 11) is a manager's: a title takes one, other than its
    // family's own, only with a manager's marker ("ML Manager", not "Junior ML").
    const manages = markers.some((h) => this.tracks.get(this.levels.get(h.phrase.level!)!.track)?.namesRole);
    const allowed = (code: string) => manages || !isManagement(code);
    // The family's own occupation first: its soc when that is an O*NET occupation (15-1252.00), not a
    // group of them (15-0000); else the first of its other occupations.
    const soc = family.soc ? [{ code: family.soc.code, title: family.soc.title }] : [];
    const own = soc.filter((o) => isOnetCode(o.code));
    const listed = [...own, ...family.occupations.filter((o) => allowed(o.code))];
    const options = listed.length > 0 ? listed : soc;
    if (options.length === 0) return null;
    let chosen = options[0]!;
    if (this.occupations !== null) {
      const words = this.wordsOfOccupation(tokens, markers, roleTokens);
      // Common family titles were worked out by the build: a cold `match` then reads no word table.
      const ahead = this.occupations.familyOccupation?.(family.id, occupationPartsKey(words));
      const best = ahead !== undefined ? ahead || null : familyChoice(this.occupations.model(), words, options.map((o) => o.code), allowed);
      const found = best === null ? undefined : options.find((o) => o.code === best);
      const outside = best !== null && !found ? this.occupations.get(best) : undefined;
      if (outside) {
        reasons.push(() => `occupation ${outside.code} ${outside.title} (O*NET), not one of ${family.id}'s: the title's words point to it`);
        return { ref: onetPick(outside, 1, []).ref, record: null, share: 1, others: [] };
      }
      if (found) {
        chosen = found;
        if (chosen !== options[0]) reasons.push(() => `occupation ${found.code} ${found.title}, of those of ${family.id}, from the title's words`);
      }
    }
    return { ref: { code: chosen.code, title: chosen.title, source: 'family' }, record: null, share: 1, others: [] };
  }

  /** The words of a title that name its occupation: not its rank ("Senior", "II", "Associate"). */
  private wordsOfOccupation(tokens: WorkToken[], markers: Hit[], roleTokens: Set<number>): OccupationWord[] {
    const skip = new Set<number>();
    for (const h of markers) if (!this.tracks.get(this.levels.get(h.phrase.level!)!.track)?.namesRole) for (const i of h.used) skip.add(i);
    const words = occupationWords(tokens, skip);
    // A title of rank words alone ("Associate", "Senior Staff") names a rank, not an occupation.
    return roleTokens.size === 0 && words.every((w) => this.rankWords.has(w.text)) ? [] : words;
  }

  /** The words the occupation stage reads in `title`; scripts/build-occupations.mjs trains on them. */
  occupationWordsOf(title: string): OccupationWord[] {
    const tokens = this.read(tokenize(readablePart(title)));
    const { markers, roleTokens } = this.levelHits(tokens, []);
    return this.wordsOfOccupation(tokens, markers, roleTokens);
  }

  /** A family's title is on the default track; an occupation's, on its Job Zone's track. */
  private trackOf(family: FamilyDef | null, occupation: OccupationPick | null): string {
    const zone = family === null ? occupation?.ref.jobZone : undefined;
    const track = zone === null || zone === undefined ? undefined : this.ladder.occupationTracks[String(zone)];
    return track !== undefined && this.tracks.has(track) ? track : this.ladder.defaultTrack;
  }

  /** A marker's level read on `track`: "Senior" is P3, and S3 on a track that reads P3 as S3. */
  private onTrack(level: LevelDef, track: string): LevelDef {
    if (level.track === track) return level;
    const mapped = this.tracks.get(track)?.readsMarkers[level.code];
    return (mapped !== undefined && findLevel(this.ladder, mapped)) || level;
  }

  /**
   * The answer for a title read by readTitle(), with these years. With `explain` false, only the
   * match: no reasons and no alternatives (a batch writing CSV shows neither, and builds none).
   */
  decide(reading: TitleReading, years: number | null, top = 3, explain = true): MatchResult {
    const { title, tokens, fam, occupation } = reading;
    const result: MatchResult = { query: { title, years }, match: null, alternatives: [], reasons: explain ? [...reading.notes] : [] };
    if (tokens.length === 0 && years === null) {
      if (explain) result.reasons.push('the title is empty');
      return result;
    }
    const levelReasons = explain ? [...reading.levelReasons] : null;
    const { override } = reading;
    if (override) levelReasons?.push(`override: ${quote(override.title)} is ${override.level}${override.family ? ` in ${override.family}` : ''} (overrides.yaml, line ${override.line})`);
    const lvl: LevelPick | null = override
      ? { level: reading.marker!, confidence: 1, evidence: [], others: [], fromYears: false }
      : this.pickLevel(reading, years, levelReasons);
    const evidence = new Set([...(lvl?.evidence ?? []), ...fam.evidence]);
    if (explain) result.reasons.push(...this.readingReasons(tokens, evidence), ...levelReasons!, ...reading.familyReasons, ...reading.occupationReasons.map((why) => why()));
    if (lvl === null) {
      if (explain) result.reasons.push('nothing to go on: no known job family or occupation, no level marker and no years');
      return result;
    }

    // Each typo read into the answer, and not knowing the family, make it less certain.
    const corrected = [...evidence].filter((i) => tokens[i]?.via?.kind === 'typo').length;
    const f = this.factors;
    // An O*NET occupation is as sure as its vote; no family and no occupation, less sure still.
    const known = fam.family !== null ? 1 : occupation?.record ? 0.5 + 0.5 * occupation.share : f.noFamily;
    // An override keeps confidence 1: the ladder's owner said so.
    const confidence = override ? 1 : lvl.confidence * f.typo ** Math.min(corrected, 2) * known;
    const card = occupation?.record && fam.family === null ? occupationCard(lvl.level, occupation.record) : buildCard(this.ladder, lvl.level, fam.family);
    const soc = occupation?.ref.code ?? card.soc?.code ?? null;
    const pay = this.pay && this.payOf(fam.family?.id ?? null, lvl.level.code, soc);
    // The card is this answer's own: completed in place, not copied (a batch builds one per distinct title).
    result.match = Object.assign(card, { marketPay: pay, confidence: round(confidence), occupation: occupation?.ref ?? null });
    if (explain && !override) result.alternatives = this.alternatives(lvl, fam, occupation, reading.track, years, confidence, top);
    return result;
  }

  /** Other readings, best first: outranked markers, the years' level, the neighbours, an excluded family. */
  private alternatives(lvl: LevelPick, fam: FamilyPick, occupation: OccupationPick | null, track: string, years: number | null, confidence: number, top: number): Alternative[] {
    const found = new Map<string, Alternative>();
    const familyId = fam.family?.id ?? null;
    const offer = (level: LevelDef, family: string | null, c: number, other?: { code: string; title: string }) => {
      const key = `${level.code}|${family ?? ''}|${other?.code ?? ''}`;
      if ((found.get(key)?.confidence ?? -1) < round(c)) found.set(key, { level: level.code, family, confidence: round(c), ...(other ? { occupation: other } : {}) });
    };
    for (const other of lvl.others) offer(this.onTrack(other, track), familyId, confidence * 0.6);
    if (years !== null) {
      const byYears = this.levelForYears(years, lvl.level.track);
      if (byYears && byYears !== lvl.level) offer(byYears, familyId, confidence * (lvl.fromYears ? 0.4 : 0.6));
    }
    for (const next of this.neighbours(lvl.level)) offer(next, familyId, confidence * 0.35);
    for (const f of fam.excluded) offer(lvl.level, f.id, confidence * 0.5);
    // Another occupation the words may name, as sure as its probability against the winner's.
    for (const o of occupation?.others ?? []) offer(lvl.level, null, (confidence * o.share) / occupation!.share, { code: o.code, title: o.title });
    found.delete(`${lvl.level.code}|${familyId ?? ''}|`);
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

  /** The level markers of a title, and the tokens its role nouns take ("Associate Professor"). */
  private levelHits(tokens: WorkToken[], reasons: string[]): { markers: Hit[]; roleTokens: Set<number> } {
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
    const roleTokens = new Set<number>();
    for (const role of chosen.filter((h) => h.phrase.kind === 'role')) {
      for (const i of role.used) roleTokens.add(i);
      const shadowed = hits.find((h) => h.phrase.kind === 'marker' && h.used.some((i) => role.used.includes(i)));
      if (shadowed) {
        const inside = shadowed.used.filter((i) => role.used.includes(i));
        reasons.push(`${quote(this.said(tokens, inside))} is part of the role ${quote(role.phrase.text)}, not a level marker`);
      }
    }
    return { markers: chosen.filter((h) => h.phrase.kind === 'marker'), roleTokens };
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

  private pickLevel(reading: TitleReading, years: number | null, reasons: string[] | null): LevelPick | null {
    const { markers, track } = reading;
    const level = (h: Hit) => this.onTrack(this.levels.get(h.phrase.level!)!, track);
    if (markers.length > 0) {
      const { chosen, topPriority } = this.chooseMarker(markers);
      const picked = reading.marker!;
      let confidence = chosen.phrase.numeral ? this.factors.numeral : this.factors.word;
      const read = picked.track !== this.levels.get(chosen.phrase.level!)!.track ? `, read on the ${picked.track} track` : '';
      reasons?.push(`marker ${quote(chosen.phrase.text)} → ${picked.code} ${picked.name}${read}`);
      const others: LevelDef[] = [];
      for (const h of markers) {
        if (h === chosen || level(h) === picked) continue;
        others.push(level(h));
        const what = reasons && `${quote(h.phrase.text)} (${level(h).code})`;
        if (this.priority(this.levels.get(h.phrase.level!)!) < topPriority) {
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
      const picked = this.levelForYears(years, track);
      if (!picked) return null;
      reasons?.push(`no level marker; ${yearsText(years)} ${years === 1 ? 'falls' : 'fall'} in ${picked.code}'s band (${bandText(yearsBand(picked))})`);
      return { level: picked, confidence: this.factors.years, evidence: [], others: [], fromYears: true };
    }
    if (reading.fam.family === null && !reading.occupation?.record) return null;
    const picked = this.defaultLevel(track);
    const of = reading.fam.family !== null ? 'a title of a known family' : `the ${track} track (O*NET Job Zone ${reading.occupation!.ref.jobZone ?? 'unknown'})`;
    reasons?.push(`no level marker and no years: ${picked.code} is the default for ${of}`);
    return { level: picked, confidence: this.factors.default, evidence: [], others: [], fromYears: false };
  }

  /** The level of a title on `track` with no marker and no years. */
  private defaultLevel(track: string): LevelDef {
    const own = this.tracks.get(track)?.defaultLevel;
    return (own !== undefined && findLevel(this.ladder, own)) || findLevel(this.ladder, this.ladder.defaultLevel)!;
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
  yearsKey(reading: Pick<TitleReading, 'marker' | 'track' | 'override'>, years: number | null): number {
    if (years === null) return -1;
    if (reading.override) return -3;
    if (reading.marker !== null) return this.fitFactor(reading.marker, years);
    const level = this.levelForYears(years, reading.track);
    return level === undefined ? -2 : 10 + this.levelIndex.get(level.code)!;
  }

  /**
   * Years that stand for each yearsKey() a title can have, with that key: the answer for any years
   * is decide() at the stand-in of its key (less its reasons and alternatives). A batch answers a
   * title for every key at once and keeps the answers, not the reading.
   */
  standInYears(reading: Pick<TitleReading, 'marker' | 'track' | 'override'>): [key: number, years: number][] {
    if (reading.override) return [[-3, 0]];
    const candidates: number[] = [];
    if (reading.marker !== null) {
      // Inside the band, and 0.5, 2 and 4 years either side of it: each fit factor's distances.
      const { min, max } = this.bands.get(reading.marker)!;
      for (const d of [0.5, 2, 4]) candidates.push(min - d, ...(max === null ? [] : [max + d]));
      candidates.push(min);
    } else {
      for (const level of this.ladder.levels) if (level.track === reading.track) candidates.push(this.bands.get(level)!.min);
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
