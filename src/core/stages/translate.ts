// Stage 1a, translate: the words of other languages, read as the English words they stand for,
// before anything else reads the title. Three sources, longest phrase first, the ladder's first
// on a tie: the ladder's rank and management words ("Praktikant" -> intern, "Jefe de" -> head of),
// the families' roles ("Softwareentwickler" -> software developer, "Analista de Sistemas" ->
// software developer) and ESCO's occupation labels in eleven languages ("Kellner" -> waiter,
// "Magazijnmedewerker" -> warehouse worker). A German or Dutch compound no source has whole is
// split where a known word ends it ("Lagerleiter" = Lager + leiter). The rest of the pipeline
// reads English; the reasons say which words of which language were read so.
import type { Token } from '../normalize.js';
import type { Translation } from '../lexicon.js';
import type { LadderIndex, WorkToken } from './context.js';

/** ESCO's occupation labels, by their first word (src/io/languages.ts). */
export interface LabelLookup {
  get(word: string): readonly Translation[] | undefined;
}

export interface Translated {
  tokens: WorkToken[];
  /** The language the translated words are of (ISO 639-1), or null when none was translated. */
  language: string | null;
}

/** Compounds are split only in words this long, into a head of at least COMPOUND_HEAD letters. */
const COMPOUND_MIN = 8;
const COMPOUND_HEAD = 6;
/** The languages whose words compound ("Lagerarbeiter", "magazijnmedewerker"): a head is one of their words. */
const COMPOUNDING = ['de', 'nl'];
/** A word shorter than this starts no ESCO label: "IT", "PT", "EE" are English abbreviations. */
const LABEL_START = 3;

/** The title's tokens with the words of other languages read as English. */
export function translate(ix: LadderIndex, labels: LabelLookup | null, raw: Token[], isEnglish: (word: string) => boolean): Translated {
  const own = ix.lexicon.translations;
  if (own.size === 0 && labels === null) return { tokens: raw, language: null };
  const first = translateWith(ix, labels, raw, isEnglish, null);
  // In a title whose words are of another language, read again knowing it: its phrases of English
  // words are its own ("Stage" is an Italian internship, "Semi Senior" Spanish mid-level), and a
  // compound whose first part is unknown ("Heimleitung") is split in a compounding language.
  return first.language === null ? first : translateWith(ix, labels, raw, isEnglish, first.language);
}

/** What one place of a title is read as: its English words, how many tokens they stand for, and the phrases used. */
interface Reading {
  to: string[];
  span: number;
  languages: string[];
  used: Translation[];
}

/** The title read once; `language`, the title's language as a first reading found it (null on that first reading). */
function translateWith(ix: LadderIndex, labels: LabelLookup | null, raw: Token[], isEnglish: (word: string) => boolean, language: string | null): Translated {
  let out: WorkToken[] | null = null;
  const used: Translation[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const read = t.kind === 'word' ? readAt(ix, labels, raw, i, isEnglish, language) : null;
    if (read === null) {
      out?.push(t);
      continue;
    }
    out ??= raw.slice(0, i);
    const via = { kind: 'translation' as const, from: raw.slice(i, i + read.span).map((x) => x.raw).join(' '), origin: out.length, languages: read.languages };
    read.to.forEach((w, k) => {
      const token: WorkToken = { text: w, kind: 'word', seg: t.seg, raw: t.raw, via };
      if (k === 0 && t.joinedBy !== undefined) token.joinedBy = t.joinedBy;
      out!.push(token);
    });
    used.push(...read.used);
    i += read.span - 1;
  }
  return out === null ? { tokens: raw, language: null } : { tokens: out, language: languageOf(used, ix) };
}

/** The phrase that starts at `at`, else the compound the word there is; null when neither. */
function readAt(ix: LadderIndex, labels: LabelLookup | null, raw: Token[], at: number, isEnglish: (word: string) => boolean, language: string | null): Reading | null {
  const found = longest(ix, labels, raw, at, isEnglish, language);
  if (found) return { to: found.to, span: found.words.length, languages: found.languages, used: [found] };
  const split = compoundOf(ix, labels, raw[at]!.text, isEnglish, language !== null && COMPOUNDING.includes(language));
  return split && { to: split.words, span: 1, languages: split.languages, used: split.used };
}

/** The longest phrase of the ladder's, the families' or ESCO's that starts at `at`; the ladder's first on a tie. */
function longest(ix: LadderIndex, labels: LabelLookup | null, raw: Token[], at: number, isEnglish: (word: string) => boolean, language: string | null): Translation | null {
  const word = raw[at]!.text;
  let best: Translation | null = null;
  for (const t of ix.lexicon.translations.get(word) ?? []) {
    // A phrase of English words alone ("director general") is read as English, but in a title of its language.
    if (fits(t, raw, at) && (!t.words.every(isEnglish) || (language !== null && t.languages.includes(language)))) {
      best = t;
      break;
    }
  }
  // ESCO's labels of one word are read only from a word that is not English (nor the ladder's); from an
  // English word ("Conductor de camión"), only labels of more words, one of them not English (the
  // build keeps no label of English words alone): an English title's words read as themselves.
  if (labels === null || word.length < LABEL_START) return best;
  const english = isOurs(ix, isEnglish, word);
  if (english && !foreignAfter(ix, raw, at, isEnglish)) return best;
  const list = labels.get(word);
  if (list === undefined) return best;
  // Longest first: the first that fits wins, if it is longer than the ladder's.
  for (const label of list) {
    if ((!english || label.words.length > 1) && fits(label, raw, at)) return best === null || label.words.length > best.words.length ? label : best;
  }
  return best;
}

