// leveler triage FILE: the distinct titles that cost the most unmatched, low-confidence or
// family-less rows, most first, with what leveler read in each; and a starter overrides file.
import type { Reason, ReasonKind } from '../core/reasons.js';
import { reasonText, reasonTexts } from '../output/reasons.js';
import { withoutControls } from '../core/controls.js';
import { thousands } from '../core/numbers.js';
import { columnIndex, findTitleColumn, findYearsColumn, parseYearsCell } from '../core/batch.js';
import { AnswerMemo, shortAnswer } from '../core/answers.js';
import { Triage, type Trouble, type TriageTitle } from '../core/triage.js';
import { EXIT, UsageError } from '../errors.js';
import { checkEncoding, CsvReader, detached, fieldAt } from '../io/csv.js';
import { displayPath } from '../io/ladder.js';
import { createMatcher } from '../io/matcher.js';
import { emptyInput, openInput } from '../io/input.js';
import { openSink, refuseExistingFile } from '../io/output.js';
import { renderJson } from '../output/json.js';
import { shown, shownList } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { familyOption, openLadder, presentation, write, writeTable } from './context.js';
import { options } from './options.js';
import { Option } from 'commander';

interface TriageFlags {
  pager?: boolean;
  column?: string;
  /** A column name or number; false with --no-years-column; undefined: found by its name. */
  yearsColumn?: string | false;
  header: boolean;
  delimiter?: string;
  encoding?: string;
  family?: string;
  top: number;
  writeOverrides?: string;
  force?: boolean;
  json?: boolean;
  data?: string;
}

const TROUBLE_TEXT: Record<Trouble, string> = { unmatched: 'unmatched', 'low-confidence': 'low confidence', 'no-family': 'no family' };

