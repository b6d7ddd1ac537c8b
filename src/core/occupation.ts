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
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(w.text);
    const next = words[i + 1];
    if (next && next.seg === w.seg) out.add(`${w.text} ${next.text}`);
  });
  const firstSeg = words[0]?.seg;
  let head = -1;
  while (head + 1 < words.length && words[head + 1]!.seg === firstSeg) head++;
  if (head >= 0) {
    out.add(`$${words[head]!.text}`);
    if (head > 0) out.add(`$${words[head - 1]!.text} ${words[head]!.text}`);
  }
  return [...out];
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

/** The occupation a title's words point to, with the runners-up; null when no word is known. */
export function classifyOccupation(model: OccupationModel, words: readonly OccupationWord[], top = 3): OccupationGuess | null {
  if (words.length === 0) return null;
  const votes = new Map<string, number>();
  const best = new Map<string, { feature: string; vote: number }>();
  for (const key of occupationFeatures(words)) {
    const entry = model.feature(key);
    if (!entry) continue;
    const w = weight(key, entry);
    for (const [code, share] of entry.codes) {
      const vote = w * share;
      votes.set(code, (votes.get(code) ?? 0) + vote);
      if ((best.get(code)?.vote ?? -1) < vote) best.set(code, { feature: key, vote });
    }
  }
  let total = 0;
  for (const v of votes.values()) total += v;
  if (total === 0) return null;
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
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
    evidence: best.get(winner)!.feature.replace(/^\$/, ''),
    others: ranked.slice(1, top + 1).map(([code, v]) => ({ code, share: round(v / total) })),
  };
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
