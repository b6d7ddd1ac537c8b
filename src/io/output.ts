// Where batch output goes, and how it gets there without destroying what the path points at.
//
//   stdout, or `-o -`          written as it comes
//   -o a regular file (new or  written under a temporary name beside it (beside a symlink's target,
//      existing), or a link    so the link stays a link), fsynced, given the old file's mode and
//      to one                  owner, and renamed into place only when everything succeeded: a
//                              failure, a signal or a crash never leaves a half-written file and
//                              never touches the existing one
//   -o a device, FIFO, socket  written directly (/dev/null, /dev/stdout, >(cmd)): renaming a file
//      or /dev/fd/N            over them would replace the node itself
//
// Temporary files are registered and removed when the process exits, however it exits.
import {
  accessSync,
  closeSync,
  constants,
  createWriteStream,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { OutputError, UsageError } from '../errors.js';
import type { Out } from './terminal.js';

export interface Sink {
  /** Writes, and waits when the reader is slower than us. False once the reader has gone (`| head`). */
  write(text: string): Promise<boolean>;
  /** Finishes: flushes, and moves a file into place. */
  commit(): Promise<void>;
  /** Gives up: removes the temporary file. */
  abort(): void;
  readonly closed: boolean;
}

/** A file's identity, to recognise the input arriving again as the output. */
export interface FileId {
  dev: number;
  ino: number;
}

const liveTemps = new Set<string>();
let exitHookInstalled = false;

function removeTemp(path: string): void {
  liveTemps.delete(path);
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created.
  }
}

function registerTemp(path: string): void {
  liveTemps.add(path);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' also runs after an uncaught exception and process.exit(): no path leaves a temp behind.
  process.once('exit', () => {
    for (const temp of [...liveTemps]) removeTemp(temp);
  });
}

/** Temporary files not yet renamed into place or removed: for tests. */
export function pendingTemps(): string[] {
  return [...liveTemps];
}

function waitDrain(stream: Writable): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      stream.off('drain', finish);
      stream.off('close', finish);
      stream.off('error', finish);
      done();
    };
    stream.on('drain', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  });
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EBADF: 'it is closed',
  EIO: 'an input/output error',
  EROFS: 'a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EFBIG: 'the file is too large',
};

/**
 * `inPlace`: the output was being written where it goes (stdout, a device), so part of it may be
 * there. `fileFlag`: the command's option that writes a file instead (batch's -o), offered in the hint.
 */
export function writeFailure(where: string, e: NodeJS.ErrnoException, inPlace = where === 'stdout', fileFlag?: string): OutputError {
  const why = REASONS[e.code ?? ''] ?? e.message;
  const hint = inPlace
    ? `the output is incomplete; check where ${where} goes${fileFlag && where === 'stdout' ? `, or write to a file with ${fileFlag}` : ''}`
    : 'nothing was written in its place; free space or pick another output, and run again';
  return new OutputError(`cannot write ${where}: ${why}`, hint);
}

/** Ends a stream; the callback of end() receives a write error before the 'error' event fires. */
function finish(stream: Writable, failed: (e: NodeJS.ErrnoException) => void): Promise<void> {
  return new Promise((done) => {
    stream.end((e?: NodeJS.ErrnoException | null) => {
      if (e && e.code !== 'EPIPE') failed(e);
      done();
    });
  });
}

class StreamSink implements Sink {
  closed = false;
  protected failure: NodeJS.ErrnoException | null = null;

  constructor(
    protected readonly stream: Writable,
    protected readonly display: string,
    /** The option that writes a file instead of stdout, for the hint; none when the command has none. */
    protected readonly fileFlag?: string,
  ) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.closed = true;
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') this.failure = e;
    });
  }

  async write(text: string): Promise<boolean> {
    if (this.closed) {
      this.check();
      return false;
    }
    if (!this.stream.write(text)) await waitDrain(this.stream);
    this.check();
    return !this.closed;
  }

  protected check(): void {
    if (this.failure) throw writeFailure(this.display, this.failure, !(this instanceof FileSink), this.fileFlag);
  }

  async commit(): Promise<void> {
    this.check();
  }

  abort(): void {}
}

/** A device, FIFO or socket: written in place, and ended on commit so its reader sees the end. */
class DirectSink extends StreamSink {
  constructor(path: string, display: string) {
    super(createWriteStream(path, { flags: 'w' }), display);
  }

  override async commit(): Promise<void> {
    await finish(this.stream, (e) => (this.failure ??= e));
    this.check();
  }

  override abort(): void {
    this.closed = true;
    this.stream.destroy();
  }
}

class FileSink extends StreamSink {
  private readonly fd: number;

  constructor(
    private readonly temp: string,
    private readonly target: string,
    display: string,
    private readonly existing: Stats | null,
  ) {
    const fd = openTemp(temp, display);
    super(createWriteStream('', { fd, autoClose: false }), display);
    this.fd = fd;
  }

