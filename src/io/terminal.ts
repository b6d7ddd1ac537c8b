// The streams and environment a command runs with. main() receives one of these, so tests can run
// the whole CLI in-process with fake streams, and nothing below src/cli.ts reads `process` itself.
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { fdIdentity, type FileId } from './output.js';

export type Out = Writable & { isTTY?: boolean; columns?: number; rows?: number };

export interface Io {
  stdout: Out;
  stderr: Out;
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Calls `handler` with the signal's name on Ctrl-C, SIGTERM or SIGHUP instead of exiting at once;
   * returns a function that stops listening.
   */
  onInterrupt?(handler: (signal: string) => void): () => void;
  /** The identity of the file on stdin, when it is a regular file: it must never be the output. */
  stdinFile?(): FileId | null;
  /** The identity of the file on stdout, when it is a regular file: it must never be the input. */
  stdoutFile?(): FileId | null;
  /** Shows text taller than the terminal through a pager (as git does); false when there is none to run. */
  page?(text: string): Promise<boolean>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `io` with another stderr; its other streams are left as they are (stdin made only when read). */
export function withStderr(io: Io, stderr: Out): Io {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)) as Io;
  Object.defineProperty(copy, 'stderr', { value: stderr, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function processIo(): Io {
  return {
    // A stdout closed by the caller (`>&-`) is /dev/null opened read-write by the time Node starts,
    // exactly as Python's DEVNULL or Node's stdio 'ignore' give it: output thrown away, not an error.
    stdout: process.stdout,
    stderr: process.stderr,
    // Made when first read: setting stdin up costs a cold start 2%, and most commands never read it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      for (const signal of SIGNALS) process.on(signal, handler);
      return () => {
        for (const signal of SIGNALS) process.off(signal, handler);
      };
    },
    stdinFile: () => fdIdentity(0),
    stdoutFile: () => fdIdentity(1),
    page: (text) => runPager(text, process.env),
  };
}

/**
 * Pipes text to $LEVELER_PAGER, else $PAGER, else less; less is told, as git tells it, to quit when
 * the text fits one screen (F), keep colours (R) and leave the text on screen (X).
 */
async function runPager(text: string, env: Record<string, string | undefined>): Promise<boolean> {
  const command = (env.LEVELER_PAGER ?? env.PAGER ?? 'less').trim();
  if (command === '' || command === 'cat') return false;
  // Required, not imported: the built bundle runs as a script (src/boot.ts), where import() cannot load.
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return new Promise((done) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'ignore'], env: { LESS: 'FRX', ...env } });
    let started = true;
    child.on('error', () => {
      started = false;
      done(false);
    });
    child.stdin.on('error', () => {}); // the reader quit early (q in less): not an error
    child.on('close', (code) => done(started && code !== 127));
    child.stdin.end(text);
  });
}
