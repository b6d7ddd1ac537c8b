// leveler pay as text: a family's pay by level with a bar per level, 79 columns at most and readable
// without colour, and an occupation's OEWS wages; tab-separated lines for a pipe.
import { bar } from './bars.js';
import { thousands } from '../core/numbers.js';
import { dollars, oewsValue } from '../core/pay.js';
import type { PayView } from '../core/views.js';
import { renderTsv } from './plain.js';

/** One tab-separated line per level (level, name, n, p25, median, p75), then the occupation's. */
export function renderPayTsv({ levels, oews }: PayView): string {
  const rows = levels.map((s) => [s.level, s.name, String(s.n), ...[s.p25, s.median, s.p75].map((v) => (v === null ? '' : String(v)))]);
  if (oews) rows.push([oews.code, oews.title, '', ...(['p25', 'median', 'p75'] as const).map((k) => (oews.topCoded.includes(k) ? `${oews.topCode} or more` : String(oews[k] ?? '')))]);
  return renderTsv(rows);
}

/** Cells of the widest bar: the highest median. */
const BAR = 10;
const scaled = (value: number, max: number) => bar(value / max, BAR);

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const left = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The pay table for a terminal: 79 columns at most, readable without colour. */
export function renderPayText({ family, region, levels, oews, survey }: PayView): string {
  const out: string[] = [];
  if (family && survey) {
    out.push(`${family.name}: annual pay by level, ${region}, in USD`);
    out.push(`${survey.source}, ${survey.years[0]}–${survey.years[1]}, full-time responses`);
    out.push(`${pad('Level', 5)} ${pad('Name', 24)} ${left('n', 6)} ${left('P25', 9)} ${left('Median', 9)} ${left('P75', 9)}`);
    const max = Math.max(1, ...levels.map((l) => l.median ?? 0));
    for (const s of levels) {
      const { level, name } = s;
      const head = `${pad(level, 5)} ${pad(name, 24)} ${left(thousands(s.n), 6)}`;
      if (s.median === null) out.push(`${head} ${s.n === 0 ? 'no responses' : 'too few responses'}`);
      else out.push(`${head} ${left(dollars(s.p25!), 9)} ${left(dollars(s.median), 9)} ${left(dollars(s.p75!), 9)}  ${scaled(s.median, max)}`);
    }
    out.push(`No figure from under ${survey.minimum} responses. Self-reported: see the README on the limits.`);
  }
  if (oews) {
    if (family) out.push('');
    out.push(`${oews.code} ${oews.title}: U.S. annual wages, ${oews.source} ${oews.period}`);
    const keys = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
    const max = Math.max(1, ...keys.map((k) => (oews.topCoded.includes(k) ? oews.topCode : (oews[k] ?? 0))));
    for (const k of keys) {
      const v = oews.topCoded.includes(k) ? null : oews[k];
      const label = pad(k === 'median' ? 'Median' : k.toUpperCase(), 7);
      out.push(`  ${label}${v === null ? `  ${oewsValue(oews, k)}` : `${left(dollars(v), 9)}  ${scaled(v, max)}`}`);
    }
  }
  return `${out.join('\n')}\n`;
}
