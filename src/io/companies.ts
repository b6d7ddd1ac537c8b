// Company ladders: the companies/ folder of the shipped data, and of a --data ladder folder. A
// ladder folder's own company files come first (a file with a shipped company's id replaces it);
// its bands.yaml, else the shipped one, maps each band to a level by the ladder's own markers.
// Read only when a command needs them (--company, companies, crosswalk, validate): the YAML
// parser loads then.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CompanyIndex, checkCompanies, type BandDef, type Company, type NamedCompany } from '../core/companies.js';
import { BandsFileSchema, CompanyFileSchema } from '../core/company-schema.js';
import { DataError } from '../errors.js';
import { displayPath, readText, shippedDataDir, type DataFile, type Problem } from './ladder.js';

export const COMPANIES_DIR = 'companies';
export const BANDS_FILE = 'bands.yaml';

/** What maps a band to the ladder: the level its `reads` title carries by the ladder's markers, or null. */
export type BandReader = (reads: string) => string | null;

export interface CompaniesRead {
  index: CompanyIndex | null;
  problems: Problem[];
}

/** The yaml files of a folder's companies/, by name; [] without one. */
function companyFiles(dir: string, cwd: string): DataFile[] {
  const folder = join(dir, COMPANIES_DIR);
  if (!existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    throw new DataError(`cannot read ${displayPath(folder, cwd)}: ${(e as Error).message}`, 'companies/ must be a folder of YAML files');
  }
  return names.map((name) => {
    const path = join(folder, name);
    return { name, display: displayPath(path, cwd), text: readText(path, cwd) };
  });
}

/**
 * The companies of a ladder folder (with the shipped ones) and every problem of their files, each
 * with its file and line. `levels` are the ladder's level codes.
 */
export async function readCompanies(dir: string, cwd: string, levels: ReadonlySet<string>, bandReader: BandReader): Promise<CompaniesRead> {
  const { parseDataFile, sortProblems } = await import('./parse-ladder.js');
  const shipped = resolve(shippedDataDir());
  const own = resolve(dir) === shipped ? [] : companyFiles(dir, cwd);
  const base = companyFiles(shipped, cwd);
  const problems: Problem[] = [];
  const lines = new Map<string, (path: (string | number)[]) => number | null>();

  // Bands: the folder's own file, else the shipped one. A shipped band the ladder's markers do not
  // read is no problem of the folder's: the shipped companies' levels in it are left out.
  const ownBands = own.find((f) => f.name === BANDS_FILE);
  const bandsFile = ownBands ?? base.find((f) => f.name === BANDS_FILE);
  const bandsAreOwn = ownBands !== undefined || resolve(dir) === shipped;
  let bands: BandDef[] = [];
  if (bandsFile) {
    const parsed = parseDataFile(bandsFile, BandsFileSchema);
    problems.push(...parsed.problems);
    bands = parsed.data?.bands ?? [];
    const seen = new Set<string>();
    bands.forEach((b, i) => {
      if (seen.has(b.id)) problems.push({ file: bandsFile.display, line: parsed.line(['bands', i, 'id']), message: `band "${b.id}" is listed twice; list each once` });
      seen.add(b.id);
      if (bandsAreOwn && bandReader(b.reads) === null) problems.push({ file: bandsFile.display, line: parsed.line(['bands', i, 'reads']), message: `"${b.reads}" carries no level marker of the ladder; give a title whose marker names the band's level` });
    });
  }

  const named: NamedCompany[] = [];
  const ownIds = new Set<string>();
  const ownFiles = new Set(own.map((f) => f.display));
  for (const [files, isOwn] of [[own, true], [base, false]] as const) {
    for (const file of files) {
      if (file.name === BANDS_FILE) continue;
      const parsed = parseDataFile(file, CompanyFileSchema);
      lines.set(file.display, parsed.line);
      // A shipped company the folder defines again is the folder's.
      if (!isOwn && parsed.data && ownIds.has(parsed.data.id)) continue;
      problems.push(...parsed.problems);
      if (parsed.data === null) continue;
      if (isOwn) ownIds.add(parsed.data.id);
      named.push({ file: file.display, expectedId: file.name.replace(/\.ya?ml$/, ''), company: parsed.data });
    }
  }
  for (const p of checkCompanies(named, bands, levels)) problems.push({ file: p.file, line: lines.get(p.file)?.(p.path) ?? null, message: p.message });
  // The folder's own company files must name bands this ladder reads (the shipped bands.yaml's, or its own).
  for (const n of named.filter((x) => ownFiles.has(x.file))) {
    n.company.levels.forEach((l, i) => {
      const band = bands.find((b) => b.id === l.band);
      if (band && bandReader(band.reads) === null) {
        problems.push({ file: n.file, line: lines.get(n.file)?.(['levels', i, 'band']) ?? null, message: `band "${band.id}" names no level of this ladder (its "${band.reads}" carries no marker of it); give level: instead` });
      }
    });
  }
  if (problems.length > 0) return { index: null, problems: sortProblems(problems, [...own, ...base]) };
  const companies = named.map((n) => resolveCompany(n, bands, bandReader, levels)).filter((c) => c.levels.length > 0);
  return { index: new CompanyIndex(companies, bands), problems };
}

/** A company file with each band read as the ladder's level. */
function resolveCompany({ file, company: c }: NamedCompany, bands: BandDef[], bandReader: BandReader, levels: ReadonlySet<string>): Company {
  const bandOf = (id: string) => bands.find((b) => b.id === id)!;
  const source = (key: string) => c.sources[key]!;
  const levelCode = (code: string) => [...levels].find((l) => l.toUpperCase() === code.toUpperCase())!;
  return {
    id: c.id,
    name: c.name,
    aliases: c.aliases,
    file,
    // A shipped level whose band this ladder's markers do not read is left out (a folder's own is a problem above).
    levels: c.levels.flatMap((l) => {
      const band = l.band !== undefined ? bandOf(l.band) : null;
      if (band !== null && bandReader(band.reads) === null) return [];
      const disputedBand = l.disputed && bandReader(bandOf(l.disputed.band).reads) !== null ? bandOf(l.disputed.band) : null;
      return [{
        code: l.code,
        also: l.also,
        titles: l.titles,
        track: l.track,
        band,
        level: band ? bandReader(band.reads)! : levelCode(l.level!),
        years: l.years ?? band?.years ?? null,
        sources: l.sources.map(source),
        disputed: disputedBand ? { band: disputedBand, level: bandReader(disputedBand.reads)!, sources: l.disputed!.sources.map(source) } : null,
      }];
    }),
  };
}

/** The companies for matching: any problem validate reports stops the command, naming its file and line. */
export async function loadCompanies(dir: string, cwd: string, levels: ReadonlySet<string>, bandReader: BandReader): Promise<CompanyIndex> {
  const read = await readCompanies(dir, cwd, levels, bandReader);
  if (read.index === null) {
    const p = read.problems[0]!;
    const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more)` : '';
    throw new DataError(`invalid company ladder: ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}${more}`, `run \`leveler validate --data ${displayPath(dir, cwd)}\` to list every problem`);
  }
  return read.index;
}
