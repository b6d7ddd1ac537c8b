// The commander program: global options, one command per spec, and the single catch that turns
// every failure into a one-line message and an exit code (see src/errors.ts).
import { wrapLine } from './output/wrap.js';
import { Command, CommanderError, Help, Option } from 'commander';
import { Writable } from 'node:stream';
import pkg from '../package.json' with { type: 'json' };
import type { CommandSpec } from './commands/command.js';
import { batchCommand } from './commands/batch.js';
import { completionCommand } from './commands/completion.js';
import { familiesCommand } from './commands/families.js';
import { occupationsCommand } from './commands/occupations.js';
import { payCommand } from './commands/pay.js';
import { evalCommand } from './commands/eval.js';
import { triageCommand } from './commands/triage.js';
import { listCommand } from './commands/list.js';
import { matchCommand } from './commands/match.js';
import { showCommand } from './commands/show.js';
import { validateCommand } from './commands/validate.js';
import { companiesCommand } from './commands/companies.js';
import { crosswalkCommand } from './commands/crosswalk.js';
import { EXIT, LevelerError, UsageError } from './errors.js';
import { writeFailure } from './io/output.js';
import { withStderr, type Io } from './io/terminal.js';
import { messageLine, shown } from './output/shown.js';

/** The flags every command takes, described once (each command's own are in src/commands/options.ts). */
const globalOptions = () => [
  new Option('--color <when>', 'colour: auto (on a terminal), always or never').choices(['auto', 'always', 'never']),
  new Option('--no-color', 'no colour in output (also: NO_COLOR=1)'),
  new Option('--no-pager', 'never page a long table on a terminal (also: PAGER=cat)'),
];

export const COMMANDS: CommandSpec[] = [matchCommand, batchCommand, listCommand, showCommand, familiesCommand, occupationsCommand, payCommand, evalCommand, triageCommand, companiesCommand, crosswalkCommand, validateCommand];
COMMANDS.push(completionCommand(() => COMMANDS, globalOptions));

/** Examples of each command: shown after its description, as written, never wrapped mid-command. */
const EXAMPLES = new WeakMap<Command, string[]>();

const exampleBlock = (examples: string[]) => `Examples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`;

/** Commander's help, with the command's examples put before its arguments and options, unwrapped. */
function formatHelp(this: Help, cmd: Command, helper: Help): string {
  const text = Help.prototype.formatHelp.call(this, cmd, helper);
  const examples = EXAMPLES.get(cmd);
  if (!examples) return text;
  const at = text.search(/^(Arguments|Options|Commands):$/m);
  return at < 0 ? `${text}\n${exampleBlock(examples)}\n` : `${text.slice(0, at)}${exampleBlock(examples)}\n\n${text.slice(at)}`;
}

function outputFor(io: Io, helpCommand: string) {
  return {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
    getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
    outputError: (s: string, write: (s: string) => void) =>
      write(`leveler: ${messageLine(s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' '))}; see \`${helpCommand}\`\n`),
  };
}

function program(io: Io, setExit: (code: number) => void): Command {
  const root = new Command('leveler')
    .description('Map a job title (and years of experience) to a level on a job ladder, and say what the level means.')
    .version(pkg.version, '-V, --version', 'the version, and the data it answers from (-v too)')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp({ formatHelp })
    .configureOutput(outputFor(io, 'leveler --help'));
  for (const option of globalOptions()) root.addOption(option);
  EXAMPLES.set(root, COMMANDS.map((c) => c.examples[0]!));
  for (const spec of COMMANDS) {
    const cmd = root
      .command(`${spec.name}${spec.args ? ` ${spec.args}` : ''}`)
      .summary(spec.summary)
      .description(spec.details ? `${spec.summary}\n\n${spec.details}` : spec.summary)
      .configureOutput(outputFor(io, `leveler ${spec.name} --help`))
      .exitOverride();
    EXAMPLES.set(cmd, spec.examples);
    for (const flag of spec.options) cmd.addOption(flag.option);
    cmd.action(async (...params: unknown[]) => {
      const command = params.at(-1) as Command;
      const args = command.args.length > 0 ? flatten(params.slice(0, spec.args.split(' ').filter(Boolean).length)) : [];
      const opts = command.optsWithGlobals();
      // -q: a command's notes, hints and warnings go (batch's own -q keeps its warnings); errors are said by main().
      setExit(await spec.run(args, opts, opts.quiet === true && spec.name !== 'batch' ? withStderr(io, silent()) : io));
    });
  }
  root
    .command('help [command]')
    .description('show the help of leveler or of one command')
    .action((name: string | undefined) => {
      if (name === undefined) return root.help();
      const cmd = root.commands.find((c) => c.name() === name);
      if (!cmd) throw new UsageError(`unknown command ${shown(name)}`, `the commands are ${COMMANDS.map((c) => c.name).join(', ')}; see \`leveler --help\``);
      cmd.help();
    });
  root.helpCommand(false);
  return root;
}

/** A stderr that says nothing. */
function silent(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

function flatten(values: unknown[]): string[] {
  return values.flatMap((v) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]));
}

/**
 * On a terminal, leveler's messages on stderr ("leveler: …" lines) break between words at its
 * width, continuing indented, as batch's summary does; a pipe gets each message whole on one line.
 */
function wrappingStderr(io: Io): Io {
  const err = io.stderr;
  const width = err.isTTY === true ? (err.columns ?? 0) : 0;
  if (width <= 0) return io;
  const wrap = (text: string) => text.replace(/^leveler: .*$/gm, (line) => wrapLine(line, width, 4));
  const stderr = new Proxy(err, {
    get(target, key) {
      if (key === 'write') return (chunk: unknown, ...rest: unknown[]) => (target.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? wrap(chunk) : chunk, ...rest);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return withStderr(io, stderr);
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], terminalIo: Io): Promise<number> {
  const io = wrappingStderr(terminalIo);
  let code: number = EXIT.ok;
  try {
    // The version, with the data it answers from (commander's --version prints a fixed string).
    if (argv.length === 1 && ['-V', '-v', '--version'].includes(argv[0]!)) {
      io.stdout.write(await (await import('./commands/version.js')).versionText(io));
      return EXIT.ok;
    }
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
