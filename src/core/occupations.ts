// The O*NET occupation index as data, and searching it by title. Pure: the index is loaded by
// src/io/occupations.ts.
import { tokenize } from './normalize.js';

export interface Occupation {
  /** O*NET-SOC code, such as 29-1141.00; its first seven characters are the 2018 SOC code. */
  code: string;
  title: string;
  description: string;
  /** 1 (little preparation) to 5 (extensive); null where O*NET has none. */
  jobZone: number | null;
  /** The most common required level of education. */
  education: string | null;
  tasks: string[];
  hotTechnologies: string[];
  sampleTitles: string[];
  /** Every title people use for it: the occupation's, alternate and reported titles. */
  titles: string[];
}

export interface OccupationIndex {
  source: string;
  version: string;
  occupations: Occupation[];
}

export interface OccupationHit {
  occupation: Occupation;
  /** The title of the occupation that matched best. */
  matched: string;
  /** 1 for the same words; less for a partial match. */
  score: number;
}

/** Words that say nothing of the occupation. */
const FILLER = new Set(['of', 'and', 'the', 'in', 'for', 'or', 'a', 'an', 'to', 'at', 'with', 'on']);

/** A title's words, lower case, without filler, plurals read as singular. */
export function titleWords(title: string): string[] {
  return tokenize(title)
    .filter((t) => t.kind === 'word' && !FILLER.has(t.text))
    .map((t) => (t.text.length > 3 && t.text.endsWith('s') && !t.text.endsWith('ss') ? t.text.slice(0, -1) : t.text));
}

const SOC = /^\d\d-\d{4}(?:\.\d\d)?$/;

/** Occupations whose titles share the most words with `query`, best first; a code finds its occupation. */
export function searchOccupations(index: OccupationIndex, query: string, limit = 10): OccupationHit[] {
  const q = query.trim();
  if (SOC.test(q)) {
    return index.occupations.filter((o) => o.code === q || o.code.startsWith(`${q}.`)).slice(0, limit).map((o) => ({ occupation: o, matched: o.title, score: 1 }));
  }
  const wanted = new Set(titleWords(q));
  if (wanted.size === 0) return [];
  const hits: OccupationHit[] = [];
  for (const occupation of index.occupations) {
    let best: { matched: string; score: number } | null = null;
    for (const title of occupation.titles) {
      const words = new Set(titleWords(title));
      let shared = 0;
      for (const w of wanted) if (words.has(w)) shared++;
      if (shared === 0) continue;
      // Dice: both titles' words count, so "Nurse" is closer to "Nurse" than to "Nurse Anesthetist".
      const score = (2 * shared) / (wanted.size + words.size);
      if (!best || score > best.score || (score === best.score && title.length < best.matched.length)) best = { matched: title, score };
    }
    if (best) hits.push({ occupation, ...best });
  }
  return hits
    .sort((a, b) => b.score - a.score || a.occupation.code.localeCompare(b.occupation.code))
    .slice(0, limit)
    .map((h) => ({ ...h, score: Math.round(h.score * 100) / 100 }));
}
