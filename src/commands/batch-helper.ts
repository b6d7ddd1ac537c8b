// batch on more than one core: helper threads answer part of each chunk's new titles while this
// thread answers the rest, then the chunk is written as before, every answer from the memo. A
// helper answers a title exactly as this thread would: the same ladder, the same options, the same
// rendering (batchAnswers below, for both). Used where a row's answer depends on its title alone
// (no years, hint or company column, no --company), with --threads 2 or more: never by default, as
// measured on two cores they did not help (bench/batch.mjs: 0.93x to 0.99x one thread, and 75 MB).
import { parentPort, workerData } from 'node:worker_threads';
import { sharedAnswers, type RowAnswer } from '../core/batch.js';
import type { AnswerMemo } from '../core/answers.js';
import type { MatchResult } from '../core/types.js';
import { Helper, helperScript, type HelperAsk, type HelperReply } from '../io/helpers.js';
import { createLeveler } from '../leveler.js';
import { csvSuffix, jsonBody, jsonFields, type Field } from '../output/batch.js';
import { pickedFields, type BatchFlags } from './batch.js';

/** A chunk with fewer new titles than this is answered on this thread alone: a message costs more. */
const MIN_SHARE = 16;

/** What batch answers and how it renders them: one definition for this thread and its helpers. */
export interface BatchAnswers {
  /** Whether an answer carries its reasons and alternatives (whole JSON answers only). */
  explain: boolean;
  /** Whether the output quotes the years (reasons, the query). */
  quotesYears: boolean;
  /** Whether the output quotes the title (the query): without it, titles with one core share its answer. */
  quotesTitle: boolean;
  /** Whether cards carry their pay: only where the output shows it. */
  pay: boolean;
  /** A row's answer as the format writes it, and what the tally counts. */
  keep: (result: MatchResult) => RowAnswer;
}

export function batchAnswers(opts: Pick<BatchFlags, 'format' | 'pay'>, fields: Field[] | null, csvFields: Field[] | null, delimiter: () => string): BatchAnswers {
  return {
    quotesYears: opts.format !== 'csv' && (fields === null || fields.some((f) => f.name === 'years')),
    quotesTitle: opts.format !== 'csv' && (fields === null || fields.some((f) => f.name === 'title')),
    explain: opts.format !== 'csv' && fields === null,
    pay: opts.pay === true || (opts.format !== 'csv' && (fields === null || fields.some((f) => f.name.startsWith('pay_')))),
    keep: sharedAnswers((r: MatchResult) => (opts.format === 'csv' ? csvSuffix(r, delimiter(), csvFields ?? undefined) : fields ? jsonFields(r, fields) : jsonBody(r))),
  };
}

/** What a helper is started with: enough to open the same leveler and render as this thread does. */
export interface HelperSpec {
  data?: string;
  region?: string;
  cwd: string;
  env: Record<string, string>;
  family: string | null;
  format: BatchFlags['format'];
  fields?: string;
  pay?: boolean;
  delimiter: string;
}

