// The occupation stage: the words of a title that name its occupation, and the O*NET occupation
// they point to, by a linear model over word features that scripts/build-occupations.mjs trains on
// O*NET's occupation, alternate and reported titles and the titles of U.S. labour-condition filings.
//   title words (level markers out) -> features (words, pairs, the head noun) -> scores -> occupation
// Pure: the table is read by src/io/occupations.ts and handed in as an OccupationModel.
import type { Token } from './normalize.js';

/** A feature's record in the table: what it adds to each occupation's score (negative: it speaks against it). */
export interface FeatureEntry {
  /** Occupation codes (O*NET-SOC) with the feature's weight for each, largest first. */
  codes: [code: string, weight: number][];
}

export interface OccupationModel {
  /** The record of a feature; undefined when the table does not have it. */
  feature(key: string): FeatureEntry | undefined;
  /** A title read whole whose occupation the features get wrong: the code it is filed under, and the share of its titles filed so. */
  exact(key: string): { code: string; share: number } | undefined;
  /** How many occupations the model scores (those a title's features do not name score 0). */
  classes: number;
  /** The scale of the scores: an occupation's probability is its score over the scale, through a softmax. */
  scale: number;
}

/** An occupation a title points to. */
export interface OccupationGuess {
  code: string;
  /** How sure the model is: the winner's probability (0 to 1). */
  share: number;
  /** How it was found: the whole title is a known title, or its words scored it. */
  via: 'title' | 'words';
  /** The feature that weighs most for the winner ("registered nurse"), for the reasons. */
  evidence: string;
  /** The runners-up, best first. */
  others: { code: string; share: number }[];
}

/** Words that say nothing of the occupation. */
const FILLER = new Set(['of', 'and', 'the', 'in', 'for', 'or', 'a', 'an', 'to', 'at', 'with', 'on', 'de', 'la', 'el', 'y', 'et', 'der', 'und']);

/** A word's singular: "Nurses" and "Nurse" are one occupation word. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(?:ss|us|is|ics|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

export interface OccupationWord {
  text: string;
  seg: number;
}

/**
 * The words of a title that name its occupation: its words (not numbers or codes), less those the
 * level markers in `skip` took ("Senior", "II"), filler, and words of one letter; singular.
 */
export function occupationWords(tokens: readonly Token[], skip: ReadonlySet<number>): OccupationWord[] {
  const out: OccupationWord[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || skip.has(i) || t.text.length < 2 || FILLER.has(t.text)) return;
    out.push({ text: singular(t.text), seg: t.seg });
  });
  return out;
}

/** The features of a title's words: each word, each pair within a part, and the head (the last word of the first part, with the word before it). */
export function occupationFeatures(words: readonly OccupationWord[]): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    while (end < words.length && words[end]!.seg === words[start]!.seg) end++;
    for (const f of partFeatures(words.slice(start, end), start === 0)) if (!out.includes(f)) out.push(f);
    start = end;
  }
  return out;
}

/** The features of one part of a title (words of one segment): with `head`, its last word and pair too. */
function partFeatures(words: readonly OccupationWord[], head: boolean): string[] {
  const out: string[] = [];
  // Titles are short: a repeated word is found faster in the list than through a Set.
  const add = (f: string) => {
    if (!out.includes(f)) out.push(f);
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!.text);
    if (i + 1 < words.length) add(`${words[i]!.text} ${words[i + 1]!.text}`);
  }
  const last = words.length - 1;
  if (head && last >= 0) {
    out.push(`$${words[last]!.text}`);
    if (last > 0) out.push(`$${words[last - 1]!.text} ${words[last]!.text}`);
  }
  return out;
}

/** A title's words with its parts marked ("senior director | machine learning engineering"): the features depend on both. */
export function occupationPartsKey(words: readonly OccupationWord[]): string {
  let key = '';
  words.forEach((w, i) => {
    key += i === 0 ? w.text : w.seg === words[i - 1]!.seg ? ` ${w.text}` : ` | ${w.text}`;
  });
  return key;
}