/** Whether a word is the ladder's or English. */
const isOurs = (ix: LadderIndex, isEnglish: (word: string) => boolean, word: string) => ix.lexicon.knownWords.has(word) || isEnglish(word);

/** Whether a word after `at`, in its part of the title, is not English: only then can a label from an English word fit. */
function foreignAfter(ix: LadderIndex, raw: Token[], at: number, isEnglish: (word: string) => boolean): boolean {
  const seg = raw[at]!.seg;
  for (let k = at + 1; k < raw.length && raw[k]!.seg === seg; k++) if (raw[k]!.kind === 'word' && !isOurs(ix, isEnglish, raw[k]!.text)) return true;
  return false;
}

/** Whether the phrase's words are the title's from `at` on, within one part of it. */
function fits(t: Translation, raw: Token[], at: number): boolean {
  if (at + t.words.length > raw.length) return false;
  const seg = raw[at]!.seg;
  for (let k = 1; k < t.words.length; k++) {
    const x = raw[at + k]!;
    if (x.seg !== seg || x.kind !== 'word' || x.text !== t.words[k]) return false;
  }
  return true;
}

/** A single word's translation in a language that compounds, from any source: for the parts of a compound. */
function single(ix: LadderIndex, labels: LabelLookup | null, word: string): Translation | null {
  const whole = (list: readonly Translation[] | undefined) => list?.find((t) => t.words.length === 1 && t.languages.some((l) => COMPOUNDING.includes(l))) ?? null;
  return whole(ix.lexicon.translations.get(word)) ?? (labels ? whole(labels.get(word)) : null);
}

/**
 * Split words kept per ladder index (a word splits the same way each time): [any first part?][word].
 * The index's matcher forgets them when it is given another dictionary or other labels.
 */
const splits = new WeakMap<LadderIndex, [Map<string, Split | null>, Map<string, Split | null>]>();
/** Split words a memo keeps before it starts again (a batch of random titles). */
const SPLITS_KEPT = 50_000;

type Split = NonNullable<ReturnType<typeof compound>>;

/** Drops the split words kept for a ladder index: its dictionary or its labels have changed (Matcher.useDictionary(), useLabels()). */
export function forgetSplits(ix: LadderIndex): void {
  splits.delete(ix);
}

/**
 * compound(), kept per word: it reads only the word, the ladder's and ESCO's translations and the
 * dictionary (`isEnglish`, the index's), each the same until the matcher forgets the splits.
 * Callers only read it.
 */
function compoundOf(ix: LadderIndex, labels: LabelLookup | null, word: string, isEnglish: (word: string) => boolean, anyFirstPart: boolean): Split | null {
  // Most words are too short to be split: no memo needed.
  if (word.length < COMPOUND_MIN) return null;
  let memos = splits.get(ix);
  if (memos === undefined) splits.set(ix, (memos = [new Map(), new Map()]));
  const memo = memos[anyFirstPart ? 1 : 0];
  let split = memo.get(word);
  if (split === undefined) {
    split = compound(ix, labels, word, isEnglish, anyFirstPart);
    if (memo.size >= SPLITS_KEPT) memo.clear();
    memo.set(word, split);
  }
  return split;
}

/**
 * A compound no source has whole, split where a known word of at least COMPOUND_HEAD letters ends
 * it: "Lagerleiter" -> "lager" + head, "Vertriebsmitarbeiter" -> "vertrieb" + worker (a linking s
 * dropped), "Softwareberater" -> software + consultant. The longest known ending wins; the first
 * part is translated when it is known itself, and must be known or English unless `anyFirstPart`.
 */
function compound(
  ix: LadderIndex,
  labels: LabelLookup | null,
  word: string,
  isEnglish: (word: string) => boolean,
  anyFirstPart: boolean,
): { words: string[]; languages: string[]; used: Translation[] } | null {
  if (word.length < COMPOUND_MIN || !/^\p{L}+$/u.test(word) || ix.lexicon.knownWords.has(word) || isEnglish(word)) return null;
  for (let cut = 3; cut <= word.length - COMPOUND_HEAD; cut++) {
    const head = single(ix, labels, word.slice(cut));
    if (head === null) continue;
    let first = word.slice(0, cut);
    let part = single(ix, labels, first);
    if (part === null && first.length > 3 && first.endsWith('s')) {
      const bare = first.slice(0, -1);
      part = single(ix, labels, bare);
      if (part !== null || !isEnglish(first)) first = bare;
    }
    // An unknown first part ("srprog" + "rammer") is a split of an English word or a typo, unless the title is German or Dutch.
    if (part === null && !anyFirstPart && !isEnglish(first)) continue;
    const used = part ? [part, head] : [head];
    const languages = part ? head.languages.filter((l) => part.languages.includes(l)) : head.languages;
    return { words: [...(part ? part.to : [first]), ...head.to], languages: languages.length > 0 ? languages : head.languages, used };
  }
  return null;
}

/** The language most of the translated phrases are of: one all share, else the commonest; the ladder's order breaks ties. */
function languageOf(used: Translation[], ix: LadderIndex): string | null {
  if (used.length === 0) return null;
  const order = Object.keys(ix.ladder.languages);
  const count = new Map<string, number>();
  for (const t of used) for (const l of t.languages) count.set(l, (count.get(l) ?? 0) + 1);
  const rank = (l: string) => (order.includes(l) ? order.indexOf(l) : order.length);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))[0]![0];
}
