// The file a command reads rows from (batch, triage, eval): a path, or stdin for none or "-". A
// missing file or a folder is one line naming it; the file's identity comes back, so that no output
// is ever written over it.
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataError } from '../errors.js';
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

/** Opens `file` (null: stdin) for reading in chunks of `chunkBytes`. */
export async function openInput(file: string | null, io: Io, chunkBytes = 64 * 1024): Promise<Input> {
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
