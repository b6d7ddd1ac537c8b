// Every flag of every command, described once. Commands pick theirs from here.
import { InvalidArgumentError, Option } from 'commander';

function number(what: string, { min, max, integer }: { min: number; max: number; integer?: boolean }) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`must be ${integer ? 'a whole number' : 'a number'} of ${what} from ${min} to ${max}`);
    }
    return n;
  };
}

export const parseYears = number('years', { min: 0, max: 80 });

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|' };
  const c = named[value.toLowerCase()] ?? value;
  if (c.length !== 1 || c === '"' || c === '\n' || c === '\r') {
    throw new InvalidArgumentError('must be one character other than a quote or a line break (or: tab, comma, semicolon, pipe)');
  }
  return c;
}

export const options = {
  data: () => new Option('--data <dir>', 'ladder folder (default: $LEVELER_DATA, else the shipped ladder)'),
  json: () => new Option('--json', 'print JSON for scripts (see the JSON contract in the README)'),
  family: () => new Option('--family <id>', 'job family id, such as ai-ml (default: detected from the title)'),
  years: () => new Option('--years <n>', 'years of experience, such as 3 or 4.5').argParser(parseYears),
  column: () => new Option('--column <name>', 'the title column (default: a header named title, job_title, job title, position or role)'),
  yearsColumn: () => new Option('--years-column <name>', 'a column of years of experience (a blank cell means none)'),
  format: () => new Option('--format <format>', 'output format').choices(['csv', 'ndjson', 'json']).default('csv'),
  output: () => new Option('-o, --output <file>', 'write to this file, atomically (default: stdout)'),
  delimiter: () => new Option('--delimiter <char>', 'input field delimiter, such as ";" or "\\t" (default: detected)').argParser(parseDelimiter),
  encoding: () => new Option('--encoding <label>', 'input encoding, such as windows-1251 or latin1 (default: UTF-8, or UTF-16 after its byte-order mark)'),
  quiet: () => new Option('-q, --quiet', 'no progress line and no summary on stderr'),
  top: () =>
    new Option('--top <k>', 'how many alternative levels to show').argParser(number('alternatives', { min: 0, max: 20, integer: true })).default(3),
};

/** The options every command receives from the program. */
export interface GlobalOptions {
  /** false with --no-color. */
  color: boolean;
}
