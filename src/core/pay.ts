// The pay stage: what a level pays, from the pay table scripts/build-pay.mjs builds (data/pay.tsv):
// the survey's figures for the card's family x level x region, and OEWS's U.S. wages for its
// occupation. Pure: the table is loaded by src/io/pay.ts. No figure from fewer responses than the
// table's minimum is ever shown, and OEWS's top-coded wages stay "or more", never a number.

import { socOf } from './soc.js';
import { thousands } from './numbers.js';

export interface SurveyCell {
  n: number;
  p25?: number;
  p50?: number;
  p75?: number;
}

export interface OewsRow {
  title: string;
  /** Annual wages in USD; "#" where OEWS top-codes (at or above its top), null where it has none. */
  p10: number | '#' | null;
  p25: number | '#' | null;
  p50: number | '#' | null;
  p75: number | '#' | null;
  p90: number | '#' | null;
}

/** What the pay table says of itself, and its two lookups (src/io/pay.ts reads them in place). */
export interface PayTable {
  survey: {
    source: string;
    credit: string;
    years: [number, number];
    /** No percentile from fewer responses than this. */
    minimum: number;
    /** The survey's experience levels, read as the ladder's levels where a title has no marker. */
    experienceLevels: Record<string, string>;
  };
  oews: {
    source: string;
    credit: string;
    period: string;
    /** OEWS's top: a top-coded wage is at or above it. */
    topCode: number;
  };
  /** The survey's responses for a family x level x region (a country code). */
  cell(family: string, level: string, region: string): SurveyCell | undefined;
  /** OEWS's wages for a 6-digit 2018 SOC code. */
  occupation(soc: string): OewsRow | undefined;
  /** The regions (country codes) the survey has responses from, sorted. */
  regions(): string[];
}

/** The survey's figures for one family x level x region. Percentiles only from `minimum` responses on. */
export interface SurveyPay {
  source: string;
  region: string;
  years: [number, number];
  n: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
  /** Why there is no figure: "too few responses (n = 12)". */
  note: string | null;
}

const PERCENTILES = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;

/** OEWS's U.S. wages for an occupation; a top-coded percentile is null and named in topCoded. */
export interface OewsPay {
  source: string;
  region: 'US';
  period: string;
  code: string;
  title: string;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  /** Percentiles at or above OEWS's top (`topCode`): "$239,200 or more". */
  topCoded: ('p10' | 'p25' | 'median' | 'p75' | 'p90')[];
  topCode: number;
}

export interface MarketPay {
  region: string;
  survey: SurveyPay | null;
  oews: OewsPay | null;
}

/** The survey's figures for a family x level in a region; null when the survey has no response there. */
export function surveyPay(table: PayTable, family: string | null, level: string, region: string): SurveyPay | null {
  const cell = family === null ? undefined : table.cell(family, level, region);
  const s = table.survey;
  const base = { source: s.source, region, years: s.years };
  if (cell === undefined) return family === null ? null : { ...base, n: 0, p25: null, median: null, p75: null, note: 'no responses' };
  if (cell.n < s.minimum || cell.p50 === undefined) return { ...base, n: cell.n, p25: null, median: null, p75: null, note: `too few responses (n = ${cell.n})` };
  return { ...base, n: cell.n, p25: cell.p25 ?? null, median: cell.p50, p75: cell.p75 ?? null, note: null };
}

/** OEWS's wages for a 2018 SOC code (or an O*NET-SOC code's first seven characters); null when OEWS has none. */
export function oewsPay(table: PayTable, code: string | null): OewsPay | null {
  if (code === null) return null;
  const soc = socOf(code);
  const row = table.occupation(soc);
  if (!row) return null;
  const topCoded: OewsPay['topCoded'] = [];
  const value = (k: (typeof PERCENTILES)[number]) => {
    const v = row[k];
    if (v === '#') topCoded.push(k === 'p50' ? 'median' : k);
    return typeof v === 'number' ? v : null;
  };
  const [p10, p25, median, p75, p90] = PERCENTILES.map(value) as [number | null, number | null, number | null, number | null, number | null];
  return { source: table.oews.source, region: 'US', period: table.oews.period, code: soc, title: row.title, p10, p25, median, p75, p90, topCoded, topCode: table.oews.topCode };
}

/** A card's pay; `soc` may list codes, and the first OEWS has wages for is shown. */
export function marketPay(table: PayTable, family: string | null, level: string, soc: string | readonly (string | null | undefined)[] | null, region: string): MarketPay {
  const codes = typeof soc === 'string' || soc === null ? [soc] : soc;
  let oews: OewsPay | null = null;
  for (const code of codes) if (oews === null && code) oews = oewsPay(table, code);
  return { region, survey: surveyPay(table, family, level, region), oews };
}

/** "$155,000" */
export function dollars(n: number): string {
  return `$${thousands(n)}`;
}

/** An OEWS percentile as read: dollars, "$239,200 or more", or "—" where OEWS has none. */
export function oewsValue(o: OewsPay, key: OewsPay['topCoded'][number]): string {
  if (o.topCoded.includes(key)) return `${dollars(o.topCode)} or more`;
  const v = o[key];
  return v === null ? '—' : dollars(v);
}

/** The survey's figures in a line: "US, aijobs.net salary survey 2020–2024, n = 6,014: median $155,000 (P25 $120,000 – P75 $190,000)". */
export function surveyText(s: SurveyPay): string {
  const where = `${s.region}, ${s.source} ${s.years[0]}–${s.years[1]}`;
  if (s.median === null) return `${where}: ${s.note ?? 'no figure'}`;
  return `${where}, n = ${thousands(s.n)}: median ${dollars(s.median)} (P25 ${dollars(s.p25!)} – P75 ${dollars(s.p75!)})`;
}

/** OEWS's wages in a line: "US, BLS OEWS May 2024, 15-2051 Data Scientists: median $112,590 (P10 … – P90 …)". */
export function oewsText(o: OewsPay): string {
  return `US, ${o.source} ${o.period}, ${o.code} ${o.title}: median ${oewsValue(o, 'median')} (P10 ${oewsValue(o, 'p10')} – P90 ${oewsValue(o, 'p90')})`;
}