/** The helper thread's work (dist/helper.cjs): answers lists of titles until it is stopped. */
export async function serveBatch(): Promise<void> {
  const port = parentPort!;
  const spec = workerData as HelperSpec;
  const opts = { format: spec.format, fields: spec.fields, pay: spec.pay } as BatchFlags;
  const fields = pickedFields(opts);
  const how = batchAnswers(opts, fields, fields, () => spec.delimiter);
  const leveler = await createLeveler({ ...(spec.data !== undefined ? { data: spec.data } : {}), ...(spec.region !== undefined ? { region: spec.region } : {}), cwd: spec.cwd, env: spec.env });
  const memo = await leveler.answers({ family: spec.family, quotesYears: how.quotesYears, quotesTitle: how.quotesTitle, explain: how.explain, keep: how.keep, charsOf: (a) => a.text.length, pay: how.pay });
  port.on('message', ({ id, items }: HelperAsk<string>) => {
    let reply: HelperReply<RowAnswer>;
    try {
      reply = { id, results: items.map((title) => memo.answer(title, null)) };
    } catch (e) {
      reply = { id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}

/**
 * This thread's side: before a chunk is written, its new titles are shared between this thread and
 * the helpers, and their answers kept in the memo. Answers do not depend on who works them out, so
 * the output is the same bytes with or without helpers; a helper that fails leaves its titles to
 * the row loop.
 */
export class BatchHelpers {
  private helpers: Helper<string, RowAnswer>[] = [];
  private started = false;
  private distinct = 0;
  /** Distinct titles the helpers answered. */
  helped = 0;
  /** The share of a chunk's new titles this thread answers, moved toward where neither side waits. */
  private mine: number;

  constructor(
    private readonly threads: number,
    private readonly spec: () => HelperSpec,
    /** The helper thread's script (dist/helper.cjs). */
    private readonly script: string,
  ) {
    this.mine = 1 / threads;
  }

  /** The helpers a batch may use: none with --threads 1, on one core, or run from the sources. */
  static for(opts: BatchFlags & { threads?: number }, spec: () => HelperSpec): BatchHelpers | null {
    const threads = opts.threads ?? 1;
    const script = helperScript();
    if (threads < 2 || script === null) return null;
    return new BatchHelpers(threads, spec, script);
  }

  /**
   * Whether the next chunk's titles go to share(): always, the helpers started with the first
   * (share() counts the distinct titles for the summary, helpers alive or not).
   */
  wanted(memo: AnswerMemo<RowAnswer>): boolean {
    if (!this.started) {
      this.distinct = memo.titles;
      this.start();
    }
    return true;
  }

  /** Answers the new titles among `titles` (a chunk's), this thread's share here and the rest by the helpers. */
  async share(titles: readonly string[], memo: AnswerMemo<RowAnswer>): Promise<void> {
    const fresh: string[] = [];
    const seen = new Set<string>();
    for (const t of titles) {
      if (memo.knows(t) || seen.has(t)) continue;
      seen.add(t);
      fresh.push(t);
    }
    this.distinct += fresh.length;
    const alive = this.helpers.filter((h) => h.alive);
    if (alive.length === 0 || fresh.length < MIN_SHARE) return;
    const cut = Math.round(fresh.length * this.mine);
    const each = Math.ceil((fresh.length - cut) / alive.length);
    const parts = alive.map((h, i) => ({ titles: fresh.slice(cut + i * each, cut + (i + 1) * each), helper: h }));
    const asked = parts.map((p) => (p.titles.length === 0 ? Promise.resolve([]) : p.helper.ask(p.titles)));
    for (let i = 0; i < cut; i++) memo.answer(fresh[i]!, null);
    const before = performance.now();
    const answers = await Promise.allSettled(asked);
    const waited = performance.now() - before;
    answers.forEach((a, i) => {
      if (a.status !== 'fulfilled') return;
      parts[i]!.titles.forEach((t, k) => memo.remember(t, a.value[k]!));
      this.helped += parts[i]!.titles.length;
    });
    // Waiting on the helpers: this thread takes more next time; not waiting: fewer.
    this.mine = Math.min(0.9, Math.max(0.1, this.mine + (waited > 1 ? 0.02 : -0.02)));
  }

  /** For the summary: how much the helpers did ("1,234 of 5,000 distinct titles on 1 helper thread"); null when nothing. */
  summary(): string | null {
    if (this.helped === 0) return null;
    const n = this.helpers.length;
    return `  threads: ${this.helped.toLocaleString('en-US')} of ${this.distinct.toLocaleString('en-US')} distinct titles answered on ${n} helper thread${n === 1 ? '' : 's'}\n`;
  }

  private start(): void {
    this.started = true;
    const spec = this.spec();
    for (let i = 1; i < this.threads; i++) this.helpers.push(new Helper<string, RowAnswer>(this.script, spec));
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.close()));
    this.helpers = [];
  }
}

