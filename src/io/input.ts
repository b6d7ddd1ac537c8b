// The file a command reads rows from (batch, triage, eval): a path, or stdin for none or "-". A
// missing file or a folder is one line naming it; the file's identity comes back, so that no output
// is ever written over it.
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataError, UsageError } from '../errors.js';
import { displayPath } from './ladder.js';
import type { FileId } from './output.js';
import type { Io } from './terminal.js';

export interface Input {
  stream: Readable;
  /** Bytes in the file, for progress; null for stdin or a pipe. */
  size: number | null;
  id: FileId | null;
  /** To close once read (the stream does not close it). */
  handle?: FileHandle;
}

export interface InputOptions {
  /** Bytes read at a time. */
  chunkBytes?: number;
  /** Whether the command writes its output to stdout: it is then refused when stdout is the input file. */
  writesStdout?: boolean;
  /** The command's option for an output file, named in the hint ("-o"); none when it has none. */
  outputFlag?: string;
}

/**
 * Opens `file` (null: stdin) for reading. When the command writes to stdout and stdout is the
 * input file (`leveler batch f.csv >> f.csv`, `< f >> f`, `1<>f < f`), it is refused, as cat
 * refuses: the output would grow the input it is reading, for ever, or overwrite it.
 */
export async function openInput(file: string | null, io: Io, { chunkBytes = 64 * 1024, writesStdout = true, outputFlag }: InputOptions = {}): Promise<Input> {
  const input = await open_(file, io, chunkBytes);
  const out = writesStdout ? (io.stdoutFile?.() ?? null) : null;
  if (out !== null && input.id !== null && out.dev === input.id.dev && out.ino === input.id.ino) {
    input.stream.destroy();
    await input.handle?.close().catch(() => undefined);
    const what = file === null ? 'stdout and stdin are the same file' : `stdout is the input file ${displayPath(file, io.cwd)}`;
    const other = outputFlag === undefined ? '> other.csv' : `> other.csv, or ${outputFlag} other.csv`;
    throw new UsageError(what, `write the output to another file (${other}); the input is never overwritten`);
  }
  return input;
}

async function open_(file: string | null, io: Io, chunkBytes: number): Promise<Input> {
  if (file === null) return { stream: io.stdin, size: null, id: io.stdinFile?.() ?? null };
  const where = displayPath(file, io.cwd);
  let handle: FileHandle;
  try {
    handle = await open(file.startsWith('/') ? file : `${io.cwd}/${file}`, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new DataError(`cannot read ${where}: ${why}`, 'check the path; use - to read stdin');
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new DataError(`cannot read ${where}: it is a folder`, 'give a CSV file');
  }
  return {
    stream: handle.createReadStream({ highWaterMark: chunkBytes, autoClose: false }),
    size: stat.isFile() ? stat.size : null,
    id: { dev: stat.dev, ino: stat.ino },
    handle,
  };
}
