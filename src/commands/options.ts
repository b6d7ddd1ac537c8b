// Every flag of every command, described once. Commands pick theirs from here.
import type { ColorFlag } from '../output/color.js';
import { InvalidArgumentError, Option } from 'commander';
import { COMPANY_HEADERS, TITLE_HEADERS, YEARS_HEADERS } from '../core/batch.js';
import { isSocCode } from '../core/soc.js';
import { readYears, YEARS_FORMS } from '../core/years.js';
import { shown } from '../output/shown.js';

/** A whole number written in digits (no 0x3, 1e1 or 3.0). */
function wholeNumber(what: string, { min, max }: { min: number; max: number }) {
  return (value: string): number => {
    const n = /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new InvalidArgumentError(`must be a whole number of ${what} from ${min} to ${max}`);
    return n;
  };
}

export function parseYears(value: string): number {
  const reading = readYears(value);
  if ('error' in reading) throw new InvalidArgumentError(`${shown(value)} ${reading.error}`);
  return reading.years;
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|' };
  const c = named[value.toLowerCase()] ?? value;
  if (c.length !== 1 || c === '"' || c === '\n' || c === '\r') {
    throw new InvalidArgumentError('must be one character other than a quote or a line break (or: tab, comma, semicolon, pipe)');
  }
  return c;
}

import { DEFAULT_REGION } from '../arguments.js';

/** An --occupation code, as O*NET and SOC write them; whether it names an occupation is the command's to check. */
function parseOccupation(value: string): string {
  const code = value.trim();
  if (!isSocCode(code)) throw new InvalidArgumentError(`${shown(value)} is not an occupation code; give an O*NET-SOC code (29-1141.00) or a SOC code (29-1141)`);
  return code;
}

/** A region: a two-letter country code (US, GB, DE), upper case. */
function parseRegion(value: string): string {
  if (!/^\s*[A-Za-z]{2}\s*$/.test(value)) throw new InvalidArgumentError(`${shown(value)} is not a country code; give two letters, such as US, GB or DE`);
  return value.trim().toUpperCase();
}

