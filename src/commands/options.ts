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

export const options = {
  data: () => new Option('--data <dir>', 'ladder folder (default: $LEVELER_DATA, else the shipped ladder)'),
  json: () => new Option('--json', 'print JSON for scripts (see the JSON contract in the README)'),
  family: () => new Option('--family <id>', 'job family id, such as ai-ml (default: detected from the title)'),
  years: () => new Option('--years <n>', 'years of experience, such as 3 or 4.5').argParser(parseYears),
  top: () =>
    new Option('--top <k>', 'how many alternative levels to show').argParser(number('alternatives', { min: 0, max: 20, integer: true })).default(3),
};

/** The options every command receives from the program. */
export interface GlobalOptions {
  /** false with --no-color. */
  color: boolean;
}
