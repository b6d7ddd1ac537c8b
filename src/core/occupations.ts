// The O*NET occupations as data, and searching them by title with the occupation stage's own vote
// (src/core/occupation.ts). Pure: the data is loaded by src/io/occupations.ts.
import { tokenize } from './normalize.js';
import { isSocCode } from './soc.js';
import { classifyOccupation, occupationWords, type OccupationModel } from './occupation.js';

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
}

export interface OccupationIndex {
  source: string;
  version: string;
  occupations: Occupation[];
}

export interface OccupationHit {
  occupation: Occupation;
  /** What matched: the words that decided, or the code. */
  matched: string;
  /** The occupation's probability by the model (1 for a code). */
  score: number;
}

/** Occupations a query names, best first: a code finds its occupation(s); words, the occupations their vote points to. */
export function searchOccupations(index: OccupationIndex, model: OccupationModel, query: string, limit = 10): OccupationHit[] {
  const q = query.trim();
  if (isSocCode(q)) {
    return index.occupations.filter((o) => o.code === q || o.code.startsWith(`${q}.`)).slice(0, limit).map((o) => ({ occupation: o, matched: o.code, score: 1 }));
  }
  const guess = classifyOccupation(model, occupationWords(tokenize(q), new Set()), Math.max(0, limit - 1));
  if (!guess) return [];
  const byCode = new Map(index.occupations.map((o) => [o.code, o]));
  const hits: OccupationHit[] = [];
  for (const { code, share } of [{ code: guess.code, share: guess.share }, ...guess.others]) {
    const occupation = byCode.get(code);
    if (occupation) hits.push({ occupation, matched: hits.length === 0 ? guess.evidence : '', score: share });
  }
  return hits.slice(0, limit);
}
