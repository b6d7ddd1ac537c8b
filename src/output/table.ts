// Tables for a terminal (cli-table3), loaded only when stdout is a terminal.
import { gauge } from './bars.js';
import Table from 'cli-table3';
import type { Card } from '../core/types.js';
import type { LadderView } from '../core/views.js';
import type { MatchJson } from './json.js';
import type { Paint } from './color.js';
import { cardRows, identityRows, matchRows, occupationRows, type Row } from './rows.js';
import { bandText } from '../core/cards.js';

export interface TableOptions {
  paint: Paint;
  /** Terminal width in columns. */
  width: number;
}

const LABEL_WIDTH = 22;
/** --brief's labels are short ("What it pays"): a narrower label column leaves the values room. */
const BRIEF_LABEL_WIDTH = 14;
const STYLE = { head: [], border: [] };
/** No rule between rows: the label column already shows where a row starts. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function cellText(row: Row): string {
  if (typeof row.value === 'string') return row.value;
  return row.list === 'inline' ? row.value.join(' · ') : row.value.map((v) => `• ${v}`).join('\n');
}

function verticalTable(rows: Row[], { paint, width }: TableOptions, decorate: (row: Row, text: string) => string, labelWidth = LABEL_WIDTH): string {
  const valueWidth = Math.max(30, Math.min(width, 140) - labelWidth - 3);
  const table = new Table({ colWidths: [labelWidth, valueWidth], wordWrap: true, style: STYLE, chars: COMPACT });
  for (const row of rows) table.push([paint.bold(row.label), decorate(row, cellText(row))]);
  return table.toString();
}

function heading(card: Card, paint: Paint): string {
  const family = card.familyName ? ` · ${card.familyName}` : '';
  return `${paint.bold(paint.cyan(card.level))} ${paint.bold(card.levelName)}${family}`;
}

export function confidenceStyle(confidence: number, paint: Paint): (s: string) => string {
  return confidence >= 0.8 ? paint.green : confidence >= 0.6 ? paint.yellow : paint.red;
}

export function renderMatchTable(result: MatchJson, options: TableOptions, { brief = false }: { brief?: boolean } = {}): string {
  const m = result.match!;
  const { paint } = options;
  const rows = matchRows(result, { brief }).filter((r) => !['level', 'level_name', 'family', 'family_name'].includes(r.key));
  const body = verticalTable(rows, options, (row, text) => {
    if (row.key === 'confidence') return confidenceStyle(m.confidence, paint)(`${text}  ${gauge(m.confidence, 10)}`);
    if (row.key === 'reason' || row.key === 'alternative') return paint.dim(text);
    return text;
  }, brief ? BRIEF_LABEL_WIDTH : LABEL_WIDTH);
  return `${heading(m, paint)}\n${body}\n`;
}

export function renderCardTable(card: Card, options: TableOptions): string {
  const rows = [...identityRows(card).filter((r) => ['track', 'role'].includes(r.key)), ...occupationRows(card), ...cardRows(card)];
  return `${heading(card, options.paint)}\n${verticalTable(rows, options, (_row, text) => text)}\n`;
}

export function renderLadderTable(view: LadderView, { paint, width }: TableOptions): string {
  const { family } = view;
  const head = ['Level', 'Name', 'Years', family ? `Role (${family.name})` : 'What it means'].map((h) => paint.bold(h));
  // Narrower than 80 columns, the level's name wraps so that the table still fits (60 columns and up).
  const narrow = width < 80;
  const widths = narrow ? [6, 16, 10] : [7, 26, 11];
  const lastWidth = Math.max(narrow ? 16 : 24, Math.min(width, 140) - widths.reduce((a, b) => a + b, 0) - 5);
  // The ladder at a glance: a line per level, no rule between them (about 25 lines at 80 or 100
  // columns); a meaning longer than its column is cut, whole in `show` and --json.
  const table = new Table({ head, colWidths: [...widths, lastWidth], wordWrap: true, style: STYLE, chars: COMPACT });
  let track = '';
  let cut = false;
  for (const level of view.levels) {
    if (level.track !== track) {
      track = level.track;
      const name = view.tracks.find((t) => t.id === track)?.name ?? track;
      table.push(['', paint.dim(name.split(' (')[0]!), '', '']);
    }
    const text = family ? (level.role ?? '—') : level.meaning;
    const room = lastWidth - 2;
    const shown = narrow || text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
    cut ||= shown !== text;
    table.push([paint.cyan(level.level), level.levelName, bandText(level.years), shown]);
  }
  return `${table.toString()}\n${cut ? paint.dim('leveler show LEVEL for the whole card (… marks text cut to fit)') + '\n' : ''}`;
}

export function renderFamiliesTable(rows: string[][], { paint, width }: TableOptions): string {
  const head = ['Family', 'Name', 'Occupation (O*NET-SOC)', 'Cards'].map((h) => paint.bold(h));
  // Each column as wide as its longest cell (the cards' summary too), the occupation taking the rest.
  const longest = (k: number, cap: number) => Math.min(cap, Math.max(head[k]!.length, ...rows.map((r) => r[k]!.length)) + 2);
  const [id, cards] = [longest(0, 24), longest(3, 20)];
  const room = Math.min(width, 140) - 5 - id - cards;
  // The occupation takes what is left, at least 20 columns: taken from the name (which wraps) when the screen is narrow.
  const name = Math.max(12, Math.min(longest(1, 24), room - 20));
  const occupation = Math.max(14, room - name);
  const table = new Table({ head, colWidths: [id, name, occupation, cards], wordWrap: true, style: STYLE, chars: COMPACT });
  for (const [id, name, soc, cards] of rows) table.push([paint.cyan(id!), name!, soc!, cards!]);
  return `${table.toString()}\n`;
}

export interface OccupationRow {
  code: string;
  title: string;
  jobZone: number | null;
  /** A query's: the title whose words matched, where one did whole, and the occupation's share of the vote. */
  matched?: string | null;
  share?: number;
}

/**
 * The occupations: code, title, Job Zone and, for a query, each one's share of the vote (as the pipe
 * and --json give it) and the title matched whole, a column only when a row has one.
 */
export function renderOccupationsTable(rows: OccupationRow[], withQuery: boolean, { paint, width }: TableOptions): string {
  const matched = withQuery && rows.some((r) => r.matched) ? Math.min(30, Math.max(9, ...rows.map((r) => (r.matched ?? '').length)) + 2) : 0;
  const share = withQuery ? 8 : 0;
  const fixed = 12 + 6 + share + matched;
  const columns = 2 + (withQuery ? 1 : 0) + (matched ? 1 : 0) + 1;
  const title = Math.max(24, Math.min(width, 140) - fixed - columns - 1);
  const head = ['Code', 'Occupation', 'Zone', ...(withQuery ? ['Share'] : []), ...(matched ? ['Matched'] : [])].map((h) => paint.bold(h));
  const colWidths = [12, title, 6, ...(withQuery ? [share] : []), ...(matched ? [matched] : [])];
  const table = new Table({ head, colWidths, wordWrap: true, style: STYLE, chars: COMPACT });
  for (const r of rows) {
    const cells: (string | { content: string; hAlign: 'right' })[] = [paint.cyan(r.code), r.title, String(r.jobZone ?? '—')];
    if (withQuery) cells.push({ content: `${Math.round((r.share ?? 0) * 100)}%`, hAlign: 'right' });
    if (matched) cells.push(r.matched ?? '');
    table.push(cells);
  }
  return `${table.toString()}\n`;
}
