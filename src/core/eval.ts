// `leveler eval`: a labelled file scored against the ladder. Pure: the rows come read and answered.
// A label "?" is not scored (two answers are fair); an empty level means "no match expected", an
// empty family "no family". Occupations are compared at 6 digits (the SOC code: 15-2051).
import type { MatchResult } from './types.js';

/** One labelled row and leveler's answer. */
export interface GoldRow {
  row: number;
  title: string;
  years: number | null;
  /** null: not scored ("?"); '' : no match expected. */
  level: string | null;
  family: string | null;
  occupation: string | null;
  result: MatchResult;
}

export interface Score {
  right: number;
  scored: number;
  /** right / scored, 0 to 1; null when nothing was scored. */
  accuracy: number | null;
}

export interface LevelStats {
  level: string;
  /** Rows labelled with the level. */
  support: number;
  /** Of the rows given the level, the share labelled with it. */
  precision: number | null;
  /** Of the rows labelled with the level, the share given it. */
  recall: number | null;
}

export interface Miss {
  row: number;
  title: string;
  years: number | null;
  want: { level: string | null; family: string | null; occupation: string | null };
  got: { level: string | null; family: string | null; occupation: string | null; confidence: number };
  /** Which columns are wrong. */
  wrong: ('level' | 'family' | 'occupation')[];
  reasons: string[];
}

export interface EvalReport {
  rows: number;
  /** Rows with every scored column right, unscored ones counted right (as ../shared/tools/accuracy.mjs counts). */
  rowsRight: number;
  level: Score;
  family: Score;
  occupation: Score | null;
  perLevel: LevelStats[];
  /** Expected level (rows) by given level (columns); "none" for no match. */
  confusion: { labels: string[]; counts: number[][] };
  /** Worst first: more columns wrong, then the more confident wrong answer. */
  misses: Miss[];
}

export const NONE = 'none';

const score = (right: number, scored: number): Score => ({ right, scored, accuracy: scored === 0 ? null : right / scored });

/** The report for answered rows; `levelOrder` orders the matrix (the ladder's levels). */
export function evaluate(rows: GoldRow[], levelOrder: string[], withOccupation: boolean): EvalReport {
  let levelRight = 0;
  let levelScored = 0;
  let familyRight = 0;
  let familyScored = 0;
  let occRight = 0;
  let occScored = 0;
  let rowsRight = 0;
  const misses: Miss[] = [];
  const pairs = new Map<string, number>();
  const labels = new Set<string>();
  for (const r of rows) {
    const m = r.result.match;
    const got = {
      level: m?.level ?? null,
      family: m?.family ?? null,
      occupation: m?.occupation?.code.slice(0, 7) ?? null,
      confidence: m?.confidence ?? 0,
    };
    const wrong: Miss['wrong'] = [];
    if (r.level !== null) {
      levelScored++;
      const want = r.level === '' ? null : r.level;
      if (want === got.level) levelRight++;
      else wrong.push('level');
      const key = `${want ?? NONE}\t${got.level ?? NONE}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      labels.add(want ?? NONE).add(got.level ?? NONE);
    }
    if (r.family !== null) {
      familyScored++;
      if ((r.family === '' ? null : r.family) === got.family) familyRight++;
      else wrong.push('family');
    }
    if (withOccupation && r.occupation !== null) {
      occScored++;
      if ((r.occupation === '' ? null : r.occupation.slice(0, 7)) === got.occupation) occRight++;
      else wrong.push('occupation');
    }
    if (wrong.length === 0) rowsRight++;
    else {
      misses.push({
        row: r.row,
        title: r.title,
        years: r.years,
        want: { level: r.level, family: r.family, occupation: withOccupation ? r.occupation : null },
        got,
        wrong,
        reasons: r.result.reasons,
      });
    }
  }
  misses.sort((a, b) => b.wrong.length - a.wrong.length || b.got.confidence - a.got.confidence || a.row - b.row);
  const order = [...levelOrder.filter((l) => labels.has(l)), ...[...labels].filter((l) => l !== NONE && !levelOrder.includes(l)).sort(), ...(labels.has(NONE) ? [NONE] : [])];
  const counts = order.map((want) => order.map((got) => pairs.get(`${want}\t${got}`) ?? 0));
  const perLevel: LevelStats[] = order
    .filter((l) => l !== NONE)
    .map((level, i) => {
      const support = counts[i]!.reduce((a, b) => a + b, 0);
      const given = counts.reduce((a, row) => a + row[i]!, 0);
      const hit = counts[i]![i]!;
      return { level, support, precision: given === 0 ? null : hit / given, recall: support === 0 ? null : hit / support };
    });
  return {
    rows: rows.length,
    rowsRight,
    level: score(levelRight, levelScored),
    family: score(familyRight, familyScored),
    occupation: withOccupation ? score(occRight, occScored) : null,
    perLevel,
    confusion: { labels: order, counts },
    misses,
  };
}
