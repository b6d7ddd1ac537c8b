// Shell completion scripts, made from the same command specs as the CLI: a new flag completes
// without touching this file.

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
}

export interface CompletionOption {
  /** --format */
  long: string;
  /** -o */
  short?: string;
  description: string;
  /** Takes a value: its choices, or 'file' / 'dir' / 'any'. */
  value: string[] | 'file' | 'dir' | 'any' | null;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const quoteSingle = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

function bashScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  const flags = (options: CompletionOption[]) => options.flatMap((o) => (o.short ? [o.short, o.long] : [o.long])).join(' ');
  const valueCases = new Map<string, string>();
  for (const o of [...globals, ...commands.flatMap((c) => c.options)]) {
    if (o.value === null) continue;
    const names = [o.long, ...(o.short ? [o.short] : [])].join('|');
    const action = Array.isArray(o.value)
      ? `COMPREPLY=( $(compgen -W ${quoteSingle(o.value.join(' '))} -- "$cur") )`
      : o.value === 'dir'
        ? 'COMPREPLY=( $(compgen -d -- "$cur") )'
        : o.value === 'file'
          ? 'COMPREPLY=( $(compgen -f -- "$cur") )'
          : 'COMPREPLY=()';
    valueCases.set(names, `    ${names}) ${action}; return ;;`);
  }
  return [
    '# leveler completion for bash: add to ~/.bashrc',
    '#   eval "$(leveler completion bash)"',
    '_leveler() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  case "$prev" in',
    ...valueCases.values(),
    '  esac',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=( $(compgen -W ${quoteSingle(`${commands.map((c) => c.name).join(' ')} ${flags(globals)} --help --version`)} -- "$cur") )`,
    '    return',
    '  fi',
    '  local opts',
    '  case "${COMP_WORDS[1]}" in',
    ...commands.map((c) => `    ${c.name}) opts=${quoteSingle(`${flags(c.options)} ${flags(globals)} --help`)} ;;`),
    "    *) opts='--help' ;;",
    '  esac',
    '  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi',
    '}',
    'complete -o filenames -F _leveler leveler',
    '',
  ].join('\n');
}

function zshScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  // zsh runs the bash function through bashcompinit, which ships with zsh.
  return [
    '# leveler completion for zsh: add to ~/.zshrc',
    '#   eval "$(leveler completion zsh)"',
    'autoload -U +X compinit && compinit',
    'autoload -U +X bashcompinit && bashcompinit',
    bashScript(commands, globals).split('\n').slice(2).join('\n'),
  ].join('\n');
}

function fishScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const option = (o: CompletionOption, condition: string) => {
    const parts = ['complete -c leveler', `-n ${quoteSingle(condition)}`, `-l ${o.long.replace(/^--/, '')}`];
    if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
    if (Array.isArray(o.value)) parts.push(`-x -a ${quoteSingle(o.value.join(' '))}`);
    else if (o.value === 'file' || o.value === 'dir') parts.push('-r -F');
    else if (o.value === 'any') parts.push('-x');
    parts.push(`-d ${quoteSingle(o.description)}`);
    return parts.join(' ');
  };
  return [
    '# leveler completion for fish: save as ~/.config/fish/completions/leveler.fish',
    '#   leveler completion fish > ~/.config/fish/completions/leveler.fish',
    'complete -c leveler -f',
    ...commands.map((c) => `complete -c leveler -n ${quoteSingle(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${quoteSingle(c.description)}`),
    ...globals.map((o) => option(o, 'true')),
    ...commands.flatMap((c) => c.options.map((o) => option(o, `__fish_seen_subcommand_from ${c.name}`))),
    `complete -c leveler -n ${quoteSingle('__fish_seen_subcommand_from batch')} -F`,
    '',
  ].join('\n');
}

export function completionScript(shell: Shell, commands: CompletionCommand[], globals: CompletionOption[]): string {
  return shell === 'bash' ? bashScript(commands, globals) : shell === 'zsh' ? zshScript(commands, globals) : fishScript(commands, globals);
}
