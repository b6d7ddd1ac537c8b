import type { MatchResult } from './types.js';
import { MAX_YEARS, readYears, type YearsReading } from './years.js';
// Decisions of `batch` that need no I/O: which column holds the title, how a years cell reads,
// and the running tally behind the summary.

/** Header names taken as the title column when --column is not given, best first. */
export const TITLE_HEADERS = ['title', 'job_title', 'job title', 'jobtitle', 'job-title', 'position', 'role'];

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The index of `name` in the header (case and surrounding space ignored); else, when `name` is a
 * number from 1 to the header's width, that column (1-based, as cut and xsv count); else -1.
 */
export function columnIndex(header: string[], name: string): number {
  const wanted = norm(name);
  const named = header.findIndex((h) => norm(h) === wanted);
  if (named >= 0) return named;
  const n = /^\d{1,6}$/.test(wanted) ? Number(wanted) : 0;
  return n >= 1 && n <= header.length ? n - 1 : -1;
}

/** The first of `names` (best first) the header has, case and spaces aside; -1 for none. */
function firstNamed(header: string[], names: readonly string[]): number {
  for (const name of names) {
    const i = header.findIndex((h) => norm(h) === name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Header names of a file's own seniority column: batch says it could be read with --level-hint-column. */
export const HINT_HEADERS = ['experience_level', 'experience level', 'seniority', 'seniority_level', 'seniority level', 'career_level', 'career level', 'job_level', 'job level', 'grade', 'level'];

export const findHintColumn = (header: string[]) => firstNamed(header, HINT_HEADERS);

/** Header names taken as the years column when --years-column is not given, best first. */
export const YEARS_HEADERS = ['years', 'yoe', 'years_of_experience', 'years of experience', 'years_experience', 'experience_years', 'yrs'];

export const findYearsColumn = (header: string[]) => firstNamed(header, YEARS_HEADERS);

/** Header names taken as the company column by a bare --company-column, best first. */
export const COMPANY_HEADERS = ['company', 'employer', 'company_name', 'company name', 'employer_name', 'employer name', 'organization', 'organisation'];

export const findCompanyColumn = (header: string[]) => firstNamed(header, COMPANY_HEADERS);

export function findTitleColumn(header: string[]): number {
  for (const name of TITLE_HEADERS) {
    const i = columnIndex(header, name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Years from a cell: null for a blank cell, else the reading (years, or why not). */
export function parseYearsCell(cell: string | undefined): YearsReading | null {
  const text = (cell ?? '').trim();
  return text === '' ? null : readYears(text);
}

/**
 * The years of a cell of one or two digits (most cells), without the full grammar or an object
 * per row; -1 for any other cell, to be read by parseYearsCell. Both read such a cell alike.
 */
export function plainYears(cell: string): number {
  const d0 = cell.charCodeAt(0) - 48;
  if (d0 < 0 || d0 > 9) return -1;
  if (cell.length === 1) return d0;
  const d1 = cell.charCodeAt(1) - 48;
  if (cell.length !== 2 || d1 < 0 || d1 > 9) return -1;
  const n = d0 * 10 + d1;
  return n <= MAX_YEARS ? n : -1;
}

/** Under this, an answer is of low confidence, where the ladder does not say (ladder.yaml `confidence.low`). */
export const LOW_CONFIDENCE = 0.6;

/** Distinct unmatched titles the summary counts; past this, new ones are not (the counts so far stand). */
const UNMATCHED_TITLES = 10_000;

export class Tally {
  /** @param lowConfidence the ladder's low-confidence line (ladder.yaml `confidence.low`). */
  constructor(private readonly lowConfidence = LOW_CONFIDENCE) {}

  rows = 0;
  matched = 0;
  unmatched = 0;
  low = 0;
  /** Matched rows without a family. */
  noFamily = 0;
  readonly perLevel = new Map<string, number>();
  readonly perFamily = new Map<string, number>();
  /** Rows by unmatched title (see UNMATCHED_TITLES). */
  readonly unmatchedTitles = new Map<string, number>();

  add(level: string | null, confidence: number, family: string | null = null): void {
    this.rows++;
    if (level === null) {
      this.unmatched++;
      return;
    }
    this.matched++;
    if (confidence < this.lowConfidence) this.low++;
    this.perLevel.set(level, (this.perLevel.get(level) ?? 0) + 1);
    if (family === null) this.noFamily++;
    else this.perFamily.set(family, (this.perFamily.get(family) ?? 0) + 1);
  }

  /** Counts an unmatched row's title; `copy` makes a title its own string (not a slice of a chunk) before it is kept. */
  unmatchedTitle(title: string, copy: (s: string) => string = (s) => s): void {
    const n = this.unmatchedTitles.get(title);
    if (n !== undefined) this.unmatchedTitles.set(title, n + 1);
    else if (this.unmatchedTitles.size < UNMATCHED_TITLES) this.unmatchedTitles.set(copy(title), 1);
  }

  /** The unmatched titles with the most rows, most first. */
  topUnmatched(n: number): [title: string, rows: number][] {
    return [...this.unmatchedTitles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  }
}

/** What a row's answer is reduced to for the tally and the output: kept per distinct title. */
export interface RowAnswer {
  level: string | null;
  confidence: number;
  family: string | null;
  /** The row's output text, as the chosen format renders it (without the row's own fields). */
  text: string;
}

/** Distinct answer texts kept to be shared between titles. */
const SHARED_ANSWERS = 10_000;

/**
 * What batch keeps of an answer: its rendered text and what the tally counts. Titles share
 * answers: a CSV answer is one of a few hundred texts, each kept once.
 */
export function sharedAnswers(render: (result: MatchResult) => string): (result: MatchResult) => RowAnswer {
  const shared = new Map<string, RowAnswer>();
  return (r) => {
    const text = render(r);
    let a = shared.get(text);
    if (a === undefined) {
      a = { level: r.match?.level ?? null, confidence: r.match?.confidence ?? 0, family: r.match?.family ?? null, text };
      if (shared.size > SHARED_ANSWERS) shared.clear();
      shared.set(text, a);
    }
    return a;
  };
}