/** The key under which a whole title is looked up: its words, in order. */
export function occupationKey(words: readonly OccupationWord[]): string {
  return words.map((w) => w.text).join(' ');
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The scores of a title's words: by occupation code, with the features that gave them. */
interface Votes {
  votes: Map<string, number>;
  cast: { key: string; entry: FeatureEntry }[];
}

/**
 * The scores of a title: the sum of its parts' scores ("Senior Data Scientist - Austin, TX": "data
 * scientist" with the head features, and "austin tx"). A part's votes are kept: real files repeat
 * the same roles and places in a thousand combinations.
 */
function tally(model: OccupationModel, words: readonly OccupationWord[]): Votes {
  let merged: Votes | null = null;
  for (const votes of partsOf(model, words)) merged = merged === null ? votes : merge(merged, votes);
  return merged ?? { votes: new Map(), cast: [] };
}

/** The votes of each part of a title, each worked out once and kept. */
function partsOf(model: OccupationModel, words: readonly OccupationWord[]): Votes[] {
  let parts = partCache.get(model);
  if (!parts) partCache.set(model, (parts = new Map()));
  if (parts.size > PART_CACHE_LIMIT) parts.clear();
  const out: Votes[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    while (end < words.length && words[end]!.seg === words[start]!.seg) end++;
    const part = words.slice(start, end);
    const key = `${start === 0 ? '^' : ''}${occupationKey(part)}`;
    let votes = parts.get(key);
    if (votes === undefined) parts.set(key, (votes = partVotes(model, part, start === 0)));
    out.push(votes);
    start = end;
  }
  return out;
}

const partCache = new WeakMap<OccupationModel, Map<string, Votes>>();
const PART_CACHE_LIMIT = 20_000;

/** Two tallies added, in a new one (a part's own is kept unchanged). */
function merge(a: Votes, b: Votes): Votes {
  if (b.cast.length === 0) return a;
  if (a.cast.length === 0) return b;
  const votes = new Map(a.votes);
  for (const [code, v] of b.votes) votes.set(code, (votes.get(code) ?? 0) + v);
  return { votes, cast: [...a.cast, ...b.cast] };
}

/** The scores of one part of a title: its words and pairs, and for the first part its head. */
function partVotes(model: OccupationModel, words: readonly OccupationWord[], first: boolean): Votes {
  const votes = new Map<string, number>();
  const cast: Votes['cast'] = [];
  for (const key of partFeatures(words, first)) {
    const entry = model.feature(key);
    if (!entry) continue;
    cast.push({ key, entry });
    for (const [code, w] of entry.codes) votes.set(code, (votes.get(code) ?? 0) + w);
  }
  return { votes, cast };
}

/** The `n` codes with the highest scores, best first (ties by code), without sorting them all. */
function topCodes(votes: Map<string, number>, n: number): [string, number][] {
  const top: [string, number][] = [];
  for (const [code, v] of votes) {
    if (top.length === n && !better(v, code, top[n - 1]!)) continue;
    let i = top.length === n ? n - 1 : top.length;
    while (i > 0 && better(v, code, top[i - 1]!)) {
      if (i < n) top[i] = top[i - 1]!;
      i--;
    }
    top[i] = [code, v];
  }
  return top;
}
const better = (v: number, code: string, than: [string, number]) => v > than[1] || (v === than[1] && code < than[0]);

/** The feature that weighs most for `code` ("registered nurse"), for the reasons. */
function evidenceFor(cast: Votes['cast'], code: string): string {
  let best = '';
  let most = -Infinity;
  for (const { key, entry } of cast) {
    const w = entry.codes.find(([c]) => c === code)?.[1];
    if (w !== undefined && w > most) {
      most = w;
      best = key;
    }
  }
  return best.replace(/^\$/, '');
}

/**
 * The probability of each of `ranked` (a softmax over the scores of all the model's occupations,
 * those no feature names scoring 0), worked out from the scores in `votes`.
 */
function probabilities(model: OccupationModel, votes: Map<string, number>, ranked: [string, number][]): number[] {
  const top = Math.max(0, ranked[0]?.[1] ?? 0);
  let sum = Math.max(0, model.classes - votes.size) * Math.exp(-top / model.scale);
  for (const v of votes.values()) sum += Math.exp((v - top) / model.scale);
  return ranked.map(([, v]) => Math.exp((v - top) / model.scale) / sum);
}

/** The occupation a title's words point to, with the runners-up; null when no word speaks for one. */
export function classifyOccupation(model: OccupationModel, words: readonly OccupationWord[], top = 3): OccupationGuess | null {
  if (words.length === 0) return null;
  const { votes, cast } = tally(model, words);
  const ranked = topCodes(votes, top + 1);
  if (ranked.length === 0 || ranked[0]![1] <= 0) return null;
  const p = probabilities(model, votes, ranked);
  const exact = model.exact(occupationKey(words));
  if (exact !== undefined) {
    // As sure as the titles read so agree; the runners-up, by the scores, share the rest.
    const others = ranked.flatMap(([code], i) => (code === exact.code ? [] : [{ code, share: round(p[i]! * (1 - exact.share)) }])).slice(0, top);
    return { code: exact.code, share: round(exact.share), via: 'title', evidence: occupationKey(words), others };
  }
  return {
    code: ranked[0]![0],
    share: round(p[0]!),
    via: 'words',
    evidence: evidenceFor(cast, ranked[0]![0]),
    others: ranked.slice(1, top + 1).map(([code], i) => ({ code, share: round(p[i + 1]!) })),
  };
}

/** The scores the title's words give each of `codes` (from the parts' kept scores: no merged tally is built). */
function scoresFor(model: OccupationModel, words: readonly OccupationWord[], codes: readonly string[]): number[] {
  const scores = codes.map(() => 0);
  for (const part of partsOf(model, words)) codes.forEach((code, i) => (scores[i] = scores[i]! + (part.votes.get(code) ?? 0)));
  return scores;
}

/** How likely the words must make an occupation outside a family's for a family title to take it. */
export const OUTSIDE_FAMILY = 0.5;
/** How many times as likely as the family's own occupation the words must make another of its occupations. */
export const FAMILY_ODDS = 20;

/**
 * A family title's occupation, given the family's (`codes`, its own first): its own, unless the
 * words make another of them FAMILY_ODDS times as likely ("QA Engineer": testers, not developers),
 * or one outside the family's (that `outside` allows) at least OUTSIDE_FAMILY likely (a "Research
 * Scientist" filed with the medical scientists). A bare topic ("Senior ML") keeps the family's own.
 */
export function familyChoice(model: OccupationModel, words: readonly OccupationWord[], codes: readonly string[], outside: (code: string) => boolean = () => true): string | null {
  if (codes.length === 0) return null;
  if (words.length === 0) return codes[0]!;
  const guess = classifyOccupation(model, words, 0);
  if (guess !== null && !codes.includes(guess.code) && guess.share >= OUTSIDE_FAMILY && outside(guess.code)) return guess.code;
  const scores = scoresFor(model, words, codes);
  let best = 0;
  for (let i = 1; i < codes.length; i++) if (scores[i]! > scores[best]!) best = i;
  return scores[best]! > Math.max(0, scores[0]!) + model.scale * Math.log(FAMILY_ODDS) ? codes[best]! : codes[0]!;
}

/** Reads a table line "feature<TAB>i:w i:w" (weights in tenths) given the occupation codes by ordinal. */
export function parseFeatureLine(rest: string, codes: readonly string[]): FeatureEntry {
  const list: [string, number][] = [];
  for (const pair of rest.split(' ')) {
    const colon = pair.indexOf(':');
    const code = codes[Number(pair.slice(0, colon))];
    if (code !== undefined) list.push([code, Number(pair.slice(colon + 1)) / 10]);
  }
  return { codes: list };
}
