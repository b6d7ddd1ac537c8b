// Helper threads: a worker that answers lists of items the way this thread would, so that a batch
// of many distinct titles uses a second core. Only the built package has a helper script
// (dist/helper.cjs, written by scripts/build.mjs); run from the sources, there are no helpers and
// all the work stays on this thread. A helper that fails is dropped: its pending asks are
// rejected, never left waiting, and the caller does the work itself.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));

/** The helper script beside the bundle (dist/helper.cjs), or null when there is none (the sources, in tests). */
export function helperScript(): string | null {
  for (const up of ['.', '..']) {
    const path = join(here, up, 'helper.cjs');
    if (existsSync(path)) return path;
  }
  return null;
}

/** A message to a helper: a numbered list of items; the reply carries the same number. */
export interface HelperAsk<I> {
  id: number;
  items: I[];
}
export type HelperReply<O> = { id: number; results: O[] } | { id: number; error: string };

/**
 * One helper thread. `ask` sends items and resolves to the results in the same order; it rejects
 * when the helper has failed or gone (then `alive` is false for good). The helper is started at
 * once and `ready` resolves when it has said so (its first message).
 */
export class Helper<I, O> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: O[]) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | null = null;
  private up = false;
  readonly ready: Promise<boolean>;

  constructor(script: string, data: unknown) {
    // The helper's output is its own business: nothing it writes reaches this process's streams.
    this.worker = new Worker(script, { workerData: data, stdout: true, stderr: true });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.unref();
    this.ready = new Promise((resolve) => (this.saidReady = resolve));
    this.worker.on('message', (m: HelperReply<O> | 'ready') => {
      if (m === 'ready') {
        this.up = true;
        this.saidReady(true);
        return;
      }
      // A helper that could not answer is failed: this ask is rejected with the others pending.
      if ('error' in m) return this.fail(new Error(m.error));
      const waiting = this.pending.get(m.id);
      if (waiting === undefined) return;
      this.pending.delete(m.id);
      waiting.resolve(m.results);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the helper thread stopped (exit ${code})`)));
  }

  private saidReady: (up: boolean) => void = () => {};

  /** Whether the helper has started and not failed. */
  get alive(): boolean {
    return this.up && this.failure === null;
  }

  ask(items: I[]): Promise<O[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, items } satisfies HelperAsk<I>);
    });
  }

  private fail(e: Error): void {
    if (this.failure !== null) return;
    this.failure = e;
    this.saidReady(false);
    for (const waiting of this.pending.values()) waiting.reject(e);
    this.pending.clear();
  }

  /** Stops the helper; asks still pending are rejected. */
  async close(): Promise<void> {
    this.fail(new Error('the helper thread was closed'));
    await this.worker.terminate();
  }
}
