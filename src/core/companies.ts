// Company ladders: each company's level codes ("L5", "E5", "SDE II", "62"), the titles it gives at
// each, and the market band (bands.yaml) its sources place each in; names and aliases found however
// they are written; the checks a set of company files must pass; and crosswalks between companies.
// Pure: src/io/companies.ts reads the files, src/core/stages/company.ts reads a title with one.
import type { BandDef, CompanyFile, CompanyLevelDef } from './company-schema.js';
import type { DataPath } from './validate.js';
import { editDistance } from './typos.js';

export type { BandDef, CompanyFile, CompanyLevelDef } from './company-schema.js';

/** A company file as read, with where it was read from. */
export interface NamedCompany {
  file: string;
  /** The id its file name implies (companies/google.yaml -> google). */
  expectedId: string;
  company: CompanyFile;
}

export interface CompanyLevel {
  code: string;
  /** Other codes it is written with. */
  also: string[];
  titles: string[];
  track: 'ic' | 'management';
  /** The market band its sources place it in; null where the file names a ladder level instead. */
  band: BandDef | null;
  /** The level of the ladder it equals: its band's (by the ladder's markers), or the file's own `level`. */
  level: string;
  years: { min: number; max?: number } | null;
  /** The sources, as URLs or repository paths. */
  sources: string[];
  /** Another band some sources give, and theirs. */
  disputed: { band: BandDef; level: string; sources: string[] } | null;
}

export interface Company {
  id: string;
  name: string;
  aliases: string[];
  levels: CompanyLevel[];
  /** The file it was read from, as shown to the user. */
  file: string;
}

/** A company's name as looked up: case, accents, punctuation and the generic words it ends with do not matter ("Snap Inc." is snap, "Cisco Systems, Inc." cisco). */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join('');
}

/** Words a legal or filed name ends with that do not tell one company from another ("Amazon.com Services LLC", "Cisco Systems, Inc."). */
const SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'pbc', 'holdings',
  'services', 'technologies', 'technology', 'platforms', 'labs', 'systems', 'software', 'solutions', 'international', 'global', 'usa', 'us', 'america',
]);

/** The companies, found by id, name or alias. */
export class CompanyIndex {
  private readonly byKey = new Map<string, Company>();

  constructor(
    readonly companies: readonly Company[],
    readonly bands: readonly BandDef[],
  ) {
    for (const c of companies) for (const n of [c.id, c.name, ...c.aliases]) if (!this.byKey.has(nameKey(n))) this.byKey.set(nameKey(n), c);
  }

  find(name: string): Company | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** The companies whose name or an alias is nearest `name`: those it begins or is within two edits of, nearest first. */
  closest(name: string, n = 5): Company[] {
    const key = nameKey(name);
    const scored = new Map<Company, number>();
    for (const [k, c] of this.byKey) {
      const d = k.startsWith(key) || key.startsWith(k) ? 0.5 : editDistance(key, k, 3);
      if (d <= Math.max(2, Math.floor(key.length / 3)) && d < (scored.get(c) ?? Infinity)) scored.set(c, d);
    }
    return [...scored].sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name)).slice(0, n).map(([c]) => c);
  }

  /** A company's levels by a code, written in any case and spacing ("l5", "SDE-II"): one per track at most, the IC track's first. */
  levels(company: Company, code: string): CompanyLevel[] {
    const key = codeKey(code);
    return company.levels.filter((l) => codeKey(l.code) === key || l.also.some((a) => codeKey(a) === key)).sort((a, b) => Number(a.track === 'management') - Number(b.track === 'management'));
  }
}

/** A level code as compared: case, spaces and punctuation do not matter. */
export const codeKey = (code: string) => code.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The checks company files must pass beyond their schema: ids match file names and are unique, no
 * name or alias names two companies, codes are unique within a company, bands and levels exist,
 * a level names a band or a ladder level (not both), every source key is defined.
 */
