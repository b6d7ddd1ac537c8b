// batch's companies: --company for every row, --company-column for each row's own (a column named
// company, employer… when no name is given, said on stderr as the years column is). A row whose
// company has no ladder is read with the standard markers, as without a company.
import { columnIndex, COMPANY_HEADERS, findCompanyColumn } from '../core/batch.js';
import type { Company, CompanyIndex } from '../core/companies.js';
import { thousands } from '../core/numbers.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io/terminal.js';
import type { Leveler } from '../leveler.js';
import { shown, shownList } from '../output/shown.js';
import { didYouMean } from '../core/closest.js';

/** Distinct company cells remembered before the memo starts over. */
const MAX_NAMES = 100_000;

export interface RowCompanies {
  /** Whether a company is in play: then company_level is appended. */
  used: boolean;
  /** --company's, or null. */
  fixed: Company | null;
  /** The company column, once the header is read (-1: none). */
  column: number;
  findColumn(header: string[], where: string, io: Io, quiet: boolean): void;
  /** A row's company: its cell's, else --company's. */
  of(cell: string | undefined): Company | null;
  /** How many rows named a company with a ladder, for stderr; null without a column. */
  summary(): string | null;
}

export async function rowCompanies(leveler: Leveler, opts: { company?: string; companyColumn?: string | true }): Promise<RowCompanies> {
  const fixed = opts.company === undefined ? null : await leveler.company(opts.company);
  const index: CompanyIndex | null = opts.companyColumn === undefined ? null : await leveler.companyIndex();
  const names = new Map<string, Company | null>();
  let known = 0;
  let rows = 0;
  const self: RowCompanies = {
    used: fixed !== null || index !== null,
    fixed,
    column: -1,
    findColumn(header, where, io, quiet) {
      const flag = opts.companyColumn;
      if (flag === undefined) return;
      const at = flag === true ? findCompanyColumn(header) : columnIndex(header, flag);
      if (at < 0) {
        const named = flag === true ? `no company column in ${where} (none is named ${COMPANY_HEADERS.slice(0, 3).join(', ')}…)` : `no column ${shown(flag)} in ${where}`;
        throw new UsageError(named, `${flag === true ? '' : didYouMean(flag, header, (n) => shown(n))}its columns are ${shownList(header)}; name one with --company-column NAME`);
      }
      if (flag === true && !quiet) io.stderr.write(`leveler: companies from column ${shown(header[at]!)} (--company-column NAME to pick another)\n`);
      self.column = at;
    },
    of(cell) {
      if (index === null || cell === undefined || cell.trim() === '') return fixed;
      rows++;
      let c = names.get(cell);
      if (c === undefined) {
        if (names.size >= MAX_NAMES) names.clear();
        c = index.find(cell) ?? null;
        names.set(cell, c);
      }
      if (c !== null) known++;
      return c ?? fixed;
    },
    summary() {
      if (index === null) return null;
      return `leveler: ${thousands(known)} of ${thousands(rows)} rows named a company with a ladder, read on its ladder first (leveler companies lists them)\n`;
    },
  };
  return self;
}
