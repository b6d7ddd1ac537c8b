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
  /** Rows of each trouble (a title with years may be fine in some rows and not in others). */
  troubled: Map<Trouble, number>;
  /** The first troubled answer: what leveler read. */
  result: MatchResult | null;
}

export class Triage {
  readonly counts: TriageCounts = { rows: 0, ok: 0, unmatched: 0, lowConfidence: 0, noFamily: 0 };
  private readonly titles = new Map<string, Seen>();
  /** A title's trouble with these years, worked out once; the answer kept only while the title has none. */
  private readonly answers = new Map<string, { trouble: Trouble | null; result: MatchResult | null }>();

  constructor(private readonly answer: (title: string, years: number | null) => MatchResult) {}

  /** Counts a row; a title is answered once for each years value it comes with. */
  add(title: string, years: number | null = null): void {
    let seen = this.titles.get(title);
    if (seen === undefined) this.titles.set(title, (seen = { rows: 0, troubled: new Map(), result: null }));
    const key = years === null ? title : `${title}\u0000${years}`;
    let known = this.answers.get(key);
    if (known === undefined) {
      const result = this.answer(title, years);
      const trouble = troubleOf(result);
      // Only a troubled answer is kept: memory grows with the distinct titles, not the rows.
      known = { trouble, result: trouble === null ? null : result };
      this.answers.set(key, known);
    }
    seen.rows++;
    const c = this.counts;
    c.rows++;
    const t = known.trouble;
    if (t === null) {
      c.ok++;
      return;
    }
    seen.troubled.set(t, (seen.troubled.get(t) ?? 0) + 1);
    seen.result ??= known.result;
    if (t === 'unmatched') c.unmatched++;
    else if (t === 'low-confidence') c.lowConfidence++;
    else c.noFamily++;
  }

  get distinct(): number {
    return this.titles.size;
  }

  /** The troubled titles by troubled rows, most first (ties by title), each with the running share. */
  list(top: number, only?: Trouble): TriageTitle[] {
    const rowsOf = (s: Seen) => (only === undefined ? [...s.troubled.values()].reduce((a, b) => a + b, 0) : (s.troubled.get(only) ?? 0));
    const troubled = [...this.titles].map(([title, s]) => ({ title, s, rows: rowsOf(s) })).filter((x) => x.rows > 0);
    troubled.sort((a, b) => b.rows - a.rows || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    const total = troubled.reduce((n, x) => n + x.rows, 0);
    let running = 0;
    return troubled.slice(0, top).map(({ title, s, rows }) => {
      running += rows;
      // The title's trouble: the one most of its rows have.
      const trouble = only ?? [...s.troubled].sort((a, b) => b[1] - a[1])[0]![0];
      const m = s.result!.match;
      return {
        title,
        rows,
        trouble,
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
