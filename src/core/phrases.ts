// Finds the ladder's phrases in a title's tokens and keeps the best non-overlapping set:
// role nouns and job roles first (read whole: the "manager" of "Senior Product Manager" is taken,
// and "research engineer" is a role before "AI research" is a topic), then
// the phrase that covers more of the title ("senior ... manager" over "engineering manager" in
// "Senior Engineering Manager", "senior staff" over "senior"), then the one with more of its own
// words, unbroken before broken, earlier before later.
import type { Phrase, PhraseIndex } from './lexicon.js';
import type { Token } from './normalize.js';

export interface Hit {
  phrase: Phrase;
  /** Indexes of the tokens the phrase's words matched (not the words between its parts). */
  used: number[];
  start: number;
}

/** How many words may stand between the parts of a phrase such as "senior ... manager". */
const MAX_GAP = 4;

function matchesAt(tokens: readonly Token[], at: number, words: string[], seg: number): boolean {
  if (at + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[at + k]!;
    if (t.text !== words[k] || t.seg !== seg) return false;
    // "Senior/Staff" offers two levels; it is not the phrase "senior staff".
    if (k > 0 && t.joinedBy !== undefined && /[/\\&]/.test(t.joinedBy)) return false;
  }
  return true;
}

/**
 * The tokens a phrase's parts ("chief", "officer" of "chief ... officer") take from `start`, in one
 * part of the title, with at most MAX_GAP words between parts; null when they do not stand there.
 */
export function matchParts(tokens: readonly Token[], start: number, parts: readonly string[][]): number[] | null {
  const seg = tokens[start]!.seg;
  const first = parts[0]!;
  if (!matchesAt(tokens, start, first, seg)) return null;
  const used: number[] = [];
  for (let k = 0; k < first.length; k++) used.push(start + k);
  let next = start + first.length;
  for (let p = 1; p < parts.length; p++) {
    const words = parts[p]!;
    let found = -1;
    for (let at = next; at <= next + MAX_GAP && at < tokens.length; at++) {
      if (tokens[at]!.seg !== seg) break;
      if (matchesAt(tokens, at, words, seg)) {
        found = at;
        break;
      }
    }
    if (found < 0) return null;
    for (let k = 0; k < words.length; k++) used.push(found + k);
    next = found + words.length;
  }
  return used;
}

function matchPhrase(tokens: Token[], start: number, phrase: Phrase): Hit | null {
  const used = matchParts(tokens, start, phrase.parts);
  return used && { phrase, used, start };
}

export function findHits(tokens: Token[], index: PhraseIndex): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const bucket = index.get(tokens[i]!.text);
    if (bucket === undefined) continue;
    for (const phrase of bucket.one) {
      const hit = matchPhrase(tokens, i, phrase);
      if (hit !== null) hits.push(hit);
    }
    const next = tokens[i + 1];
    const longer = next === undefined ? undefined : bucket.byNext.get(next.text);
    if (longer === undefined) continue;
    for (const phrase of longer) {
      const hit = matchPhrase(tokens, i, phrase);
      if (hit !== null) hits.push(hit);
    }
  }
  return hits;
}

/** Role nouns and job roles are read whole, before markers and topics that share their words. */
const isRole = (h: Hit) => h.phrase.kind === 'role' || h.phrase.kind === 'job';

const span = (h: Hit) => h.used[h.used.length - 1]! - h.start + 1;

function rank(a: Hit, b: Hit): number {
  return (
    Number(isRole(b)) - Number(isRole(a)) ||
    span(b) - span(a) ||
    b.phrase.literalCount - a.phrase.literalCount ||
    a.phrase.parts.length - b.phrase.parts.length ||
    a.start - b.start
  );
}

export function selectHits(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const taken = new Set<number>();
  const chosen: Hit[] = [];
  for (const hit of [...hits].sort(rank)) {
    if (hit.used.some((i) => taken.has(i))) continue;
    for (const i of hit.used) taken.add(i);
    chosen.push(hit);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
