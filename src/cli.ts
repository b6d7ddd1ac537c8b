// The commander program: global options, one command per spec, and the single catch that turns
// every failure into a one-line message and an exit code (see src/errors.ts).
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import type { CommandSpec } from './commands/command.js';
import { batchCommand } from './commands/batch.js';
import { listCommand } from './commands/list.js';
import { matchCommand } from './commands/match.js';
import { showCommand } from './commands/show.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, LevelerError } from './errors.js';
import { writeFailure } from './io/output.js';
import type { Io } from './io/terminal.js';
import { messageLine } from './output/shown.js';

export const COMMANDS: CommandSpec[] = [matchCommand, batchCommand, listCommand, showCommand, validateCommand];

function helpText(spec: CommandSpec): string {
  const examples = spec.examples.map((e) => `  $ ${e}`).join('\n');
  return `${spec.summary}\n\nExamples:\n${examples}${spec.details ? `\n\n${spec.details}` : ''}`;
}

function program(io: Io, setExit: (code: number) => void): Command {
  const root = new Command('leveler')
    .description(
      'Map a job title (and years of experience) to a level on a job ladder, and say what the level means.\n\n' +
        'Examples:\n' +
        COMMANDS.map((c) => `  $ ${c.examples[0]}`).join('\n'),
    )
    .version(pkg.version, '-V, --version')
    .option('--no-color', 'no colour in output (also: NO_COLOR=1)')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`leveler: ${messageLine(s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' '))}; see \`leveler --help\`\n`),
    });
  for (const spec of COMMANDS) {
    const cmd = root
      .command(`${spec.name}${spec.args ? ` ${spec.args}` : ''}`)
      .summary(spec.summary)
      .description(helpText(spec))
      .exitOverride();
    for (const option of spec.options) cmd.addOption(option);
    cmd.action(async (...params: unknown[]) => {
      const command = params.at(-1) as Command;
      const args = command.args.length > 0 ? flatten(params.slice(0, spec.args.split(' ').filter(Boolean).length)) : [];
      setExit(await spec.run(args, command.optsWithGlobals(), io));
    });
  }
  return root;
}

function flatten(values: unknown[]): string[] {
  return values.flatMap((v) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]));
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof LevelerError) {
      io.stderr.write(`leveler: ${messageLine(`${e.message}${e.hint ? `; ${e.hint}` : ''}`)}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr.write(`leveler: internal error, please report it at ${pkg.bugs.url} with the command you ran: ${err?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

export { processIo } from './io/terminal.js';

/** The line printed when stdout cannot be written (the bin's stream handler). */
export function stdoutFailure(e: NodeJS.ErrnoException): string {
  const err = writeFailure('stdout', e);
  return `leveler: ${err.message}; ${err.hint}\n`;
}
