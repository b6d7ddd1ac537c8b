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
  /**
   * Where O*NET gives no Job Zone (its "All Other" occupations): the zone of most occupations of its
   * SOC group (the broad group, else the minor, else the major), worked out when the index loads.
   */
  groupJobZone?: number | null;
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

/**
 * Sets `groupJobZone` on each occupation O*NET gives no Job Zone: the commonest zone of the other
 * SOC occupations of its broad group (51-919x) where it has two or more, else of its minor group
 * (51-91xx), else of its major group (51); the higher zone on a tie. Each SOC code counts once,
 * however many O*NET occupations it has. "Production Workers, All Other" is then on the support track.
 */
export function withGroupJobZones(index: OccupationIndex): OccupationIndex {
  const zoneOf = new Map<string, number>();
  for (const o of index.occupations) if (o.jobZone !== null && !zoneOf.has(o.code.slice(0, 7))) zoneOf.set(o.code.slice(0, 7), o.jobZone);
  const zonesBy = new Map<string, number[]>();
  for (const [soc, zone] of zoneOf) {
    for (const g of groupsOf(soc)) {
      const list = zonesBy.get(g);
      if (list) list.push(zone);
      else zonesBy.set(g, [zone]);
    }
  }
  for (const o of index.occupations) {
    if (o.jobZone !== null) continue;
    const [broad, minor, major] = groupsOf(o.code).map((g) => zonesBy.get(g));
    const zones = broad && broad.length >= 2 ? broad : (minor ?? major);
    o.groupJobZone = zones ? commonest(zones) : null;
  }
  return index;
}

/** An O*NET-SOC code's groups, narrowest first: 51-9199.00 -> 51-919, 51-91, 51. */
const groupsOf = (code: string) => [code.slice(0, 6), code.slice(0, 5), code.slice(0, 2)];

function commonest(zones: number[]): number {
  const count = new Map<number, number>();
  for (const z of zones) count.set(z, (count.get(z) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
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
