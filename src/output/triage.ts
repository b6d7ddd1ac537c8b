// The text of `leveler triage`: the counts, the troubled titles with their running share and what
// leveler read in each, and the starter overrides file it writes.
import { wrapLine } from './wrap.js';
import type { TriageJson } from '../core/contract.js';
import { withoutControls } from '../core/controls.js';
import { thousands } from '../core/numbers.js';
import { troubleReason, type Trouble, type TriageCounts, type TriageTitle } from '../core/triage.js';
import { reasonText, reasonTexts } from './reasons.js';
import { shown } from './shown.js';
import { NO_PAINT, type Paint } from './color.js';

/** What triage found in a file: the view its renderers draw. */
export interface TriageView {
  file: string;
  counts: TriageCounts;
  distinct: number;
  titles: TriageTitle[];
  /** The rows of the top unmatched titles (as many as listed), and of all unmatched titles. */
  unmatched: { rows: number; of: number };
}

const TROUBLE_TEXT: Record<Trouble, string> = { unmatched: 'unmatched', 'low-confidence': 'low confidence', 'no-family': 'no family' };

/** `triage --json`. */
export function triageJson(v: TriageView): TriageJson {
  return { file: v.file, ...v.counts, distinct: v.distinct, titles: v.titles.map((t) => ({ ...t, reasons: reasonTexts(t.reasons) })) };
}

/** What leveler read in a troubled title, and why it stopped. */
export function readAs(t: TriageTitle): string {
  const answer = t.level === null ? 'no match' : `${t.level}${t.family ? ` ${t.family}` : ''} (${t.confidence.toFixed(2)})`;
  const why = troubleReason(t);
  return `${answer}: ${why ? reasonText(why) : 'no reason given'}`;
}

const pct = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`);

/** For a terminal, aligned columns; for a pipe, tab-separated lines. */
export function renderTriage({ file, counts: c, distinct, titles, unmatched: un }: TriageView, table: boolean, paint: Paint = NO_PAINT, width = 0): string {
  const troubled = c.unmatched + c.lowConfidence + c.noFamily;
  const lines = [
    `${file}: ${thousands(c.rows)} rows, ${thousands(distinct)} distinct titles: ${thousands(c.ok)} fine, ${thousands(c.unmatched)} unmatched, ${thousands(c.lowConfidence)} low-confidence, ${thousands(c.noFamily)} without a family`,
  ];
  if (titles.length > 0) {
    lines.push(
      `These ${titles.length} titles are ${pct(titles.reduce((n, t) => n + t.rows, 0), troubled)} of the ${thousands(troubled)} troubled rows` +
        (un.of > 0 ? `; the top ${titles.length} unmatched titles, ${pct(un.rows, un.of)} of the ${thousands(un.of)} unmatched.` : '.'),
      '',
    );
    if (table) {
      lines.push(paint.bold(`${'rows'.padStart(7)}  ${'share'.padStart(5)}  ${'trouble'.padEnd(14)}  title — what leveler read`));
      const tone: Record<Trouble, (s: string) => string> = { unmatched: paint.red, 'low-confidence': paint.yellow, 'no-family': paint.dim };
      for (const t of titles) lines.push(`${thousands(t.rows).padStart(7)}  ${pct(t.runningShare, 1).padStart(5)}  ${tone[t.trouble](TROUBLE_TEXT[t.trouble].padEnd(14))}  ${shown(t.title)} — ${paint.dim(readAs(t))}`);
    } else {
      for (const t of titles) lines.push([t.rows, t.runningShare.toFixed(3), t.trouble, t.title, t.level ?? '', t.family ?? '', t.confidence.toFixed(2), readAs(t)].join('\t'));
    }
  }
  // On a terminal, lines break between words; a title's row continues under its title.
  return `${(table ? lines.map((l) => wrapLine(l, width, /^ *\d/.test(l) ? TITLE_COLUMN : 2)) : lines).join('\n')}\n`;
}

/** Where a title starts in a terminal's row: rows, share and trouble before it. */
const TITLE_COLUMN = 7 + 2 + 5 + 2 + 14 + 2;

/** A starter overrides.yaml: the titles with their current answers; an unmatched title commented out, for a level to be given. */
export function starterOverrides(source: string, titles: TriageTitle[]): string {
  const lines = [
    `# Starter overrides, written by \`leveler triage\` from ${source}: the ${titles.length} titles that cost the most`,
    "# unmatched, low-confidence or family-less rows, with leveler's current answer.",
    '# Correct each level (and family or O*NET-SOC code), delete the lines that are right as they are,',
    '# uncomment the unmatched ones once they have a level, and keep the file as overrides.yaml beside',
    '# ladder.yaml. Check it with: leveler validate --data <that folder>',
    '',
  ];
  for (const t of titles) {
    // A title's control characters read as spaces: the same words, so the same override, and a
    // file validate accepts (it refuses control characters in a title).
    const key = JSON.stringify(withoutControls(t.title));
    const note = `# ${thousands(t.rows)} rows; ${TROUBLE_TEXT[t.trouble]}${t.occupation ? `; ${t.occupation.title}` : ''}`;
    if (t.level === null) lines.push(`# ${key}: LEVEL   ${note}`);
    else lines.push(`${key}: ${[t.level, t.family, t.family === null ? t.occupation?.code : null].filter(Boolean).join(' ')}   ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