  override async commit(): Promise<void> {
    await finish(this.stream, (e) => (this.failure ??= e));
    this.check();
    try {
      fsyncSync(this.fd);
      if (this.existing) {
        fchmodSync(this.fd, this.existing.mode & 0o7777);
        try {
          fchownSync(this.fd, this.existing.uid, this.existing.gid);
        } catch {
          // Only root may give a file away; the file then belongs to whoever runs leveler, as with `>`'s new files.
        }
      } else {
        fchmodSync(this.fd, 0o666 & ~process.umask());
      }
      closeSync(this.fd);
      renameSync(this.temp, this.target);
      liveTemps.delete(this.temp);
    } catch (e) {
      this.abort();
      throw writeFailure(this.display, e as NodeJS.ErrnoException);
    }
  }

  override abort(): void {
    this.closed = true;
    this.stream.destroy();
    try {
      closeSync(this.fd);
    } catch {
      // Closed by commit.
    }
    removeTemp(this.temp);
  }
}

function openTemp(temp: string, display: string): number {
  try {
    // Private until it is complete: the final mode is set just before the rename.
    const fd = openSync(temp, 'wx', 0o600);
    registerTemp(temp);
    return fd;
  } catch (e) {
    throw writeFailure(display, e as NodeJS.ErrnoException);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Where a path finally leads when it is a symlink, even a dangling one (its target is created). */
function followLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = lstatSync(current);
    } catch {
      return current;
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new OutputError(`cannot write ${path}: too many symbolic links`, 'check where the link points');
}

export interface SinkOptions {
  /** `-o` as given; undefined or `-` for stdout. */
  target: string | undefined;
  stdout: Out;
  cwd: string;
  /** The input file's identity (a file or stdin), so it is never overwritten. */
  input: FileId | null;
  /** The option that named the target, for messages: -o unless said. */
  flag?: string;
}

export function openSink({ target, stdout, cwd, input, flag = '-o' }: SinkOptions): Sink {
  if (target === undefined || target === '-') return new StreamSink(stdout, 'stdout', flag);
  if (target.trim() === '') throw new UsageError(`${flag} needs a file name`, `give one, such as ${flag} out.csv (or - for stdout)`);
  const path = resolve(cwd, target);
  const existing = statOrNull(path);
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${target} is a folder`, 'give a file name');
  // "out.csv/" names a folder: writing a file "out.csv" instead would not be what was asked.
  if (/[/\\]$/.test(target)) throw new UsageError(`${flag} ${target} ends in a slash: it names a folder, which does not exist`, `give a file name, such as ${target.replace(/[/\\]+$/, '')}`);
  if (existing && input && existing.dev === input.dev && existing.ino === input.ino) {
    throw new UsageError(`${flag} ${target} is the input file`, 'write the output to another file; the input is never overwritten');
  }
  if (existing && !existing.isFile()) return new DirectSink(path, target);
  const real = followLinks(path);
  if (existing) checkWritable(real, existing, target);
  else checkFolder(real, target);
  removeStaleTemps(real);
  const temp = join(dirname(real), `${tempPrefix(real)}${process.pid}.${Date.now().toString(36)}.tmp`);
  return new FileSink(temp, real, target, existing);
}

/** The start of the name of a temporary file written for `path`: `.out.csv.` then the writer's pid. */
function tempPrefix(path: string): string {
  return `.${basename(path)}.`;
}

/**
 * Removes the temporary files left beside `path` by writers that are gone (`kill -9`, a power
 * cut): a file named as leveler names its temporary files for this path, whose process no longer
 * runs. A live writer's file is left alone.
 */
function removeStaleTemps(path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || isRunning(Number(match[1]))) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function checkWritable(path: string, info: Stats, target: string): void {
  let writable = (info.mode & 0o222) !== 0;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  // Read-only for everyone is a choice someone made: leveler keeps it, even when root could override it.
  if (!writable) throw new OutputError(`cannot write ${target}: the file is read-only`, 'make it writable (chmod u+w), or pick another file');
  checkFolder(path, target);
}

function checkFolder(path: string, target: string): void {
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : 'its folder is not writable';
    throw new OutputError(`cannot write ${target}: ${why}`, 'pick a path in a folder you can write to');
  }
}

/** Refuses a target that is an existing regular file (a device or a FIFO is written into, not replaced). */
export function refuseExistingFile(target: string, cwd: string, flag: string): void {
  if (statOrNull(resolve(cwd, target))?.isFile()) throw new UsageError(`${flag} ${target} exists`, 'write to a new file, or pass --force to replace this one');
}

/** The identity of an open file descriptor (stdin's is 0), or null when it has none worth comparing. */
export function fdIdentity(fd: number): FileId | null {
  try {
    const info = fstatSync(fd);
    return info.isFile() ? { dev: info.dev, ino: info.ino } : null;
  } catch {
    return null;
  }
}
