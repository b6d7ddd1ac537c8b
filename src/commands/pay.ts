// leveler pay: a family's market pay by level, as a table with a bar per level, and OEWS's wages for
// an occupation.
import { thousands } from '../core/numbers.js';
import { dollars, marketPay, oewsValue, surveyPay, type OewsPay, type SurveyPay } from '../core/pay.js';
import type { FamilyDef, Ladder } from '../core/types.js';
import { EXIT, UsageError } from '../errors.js';
import { renderJson } from '../output/json.js';
import { renderTsv } from '../output/plain.js';
import { shown } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { checkRegion, familyOption, occupationArgument, openLadder, presentation, write } from './context.js';
import { options } from './options.js';

interface PayFlags {
  pager?: boolean;
  family?: string;
  occupation?: string;
  region: string;
  json?: boolean;
  data?: string;
}

interface LevelPay {
  level: string;
  name: string;
  survey: SurveyPay;
}

export const payCommand: CommandSpec = {
  name: 'pay',
  args: '',
  summary: "a family's market pay by level, or an occupation's U.S. wages",
  examples: ['leveler pay --family ai-ml', 'leveler pay --family data-science --region GB', 'leveler pay --occupation 29-1141', 'leveler pay --family ai-ml --json | jq ".levels[] | {level, median}"'],
  details:
    'By level, from P1 up the professional track and M1 up the management track: the number of full-time responses ' +
    'to the aijobs.net salary survey and their 25th, 50th and 75th percentiles of annual pay in USD, in the company\'s country ' +
    '(--region, default US); no figure from fewer than 30 responses. With --occupation, BLS OEWS May 2024 wages for the U.S.',
  options: [options.cardFamily(), options.occupation(), options.region(), options.json(), options.data()],
  async run(_words, raw, io) {
    const opts = raw as unknown as PayFlags;
    if (opts.family === undefined && opts.occupation === undefined) {
      throw new UsageError('pay needs --family ID or --occupation CODE', 'such as: leveler pay --family ai-ml (leveler families lists them)');
    }
    if (opts.family !== undefined && opts.occupation !== undefined) throw new UsageError('--family and --occupation both name whose pay to show', 'give one of them');
    const { ladder, pay, occupations } = await openLadder(io, opts.data);
    checkRegion(pay, opts.region);
    // An O*NET-SOC code must name an occupation (15-1252.99 is none); a 6-digit code is OEWS's own.
    if (opts.occupation !== undefined && opts.occupation.includes('.')) occupationArgument(opts.occupation, occupations);
    const table = pay();
    const family = opts.family === undefined ? null : familyOption(ladder, opts.family);
    const levels = family ? familyLevels(ladder, family).map((l) => ({ level: l.code, name: l.name, survey: surveyPay(table, family.id, l.code, opts.region)! })) : [];
    const codes = opts.occupation !== undefined ? [opts.occupation] : [family?.soc?.code, ...(family?.occupations ?? []).map((o) => o.code)];
    const { oews } = marketPay(table, null, '', codes, opts.region);
    if (opts.occupation !== undefined && oews === null) {
      throw new UsageError(`no OEWS wages for ${shown(opts.occupation)}`, 'give a detailed 2018 SOC code, such as 29-1141 (leveler occupations lists them)');
    }
    const show = presentation(io, { ...opts, color: 'never' });
    if (show.json) {
      write(io, renderJson({
        family: family ? { id: family.id, name: family.name } : null,
        region: opts.region,
        survey: family ? { source: table.survey.source, credit: table.survey.credit, years: table.survey.years, minimum: table.survey.minimum } : null,
        levels: levels.map(({ level, name, survey: s }) => ({ level, name, n: s.n, p25: s.p25, median: s.median, p75: s.p75, note: s.note })),
        oews,
      }));
    } else if (show.table) {
      write(io, renderPayText(family, opts.region, levels, oews, table.survey.years, table.survey.source));
    } else {
      const rows = levels.map(({ level, name, survey: s }) => [level, name, String(s.n), ...[s.p25, s.median, s.p75].map((v) => (v === null ? '' : String(v)))]);
      if (oews) rows.push([oews.code, oews.title, '', ...(['p25', 'median', 'p75'] as const).map((k) => (oews.topCoded.includes(k) ? `${oews.topCode} or more` : String(oews[k] ?? '')))]);
      write(io, renderTsv(rows));
    }
    return EXIT.ok;
  },
};

/** The levels a family has cards for, in the ladder's order (P1 up, then M1 up); without cards, the default track's and the management tracks'. */
function familyLevels(ladder: Ladder, family: FamilyDef) {
  const withCards = ladder.levels.filter((l) => family.cards[l.code]);
  if (withCards.length > 0) return withCards;
  const tracks = new Set([ladder.defaultTrack, ...ladder.tracks.filter((t) => t.namesRole).map((t) => t.id)]);
  return ladder.levels.filter((l) => tracks.has(l.track));
}

const BAR = 10;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` on a scale whose top is `max`, BAR cells wide at most, in eighths of a cell. */
function bar(value: number, max: number): string {
  const eighths = Math.round((value / max) * BAR * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const left = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The pay table for a terminal: 79 columns at most, readable without colour. */
export function renderPayText(family: FamilyDef | null, region: string, levels: LevelPay[], oews: OewsPay | null, years: [number, number], source: string): string {
  const out: string[] = [];
  if (family) {
    out.push(`${family.name}: annual pay by level, ${region}, in USD`);
    out.push(`${source}, ${years[0]}–${years[1]}, full-time responses`);
    out.push(`${pad('Level', 5)} ${pad('Name', 24)} ${left('n', 6)} ${left('P25', 9)} ${left('Median', 9)} ${left('P75', 9)}`);
    const max = Math.max(1, ...levels.map((l) => l.survey.median ?? 0));
    for (const { level, name, survey: s } of levels) {
      const head = `${pad(level, 5)} ${pad(name, 24)} ${left(thousands(s.n), 6)}`;
      if (s.median === null) out.push(`${head} ${s.n === 0 ? 'no responses' : 'too few responses'}`);
      else out.push(`${head} ${left(dollars(s.p25!), 9)} ${left(dollars(s.median), 9)} ${left(dollars(s.p75!), 9)}  ${bar(s.median, max)}`);
    }
    out.push('No figure from under 30 responses. Self-reported: see the README on the limits.');
  }
  if (oews) {
    if (family) out.push('');
    out.push(`${oews.code} ${oews.title}: U.S. annual wages, ${oews.source} ${oews.period}`);
    const keys = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
    const max = Math.max(1, ...keys.map((k) => (oews.topCoded.includes(k) ? oews.topCode : (oews[k] ?? 0))));
    for (const k of keys) {
      const v = oews.topCoded.includes(k) ? null : oews[k];
      const label = pad(k === 'median' ? 'Median' : k.toUpperCase(), 7);
      out.push(`  ${label}${v === null ? `  ${oewsValue(oews, k)}` : `${left(dollars(v), 9)}  ${bar(v, max)}`}`);
    }
  }
  return `${out.join('\n')}\n`;
}
