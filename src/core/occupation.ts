// The occupation stage: the words of a title that name its occupation, and the O*NET occupation
// they point to, from a table of word features built by scripts/build-occupations.mjs out of
// O*NET's occupation, alternate and reported titles and the titles of U.S. labour-condition filings.
//   title words (level markers out) -> features (words, pairs, the head noun) -> votes -> occupation
// Pure: the table is read by src/io/occupations.ts and handed in as an OccupationModel.
import type { Token } from './normalize.js';

/** A feature's record in the table: how many titles have it, and the occupations they are filed under. */
export interface FeatureEntry {
  /** Titles with the feature (filings give a title more weight, so not always whole). */
  n: number;
  /** Occupation codes (O*NET-SOC) with their share of those titles, largest first. */
  codes: [code: string, share: number][];
  /** Its vote's weight, worked out on first use. */
  weight?: number;
}

export interface OccupationModel {
  /** The record of a feature; undefined when the table does not have it. */
  feature(key: string): FeatureEntry | undefined;
  /** A title read whole whose occupation the features get wrong: the code it is filed under. */
  exact(key: string): string | undefined;
}

/** An occupation a title points to. */
export interface OccupationGuess {
  code: string;
  /** How sure the vote is: the winner's share of all the votes (0 to 1). */
  share: number;
  /** How it was found: the whole title is a known title, or its words voted. */
  via: 'title' | 'words';
  /** The feature that gave the winner most of its votes ("registered nurse"), for the reasons. */
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

/** A feature's vote: pairs and the head count more; a feature filed under one occupation counts more than a spread one, and a common one more than a rare one. */
function weight(key: string, entry: FeatureEntry): number {
  const purity = entry.codes[0]?.[1] ?? 0;
  return (key.includes(' ') ? 2 : 1) * (key.startsWith('$') ? 1.5 : 1) * purity * purity * Math.log1p(entry.n);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The votes of a title's words: by occupation code, with the features that cast them. */
interface Votes {
  votes: Map<string, number>;
  total: number;
  cast: { key: string; entry: FeatureEntry; weight: number }[];
}

/**
 * The votes of a title: the sum of its parts' votes ("Senior Data Scientist - Austin, TX": "data
 * scientist" with the head features, and "austin tx"). A part's votes are kept: real files repeat
 * the same roles and places in a thousand combinations.
 */
function tally(model: OccupationModel, words: readonly OccupationWord[]): Votes {
  let merged: Votes | null = null;
  for (const votes of partsOf(model, words)) merged = merged === null ? votes : merge(merged, votes);
  return merged ?? { votes: new Map(), total: 0, cast: [] };
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
  if (b.total === 0) return a;
  if (a.total === 0) return b;
  const votes = new Map(a.votes);
  for (const [code, v] of b.votes) votes.set(code, (votes.get(code) ?? 0) + v);
  return { votes, total: a.total + b.total, cast: [...a.cast, ...b.cast] };
}

/** The votes of one part of a title: its words and pairs, and for the first part its head. */
function partVotes(model: OccupationModel, words: readonly OccupationWord[], first: boolean): Votes {
  const votes = new Map<string, number>();
  const cast: Votes['cast'] = [];
  let total = 0;
  for (const key of partFeatures(words, first)) {
    const entry = model.feature(key);
    if (!entry) continue;
    const w = (entry.weight ??= weight(key, entry));
    cast.push({ key, entry, weight: w });
    for (const [code, share] of entry.codes) {
      votes.set(code, (votes.get(code) ?? 0) + w * share);
      total += w * share;
    }
  }
  return { votes, total, cast };
}

/** The `n` codes with the most votes, best first (ties by code), without sorting them all. */
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

/** The feature that gave `code` most of its votes ("registered nurse"), for the reasons. */
function evidenceFor(cast: Votes['cast'], code: string): string {
  let best = '';
  let most = -1;
  for (const { key, entry, weight: w } of cast) {
    const share = entry.codes.find(([c]) => c === code)?.[1] ?? 0;
    if (w * share > most) {
      most = w * share;
      best = key;
    }
  }
  return best.replace(/^\$/, '');
}

/** The occupation a title's words point to, with the runners-up; null when no word is known. */
export function classifyOccupation(model: OccupationModel, words: readonly OccupationWord[], top = 3): OccupationGuess | null {
  if (words.length === 0) return null;
  const { votes, total, cast } = tally(model, words);
  if (total === 0) return null;
  const ranked = topCodes(votes, top + 1);
  const exact = model.exact(occupationKey(words));
  if (exact !== undefined) {
    const others = ranked.filter(([c]) => c !== exact).slice(0, top).map(([code, v]) => ({ code, share: round(v / total) }));
    const share = Math.max(votes.get(exact) ?? 0, ranked[0]![1]) / total;
    return { code: exact, share: round(share), via: 'title', evidence: occupationKey(words), others };
  }
  const [winner, vote] = ranked[0]!;
  return {
    code: winner,
    share: round(vote / total),
    via: 'words',
    evidence: evidenceFor(cast, winner),
    others: ranked.slice(1, top + 1).map(([code, v]) => ({ code, share: round(v / total) })),
  };
}

/** Of `codes`, the one the title's words vote for most; null when they vote for none of them. */
export function bestOf(model: OccupationModel, words: readonly OccupationWord[], codes: readonly string[]): string | null {
  if (words.length === 0) return null;
  // The parts' votes for these codes alone: no merged tally is built.
  const votes = codes.map(() => 0);
  for (const part of partsOf(model, words)) codes.forEach((code, i) => (votes[i] = votes[i]! + (part.votes.get(code) ?? 0)));
  let best: string | null = null;
  let most = 0;
  votes.forEach((v, i) => {
    if (v > most) {
      most = v;
      best = codes[i]!;
    }
  });
  return best;
}

/** Reads a table line "feature<TAB>n<TAB>i:pct i:pct" given the occupation codes by ordinal. */
export function parseFeatureLine(rest: string, codes: readonly string[]): FeatureEntry {
  const tab = rest.indexOf('\t');
  const n = Number(rest.slice(0, tab));
  const list: [string, number][] = [];
  for (const pair of rest.slice(tab + 1).split(' ')) {
    const colon = pair.indexOf(':');
    const code = codes[Number(pair.slice(0, colon))];
    if (code !== undefined) list.push([code, Number(pair.slice(colon + 1)) / 100]);
  }
  return { n, codes: list };
}
