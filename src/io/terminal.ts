// The streams and environment a command runs with. main() receives one of these, so tests can run
// the whole CLI in-process with fake streams, and nothing below src/cli.ts reads `process` itself.
import type { Readable, Writable } from 'node:stream';

export type Out = Writable & { isTTY?: boolean; columns?: number };

export interface Io {
  stdout: Out;
  stderr: Out;
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Calls `handler` on Ctrl-C instead of exiting at once; returns a function that stops listening. */
  onInterrupt?(handler: () => void): () => void;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      process.once('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
