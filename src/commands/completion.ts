// leveler completion SHELL: prints a completion script made from the commands' own flags.
import type { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { completionScript, SHELLS, type CompletionOption, type CompletionValue, type Shell } from '../output/completion.js';
import { shown } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { openLeveler, write } from './context.js';
import { options as flags } from './options.js';

/** The words a ladder's values complete to: its level codes, family ids and companies' ids. */
interface Words {
  levels: string[];
  families: string[];
  companies: string[];
}

/** What a flag's value completes to: its choices, the ladder's words, a file, a folder, or anything. */
function valueOf(option: Option, words: Words): CompletionOption['value'] {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return option.argChoices;
  if (option.long === '--data') return 'dir';
  if (option.long === '--output' || option.long === '--write-overrides') return 'file';
  if (option.long === '--family') return words.families;
  if (option.long === '--company') return words.companies;
  return 'any';
}

export function completionOption(option: Option, words: Words): CompletionOption {
  return { long: option.long!, ...(option.short ? { short: option.short } : {}), description: option.description, value: valueOf(option, words) };
}

/** What a command's arguments complete to: a level code for show, a company for crosswalk, a file to read, or nothing (a title). */
function argsOf(spec: CommandSpec, words: Words, commandNames: string[]): CompletionValue {
  if (spec.name === 'show') return words.levels;
  if (spec.name === 'companies' || spec.name === 'crosswalk') return words.companies;
  if (spec.name === 'completion') return [...SHELLS];
  if (spec.name === 'help') return commandNames;
  return /^[<[](file|gold)\b/.test(spec.args) ? 'file' : 'any';
}

const HELP: CommandSpec = { name: 'help', args: '[command]', summary: 'show the help of leveler or of one command', examples: [], options: [], run: async () => EXIT.ok };

/** Built by src/cli.ts, which knows every command and the global flags. */
export function completionCommand(commands: () => CommandSpec[], globals: () => Option[]): CommandSpec {
  return {
    name: 'completion',
    args: '<shell>',
    summary: 'print a shell completion script (bash, zsh or fish)',
    examples: ['eval "$(leveler completion bash)"', 'eval "$(leveler completion zsh)"', 'leveler completion fish > ~/.config/fish/completions/leveler.fish'],
    details:
      'Add the eval line to ~/.bashrc or ~/.zshrc (after compinit) to complete commands, flags and their values: level codes (show), family ids (--family) and companies (--company, companies, crosswalk) of the ladder, from --data when given.',
    options: [flags.data()],
    async run([shell], opts, io) {
      if (!SHELLS.includes(shell as Shell)) throw new UsageError(`unknown shell ${shown(shell ?? '')}`, `use one of: ${SHELLS.join(', ')}`);
      const leveler = await openLeveler(io, opts as { data?: string });
      const companies = await leveler.companies();
      const words: Words = {
        levels: leveler.ladder.levels.map((l) => l.code),
        families: leveler.ladder.families.map((f) => f.id),
        companies: 'companies' in companies ? companies.companies.map((c) => c.id) : [],
      };
      const all = [...commands(), HELP];
      const names = all.map((c) => c.name);
      const script = completionScript(
        shell as Shell,
        all.map((c) => ({ name: c.name, description: c.summary, options: c.options.map((f) => completionOption(f.option, words)), args: argsOf(c, words, names) })),
        globals().map((o) => completionOption(o, words)),
      );
      write(io, script);
      return EXIT.ok;
    },
  };
}
