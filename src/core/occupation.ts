// The occupation stage: the words of a title that name its occupation, and the O*NET occupation
// they point to, by a linear model over word features that scripts/build-occupations.mjs trains on
// O*NET's occupation, alternate and reported titles and the titles of U.S. labour-condition filings.
//   title words (level markers out) -> features (words, pairs, the head noun) -> scores -> occupation
// Pure: the table is read by src/io/occupations.ts and handed in as an OccupationModel.
import type { Token } from './normalize.js';
import { FILLER, pairId, pairTenths, singular, type FeatureEntry } from './occupation-table.js';

export type { FeatureEntry } from './occupation-table.js';

export interface OccupationModel {
  /** The occupations the model scores (O*NET-SOC codes, sorted); a title's features that name none of them score it 0. */
  codes: readonly string[];
  /** The record of a feature; undefined when the table does not have it. */
  feature(key: string): FeatureEntry | undefined;
  /** A title read whole whose occupation the features get wrong: the code it is filed under, and the share of its titles filed so. */
  exact(key: string): { code: string; share: number } | undefined;
  /**
   * The scale of the scores: an occupation's probability is its score over the scale, through a
   * softmax. Scores are in whole tenths (the features' weights), the scale in units: e^(tenths / (10 * scale)).
   */
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
    partFeatures(words, start, end, start === 0, out);
    start = end;
  }
  return out;
}

/**
 * Adds the features of one part of a title (its words [start, end), of one segment) to `out`, each
 * once: its words and pairs; with `head`, its last word and pair too. Titles are short: a repeated
 * feature is found faster in the list than through a Set.
 */
