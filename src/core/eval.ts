// `leveler eval`: a labelled file scored against the ladder. Pure: the rows come read and answered.
// A label "?" is not scored (two answers are fair); an empty level means "no match expected", an
// empty family "no family". Occupations are compared at 6 digits (the SOC code: 15-2051).
import { socOf } from './soc.js';
import type { ShortAnswer } from './answers.js';
import { parseYearsCell } from './batch.js';
import { findFamily, findLevel } from './cards.js';
import type { EvalReport, LevelStats, Miss, Score } from './contract.js';
import type { Reason } from './reasons.js';
import { isSocCode } from './soc.js';
import type { Ladder } from './types.js';

/** One labelled row: what the file expects. */
export interface GoldRow {
  row: number;
  title: string;
  years: number | null;
  /** null: not scored ("?"); '' : no match expected. */
  level: string | null;
  family: string | null;
  occupation: string | null;
}

export type { EvalReport, LevelStats, Miss, Score } from './contract.js';

export const NONE = 'none';

const score = (right: number, scored: number): Score => ({ right, scored, accuracy: scored === 0 ? null : right / scored });

const worse = (a: Miss, b: Miss) => b.wrong.length - a.wrong.length || b.got.confidence - a.got.confidence || a.row - b.row;

export interface EvalTallyOptions {
  /** The ladder's levels, in order: the matrix's order. */
  levelOrder: string[];
  withOccupation: boolean;
  /** How many misses the report lists; the rest are counted. */
  keepMisses: number;
  /** A title as kept for a listed miss: a copy that holds no reference to the input it came from. */
  own?: (title: string) => string;
}

/**
 * The scores of a labelled file, row by row: counts, the confusion pairs and the worst misses,
 * nothing per row. Memory holds however many rows the file has.
 */
export class EvalTally {
  private rows = 0;
  private rowsRight = 0;
  private readonly level = { right: 0, scored: 0 };
  private readonly family = { right: 0, scored: 0 };
  private readonly occupation = { right: 0, scored: 0 };
  private readonly pairs = new Map<string, number>();
  private readonly labels = new Set<string>();
  private missCount = 0;
  /** The worst misses so far: trimmed to keepMisses whenever it holds twice as many. */
  private misses: Miss[] = [];
  /** Whether `misses` is sorted and trimmed, so its last is the least bad that makes the list. */
  private sorted = true;

  constructor(private readonly o: EvalTallyOptions) {}

  add(r: GoldRow, got: ShortAnswer): void {
    this.rows++;
    const occupation = got.occupation === null ? null : socOf(got.occupation);
    const wrong: Miss['wrong'] = [];
    if (r.level !== null) {
      this.level.scored++;
      const want = r.level === '' ? null : r.level;
      if (want === got.level) this.level.right++;
      else wrong.push('level');
      const key = `${want ?? NONE}\t${got.level ?? NONE}`;
      this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
      this.labels.add(want ?? NONE).add(got.level ?? NONE);
    }
    if (r.family !== null) {
      this.family.scored++;
      if ((r.family === '' ? null : r.family) === got.family) this.family.right++;
      else wrong.push('family');
    }
    if (this.o.withOccupation && r.occupation !== null) {
      this.occupation.scored++;
      if ((r.occupation === '' ? null : socOf(r.occupation)) === occupation) this.occupation.right++;
      else wrong.push('occupation');
    }
    if (wrong.length === 0) {
      this.rowsRight++;
      return;
    }
    this.missCount++;
    if (this.o.keepMisses === 0) return;
    const miss: Miss = {
      row: r.row,
      title: r.title,
      years: r.years,
      want: { level: r.level, family: r.family, occupation: this.o.withOccupation ? r.occupation : null },
      got: { level: got.level, family: got.family, occupation, confidence: got.confidence },
      wrong,
      reasons: [],
    };
    const k = this.o.keepMisses;
    // Only a miss that could make the list is kept, with its own copy of the title.
    if (this.misses.length >= k && worse(miss, this.misses[k - 1]!) > 0 && this.sorted) return;
    miss.title = this.o.own ? this.o.own(miss.title) : miss.title;
    this.misses.push(miss);
    this.sorted = false;
    if (this.misses.length >= 2 * k) this.trim();
  }

  private trim(): void {
    this.misses.sort(worse);
    this.misses.length = Math.min(this.misses.length, this.o.keepMisses);
    this.sorted = true;
  }

