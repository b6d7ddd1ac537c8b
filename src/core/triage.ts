// `leveler triage`: which distinct titles of a file cost the most rows that are unmatched, of low
// confidence, or without a family, and what leveler read in them. Pure: the command reads the file
// and answers each distinct title once (src/core/answers.ts).
import { LOW_CONFIDENCE } from './batch.js';
import type { ShortAnswer } from './answers.js';
import type { Reason, ReasonKind } from './reasons.js';
import { TitleIndex } from './title-index.js';
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
  reasons: Reason[];
  /** Rows of this title and every title above it, as a share of all the troubled rows. */
  runningShare: number;
}

/** Which trouble an answer has, if any: unmatched first, then low confidence, then no family. */
export function troubleOf(answer: Pick<ShortAnswer, 'level' | 'family' | 'confidence'>, low = LOW_CONFIDENCE): Trouble | null {
  if (answer.level === null) return 'unmatched';
  if (answer.confidence < low) return 'low-confidence';
  if (answer.family === null) return 'no-family';
  return null;
}

const TROUBLES: Trouble[] = ['unmatched', 'low-confidence', 'no-family'];

/** A Uint32Array grown by doubling. */
function grown(a: Uint32Array, size: number): Uint32Array {
  if (size < a.length) return a;
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The rows of each distinct title, in arrays indexed by the title's number (src/core/title-index.ts):
 * a count per trouble and the years of its first troubled row, nothing else. Memory grows with the
 * distinct titles (about 60 bytes each beside the title's bytes), never with the rows; what leveler
 * read in a title is worked out again only for the titles listed.
 */
export class Triage {
  readonly counts: TriageCounts = { rows: 0, ok: 0, unmatched: 0, lowConfidence: 0, noFamily: 0 };
  private readonly index = new TitleIndex();
  /** Rows of each title by trouble, in TROUBLES' order. */
  private troubled: Uint32Array[] = [new Uint32Array(1024), new Uint32Array(1024), new Uint32Array(1024)];
  /** The years of a title's first troubled row (NaN: none). */
  private firstYears: Float64Array = new Float64Array(1024);

  /** @param lowConfidence the ladder's low-confidence line (ladder.yaml `confidence.low`). */
  constructor(private readonly lowConfidence = LOW_CONFIDENCE) {}

  /** Counts a row of `title` with these years and the answer they get. */
  add(title: string, years: number | null, answer: ShortAnswer): void {
    const id = this.index.id(title);
    if (id >= this.firstYears.length) {
      this.troubled = this.troubled.map((a) => grown(a, id));
      const bigger = new Float64Array(this.firstYears.length * 2);
      bigger.set(this.firstYears);
      this.firstYears = bigger;
    }
    const c = this.counts;
    c.rows++;
    const t = troubleOf(answer, this.lowConfidence);
    if (t === null) {
      c.ok++;
      return;
    }
    if (this.rowsOf(id) === 0) this.firstYears[id] = years ?? NaN;
    this.troubled[TROUBLES.indexOf(t)]![id]! += 1;
    if (t === 'unmatched') c.unmatched++;
    else if (t === 'low-confidence') c.lowConfidence++;
    else c.noFamily++;
  }

  get distinct(): number {
    return this.index.size;
  }

  /** Troubled rows of a title (of one kind, or of all). */
  private rowsOf(id: number, only?: Trouble): number {
    if (only !== undefined) return this.troubled[TROUBLES.indexOf(only)]![id]!;
    return this.troubled[0]![id]! + this.troubled[1]![id]! + this.troubled[2]![id]!;
  }

  /**
   * The `n` troubled titles with the most rows, most first, ties by title; and the troubled rows in
   * all. A heap of `n`: nothing is kept per title, whatever the number of titles.
   */
  private top(n: number, only?: Trouble): { ids: number[]; total: number } {
    const titles = new Map<number, string>();
    const titleOf = (id: number) => titles.get(id) ?? this.index.title(id);
    // a before b: more rows, then the title first in order.
    const before = (a: number, b: number) => {
      const d = this.rowsOf(a, only) - this.rowsOf(b, only);
      return d !== 0 ? d > 0 : titleOf(a) < titleOf(b);
    };
    // A heap whose root is the last of those kept.
    const heap: number[] = [];
    const up = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let last = i;
        if (l < heap.length && before(heap[last]!, heap[l]!)) last = l;
        if (r < heap.length && before(heap[last]!, heap[r]!)) last = r;
        if (last === i) return;
        [heap[last], heap[i]] = [heap[i]!, heap[last]!];
        i = last;
      }
    };
    let total = 0;
    for (let id = 0; id < this.index.size; id++) {
      const rows = this.rowsOf(id, only);
      if (rows === 0) continue;
      total += rows;
      if (n <= 0) continue;
      if (heap.length < n) {
        titles.set(id, this.index.title(id));
        heap.push(id);
        up(heap.length - 1);
      } else if (before(id, heap[0]!)) {
        titles.delete(heap[0]!);
        titles.set(id, this.index.title(id));
        heap[0] = id;
        down(0);
      }
    }
    return { ids: heap.sort((a, b) => (before(a, b) ? -1 : 1)), total };
  }

  /**
   * The `top` troubled titles by troubled rows, each with the running share, and what leveler read
   * in it: `explain` answers the title again, with its reasons, with the years of its first troubled row.
   */
  list(top: number, explain: (title: string, years: number | null) => MatchResult, only?: Trouble): TriageTitle[] {
    const { ids, total } = this.top(top, only);
    let running = 0;
    return ids.map((id) => {
      const rows = this.rowsOf(id, only);
      running += rows;
      // The title's trouble: the one most of its rows have.
      const trouble = only ?? TROUBLES.reduce((best, t) => (this.rowsOf(id, t) > this.rowsOf(id, best) ? t : best));
      const years = this.firstYears[id]!;
      const title = this.index.title(id);
      const result = explain(title, Number.isNaN(years) ? null : years);
      const m = result.match;
      return {
        title,
        rows,
        trouble,
        level: m?.level ?? null,
        family: m?.family ?? null,
        occupation: m?.occupation ? { code: m.occupation.code, title: m.occupation.title } : null,
        confidence: m?.confidence ?? 0,
        reasons: result.reasons,
        runningShare: total === 0 ? 0 : running / total,
      };
    });
  }

  /** How many of the troubled rows (of a kind) the top `n` titles account for. */
  share(n: number, only?: Trouble): { rows: number; of: number } {
    const { ids, total } = this.top(n, only);
    return { rows: ids.reduce((k, id) => k + this.rowsOf(id, only), 0), of: total };
  }
}

/** The reasons that say why a title is of low confidence: what its level and its occupation rest on. */
const WEAK: ReadonlySet<ReasonKind> = new Set(['years-band', 'default-level', 'occupation', 'occupation-outside-family', 'occupation-of-family']);

/** The reason that says why a troubled title stopped where it did: read from the reasons' kinds. */
export function troubleReason(t: Pick<TriageTitle, 'trouble' | 'reasons'>): Reason | undefined {
  if (t.trouble === 'unmatched') return t.reasons.at(-1);
  if (t.trouble === 'no-family') return t.reasons.find((r) => r.kind === 'no-family');
  return t.reasons.find((r) => WEAK.has(r.kind)) ?? t.reasons.at(-1);
}
