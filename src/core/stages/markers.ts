// Stage 2, markers: the level markers of a title ("Senior", "II", "Staff", "Head of"), whole words
// only, with role nouns read first so that "Associate Professor" is a role, not a marker; and the
// marker that decides when there are several.
import { findHits, selectHits, type Hit } from '../phrases.js';
import type { NotALevelWhy, Reason } from '../reasons.js';
import { markerLevel, orderOf, priorityOf, type LadderIndex, type MarkerChoice, type WorkToken } from './context.js';

export interface Markers {
  markers: Hit[];
  /** The tokens role nouns take. */
  roleTokens: Set<number>;
}

const NONE: Markers = { markers: [], roleTokens: new Set() };

/** The level markers of a title, and the tokens its role nouns take ("Associate Professor"). */
export function findMarkers(ix: LadderIndex, tokens: WorkToken[], reasons: Reason[] | null): Markers {
  if (tokens.length === 0) return NONE;
  const hits = findHits(tokens, ix.lexicon.levelPhrases).filter((hit) => {
    const p = hit.phrase;
    // A leading marker opens a part of the title and comes before a role: "Associate ML", not "Associate".
    if (p.leading && ((hit.start > 0 && tokens[hit.start - 1]!.seg === tokens[hit.start]!.seg) || hit.used.at(-1) === tokens.length - 1)) return false;
    if (!p.numeral || hit.used.length > 1) return true;
    const why = notANumeral(ix, tokens, hit.start);
    if (why) reasons?.push({ kind: 'not-a-level', word: tokens[hit.start]!.raw, ...why });
    return why === null;
  });
  const chosen = selectHits(hits);
  const roleTokens = new Set<number>();
  for (const role of chosen.filter((h) => h.phrase.kind === 'role')) {
    for (const i of role.used) roleTokens.add(i);
    const shadowed = hits.find((h) => h.phrase.kind === 'marker' && h.used.some((i) => role.used.includes(i)));
    if (shadowed) reasons?.push({ kind: 'part-of-role', words: said(tokens, shadowed.used.filter((i) => role.used.includes(i))), role: role.phrase.text });
  }
  return { markers: chosen.filter((h) => h.phrase.kind === 'marker'), roleTokens };
}

/** Why a numeral is not a level where it stands ("2 openings", "Band 62"), or null when it is one. */
function notANumeral(ix: LadderIndex, tokens: WorkToken[], at: number): { why: NotALevelWhy; other?: string } | null {
  if (at === 0) return { why: 'opens-title' };
  // "(3 in-office/2 remote)", "2 openings": a number that opens a part and goes on counts it.
  const next = tokens[at + 1];
  if (tokens[at - 1]!.seg !== tokens[at]!.seg && next && next.seg === tokens[at]!.seg) return { why: 'counts-what-follows' };
  const before = tokens[at - 1]!;
  if (ix.countBefore.has(before.text)) return { why: 'after-count', other: before.raw };
  if (next && next.seg === tokens[at]!.seg && ix.countAfter.has(next.text)) return { why: 'before-quantity', other: next.raw };
  return null;
}

function said(tokens: WorkToken[], used: number[]): string {
  return used.map((i) => tokens[i]!.raw).filter((r, k, all) => k === 0 || r !== all[k - 1]).join(' ');
}

/** The marker that decides: the highest-priority track, words before numerals, then the higher level. */
export function chooseMarker(ix: LadderIndex, markers: Hit[]): MarkerChoice {
  const level = (h: Hit) => markerLevel(ix, h);
  const topPriority = Math.max(...markers.map((h) => priorityOf(ix, level(h))));
  const onTop = markers.filter((h) => priorityOf(ix, level(h)) === topPriority);
  const words = onTop.filter((h) => !h.phrase.numeral);
  const pool = words.length > 0 ? words : onTop;
  const chosen = pool.reduce((a, b) => (orderOf(ix, level(b).code) > orderOf(ix, level(a).code) ? b : a));
  return { chosen, picked: level(chosen), topPriority };
}
