// A command, as data: src/cli.ts turns each into a commander command.
import type { Io } from '../io/terminal.js';
import type { Flag, FlagsOf } from './options.js';

export interface CommandSpec {
  name: string;
  /** Arguments in commander syntax, such as "<title...>". */
  args: string;
  summary: string;
  /** Examples that work as written, shown first in the command's help. */
  examples: string[];
  /** Text after the examples: what the output holds, exit codes. */
  details?: string;
  /** Its flags, from the one table (src/commands/options.ts) or its own, each with its value's type. */
  options: readonly Flag[];
  run(args: string[], opts: Record<string, unknown>, io: Io): Promise<number>;
}

/** A command whose run() receives its flags' values typed from its own list of flags. */
export function command<const F extends readonly Flag[]>(
  spec: Omit<CommandSpec, 'options' | 'run'> & { options: F; run(args: string[], opts: FlagsOf<F>, io: Io): Promise<number> },
): CommandSpec {
  // The one place the values commander parsed meet their types: the flags they were parsed by.
  return spec as unknown as CommandSpec;
}
