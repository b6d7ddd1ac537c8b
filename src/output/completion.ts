// Shell completion scripts, made from the same command specs as the CLI: a new flag completes
// without touching this file.

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  /** What its arguments complete to: words, files, or nothing (a title is free text). */
  args: CompletionValue;
}

/** What a value completes to: these words, a file, a folder, or anything (nothing offered). */
export type CompletionValue = string[] | 'file' | 'dir' | 'any';

export interface CompletionOption {
  /** --format */
  long: string;
  /** -o */
  short?: string;
  description: string;
  /** Takes a value: its choices (level codes, family ids ...), or 'file' / 'dir' / 'any'; null for a switch. */
  value: CompletionValue | null;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const quoteSingle = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** The bash statement that completes `value` for the word being typed. */
function bashAction(value: CompletionValue): string {
  if (Array.isArray(value)) return `COMPREPLY=( $(compgen -W ${quoteSingle(value.join(' '))} -- "$cur") )`;
  if (value === 'dir') return 'COMPREPLY=( $(compgen -d -- "$cur") )';
  if (value === 'file') return 'COMPREPLY=( $(compgen -f -- "$cur") )';
  return 'COMPREPLY=()';
}

function bashScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  const flags = (options: CompletionOption[]) => options.flatMap((o) => (o.short ? [o.short, o.long] : [o.long])).join(' ');
  // A flag's values are the same flag's in every command (--family is a family id everywhere).
  const valueCases = new Map<string, string>();
  for (const o of [...globals, ...commands.flatMap((c) => c.options)]) {
    if (o.value === null) continue;
    const names = [o.long, ...(o.short ? [o.short] : [])].join('|');
    valueCases.set(names, `    ${names}) ${bashAction(o.value)}; return ;;`);
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
    '  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); return; fi',
    '  case "${COMP_WORDS[1]}" in',
    ...commands.map((c) => `    ${c.name}) ${bashAction(c.args)} ;;`),
    '    *) COMPREPLY=() ;;',
    '  esac',
    '}',
    'complete -o filenames -o bashdefault -F _leveler leveler',
    '',
  ].join('\n');
}

function zshScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  // zsh runs the bash function through bashcompinit, which ships with zsh. compinit is the user's
  // to run (once, in ~/.zshrc: running it again here would slow every shell); without it, say so.
  return [
    '# leveler completion for zsh: add to ~/.zshrc, after compinit',
    '#   autoload -Uz compinit && compinit',
    '#   eval "$(leveler completion zsh)"',
    // An if, not a return: a return in an eval'd script would end the ~/.zshrc that runs it.
    "if (( $+functions[compdef] )); then",
    'autoload -U +X bashcompinit && bashcompinit',
    bashScript(commands, globals).split('\n').slice(2).join('\n').trimEnd(),
    'else',
    "  print -u2 'leveler completion: zsh completion needs compinit first; add autoload -Uz compinit && compinit before this line in ~/.zshrc'",
    'fi',
    '',
  ].join('\n');
}

function fishScript(commands: CompletionCommand[], globals: CompletionOption[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const option = (o: CompletionOption, condition: string) => {
    const parts = ['complete -c leveler', `-n ${quoteSingle(condition)}`, `-l ${o.long.replace(/^--/, '')}`];
    if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
    if (Array.isArray(o.value)) parts.push(`-x -a ${quoteSingle(o.value.join(' '))}`);
    else if (o.value === 'any') parts.push('-x');
    else if (o.value === 'file' || o.value === 'dir') parts.push('-r -F');
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
    ...commands.flatMap((c) =>
      Array.isArray(c.args)
        ? [`complete -c leveler -n ${quoteSingle(`__fish_seen_subcommand_from ${c.name}`)} -x -a ${quoteSingle(c.args.join(' '))}`]
        : c.args === 'file'
          ? [`complete -c leveler -n ${quoteSingle(`__fish_seen_subcommand_from ${c.name}`)} -F`]
          : [],
    ),
    '',
  ].join('\n');
}

export function completionScript(shell: Shell, commands: CompletionCommand[], globals: CompletionOption[]): string {
  return shell === 'bash' ? bashScript(commands, globals) : shell === 'zsh' ? zshScript(commands, globals) : fishScript(commands, globals);
}
