// Every failure the user can cause has a class here, and each class has its exit code.
// The one catch in src/cli.ts prints `leveler: <message>` and the hint, never a stack trace;
// anything else is a bug and is printed with its stack.

export const EXIT = {
  ok: 0,
  /** No match, or `validate` found problems. */
  noMatch: 1,
  findings: 1,
  usage: 2,
  /** The ladder or an input file cannot be read or is invalid. */
  data: 3,
  /** A bug in leveler. */
  internal: 70,
  /** The output cannot be written: a full disk, a closed stdout, a read-only file (sysexits' EX_IOERR). */
  output: 74,
  /** Stopped by a signal: 128 + its number (Ctrl-C: 130, SIGTERM: 143, SIGHUP: 129). */
  interrupted: 130,
} as const;

/** The exit code of a run stopped by `signal`, as a shell reports it. */
export function signalExit(signal: string): number {
  const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  return 128 + (numbers[signal] ?? 2);
}

export class LevelerError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags, arguments or option values. */
export class UsageError extends LevelerError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** The output cannot be written (stdout or -o). */
export class OutputError extends LevelerError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.output, hint);
  }
}

/** The ladder, or an input file, cannot be read or is invalid. */
export class DataError extends LevelerError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.data, hint);
  }
}
