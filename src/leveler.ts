// The one leveler: a ladder with its matcher and every knowledge source wired once (the English
// dictionary and fuzzy finder the typo reading uses, the O*NET occupations, the overrides, the pay
// table), as every command of the CLI uses it and as the library gives it. Its answers are the
// CLI's --json objects, key for key.
import { labelSource } from './io/languages.js';
import { AnswerMemo, shortAnswer, type AnswerMemoOptions } from './core/answers.js';
import { EvalTally, goldRow, labelReaders } from './core/eval.js';
import { Matcher, type TitleReading } from './core/match.js';
import { searchOccupations, type OccupationHit } from './core/occupations.js';
import type { PayTable } from './core/pay.js';
import type { Reason } from './core/reasons.js';
import type { CompaniesView, CompanyView, CrosswalkView, EvalJson, FamiliesView, LadderView, LaddersView, MatchJson, OccupationsView, PayView, ShownCard } from './core/contract.js';
import type { Ladder, MatchResult } from './core/types.js';
import { cardView, familiesView, ladderView, occupationsView, payView } from './core/views.js';
import { UsageError } from './errors.js';
import { cardFamily, checkRegion, DEFAULT_REGION, familyOption, levelArgument, occupationArgument } from './arguments.js';
import { englishWords } from './io/dictionary.js';
import { ladderDir, loadLadder } from './io/ladder.js';
import { occupationSource, type OccupationSource } from './io/occupations.js';
import { loadOverrides } from './io/overrides.js';
import { paySource } from './io/pay.js';
import { placeSource } from './io/places.js';
import { evalJson, matchJson } from './output/json.js';
import { shown } from './output/shown.js';
import { nameKey, type Company, type CompanyIndex } from './core/companies.js';
import { companiesView, companyView, crosswalkView, laddersView } from './core/company-views.js';

export interface LevelerOptions {
  /** A ladder folder (default: $LEVELER_DATA, else the shipped ladder). */
  data?: string;
  /** The country whose survey pay the answers show, such as US, GB, DE (default US). */
  region?: string;
  /** Whether the folder's overrides.yaml pins titles (default true). */
  overrides?: boolean;
  /** Where a relative `data` path starts (default: the process's working folder). */
  cwd?: string;
  /** The environment $LEVELER_DATA is read from (default: the process's). */
  env?: Record<string, string | undefined>;
  /** Hears what is worth saying once (a ladder of one's own read with the shipped occupation model); the CLI writes it to stderr. */
  onNotice?: (message: string) => void;
}

export interface MatchQuery {
  /** Years of experience. */
  years?: number | null;
  /** The company whose ladder the title is read on first ("Google", "meta", "AWS"); `companies()` lists them. */
  company?: string | null;
  /** A family id, instead of the family the title names. */
  family?: string | null;
  /** How many alternatives (default 3). */
  top?: number;
}

/** A row for matchMany: a title, or a title with its years. */
export type TitleRow = string | { title: string; years?: number | null };

/** A labelled row for eval: the levels a team expects ("?" or null: not scored; "": no match, or no family, expected). */
export interface GoldInput {
  title: string;
  years?: number | null;
  level: string | null;
  family?: string | null;
  /** A SOC code, compared at 6 digits (15-2051). */
  occupation?: string | null;
}

export class Leveler {
  /** @internal The ladder: its levels, tracks and families (list() and families() give them as data). */
  readonly ladder: Ladder;
  /** The region answers show pay for. */
  readonly region: string;
  /** @internal Made when first needed: show, list and pay never match a title. */
  private readonly makeMatcher: () => Matcher;
  /** @internal */
  private made: Matcher | null = null;
  /** @internal */
  private readonly occupationData: OccupationSource;
  /** @internal */
  private readonly payTable: () => PayTable;

  /** @internal */
  private readonly where: { dir: string; cwd: string };
  /** @internal */
  private companyData: Promise<CompanyIndex> | null = null;

  /** @internal Use createLeveler(). */
  constructor(ladder: Ladder, makeMatcher: () => Matcher, occupationData: OccupationSource, payTable: () => PayTable, region: string, where: { dir: string; cwd: string }) {
    this.ladder = ladder;
    this.makeMatcher = makeMatcher;
    this.occupationData = occupationData;
    this.payTable = payTable;
    this.region = region;
    this.where = where;
  }

