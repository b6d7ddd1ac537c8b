// The streams and environment a command runs with. main() receives one of these, so tests can run
// the whole CLI in-process with fake streams, and nothing below src/cli.ts reads `process` itself.
import { fstatSync, readFileSync, statSync } from 'node:fs';
import { Writable, type Readable } from 'node:stream';
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
  /** Shows text taller than the terminal through a pager (as git does); false when there is none to run. */
  page?(text: string): Promise<boolean>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function processIo(): Io {
  return {
    stdout: stdoutStream(),
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      for (const signal of SIGNALS) process.on(signal, handler);
      return () => {
        for (const signal of SIGNALS) process.off(signal, handler);
      };
    },
    stdinFile: () => fdIdentity(0),
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
  const { spawn } = await import('node:child_process');
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

/**
 * stdout, or a stream that fails every write when stdout was closed (`>&-`): Node then quietly
 * points fd 1 at /dev/null, opened read-write, and the output would vanish with exit status 0.
 */
function stdoutStream(): Out {
  return stdoutClosed() ? new Writable({ write: (_c, _e, done) => done(Object.assign(new Error('stdout is closed'), { code: 'EBADF' })) }) : process.stdout;
}

function stdoutClosed(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    // O_RDWR: a shell's `> /dev/null` opens it write-only.
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}
