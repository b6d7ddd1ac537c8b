// The text of `leveler eval`: scores, per-level precision and recall, the confusion matrix, the misses.
import { reasonText } from './reasons.js';
import { NONE, type EvalReport } from '../core/eval.js';
import { thousands } from '../core/numbers.js';
import type { Paint } from './color.js';

/** A share as a percentage with one decimal; a dash when nothing was scored. */
export const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const pct = percent;

/** The report as text: a terminal gets tables with a shaded matrix; a pipe, tab-separated sections. */
export function renderEval(file: string, r: EvalReport, paint: Paint, tty: boolean): string {
  const out: string[] = [];
  const scoreLine = (name: string, s: EvalReport['level'] | null) =>
    s === null ? null : `${name}\t${pct(s.accuracy)}\t${s.right} of ${s.scored} scored${r.rows > s.scored ? `, ${r.rows - s.scored} not scored` : ''}`;
  out.push(`${paint.bold(file)}: ${r.rows} rows, ${r.rowsRight} right`);
  for (const line of [scoreLine('level', r.level), scoreLine('family', r.family), scoreLine('occupation', r.occupation)]) if (line) out.push(line);
  out.push('', paint.bold('per level\tprecision\trecall\tlabelled'));
  for (const l of r.perLevel) out.push(`${l.level}\t${pct(l.precision)}\t${pct(l.recall)}\t${l.support}`);
  out.push('', paint.bold('expected \\ given'));
  const { labels, counts } = r.confusion;
  const width = Math.max(4, ...labels.map((l) => l.length), ...counts.flat().map((c) => String(c).length)) + 1;
  const cell = (s: string) => (tty ? s.padStart(width) : s);
  out.push([cell(''), ...labels.map(cell)].join(tty ? ' ' : '\t'));
  counts.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cells = row.map((c, j) => {
      const text = cell(c === 0 ? (tty ? '·' : '0') : String(c));
      return i === j ? paint.bold(text) : paint.shade(text, total === 0 ? 0 : c / total);
    });
    out.push([cell(labels[i]!), ...cells].join(tty ? ' ' : '\t'));
  });
  if (r.misses.length > 0) {
    out.push('', paint.bold(`misses, worst first (${r.misses.length} of ${thousands(r.missCount)})`));
    for (const m of r.misses) {
      const want = [m.want.level === '' ? NONE : (m.want.level ?? '?'), m.want.family === '' ? NONE : (m.want.family ?? '?'), ...(m.want.occupation !== null ? [m.want.occupation || NONE] : [])].join('/');
      const got = [m.got.level ?? NONE, m.got.family ?? NONE, ...(m.want.occupation !== null ? [m.got.occupation ?? NONE] : [])].join('/');
      out.push(`row ${m.row}\t${JSON.stringify(m.title)}${m.years === null ? '' : ` (${m.years} yrs)`}\twant ${want}\tgot ${got} (${m.got.confidence.toFixed(2)})`);
      for (const why of m.reasons.slice(0, 4)) out.push(`\t\t${paint.dim(reasonText(why))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

