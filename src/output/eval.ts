// The text of `leveler eval`: scores, per-level precision and recall, the confusion matrix, the misses.
import { reasonText } from './reasons.js';
import { NONE, type EvalReport } from '../core/eval.js';
import { thousands } from '../core/numbers.js';
import type { Paint } from './color.js';
import { wrapLine } from './wrap.js';

/** A share as a percentage with one decimal; a dash when nothing was scored. */
export const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const pct = percent;

/** The report as text: a terminal gets aligned tables with a shaded matrix, its lines broken between words; a pipe, tab-separated sections. */
export function renderEval(file: string, r: EvalReport, paint: Paint, tty: boolean, width = 0): string {
  const out: string[] = [];
  // On a terminal, columns are padded to line up (a tab lands wherever the terminal's stops are).
  const columns = (rows: string[][], align: ('l' | 'r')[]) => {
    if (!tty) return rows.map((row) => row.join('\t'));
    const widths = rows[0]!.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length)));
    return rows.map((row) => row.map((cell, k) => (align[k] === 'r' ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  ').trimEnd());
  };
  const score = (name: string, s: EvalReport['level'] | null) =>
    s === null ? null : [name, pct(s.accuracy), `${s.right} of ${s.scored} scored${r.rows > s.scored ? `, ${r.rows - s.scored} not scored` : ''}`];
  out.push(`${paint.bold(file)}: ${r.rows} rows, ${r.rowsRight} right`);
  const scores = [score('level', r.level), score('family', r.family), score('occupation', r.occupation)].filter((x): x is string[] => x !== null);
  if (scores.length > 0) out.push(...columns(scores, ['l', 'r', 'l']));
  const perLevel = columns([['per level', 'precision', 'recall', 'labelled'], ...r.perLevel.map((l) => [l.level, pct(l.precision), pct(l.recall), String(l.support)])], ['l', 'r', 'r', 'r']);
  out.push('', paint.bold(perLevel[0]!), ...perLevel.slice(1));
  out.push('', paint.bold('expected \\ given'));
  const { labels, counts } = r.confusion;
  const cellWidth = Math.max(4, ...labels.map((l) => l.length), ...counts.flat().map((c) => String(c).length)) + 1;
  const cell = (s: string) => (tty ? s.padStart(cellWidth) : s);
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
      const sep = tty ? '  ' : '\t';
      out.push(wrapLine(`row ${m.row}${sep}${JSON.stringify(m.title)}${m.years === null ? '' : ` (${m.years} yrs)`}${sep}want ${want}${sep}got ${got} (${m.got.confidence.toFixed(2)})`, tty ? width : 0, 4));
      for (const why of m.reasons.slice(0, 4)) out.push(tty ? wrapLine(`    ${paint.dim(reasonText(why))}`, width, 6) : `\t\t${paint.dim(reasonText(why))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

