// `leveler triage`: which distinct titles of a file cost the most rows that are unmatched, of low
// confidence, or without a family, and what leveler read in them. Pure: the command reads the file
// and answers each distinct title once.
import { LOW_CONFIDENCE } from './batch.js';
import type { MatchResult } from './types.js';

export type Trouble = 'unmatched' | 'low-confidence' | 'no-family';

/** Each row falls in exactly one: the counts add up to the rows. */
export interface TriageCounts {
  rows: number;
  ok: number;
  unmatched: number;
  lowConfidence: number;
  noFamily: number;
}

export interface TriageTitle {
  title: string;
  rows: number;
  trouble: Trouble;
  level: string | null;
  family: string | null;
  occupation: { code: string; title: string } | null;
  confidence: number;
  /** What leveler read, and why it stopped where it did. */
  reasons: string[];
  /** Rows of this title and every title above it, as a share of all the troubled rows. */
  runningShare: number;
}

/** Which trouble a title's answer has, if any: unmatched first, then low confidence, then no family. */
export function troubleOf(result: MatchResult): Trouble | null {
  const m = result.match;
  if (m === null) return 'unmatched';
  if (m.confidence < LOW_CONFIDENCE) return 'low-confidence';
  if (m.family === null) return 'no-family';
  return null;
}

interface Seen {
  rows: number;
  trouble: Trouble | null;
  result: MatchResult | null;
}

export class Triage {
  readonly counts: TriageCounts = { rows: 0, ok: 0, unmatched: 0, lowConfidence: 0, noFamily: 0 };
  private readonly titles = new Map<string, Seen>();

  constructor(private readonly answer: (title: string) => MatchResult) {}

  /** Counts a row; a title is answered the first time it is seen. */
  add(title: string): void {
    let seen = this.titles.get(title);
    if (seen === undefined) {
      const result = this.answer(title);
      const trouble = troubleOf(result);
      // Only a troubled title keeps its answer: memory grows with the distinct titles, not the rows.
      seen = { rows: 0, trouble, result: trouble === null ? null : result };
      this.titles.set(title, seen);
    }
    seen.rows++;
    const c = this.counts;
    c.rows++;
    if (seen.trouble === null) c.ok++;
    else if (seen.trouble === 'unmatched') c.unmatched++;
    else if (seen.trouble === 'low-confidence') c.lowConfidence++;
    else c.noFamily++;
  }

  get distinct(): number {
    return this.titles.size;
  }

  /** The troubled titles by rows, most first (ties by title), each with the running share. */
  list(top: number, only?: Trouble): TriageTitle[] {
    const troubled = [...this.titles].filter(([, s]) => s.trouble !== null && (only === undefined || s.trouble === only));
    troubled.sort((a, b) => b[1].rows - a[1].rows || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const total = troubled.reduce((n, [, s]) => n + s.rows, 0);
    let running = 0;
    return troubled.slice(0, top).map(([title, s]) => {
      running += s.rows;
      const m = s.result!.match;
      return {
        title,
        rows: s.rows,
        trouble: s.trouble!,
        level: m?.level ?? null,
        family: m?.family ?? null,
        occupation: m?.occupation ? { code: m.occupation.code, title: m.occupation.title } : null,
        confidence: m?.confidence ?? 0,
        reasons: s.result!.reasons,
        runningShare: total === 0 ? 0 : running / total,
      };
    });
  }

  /** How many of the troubled rows the top `n` titles (of a kind) account for. */
  share(n: number, only?: Trouble): { rows: number; of: number } {
    const list = this.list(Number.MAX_SAFE_INTEGER, only);
    return { rows: list.slice(0, n).reduce((k, t) => k + t.rows, 0), of: list.reduce((k, t) => k + t.rows, 0) };
  }
}