export const triageCommand: CommandSpec = {
  name: 'triage',
  args: '[file]',
  summary: 'the titles that cost the most unmatched, low-confidence or family-less rows',
  examples: [
    'leveler triage titles.csv',
    'leveler triage postings.csv --column job_title --top 50',
    'leveler triage titles.csv --write-overrides overrides.yaml',
    'leveler triage titles.csv --json | jq ".titles[0]"',
  ],
  details:
    'Reads the file as batch does (a years column too) and answers each distinct title once for each years value. Lists the titles whose rows ' +
    'are unmatched, of low confidence (under the ladder\'s confidence.low: 0.6 in the shipped ladder) or without a family, by rows, with the running share of those rows, and ' +
    'for each what leveler read and why it stopped. The counts add up to the rows. --write-overrides writes a starter ' +
    'overrides.yaml of the top titles with the current answers, for a person to correct. ' +
    'Exit status: 0 done, 2 usage error, 3 unreadable file or ladder, 74 the output cannot be written.',
  options: [
    options.column(),
    options.yearsColumn(),
    options.noYearsColumn(),
    options.noHeader(),
    options.delimiter(),
    options.encoding(),
    options.family(),
    options.results(20),
    new Option('--write-overrides <file>', 'write a starter overrides.yaml of the top titles with their current answers (a new file, unless --force)'),
    new Option('--force', 'let --write-overrides replace a file that exists'),
    options.json(),
    options.data(),
  ],
  async run([file], raw, io) {
    const opts = raw as unknown as TriageFlags;
    const encoding = opts.encoding === undefined ? undefined : checkEncoding(opts.encoding);
    const fromStdin = file === undefined || file === '-';
    if (fromStdin && io.stdin.isTTY) throw new UsageError('no input: stdin is a terminal', 'give a CSV file (leveler triage titles.csv), or pipe one in');
    const where = fromStdin ? 'stdin' : displayPath(file!, io.cwd);
    // A hand-edited overrides file is not replaced by a starter one unless --force says so.
    if (opts.writeOverrides !== undefined && !opts.force) refuseExistingFile(opts.writeOverrides, io.cwd, '--write-overrides');
    const input = await openInput(fromStdin ? null : file!, io);
    const { ladder, lexicon, occupations, overrides } = await openLadder(io, opts.data);
    const family = opts.family === undefined ? null : familyOption(ladder, opts.family).id;
    const matcher = (await createMatcher(ladder, lexicon)).useOccupations(occupations).useOverrides(await overrides());
    // Each distinct title is answered once, as batch answers it; only the listed ones again, with their reasons.
    const memo = new AnswerMemo(matcher, { family, quotesYears: false, explain: false, keep: shortAnswer, own: detached });
    const explain = (title: string, years: number | null) => matcher.match(title, { family, years, top: 0 });
    const triage = new Triage(ladder.confidence.low);

    const reader = new CsvReader({
      source: where,
      header: opts.header !== false,
      rawLines: true,
      ...(encoding ? { encoding } : {}),
      ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    });
    let titleAt = -1;
    let yearsAt = -1;
    let badYears = 0;
    try {
      for await (const rows of reader.batches(input.stream)) {
        if (titleAt < 0) {
          titleAt = titleColumn(reader, opts, where);
          yearsAt = yearsColumn(reader, opts, where);
        }
        for (const r of rows) {
          const cell = yearsAt < 0 ? null : parseYearsCell(fieldAt(r, reader.delimiter!, yearsAt));
          if (cell && 'error' in cell) badYears++;
          const title = fieldAt(r, reader.delimiter!, titleAt) ?? '';
          const years = cell && 'years' in cell ? cell.years : null;
          triage.add(title, years, memo.answer(title, years));
        }
      }
    } finally {
      await input.handle?.close().catch(() => undefined);
    }
    if (badYears > 0) io.stderr.write(`leveler: warning: ${where}: ${thousands(badYears)} years cell${badYears === 1 ? '' : 's'} not read as years; those rows read without years\n`);
    if (reader.header === null) throw emptyInput(where, opts.header !== false);

    const titles = triage.list(opts.top, explain);
    if (opts.writeOverrides !== undefined) {
      const sink = openSink({ target: opts.writeOverrides, stdout: io.stdout, cwd: io.cwd, input: input.id, flag: '--write-overrides' });
      try {
        await sink.write(starterOverrides(where, titles));
        await sink.commit();
      } catch (e) {
        sink.abort();
        throw e;
      }
      io.stderr.write(`leveler: wrote ${titles.length} titles to ${opts.writeOverrides}: correct them, then keep the file as overrides.yaml beside ladder.yaml\n`);
    }
    const show = presentation(io, { ...opts, color: 'never' });
    const c = triage.counts;
    if (show.json) {
      write(io, renderJson({ file: where, ...c, distinct: triage.distinct, titles: titles.map((t) => ({ ...t, reasons: reasonTexts(t.reasons) })) }));
      return EXIT.ok;
    }
    const troubled = c.unmatched + c.lowConfidence + c.noFamily;
    const pct = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`);
    const lines = [
      `${where}: ${thousands(c.rows)} rows, ${thousands(triage.distinct)} distinct titles: ${thousands(c.ok)} fine, ${thousands(c.unmatched)} unmatched, ${thousands(c.lowConfidence)} low-confidence, ${thousands(c.noFamily)} without a family`,
    ];
    if (titles.length > 0) {
      const un = triage.share(titles.length, 'unmatched');
      lines.push(
        `These ${titles.length} titles are ${pct(titles.reduce((n, t) => n + t.rows, 0), troubled)} of the ${thousands(troubled)} troubled rows` +
          (un.of > 0 ? `; the top ${titles.length} unmatched titles, ${pct(un.rows, un.of)} of the ${thousands(un.of)} unmatched.` : '.'),
        '',
      );
      if (show.table) {
        lines.push(`${'rows'.padStart(7)}  ${'share'.padStart(5)}  ${'trouble'.padEnd(14)}  title — what leveler read`);
        for (const t of titles) lines.push(`${thousands(t.rows).padStart(7)}  ${pct(t.runningShare, 1).padStart(5)}  ${TROUBLE_TEXT[t.trouble].padEnd(14)}  ${shown(t.title)} — ${readAs(t)}`);
      } else {
        for (const t of titles) lines.push([t.rows, t.runningShare.toFixed(3), t.trouble, t.title, t.level ?? '', t.family ?? '', t.confidence.toFixed(2), readAs(t)].join('\t'));
      }
    }
    const text = `${lines.join('\n')}\n`;
    if (show.table) await writeTable(io, text, opts);
    else write(io, text);
    return EXIT.ok;
  },
};

function titleColumn(reader: CsvReader, opts: TriageFlags, where: string): number {
  const header = reader.header;
  if (header === null) throw emptyInput(where, opts.header !== false);
  const at = opts.column !== undefined ? columnIndex(header, opts.column) : opts.header === false ? 0 : findTitleColumn(header);
  if (at < 0) {
    const what = opts.column === undefined ? 'no title column' : `no column ${shown(opts.column)}`;
    throw new UsageError(`${where} has ${what}`, `its columns are ${shownList(header)}; name one with --column`);
  }
  return at;
}

/** The years column: named with --years-column, else one named years, yoe…; none with --no-years-column. */
function yearsColumn(reader: CsvReader, opts: TriageFlags, where: string): number {
  const header = reader.header!;
  if (opts.yearsColumn === false) return -1;
  if (opts.yearsColumn === undefined) return opts.header === false ? -1 : findYearsColumn(header);
  const at = columnIndex(header, opts.yearsColumn);
  if (at < 0) throw new UsageError(`${where} has no column ${shown(opts.yearsColumn)}`, `its columns are ${shownList(header)}; name one with --years-column`);
  return at;
}

/** The reasons that say why a title is of low confidence: what its level and its occupation rest on. */
const WEAK: ReadonlySet<ReasonKind> = new Set(['years-band', 'default-level', 'occupation', 'occupation-outside-family', 'occupation-of-family']);

/** The reason that says why a troubled title stopped where it did. */
export function troubleReason(t: TriageTitle): Reason | undefined {
  if (t.trouble === 'unmatched') return t.reasons.at(-1);
  if (t.trouble === 'no-family') return t.reasons.find((r) => r.kind === 'no-family');
  return t.reasons.find((r) => WEAK.has(r.kind)) ?? t.reasons.at(-1);
}

/** What leveler read in a troubled title, and why it stopped. */
export function readAs(t: TriageTitle): string {
  const answer = t.level === null ? 'no match' : `${t.level}${t.family ? ` ${t.family}` : ''} (${t.confidence.toFixed(2)})`;
  const why = troubleReason(t);
  return `${answer}: ${why ? reasonText(why) : 'no reason given'}`;
}

/** A starter overrides.yaml: the titles with their current answers; an unmatched title commented out, for a level to be given. */
export function starterOverrides(source: string, titles: TriageTitle[]): string {
  const lines = [
    `# Starter overrides, written by \`leveler triage\` from ${source}: the ${titles.length} titles that cost the most`,
    '# unmatched, low-confidence or family-less rows, with leveler\'s current answer.',
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
