// `companies` and `crosswalk` for a terminal: tables that fit the width (80 columns and up); in a
// pipe, src/output/companies-plain.ts.
import Table from 'cli-table3';
import { bandText } from '../core/cards.js';
import type { CompaniesView, CompanyLevelView, CompanyView, CrosswalkView, LaddersView } from '../core/company-views.js';
import type { Paint } from './color.js';
import { track } from './companies-plain.js';

interface TableContext {
  paint: Paint;
  width: number;
}

const STYLE = { head: [], border: [] };
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const years = (l: CompanyLevelView) => (l.years ? bandText(l.years) : '—');
const band = (l: CompanyLevelView) => `${l.band ?? '(own)'}${l.disputed ? ` / ${l.disputed.band}?` : ''}`;

/** A line cut to the width, with an ellipsis where it is cut. */
function fit(line: string, width: number): string {
  const room = Math.min(width, 140);
  return line.length <= room ? line : `${line.slice(0, room - 1)}…`;
}

/** Column widths that fill `width` (at most 140): fixed ones, and the rest to the last column. */
function widths(fixed: number[], width: number, min: number): number[] {
  const rest = Math.max(min, Math.min(width, 140) - fixed.reduce((a, b) => a + b, 0) - (fixed.length + 2));
  return [...fixed, rest];
}

export function companiesTable(v: CompaniesView, { paint, width }: TableContext): string {
  const table = new Table({ head: ['Company', 'Name', 'Levels', 'Also known as'].map((h) => paint.bold(h)), colWidths: widths([16, 18, 8], width, 20), wordWrap: true, style: STYLE, chars: COMPACT });
  for (const c of v.companies) table.push([paint.cyan(c.id), c.name, String(c.levels), c.aliases.join(', ') || '—']);
  return `${table.toString()}\n${v.companies.length} compan${v.companies.length === 1 ? 'y' : 'ies'}; leveler companies NAME shows one's ladder\n`;
}

export function companyTable(v: CompanyView, { paint, width }: TableContext): string {
  const head = ['Code', 'Track', 'Level', 'Band', 'Years', 'Titles'].map((h) => paint.bold(h));
  const table = new Table({ head, colWidths: widths([8, 6, 7, 14, 11], width, 24), wordWrap: true, style: STYLE, chars: COMPACT });
  for (const l of v.levels) table.push([paint.cyan(l.code), track(l.track), l.level, band(l), years(l), l.titles.join('; ') || '—']);
  const aka = v.aliases.length > 0 ? fit(`also ${v.aliases.join(', ')}`, width) + '\n' : '';
  const disputed = v.levels.some((l) => l.disputed) ? '\n"?" marks a band some sources give instead; --json lists every source' : '\n--json lists the sources of each level';
  return `${paint.bold(v.name)} · ${v.file}\n${aka}${table.toString()}${disputed}\n`;
}

export function crosswalkTable(v: CrosswalkView, { paint, width }: TableContext): string {
  const f = v.from;
  const head = ['Company', 'Code', 'Band', 'Years', 'Titles'].map((h) => paint.bold(h));
  const table = new Table({ head, colWidths: widths([16, 9, 15, 9], width, 24), wordWrap: true, style: STYLE, chars: COMPACT });
  for (const t of v.to) {
    if (t.levels.length === 0) table.push([paint.cyan(t.name), paint.dim('—'), '', '', paint.dim(`no ${track(f.track)} level at ${f.level}`)]);
    for (const l of t.levels) table.push([paint.cyan(t.name), l.code, band(l), years(l), l.titles.join('; ') || '—']);
  }
  return `${paint.bold(`${f.code} at ${f.name}`)} is ${f.level} (${f.levelName})${f.band ? `, the ${f.band.toLowerCase()} band` : ''}\n${table.toString()}\n`;
}

export function laddersTable(v: LaddersView, { paint, width }: TableContext): string {
  const n = v.companies.length;
  const room = Math.max(n * 10, Math.min(width, 140) - 8 - 24 - (n + 3));
  const each = Math.max(10, Math.floor(room / n));
  const head = ['Level', 'Name', ...v.companies.map((c) => c.name)].map((h) => paint.bold(h));
  const table = new Table({ head, colWidths: [8, 24, ...v.companies.map(() => each)], wordWrap: true, style: STYLE, chars: COMPACT });
  for (const l of v.levels) table.push([paint.cyan(l.level), l.levelName, ...v.companies.map((c) => l.codes[c.id]!.join(', ') || paint.dim('—'))]);
  return `${table.toString()}\n`;
}
