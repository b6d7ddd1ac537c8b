// `companies` and `crosswalk` in a pipe: tab-separated lines, one per level (no table library loaded).
import { bandText } from '../core/cards.js';
import type { CompaniesView, CompanyView, CrosswalkView, LaddersView } from '../core/company-views.js';
import { renderTsv } from './plain.js';

export const track = (t: string) => (t === 'ic' ? 'IC' : 'Mgmt');

export function companiesTsv(v: CompaniesView): string {
  return renderTsv(v.companies.map((c) => [c.id, c.name, String(c.levels), c.aliases.join(', ')]));
}

export function companyTsv(v: CompanyView): string {
  return renderTsv(v.levels.map((l) => [v.id, l.code, l.track, l.level, l.band ?? '', l.years ? bandText(l.years) : '', l.titles.join('; ')]));
}

export function crosswalkTsv(v: CrosswalkView): string {
  return renderTsv(v.to.flatMap((t) => (t.levels.length === 0 ? [[t.company, '', v.from.level, '', '']] : t.levels.map((l) => [t.company, l.code, l.level, l.band ?? '', l.titles.join('; ')]))));
}

export function laddersTsv(v: LaddersView): string {
  return renderTsv([['level', ...v.companies.map((c) => c.id)], ...v.levels.map((l) => [l.level, ...v.companies.map((c) => l.codes[c.id]!.join(','))])]);
}