  /** @internal The company ladders (the folder's companies/ and the shipped ones), read on first need. */
  companyIndex(): Promise<CompanyIndex> {
    const levels = new Set(this.ladder.levels.map((l) => l.code));
    // Loaded only here: its schemas and the YAML parser are no part of a plain match's start.
    return (this.companyData ??= import('./io/companies.js').then(({ loadCompanies }) => loadCompanies(this.where.dir, this.where.cwd, levels, (reads) => this.matcher.bandLevel(reads))));
  }

  /** @internal A company by its name, id or alias; an unknown one is a usage error naming the closest. */
  async company(name: string): Promise<Company> {
    const index = await this.companyIndex();
    const found = index.find(name);
    if (found) return found;
    const near = index.closest(name).map((c) => c.name);
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}? ` : '';
    throw new UsageError(`unknown company ${shown(name)}`, `${hint}leveler companies lists the ${index.companies.length} companies`);
  }

  private fuzzyLoaded = false;

  /** @internal */
  private get matcher(): Matcher {
    return (this.made ??= this.makeMatcher());
  }

  /** Loads the fuzzy finder when a title needs it (most never do: fuse.js is the slowest part of start-up). */
  private async ready(title?: string): Promise<void> {
    if (this.fuzzyLoaded || (title !== undefined && !this.matcher.needsFuzzy(title))) return;
    this.matcher.useFuzzy((await import('./core/fuzzy.js')).fuseFinder);
    this.fuzzyLoaded = true;
  }

  /** @internal The family id a --family names (an unknown one is a usage error), or null for none. */
  familyId(family: string | null | undefined): string | null {
    return family === undefined || family === null ? null : familyOption(this.ladder, family).id;
  }

  /** A title's answer, as `leveler match --json` prints it. */
  async match(title: string, query: MatchQuery = {}): Promise<MatchJson> {
    return matchJson(await this.result(title, query));
  }

  /** @internal A title's answer with its reasons as data (src/core/reasons.ts). */
  async result(title: string, query: MatchQuery = {}): Promise<MatchResult> {
    // A title of no letter or digit ("", "-", "()") is no title at all.
    if (!/[\p{L}\p{N}]/u.test(title)) throw new UsageError(title.trim() === '' ? 'the title is empty' : `the title ${shown(title)} has no words`, 'give a job title, such as: leveler match "Senior Data Scientist"');
    await this.ready(title);
    const company = query.company === undefined || query.company === null ? null : await this.company(query.company);
    return this.matcher.match(title, { years: query.years ?? null, family: this.familyId(query.family), top: query.top ?? 3, company });
  }

  /**
   * Answers for many titles, in order, as `leveler batch --format ndjson` gives them (without the row
   * number): each distinct title (and years value) is answered once. Answers of repeated titles are
   * the same object: treat them as read-only.
   */
  async *matchMany(rows: Iterable<TitleRow> | AsyncIterable<TitleRow>, query: Omit<MatchQuery, 'years'> = {}): AsyncGenerator<MatchJson> {
    const memo = await this.answers({ family: this.familyId(query.family), quotesYears: true, explain: true, keep: matchJson });
    for await (const row of rows) {
      const { title, years } = typeof row === 'string' ? { title: row, years: null } : row;
      yield memo.answer(title, years ?? null);
    }
  }

  /**
   * @internal Each distinct title answered once, kept as `keep` makes it (see src/core/answers.ts):
   * batch, eval and triage read files through it. `pay: false` leaves cards without their pay.
   */
  async answers<T>(options: Omit<AnswerMemoOptions<T>, 'keep'> & { keep: (result: MatchResult) => T; pay?: boolean }): Promise<AnswerMemo<T>> {
    // Many titles: some will need the fuzzy finder.
    await this.ready();
    return new AnswerMemo(this.matcher, options, options.pay ?? true);
  }

  /** A level's card: a family's (default: the ladder's only one), or an O*NET occupation's; what `show --json` prints. */
  show(level: string, of: { family?: string; occupation?: string } = {}): ShownCard {
    const def = levelArgument(this.ladder, level);
    if (of.family !== undefined && of.occupation !== undefined) throw new UsageError('--family and --occupation both name a card', 'give one of them');
    const target = of.occupation !== undefined ? { occupation: occupationArgument(of.occupation, this.occupationData) } : { family: cardFamily(this.ladder, of.family) };
    return cardView(this.ladder, def, target, this.payTable(), this.region);
  }

  /** Every level, with a family's role for each: what `list --json` prints. */
  list(of: { family?: string } = {}): LadderView {
    return ladderView(this.ladder, cardFamily(this.ladder, of.family));
  }

  /**
   * The companies with a ladder: all, or those whose id, name or alias holds the query's words;
   * a query that names one company gives its ladder. What `companies --json` prints.
   */
  async companies(query = ''): Promise<CompaniesView | CompanyView> {
    const index = await this.companyIndex();
    const q = query.trim();
    if (q === '') return companiesView(index.companies, null);
    const one = index.find(q);
    if (one) return companyView(this.ladder, one);
    const key = nameKey(q);
    const some = index.companies.filter((c) => [c.id, c.name, ...c.aliases].some((n) => nameKey(n).includes(key)));
    if (some.length === 1) return companyView(this.ladder, some[0]!);
    if (some.length > 1) return companiesView(some, q);
    await this.company(q); // an unknown company: a usage error naming the closest
    return companiesView([], q);
  }

  /**
   * @internal The companies that have `code` as a level code ("E5": Meta's and DoorDash's), each with
   * its ladder level: what a bare code with no --company could mean. Empty for anything longer than a code.
   */
  async companiesWithCode(code: string): Promise<{ name: string; code: string; level: string; band: string | null }[]> {
    if (code.trim().length === 0 || code.trim().length > 12) return [];
    const index = await this.companyIndex();
    return index.companies.flatMap((c) => {
      const level = index.levels(c, code.trim())[0];
      return level ? [{ name: c.name, code: level.code, level: level.level, band: level.band?.name ?? null }] : [];
    });
  }

  /** `from` ("google:L5") at other companies (default: every one), by the ladder level both equal: what `crosswalk --json` prints. */
  async crosswalk(from: string, to: string[] = []): Promise<CrosswalkView> {
    const cut = from.lastIndexOf(':');
    if (cut <= 0 || cut === from.length - 1) throw new UsageError(`${shown(from)} names no level`, 'give COMPANY:CODE, such as google:L5 (leveler companies google lists its codes)');
    const company = await this.company(from.slice(0, cut));
    const index = await this.companyIndex();
    const code = from.slice(cut + 1);
    const levels = index.levels(company, code);
    if (levels.length === 0) throw new UsageError(`${company.name} has no level ${shown(code)}`, `its codes are ${[...new Set(company.levels.map((l) => l.code))].join(', ')}`);
    const targets = to.length > 0 ? await Promise.all(to.map((t) => this.company(t))) : index.companies;
    return crosswalkView(this.ladder, company, levels[0]!, targets);
  }

  /** Whole company ladders side by side, by the ladder's levels: what `crosswalk A B --json` prints. */
  async ladders(names: string[]): Promise<LaddersView> {
    const companies = await Promise.all(names.map((n) => this.company(n)));
    return laddersView(this.ladder, companies);
  }

  /** Every job family: what `families --json` prints. */
  families(): FamiliesView {
    return familiesView(this.ladder);
  }

  /** The O*NET occupations a query's words point to, best first, or all of them: what `occupations --json` prints. */
  occupations(query = '', { top = 10 }: { top?: number } = {}): OccupationsView {
    const index = this.occupationData.index();
    const q = query.trim();
    const hits: OccupationHit[] = q === '' ? index.occupations.map((o) => ({ occupation: o, matched: o.title, score: 1 })) : searchOccupations(index, this.occupationData.model(), q, top);
    return occupationsView(index, q === '' ? null : q, hits);
  }

  /** A family's pay by level, or an occupation's U.S. wages: what `pay --json` prints. */
  pay(of: { family?: string; occupation?: string }): PayView {
    if (of.family === undefined && of.occupation === undefined) throw new UsageError('pay needs --family ID or --occupation CODE', 'such as: leveler pay --family ai-ml (leveler families lists them)');
    if (of.family !== undefined && of.occupation !== undefined) throw new UsageError('--family and --occupation both name whose pay to show', 'give one of them');
    // An O*NET-SOC code must name an occupation (15-1252.99 is none); a 6-digit code is OEWS's own.
    if (of.occupation?.includes('.')) occupationArgument(of.occupation, this.occupationData);
    const view = payView(this.ladder, this.payTable(), this.region, of.family !== undefined ? { family: familyOption(this.ladder, of.family) } : { occupation: of.occupation! });
    if (of.occupation !== undefined && view.oews === null) {
      throw new UsageError(`no OEWS wages for "${of.occupation}"`, 'give a detailed 2018 SOC code, such as 29-1141 (leveler occupations lists them)');
    }
    return view;
  }

  /** Scores the ladder against labelled titles, as `eval --json` does (without the file's name and its label problems). */
  async eval(rows: Iterable<GoldInput> | AsyncIterable<GoldInput>, { top = 20 }: { top?: number } = {}): Promise<EvalJson> {
    const tally = await this.evalTally(top, true);
    const memo = await this.answers({ family: null, quotesYears: false, quotesTitle: false, explain: false, keep: shortAnswer, pay: false });
    const labels = labelReaders(this.ladder);
    // A row's values read as the CLI reads a gold file's cells (null: no such column).
    const columns = { title: 0, years: 1, level: 2, family: 3, occupation: 4 };
    let row = 0;
    for await (const r of rows) {
      const cells = [r.title, r.years === undefined || r.years === null ? '' : String(r.years), r.level ?? '?', r.family ?? '?', r.occupation ?? ''];
      const gold = goldRow((at) => cells[at], ++row, columns, labels, () => {});
      tally.add(gold, memo.answer(gold.title, gold.years));
    }
    return evalJson(tally.report((title, years) => this.explain(title, years)));
  }

  /** @internal An empty tally for eval, in the ladder's level order. */
  async evalTally(top: number, withOccupation: boolean, own?: (s: string) => string): Promise<EvalTally> {
    return new EvalTally({ levelOrder: this.ladder.levels.map((l) => l.code), withOccupation, keepMisses: top, ...(own ? { own } : {}) });
  }

  /** @internal A title's reasons, worked out again (a listed miss, a troubled title). */
  explain(title: string, years: number | null, family: string | null = null): Reason[] {
    return this.matcher.match(title, { years, family, top: 0 }).reasons;
  }

  /** @internal The whole answer, reasons as data, for a title read again (triage's listed titles). */
  explained(title: string, years: number | null, family: string | null = null): MatchResult {
    return this.matcher.match(title, { years, family, top: 0 });
  }

  /** @internal The reading batch keeps of a title. */
  read(title: string, family: string | null = null): TitleReading {
    return this.matcher.readTitle(title, family);
  }
}

/**
 * The leveler the CLI uses, with its defaults: the shipped ladder (or $LEVELER_DATA, or `data`),
 * pay for the US, overrides read. Throws a LevelerError (UsageError, DataError) with the message
 * and hint the CLI prints, for an unknown region or an invalid ladder or overrides file.
 */
export async function createLeveler(options: LevelerOptions = {}): Promise<Leveler> {
  const cwd = options.cwd ?? process.cwd();
  const dir = ladderDir(options.data, options.env ?? process.env, cwd);
  const { ladder, lexicon, familyOccupations } = await loadLadder(dir, cwd);
  const occupations = occupationSource(dir, cwd, familyOccupations, options.onNotice);
  const pay = paySource(dir, cwd);
  const labels = labelSource(dir, cwd);
  const places = placeSource(dir, cwd);
  const region = (options.region ?? DEFAULT_REGION).toUpperCase();
  checkRegion(pay, region);
  // An override's code must name an occupation: the occupation index is read only if one has a code.
  const overrides = options.overrides === false ? null : await loadOverrides(dir, cwd, ladder, { knownOccupation: (code) => occupations.get(code) !== undefined });
  const matcher = () => new Matcher(ladder, lexicon).useDictionary(englishWords()).useOccupations(occupations).useLabels(labels).usePlaces(places).useOverrides(overrides).usePay(pay, region);
  return new Leveler(ladder, matcher, occupations, pay, region, { dir, cwd });
}