export function checkCompanies(files: NamedCompany[], bands: readonly BandDef[], levelCodes: ReadonlySet<string>): { file: string; path: DataPath; message: string }[] {
  const problems: { file: string; path: DataPath; message: string }[] = [];
  const bandIds = new Set(bands.map((b) => b.id));
  const bandList = [...bandIds].join(', ');
  const owner = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const { file, expectedId, company: c } of files) {
    const at = (path: DataPath, message: string) => problems.push({ file, path, message });
    if (c.id !== expectedId) at(['id'], `id "${c.id}" does not match the file name; name the file ${c.id}.yaml or the id ${expectedId}`);
    if (ids.has(c.id)) at(['id'], `company "${c.id}" is defined twice (also in ${ids.get(c.id)}); keep one`);
    ids.set(c.id, file);
    [c.id, c.name, ...c.aliases].forEach((n, i) => {
      const key = nameKey(n);
      const other = owner.get(key);
      if (other !== undefined && other !== c.id) at(i < 2 ? [i === 0 ? 'id' : 'name'] : ['aliases', i - 2], `"${n}" also names company "${other}"; a name or alias may name one company`);
      else owner.set(key, c.id);
    });
    // A code may stand on both tracks (Google's L6 is a staff engineer's and a manager's), once on each.
    const codes = new Map<string, number>();
    c.levels.forEach((l, i) => {
      [l.code, ...l.also].forEach((code, j) => {
        const path = j === 0 ? ['levels', i, 'code'] : ['levels', i, 'also', j - 1];
        const key = `${l.track} ${codeKey(code)}`;
        if (codeKey(code) === '') at(path, `code "${code}" has no letter or digit`);
        else if (codes.has(key)) at(path, `code "${code}" is listed twice on the ${l.track} track (levels[${codes.get(key)}] too); list each code once per track`);
        codes.set(key, i);
      });
      checkLevel(l, (path, message) => at(['levels', i, ...path], message));
    });
    for (const { path, key } of undefinedSources(c)) at(path, `source "${key}" is not defined; add it under sources: with its URL`);
  }
  return problems;

  function checkLevel(l: CompanyLevelDef, at: (path: DataPath, message: string) => void): void {
    if (l.band === undefined && l.level === undefined) at(['code'], `level "${l.code}" names neither a band nor a level; give band: (one of ${bandList}) or level: (a level of the ladder)`);
    if (l.band !== undefined && l.level !== undefined) at(['level'], `level "${l.code}" names both a band and a level; give one`);
    if (l.band !== undefined && !bandIds.has(l.band)) at(['band'], `unknown band "${l.band}"; the bands are ${bandList}`);
    if (l.disputed && !bandIds.has(l.disputed.band)) at(['disputed', 'band'], `unknown band "${l.disputed.band}"; the bands are ${bandList}`);
    if (l.level !== undefined && ![...levelCodes].some((c) => c.toUpperCase() === l.level!.toUpperCase())) at(['level'], `unknown level "${l.level}"; the ladder's levels are ${[...levelCodes].join(', ')}`);
    if (l.years?.max !== undefined && l.years.max < l.years.min) at(['years', 'max'], `years.max (${l.years.max}) is below years.min (${l.years.min})`);
  }
}

/** Source keys a company's levels use that its `sources` does not define. */
function undefinedSources(c: CompanyFile): { path: DataPath; key: string }[] {
  const out: { path: DataPath; key: string }[] = [];
  c.levels.forEach((l, i) => {
    l.sources.forEach((k, j) => {
      if (!(k in c.sources)) out.push({ path: ['levels', i, 'sources', j], key: k });
    });
    l.disputed?.sources.forEach((k, j) => {
      if (!(k in c.sources)) out.push({ path: ['levels', i, 'disputed', 'sources', j], key: k });
    });
  });
  return out;
}

/** A company level's place for a crosswalk: the same ladder level, on the same track. */
export interface CrosswalkRow {
  company: Company;
  /** The company's levels at that ladder level (none: the company has no level there). */
  levels: CompanyLevel[];
}

/** The levels of each company equal to a ladder level on a track (a company may have two codes at one level, or none). */
export function crosswalk(companies: readonly Company[], level: string, track: CompanyLevel['track']): CrosswalkRow[] {
  return companies.map((company) => ({ company, levels: company.levels.filter((l) => l.level === level && l.track === track) }));
}