  /** Whether any row was scored in any column. */
  get scoredAny(): boolean {
    return this.level.scored + this.family.scored + this.occupation.scored > 0;
  }

  /** The report; `reasonsOf` gives the reasons of a listed miss (answered again, with its reasons). */
  report(reasonsOf: (title: string, years: number | null) => Reason[]): EvalReport {
    this.trim();
    const { levelOrder } = this.o;
    const labels = this.labels;
    const order = [...levelOrder.filter((l) => labels.has(l)), ...[...labels].filter((l) => l !== NONE && !levelOrder.includes(l)).sort(), ...(labels.has(NONE) ? [NONE] : [])];
    const counts = order.map((want) => order.map((got) => this.pairs.get(`${want}\t${got}`) ?? 0));
    const perLevel: LevelStats[] = order
      .filter((l) => l !== NONE)
      .map((level, i) => {
        const support = counts[i]!.reduce((a, b) => a + b, 0);
        const given = counts.reduce((a, row) => a + row[i]!, 0);
        const hit = counts[i]![i]!;
        return { level, support, precision: given === 0 ? null : hit / given, recall: support === 0 ? null : hit / support };
      });
    return {
      rows: this.rows,
      rowsRight: this.rowsRight,
      level: score(this.level.right, this.level.scored),
      family: score(this.family.right, this.family.scored),
      occupation: this.o.withOccupation ? score(this.occupation.right, this.occupation.scored) : null,
      perLevel,
      confusion: { labels: order, counts },
      missCount: this.missCount,
      misses: this.misses.map((m) => ({ ...m, reasons: reasonsOf(m.title, m.years) })),
    };
  }
}

/** Where a labelled row's values are: column numbers, -1 for none. */
export interface GoldColumns {
  title: number;
  years: number;
  level: number;
  family: number;
  occupation: number;
}

type LabelReader = (value: string) => string | null;

/** A label's reading, worked out once per distinct label: the ladder's level code, family id, or a SOC code; null when unknown. */
export function labelReaders(ladder: Ladder): { level: LabelReader; family: LabelReader; occupation: LabelReader } {
  const memo = (read: LabelReader): LabelReader => {
    const seen = new Map<string, string | null>();
    return (v) => {
      let r = seen.get(v);
      if (r === undefined) {
        r = read(v);
        if (seen.size < 10_000) seen.set(v, r);
      }
      return r;
    };
  };
  return {
    level: memo((v) => findLevel(ladder, v)?.code ?? null),
    family: memo((v) => findFamily(ladder, v)?.id ?? null),
    occupation: (v) => (isSocCode(v) ? v : null),
  };
}

/** A cell eval cannot read: an unknown label, or years that are not years (`why`). */
export interface GoldProblem {
  row: number;
  what: 'years' | 'level' | 'family' | 'occupation';
  value: string;
  /** For years: why they are not ("is not a number of years …"). */
  why?: string;
}

/**
 * A labelled row from its cells (`cell(column)`, undefined past the row's end): "?" is not scored,
 * an empty label means no match (or no family) expected; an unknown label or a years cell that
 * is not years is a problem, passed to `problem`, and not scored.
 */
export function goldRow(cell: (at: number) => string | undefined, row: number, c: GoldColumns, labels: ReturnType<typeof labelReaders>, problem: (p: GoldProblem) => void): GoldRow {
  const trimmed = (at: number) => (at < 0 ? undefined : (cell(at) ?? '').trim());
  const yearsText = trimmed(c.years);
  const yearsCell = parseYearsCell(yearsText);
  let years: number | null = null;
  if (yearsCell && 'error' in yearsCell) problem({ row, what: 'years', value: yearsText!, why: yearsCell.error });
  else if (yearsCell) years = yearsCell.years;
  const label = (at: number, what: GoldProblem['what'], read: LabelReader): string | null => {
    const v = trimmed(at);
    if (v === undefined || v === '?') return null;
    if (v === '') return '';
    const known = read(v);
    if (known === null) problem({ row, what, value: v });
    return known;
  };
  return {
    row,
    title: cell(c.title) ?? '',
    years,
    level: label(c.level, 'level', labels.level),
    family: c.family < 0 ? null : label(c.family, 'family', labels.family),
    // An empty SOC cell is a code nobody filed: not scored.
    occupation: label(c.occupation, 'occupation', labels.occupation) || null,
  };
}
