// Where batch output goes: stdout, or a file written atomically. A file is written under a
// temporary name beside it and renamed into place only when everything succeeded, so a failure
// or Ctrl-C never leaves a half-written file and never touches an existing one.
import { accessSync, constants, createWriteStream, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { DataError, UsageError } from '../errors.js';
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

class StreamSink implements Sink {
  closed = false;
  protected failure: Error | null = null;

  constructor(protected readonly stream: Writable) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.closed = true;
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') this.failure = e;
    });
  }

  async write(text: string): Promise<boolean> {
    if (this.closed) return false;
    if (!this.stream.write(text)) await waitDrain(this.stream);
    this.check();
    return !this.closed;
  }

  protected check(): void {
    if (this.failure) throw new DataError(`cannot write the output: ${this.failure.message}`);
  }

  async commit(): Promise<void> {
    this.check();
  }

  abort(): void {}
}

class FileSink extends StreamSink {
  constructor(
    private readonly temp: string,
    private readonly target: string,
    private readonly display: string,
  ) {
    super(createWriteStream(temp, { flags: 'wx' }));
  }

  protected override check(): void {
    if (this.failure) throw new DataError(`cannot write ${this.display}: ${this.failure.message}`);
  }

  override async commit(): Promise<void> {
    await new Promise<void>((done, fail) => {
      this.stream.once('error', fail);
      this.stream.end(done);
    });
    this.check();
    renameSync(this.temp, this.target);
  }

  override abort(): void {
    this.closed = true;
    this.stream.destroy();
    try {
      unlinkSync(this.temp);
    } catch {
      // Already gone, or never created.
    }
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export function openSink(target: string | undefined, stdout: Out, cwd: string, input: string | null): Sink {
  if (target === undefined || target === '-') return new StreamSink(stdout);
  const path = resolve(cwd, target);
  if (input !== null && sameFile(path, resolve(cwd, input))) {
    throw new UsageError(`-o ${target} is the input file`, 'write the output to another file; the input is never overwritten');
  }
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`-o ${target} is a folder`, 'give a file name');
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : 'its folder is not writable';
    throw new DataError(`cannot write ${target}: ${why}`, 'pick a path in a folder you can write to');
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  return new FileSink(temp, path, target);
}
