// Renderers by view and format, in one registry (knip's reporters are the model): each command
// hands its view to present() (src/commands/context.ts), which picks JSON, a table for a terminal,
// or plain lines for a pipe. Tables are loaded only for a terminal.
import type { TriageCounts, TriageTitle } from '../core/triage.js';
import type { Card, Ladder } from '../core/types.js';
import type { FamiliesView, LadderView, OccupationsView, PayView } from '../core/views.js';
import { bandText } from '../core/cards.js';
import type { Paint } from './color.js';
import { renderEval } from './eval.js';
import { evalJson, type MatchJson } from './json.js';
import type { EvalFileJson } from '../core/contract.js';
import { renderPayText, renderPayTsv } from './pay.js';
import { renderPlain, renderTsv } from './plain.js';
import { cardRows, identityRows, matchRows, occupationRows } from './rows.js';
import { renderTriage, triageJson, type TriageView } from './triage.js';
import type { EvalReport } from '../core/eval.js';
import { companiesTsv, companyTsv, crosswalkTsv, laddersTsv } from './companies-plain.js';
import type { CompaniesView, CompanyView, CrosswalkView, LaddersView } from '../core/company-views.js';

export interface RenderContext {
  ladder: Ladder;
  paint: Paint;
  /** Terminal width in columns. */
  width: number;
}

export interface Renderer<T> {
  json: (view: T) => unknown;
  /** For a terminal. */
  table: (view: T, ctx: RenderContext) => string | Promise<string>;
  /** For a pipe: lines cut and grep can read. */
  plain: (view: T, ctx: RenderContext) => string;
}

const tables = () => import('./table.js');

/** "all 16", "all 10 of professional, management", or the codes: a family's cards, said short. */
export function cardsText(ladder: Ladder, cards: string[]): string {
  if (cards.length === 0) return 'none yet';
  const tracks = [...new Set(ladder.levels.filter((l) => cards.includes(l.code)).map((l) => l.track))];
  const whole = ladder.levels.filter((l) => tracks.includes(l.track)).length === cards.length;
  if (!whole) return cards.join(' ');
  return tracks.length === ladder.tracks.length ? `all ${cards.length}` : `all ${cards.length} of ${tracks.join(', ')}`;
}

const match: Renderer<MatchJson> = {
  json: (v) => v,
  table: async (v, c) => (await tables()).renderMatchTable(v, c),
  plain: (v) => renderPlain(matchRows(v)),
};

/** A match said short: level, role, occupation, how sure and why, alternatives, pay and the level's meaning (--brief). */
const matchBrief: Renderer<MatchJson> = {
  json: (v) => v,
  table: async (v, c) => (await tables()).renderMatchTable(v, c, { brief: true }),
  plain: (v) => renderPlain(matchRows(v, { brief: true })),
};

const card: Renderer<Card> = {
  json: (v) => v,
  table: async (v, c) => (await tables()).renderCardTable(v, c),
  plain: (v) => renderPlain([...identityRows(v), ...occupationRows(v), ...cardRows(v)]),
};

const ladder: Renderer<LadderView> = {
  json: (v) => v,
  table: async (v, c) => (await tables()).renderLadderTable(v, c),
  plain: (v) => renderTsv(v.levels.map((l) => [l.level, l.levelName, l.track, bandText(l.years), l.role ?? l.meaning])),
};

/** A family's cards as ranges by track, for a table: "P1–P6, M1–M6"; a track's cards out of a run are listed. */
export function cardsRange(ladder: Ladder, cards: string[]): string {
  if (cards.length === 0) return 'none yet';
  return ladder.tracks
    .map((t) => {
      const levels = ladder.levels.filter((l) => l.track === t.id).map((l) => l.code);
      const have = levels.filter((c) => cards.includes(c));
      if (have.length === 0) return '';
      const run = levels.indexOf(have.at(-1)!) - levels.indexOf(have[0]!) + 1 === have.length;
      return run && have.length > 2 ? `${have[0]}–${have.at(-1)}` : have.join(' ');
    })
    .filter(Boolean)
    .join(', ');
}

const families: Renderer<FamiliesView> = {
  json: (v) => v,
  table: async (v, c) =>
    (await tables()).renderFamiliesTable(
      v.families.map((f) => [f.id, f.name, f.soc ? `${f.soc.code} ${f.soc.title}${f.soc.inferred ? ' (inferred)' : ''}` : '—', cardsRange(c.ladder, f.cards)]),
      c,
    ),
  plain: (v, c) => renderTsv(v.families.map((f) => [f.id, f.name, f.soc?.code ?? '', f.soc?.title ?? '', cardsText(c.ladder, f.cards)])),
};

const occupations: Renderer<OccupationsView> = {
  json: (v) => v,
  table: async (v, c) => {
    const rows = v.occupations.map((o) => ({ code: o.code, title: o.title, jobZone: o.jobZone, matched: o.matched ?? null, share: o.score ?? 0 }));
    return (await tables()).renderOccupationsTable(rows, v.query !== null, c);
  },
  plain: (v) =>
    renderTsv(v.occupations.map((o) => [o.code, o.title, String(o.jobZone ?? ''), ...(v.query === null ? [] : [o.matched ?? '', (o.score ?? 0).toFixed(2)])])),
};

const pay: Renderer<PayView & { survey: PayView['survey'] }> = {
  json: (v) => v,
  table: (v) => renderPayText(v),
  plain: (v) => renderPayTsv(v),
};

const evaluation: Renderer<EvalReport & { file: string; problems: string[]; problemCount: number }> = {
  json: (v): EvalFileJson => ({ file: v.file, ...evalJson(v), problems: v.problems, problemCount: v.problemCount }),
  table: (v, c) => renderEval(v.file, v, c.paint, true, c.width),
  plain: (v, c) => renderEval(v.file, v, c.paint, false),
};

const triage: Renderer<TriageView> = {
  json: (v) => triageJson(v),
  table: (v, c) => renderTriage(v, true, c.paint, c.width),
  plain: (v) => renderTriage(v, false),
};

const companyOutput = () => import('./companies.js');

// One view per form of the command: the list, a company's ladder, a crosswalk, ladders side by side.
const companies: Renderer<CompaniesView> = { json: (v) => v, table: async (v, c) => (await companyOutput()).companiesTable(v, c), plain: companiesTsv };
const company: Renderer<CompanyView> = { json: (v) => v, table: async (v, c) => (await companyOutput()).companyTable(v, c), plain: companyTsv };
const crosswalk: Renderer<CrosswalkView> = { json: (v) => v, table: async (v, c) => (await companyOutput()).crosswalkTable(v, c), plain: crosswalkTsv };
const ladders: Renderer<LaddersView> = { json: (v) => v, table: async (v, c) => (await companyOutput()).laddersTable(v, c), plain: laddersTsv };

export const RENDERERS = { match, matchBrief, card, ladder, families, occupations, pay, eval: evaluation, triage, companies, company, crosswalk, ladders };

export type Views = { [K in keyof typeof RENDERERS]: (typeof RENDERERS)[K] extends Renderer<infer T> ? T : never };
export type { TriageCounts, TriageTitle };
