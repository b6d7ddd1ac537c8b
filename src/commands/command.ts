// A command, as data: src/cli.ts turns each into a commander command.
import type { Option } from 'commander';
import type { Io } from '../io/terminal.js';
import type { GlobalOptions } from './options.js';

export interface CommandSpec {
  name: string;
  /** Arguments in commander syntax, such as "<title...>". */
  args: string;
  summary: string;
  /** Examples that work as written, shown first in the command's help. */
  examples: string[];
  /** Text after the examples: what the output holds, exit codes. */
  details?: string;
  options: Option[];
  run(args: string[], opts: GlobalOptions & Record<string, unknown>, io: Io): Promise<number>;
}