function partFeatures(words: readonly OccupationWord[], start: number, end: number, head: boolean, out: string[]): void {
  for (let i = start; i < end; i++) {
    const word = words[i]!.text;
    if (!out.includes(word)) out.push(word);
    if (i + 1 < end) {
      const pair = `${word} ${words[i + 1]!.text}`;
      if (!out.includes(pair)) out.push(pair);
    }
  }
  const last = end - 1;
  if (head && last >= start) {
    const key = `$${words[last]!.text}`;
    if (!out.includes(key)) out.push(key);
    if (last > start) {
      const pair = `$${words[last - 1]!.text} ${words[last]!.text}`;
      if (!out.includes(pair)) out.push(pair);
    }
  }
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

/**
 * The scores of a title's features, added up in one array of all the model's occupations (a title
 * has a dozen features, a common word weighs for hundreds of occupations): `touched` lists those
 * some feature names, in the order they were first named, `cast` the features found. Scores are
 * whole tenths, as the table stores them, so they add up exactly in any order. Titles are read one
 * at a time, so the arrays are kept, and overwritten by the next title scored (see scratch).
 */
interface Scores {
  /** Valid for the touched occupations only: read any other through scoreOf(). */
  score: Int32Array;
  /** The title's stamp (see scratch). */
  generation: number;
  touched: Int32Array;
  cast: { key: string; entry: FeatureEntry }[];
  /** The softmax's top score and its sum, worked out on first need (see probabilities()). */
  softmax?: { top: number; sum: number };
}

/**
 * One array of all occupations' scores, reused title after title: `stamp` says which title last
 * wrote an occupation's score, so a new title starts from zero without clearing the array.
 */
let scratch: { score: Int32Array; stamp: Uint32Array; touched: Int32Array } | null = null;
let generation = 0;
/**
 * The last title's scores, kept until another title is scored: the family check and the family's
 * occupation choice read the same words of one title (the same array), and score them once.
 */
let last: { model: OccupationModel; words: readonly OccupationWord[]; scores: Scores } | null = null;

function scoresOf(model: OccupationModel, words: readonly OccupationWord[]): Scores {
  if (last !== null && last.model === model && last.words === words) return last.scores;
  const scores = score(model, words);
  last = { model, words, scores };
  return scores;
}

function score(model: OccupationModel, words: readonly OccupationWord[]): Scores {
  const n = model.codes.length;
  if (scratch === null || scratch.score.length < n) scratch = { score: new Int32Array(n), stamp: new Uint32Array(n), touched: new Int32Array(n) };
  const { score, stamp, touched: list } = scratch;
  // A fresh stamp per title; once in four billion titles, the stamps start over.
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  const g = generation;
  let touched = 0;
  const cast: Scores['cast'] = [];
  for (const key of occupationFeatures(words)) {
    const entry = model.feature(key);
    if (!entry) continue;
    cast.push({ key, entry });
    const { pairs, to } = entry;
    for (let i = entry.from; i < to; i++) {
      const pair = pairs[i]!;
      const id = pairId(pair);
      if (stamp[id] !== g) {
        stamp[id] = g;
        list[touched++] = id;
        score[id] = pairTenths(pair);
      } else score[id] = score[id]! + pairTenths(pair);
    }
  }
  return { score, generation: g, touched: list.subarray(0, touched), cast };
}

/** An occupation's score for the title: 0 where no feature of the title names it. */
function scoreOf(scores: Scores, id: number): number {
  return scratch!.stamp[id] === scores.generation ? scores.score[id]! : 0;
}

/** The `n` occupations with the highest scores, best first (ties to the lower code), without sorting them all. */
function topIds({ score, touched }: Scores, n: number): number[] {
  const top: number[] = [];
  // The last of the n kept, once there are n: an occupation that does not beat it is passed over.
  let lastId = -1;
  let lastScore = -Infinity;
  for (let k = 0; k < touched.length; k++) {
    const id = touched[k]!;
    const s = score[id]!;
    if (top.length === n && (s < lastScore || (s === lastScore && id > lastId))) continue;
    let i = top.length === n ? n - 1 : top.length;
    while (i > 0) {
      const above = top[i - 1]!;
      const t = score[above]!;
      if (!(s > t || (s === t && id < above))) break;
      if (i < n) top[i] = above;
      i--;
    }
    top[i] = id;
    if (top.length === n) {
      lastId = top[n - 1]!;
      lastScore = score[lastId]!;
    }
  }
  return top;
}

/** The feature that weighs most for occupation `id` ("registered nurse"), for the reasons. */
function evidenceFor(cast: Scores['cast'], id: number): string {
  let best = '';
  let most = -Infinity;
  for (const { key, entry } of cast) {
    for (let i = entry.from; i < entry.to; i++) {
      const pair = entry.pairs[i]!;
      if (pairId(pair) === id) {
        if (pairTenths(pair) > most) {
          most = pairTenths(pair);
          best = key;
        }
        break;
      }
    }
  }
  return best.replace(/^\$/, '');
}

/** Scores below a title's top, in tenths, that a model's table holds the softmax terms of. */
const TERMS = 4096;
const termTables = new WeakMap<OccupationModel, Float64Array>();

/**
 * The softmax terms of a model: e^(-below / (10 * scale)) for an occupation `below` tenths under
 * the top score, for each below under TERMS (scores are whole tenths: each term is worked out once).
 */
function termsOf(model: OccupationModel): Float64Array {
  let table = termTables.get(model);
  if (table === undefined) {
    table = new Float64Array(TERMS);
    for (let below = 0; below < TERMS; below++) table[below] = Math.exp(-below / (10 * model.scale));
    termTables.set(model, table);
  }
  return table;
}

const termOf = (model: OccupationModel, terms: Float64Array, below: number) => (below < TERMS ? terms[below]! : Math.exp(-below / (10 * model.scale)));

/**
 * The probability of each of `ids`, best first (from topIds()): a softmax over the scores of all
 * the model's occupations, those no feature names scoring 0; its terms added up in the order the
 * occupations were touched.
 */
function probabilities(model: OccupationModel, scores: Scores, ids: number[]): number[] {
  const { score, touched } = scores;
  const terms = termsOf(model);
  if (scores.softmax === undefined) {
    const top = Math.max(0, score[ids[0]!]!);
    let sum = (model.codes.length - touched.length) * termOf(model, terms, top);
    for (let k = 0; k < touched.length; k++) sum += termOf(model, terms, top - score[touched[k]!]!);
    scores.softmax = { top, sum };
  }
  const { top, sum } = scores.softmax;
  return ids.map((id) => termOf(model, terms, top - score[id]!) / sum);
}

/**
 * The occupation a title's words point to, with `top` runners-up; null when no word speaks for one.
 * Without `evidence`, its evidence is "" (it is read for the reasons alone).
 */
export function classifyOccupation(model: OccupationModel, words: readonly OccupationWord[], top = 3, evidence = true): OccupationGuess | null {
  if (words.length === 0) return null;
  return guessOf(model, words, scoresOf(model, words), top, evidence);
}

/** The `n` best occupations (topIds()); null when no word speaks for any (the best scores 0 or less). */
function rankedOf(scores: Scores, n: number): number[] | null {
  const ranked = topIds(scores, n);
  return ranked.length === 0 || scores.score[ranked[0]!]! <= 0 ? null : ranked;
}

/**
 * The occupation classifyOccupation() puts first and how sure it is, without its evidence or
 * runners-up (the family check asks only that): the same code and share.
 */
export function likeliestOccupation(model: OccupationModel, words: readonly OccupationWord[]): { code: string; share: number } | null {
  if (words.length === 0) return null;
  const scores = scoresOf(model, words);
  const ranked = rankedOf(scores, 1);
  if (ranked === null) return null;
  const exact = model.exact(occupationKey(words));
  if (exact !== undefined) return { code: exact.code, share: round(exact.share) };
  return { code: model.codes[ranked[0]!]!, share: round(probabilities(model, scores, ranked)[0]!) };
}

function guessOf(model: OccupationModel, words: readonly OccupationWord[], scores: Scores, top: number, evidence: boolean): OccupationGuess | null {
  const ranked = rankedOf(scores, top + 1);
  if (ranked === null) return null;
  const p = probabilities(model, scores, ranked);
  const exact = model.exact(occupationKey(words));
  if (exact !== undefined) {
    // As sure as the titles read so agree; the runners-up, by the scores, share the rest.
    const others = ranked.flatMap((id, i) => (model.codes[id] === exact.code ? [] : [{ code: model.codes[id]!, share: round(p[i]! * (1 - exact.share)) }]));
    return { code: exact.code, share: round(exact.share), via: 'title', evidence: occupationKey(words), others: others.slice(0, top) };
  }
  return {
    code: model.codes[ranked[0]!]!,
    share: round(p[0]!),
    via: 'words',
    evidence: evidence ? evidenceFor(scores.cast, ranked[0]!) : '',
    others: ranked.slice(1, top + 1).map((id, i) => ({ code: model.codes[id]!, share: round(p[i + 1]!) })),
  };
}

const ids = new WeakMap<OccupationModel, Map<string, number>>();
function idOf(model: OccupationModel, code: string): number | undefined {
  let map = ids.get(model);
  if (!map) ids.set(model, (map = new Map(model.codes.map((c, i) => [c, i]))));
  return map.get(code);
}

/** How a family's title takes another occupation (ladder.yaml `occupationChoice`). */
export interface ChoiceOdds {
  /** How likely the words must make an occupation outside a family's for a family title to take it. */
  outsideFamily: number;
  /** How many times as likely as the family's own occupation the words must make another of its occupations. */
  familyOdds: number;
}

/**
 * A family title's occupation, given the family's (`codes`, its own first): its own, unless the
 * words make another of them `familyOdds` times as likely ("QA Engineer": testers, not developers),
 * or one outside the family's (that `outside` allows) at least `outsideFamily` likely (a "Research
 * Scientist" filed with the medical scientists). A bare topic ("Senior ML") keeps the family's own.
 */
export function familyChoice(
  model: OccupationModel,
  words: readonly OccupationWord[],
  codes: readonly string[],
  { outsideFamily, familyOdds }: ChoiceOdds,
  outside: (code: string) => boolean = () => true,
): string | null {
  if (codes.length === 0) return null;
  if (words.length === 0) return codes[0]!;
  const scores = scoresOf(model, words);
  // The best occupation outside the family's, and how likely: its probability is worked out only
  // for one outside (most family titles score one of the family's highest).
  const [first] = topIds(scores, 1);
  if (first !== undefined && scores.score[first]! > 0) {
    const exact = model.exact(occupationKey(words));
    const top = exact?.code ?? model.codes[first]!;
    if (!codes.includes(top) && outside(top) && (exact?.share ?? probabilities(model, scores, [first])[0]!) >= outsideFamily) return top;
  }
  const of = codes.map((code) => {
    const id = idOf(model, code);
    return id === undefined ? 0 : scoreOf(scores, id);
  });
  let best = 0;
  for (let i = 1; i < codes.length; i++) if (of[i]! > of[best]!) best = i;
  return of[best]! > Math.max(0, of[0]!) + 10 * model.scale * Math.log(familyOdds) ? codes[best]! : codes[0]!;
}
