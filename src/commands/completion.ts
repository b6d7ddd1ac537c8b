// leveler completion SHELL: prints a completion script made from the commands' own flags.
import type { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { completionScript, SHELLS, type CompletionOption, type Shell } from '../output/completion.js';
import { shown } from '../output/shown.js';
import type { CommandSpec } from './command.js';
import { write } from './context.js';

/** What a flag's value completes to: its choices, a file, a folder, or anything. */
function valueOf(option: Option): CompletionOption['value'] {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return option.argChoices;
  if (option.long === '--data') return 'dir';
  if (option.long === '--output') return 'file';
  return 'any';
}

export function completionOption(option: Option): CompletionOption {
  return { long: option.long!, ...(option.short ? { short: option.short } : {}), description: option.description, value: valueOf(option) };
}

/** Built by src/cli.ts, which knows every command and the global flags. */
export function completionCommand(commands: () => CommandSpec[], globals: () => Option[]): CommandSpec {
  return {
    name: 'completion',
    args: '<shell>',
    summary: 'print a shell completion script (bash, zsh or fish)',
    examples: ['eval "$(leveler completion bash)"', 'eval "$(leveler completion zsh)"', 'leveler completion fish > ~/.config/fish/completions/leveler.fish'],
    details: 'Add the eval line to ~/.bashrc or ~/.zshrc to complete commands, flags and their values.',
    options: [],
    async run([shell], _opts, io) {
      if (!SHELLS.includes(shell as Shell)) throw new UsageError(`unknown shell ${shown(shell ?? '')}`, `use one of: ${SHELLS.join(', ')}`);
      const all = commands();
      const script = completionScript(
        shell as Shell,
        all.map((c) => ({ name: c.name, description: c.summary, options: c.options.map((f) => completionOption(f.option)) })),
        globals().map(completionOption),
      );
      write(io, script);
      return EXIT.ok;
    },
  };
}
