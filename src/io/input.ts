// The file a command reads rows from (batch, triage, eval): a path, or stdin for none or "-". A
// missing file or a folder is one line naming it; the file's identity comes back, so that no output
// is ever written over it. What the first bytes say is looked at before any text is read: gzip is
// read through (Node's zlib), a workbook, an archive or another compression is named as such.
import { open, type FileHandle } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
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

/** The error for an input with no rows: with a header expected, it has none to name the columns. */
export function emptyInput(where: string, header: boolean): DataError {
  return header
    ? new DataError(`${where} is empty: no header row`, 'the first line must name the columns, such as title,years (or pass --no-header when the file has none)')
    : new DataError(`${where} is empty: no rows`, 'give a file with at least one row of titles');
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
  try {
    await readThroughFormat(input, file === null ? 'stdin' : displayPath(file, io.cwd));
  } catch (e) {
    input.stream.destroy();
    await input.handle?.close().catch(() => undefined);
    throw e;
  }
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

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Compressions leveler does not read itself, by their first bytes, with the command that does. */
const COMPRESSED: [bytes: number[], name: string, command: string][] = [
  [[0x42, 0x5a, 0x68], 'bzip2', 'bzip2 -dc'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz', 'xz -dc'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd', 'zstd -dc'],
];

const startsWith = (head: Buffer, bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/**
 * Looks at the input's first chunk: gzip is unpacked as it is read (input.stream then gives the
 * text, and the size for progress is unknown); a workbook, a zip archive or another compression
 * stops with what it is and what to do.
 */
async function readThroughFormat(input: Input, where: string): Promise<void> {
  const head = await peek(input.stream);
  if (startsWith(head, GZIP)) {
    input.stream = gunzipped(input.stream, where);
    input.size = null;
    return;
  }
  const text = head.subarray(0, 4096).toString('latin1');
  if (startsWith(head, ZIP)) {
    if (text.includes('[Content_Types].xml') && (text.includes('xl/') || !text.includes('word/'))) {
      throw new DataError(`${where} is an Excel workbook (.xlsx), not CSV text`, 'save it as CSV (in Excel: File > Save As > CSV UTF-8), then run again');
    }
    throw new DataError(`${where} is a zip archive, not CSV text`, 'unzip it first (unzip -p FILE | leveler ...)');
  }
  if (startsWith(head, OLE2)) throw new DataError(`${where} is an Excel 97-2003 workbook (.xls), not CSV text`, 'save it as CSV (in Excel: File > Save As > CSV UTF-8), then run again');
  for (const [bytes, name, command] of COMPRESSED) {
    if (startsWith(head, bytes)) throw new DataError(`${where} is compressed with ${name}`, `decompress it first (${command} FILE | leveler ...); gzip is read as it is`);
  }
}

/** The stream's first chunk, read and put back (unshift): the stream is the same, and gives it again. */
function peek(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      done();
      stream.pause();
      stream.unshift(chunk);
      resolve(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    };
    const onEnd = () => {
      done();
      resolve(Buffer.alloc(0));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}

/**
 * The text bytes of a gzip stream. A damaged stream is one line naming the input; destroying the
 * result (Ctrl-C) destroys the source too.
 */
function gunzipped(source: Readable, where: string): Readable {
  const gunzip = createGunzip();
  const out = new PassThrough();
  source.on('error', (e) => out.destroy(e));
  gunzip.on('error', (e: NodeJS.ErrnoException) => {
    const code = e.code ?? '';
    out.destroy(code.startsWith('Z_') || code === 'ERR_ZLIB' ? new DataError(`${where} is not a whole gzip file: ${e.message}`, 'check that it was copied completely (gzip -t FILE)') : e);
  });
  out.on('close', () => {
    gunzip.destroy();
    source.destroy();
  });
  // The reader gets the error through its iteration; once it has stopped, a late one is not a crash.
  out.on('error', () => {});
  source.pipe(gunzip).pipe(out);
  return out;
}
