// What `companies` and `crosswalk` print, as data: the JSON contract of those commands (README,
// "JSON contract"), which their tables and plain lines render.
import type { Company, CompanyLevel } from './companies.js';
import type { CompaniesView, CompanyLevelView, CompanyView, CrosswalkView, LaddersView } from './contract.js';
import type { Ladder } from './types.js';

export type { CompaniesView, CompanyLevelView, CompanyView, CrosswalkView, LaddersView } from './contract.js';

export function companyLevelView(ladder: Ladder, l: CompanyLevel): CompanyLevelView {
  const def = ladder.levels.find((d) => d.code === l.level);
  return {
    code: l.code,
    titles: l.titles,
    track: l.track,
    band: l.band?.name ?? null,
    level: l.level,
    levelName: def?.name ?? l.level,
    years: l.years ? { min: l.years.min, max: l.years.max ?? null } : null,
    sources: l.sources,
    disputed: l.disputed ? { band: l.disputed.band.name, level: l.disputed.level, sources: l.disputed.sources } : null,
  };
}

export function companiesView(companies: readonly Company[], query: string | null): CompaniesView {
  return { query, companies: companies.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, levels: c.levels.length, file: c.file })) };
}

export function companyView(ladder: Ladder, c: Company): CompanyView {
  return { id: c.id, name: c.name, aliases: c.aliases, file: c.file, levels: c.levels.map((l) => companyLevelView(ladder, l)) };
}

export function crosswalkView(ladder: Ladder, company: Company, level: CompanyLevel, targets: readonly Company[]): CrosswalkView {
  const def = ladder.levels.find((d) => d.code === level.level);
  return {
    from: { company: company.id, name: company.name, code: level.code, level: level.level, levelName: def?.name ?? level.level, track: level.track, band: level.band?.name ?? null },
    to: targets
      .filter((t) => t !== company)
      .map((t) => ({ company: t.id, name: t.name, levels: t.levels.filter((l) => l.level === level.level && l.track === level.track).map((l) => companyLevelView(ladder, l)) })),
  };
}

export function laddersView(ladder: Ladder, companies: readonly Company[]): LaddersView {
  const used = new Set(companies.flatMap((c) => c.levels.map((l) => l.level)));
  return {
    companies: companies.map((c) => ({ id: c.id, name: c.name })),
    levels: ladder.levels
      .filter((d) => used.has(d.code))
      .map((d) => ({
        level: d.code,
        levelName: d.name,
        track: d.track,
        codes: Object.fromEntries(companies.map((c) => [c.id, c.levels.filter((l) => l.level === d.code).map((l) => l.code)])),
      })),
  };
}