/** "a, b or c": the header names a column is found by, as help says them. */
const orList = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/** Every flag the commands share, described once: commander's option and the type of its value. */
export const options = {
  region: () => flag<'region', string>('region', new Option('--region <code>', "the country whose survey pay to show, such as US, GB, CA (the company's location)").argParser(parseRegion).default(DEFAULT_REGION)),
  data: () => flag<'data', string | undefined>('data', new Option('--data <dir>', 'ladder folder (default: $LEVELER_DATA, else the shipped ladder)')),
  brief: () => flag<'brief', boolean | undefined>('brief', new Option('--brief', "only the level, role, occupation, confidence, why, alternatives, pay and the level's meaning: a screen of 24 rows")),
  json: () => flag<'json', boolean | undefined>('json', new Option('--json', 'print JSON for scripts (see the JSON contract in the README)')),
  family: () => flag<'family', string | undefined>('family', new Option('--family <id>', 'job family id, such as ai-ml, instead of the one the title names (default: detected from each title)')),
  company: () => flag<'company', string | undefined>('company', new Option('--company <name>', "read the title on this company's ladder first, such as Google, Meta, AWS (leveler companies lists them)")),
  companyColumn: () =>
    flag<'companyColumn', string | true | undefined>(
      'companyColumn',
      new Option('--company-column [name]', `the column naming each row's company, whose ladder its title is read on first (no name: the column named ${COMPANY_HEADERS.slice(0, -1).join(', ')} or ${COMPANY_HEADERS.at(-1)}); appends company_level`),
    ),
  /** For commands that take no title: the card's family. */
  cardFamily: (what = 'card') => flag<'family', string | undefined>('family', new Option('--family <id>', `the family whose ${what} to show, such as ai-ml (default: the ladder's only family, if it has one)`)),
  occupation: () => flag<'occupation', string | undefined>('occupation', new Option('--occupation <code>', 'the O*NET occupation whose card to show, such as 29-1141.00 (see leveler occupations)').argParser(parseOccupation)),
  years: () => flag<'years', number | undefined>('years', new Option('--years <n>', `years of experience, ${YEARS_FORMS}`).argParser(parseYears)),
  column: () => flag<'column', string | undefined>('column', new Option('--column <name>', `the title column, by name or number from 1 (default: the first header named ${orList(TITLE_HEADERS)})`)),
  yearsColumn: () => flag<'yearsColumn', string | undefined>('yearsColumn', new Option('--years-column <name>', `a column of years of experience, by name or number (default: the first header named ${orList(YEARS_HEADERS)})`)),
  noYearsColumn: () => flag<'yearsColumn', false | undefined>('yearsColumn', new Option('--no-years-column', 'read no years, even from a column named years')),
  noHeader: () => flag<'header', boolean>('header', new Option('--no-header', 'the first row is data: columns are numbered from 1, the title is column 1 unless --column says')),
  fields: () => flag<'fields', string | undefined>('fields', new Option('--fields <list>', 'only these answers, comma-separated: level, level_name, track, family, role, confidence, soc_code, occupation, pay_p25, pay_median, pay_p75, pay_n (JSON also: title, years)')),
  pay: () => flag<'pay', boolean | undefined>('pay', new Option('--pay', "append the level's market pay: pay_p25, pay_median, pay_p75, pay_n (the survey's, for the family and level in --region; else OEWS's for the occupation)")),
  levelHintColumn: () =>
    flag<'levelHintColumn', string | undefined>(
      'levelHintColumn',
      new Option('--level-hint-column <name>', "a seniority column of the file's own (such as experience_level: EN, MI, SE, EX), by name or number: read as the level where a title has no level marker (ladder.yaml levelHints)"),
    ),
  keepColumns: () => flag<'keepColumns', boolean | undefined>('keepColumns', new Option('--keep-columns', 'with --format ndjson or json, each row carries its input columns as "input": {name: value} (CSV output keeps them always)')),
  bom: () => flag<'bom', boolean | undefined>('bom', new Option('--bom', 'start CSV output with a byte-order mark, so that Excel reads it as UTF-8')),
  format: () => flag<'format', 'csv' | 'ndjson' | 'json'>('format', new Option('--format <format>', 'output format').choices(['csv', 'ndjson', 'json']).default('csv')),
  output: () => flag<'output', string | undefined>('output', new Option('-o, --output <file>', 'write to this file, atomically (default: stdout)')),
  delimiter: () => flag<'delimiter', string | undefined>('delimiter', new Option('--delimiter <char>', 'input field delimiter, such as ";" or "\\t" (default: detected)').argParser(parseDelimiter)),
  encoding: () => flag<'encoding', string | undefined>('encoding', new Option('--encoding <label>', 'input encoding, such as windows-1251 or latin1 (default: UTF-8, or UTF-16 after its byte-order mark)')),
  threads: () =>
    flag<'threads', number | undefined>(
      'threads',
      new Option('--threads <n>', 'threads that level the distinct titles, this one and n-1 helpers; the same output with any n (default: 1, this thread alone: on the two cores measured, helpers did not pay)').argParser(
        wholeNumber('threads', { min: 1, max: 16 }),
      ),
    ),
  quiet: () => flag<'quiet', boolean | undefined>('quiet', new Option('-q, --quiet', 'no progress line and no summary on stderr')),
  /** For the commands but batch: their notes, hints and warnings go; errors stay. */
  hush: () => flag<'quiet', boolean | undefined>('quiet', new Option('-q, --quiet', 'no notes, hints or warnings on stderr (errors are still said)')),
  top: () => flag<'top', number>('top', new Option('--top <k>', 'how many alternative levels to show').argParser(wholeNumber('alternatives', { min: 0, max: 20 })).default(3)),
  results: (fallback: number) => flag<'top', number>('top', new Option('--top <k>', 'how many to show').argParser(wholeNumber('results', { min: 1, max: 1000 })).default(fallback)),
};

/** A flag: commander's option, with the name and type of the value it gives a command. */
export interface Flag<N extends string = string, T = unknown> {
  option: Option;
  name: N;
  /** Never set: carries the value's type. */
  readonly type?: T;
}

export function flag<N extends string, T>(name: N, option: Option): Flag<N, T> {
  return { option, name };
}

/** The values a command's flags give it, typed from its flags (and the program's). */
export type FlagsOf<F extends readonly Flag[]> = { [K in F[number] as K['name']]: K extends Flag<string, infer T> ? T : never } & GlobalOptions;

/** The options every command receives from the program. */
export interface GlobalOptions {
  /** false with --no-color. */
  color: ColorFlag;
  /** false with --no-pager. */
  pager?: boolean;
}
