// Helper threads (src/io/helpers.ts) and batch's share of a chunk's titles between this thread and
// them (src/commands/batch-helper.ts), with helper scripts written here: one that answers, one
// that fails on its first list, one that never says it is ready. A failed helper never leaves a
// caller waiting, and its titles are left to this thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchHelpers } from '../../src/commands/batch-helper.js';
import type { BatchFlags } from '../../src/commands/batch.js';
import { AnswerMemo } from '../../src/core/answers.js';
import type { RowAnswer } from '../../src/core/batch.js';
import type { Matcher } from '../../src/core/match.js';
import { Helper } from '../../src/io/helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-helpers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function script(name: string, onMessage: string, ready = true): string {
  const path = join(temp, `${name}.mjs`);
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads';\n` +
      `parentPort.on('message', ({ id, items }) => { ${onMessage} });\n` +
      (ready ? `parentPort.postMessage('ready');\n` : `setInterval(() => {}, 1000);\n`),
  );
  return path;
}

/** Answers each title with its upper case, as a helper of batch would reply. */
const ANSWERS = script('answers', `parentPort.postMessage({ id, results: items.map((t) => ({ level: 'H', confidence: 1, family: null, text: t.toUpperCase() })) });`);
const FAILS = script('fails', `throw new Error('helper broke');`);
const REPLIES_ERROR = script('replies-error', `parentPort.postMessage({ id, error: 'the ladder cannot be read' });`);
const SILENT = script('silent', '', false);

describe('Helper', () => {
  it('answers lists in the order they were sent, several at once', async () => {
    const h = new Helper<string, RowAnswer>(ANSWERS, null);
    expect(await h.ready).toBe(true);
    expect(h.alive).toBe(true);
    const [a, b] = await Promise.all([h.ask(['x', 'y']), h.ask(['z'])]);
    expect(a.map((r) => r.text)).toEqual(['X', 'Y']);
    expect(b.map((r) => r.text)).toEqual(['Z']);
    await h.close();
    expect(h.alive).toBe(false);
    await expect(h.ask(['after'])).rejects.toThrow(/closed/);
  });

  it.each([
    ['throws', FAILS, /helper broke/],
    ['replies with an error', REPLIES_ERROR, /the ladder cannot be read/],
  ])('a helper that %s rejects the ask, and every ask after', async (_, path, why) => {
    const h = new Helper<string, RowAnswer>(path, null);
    await h.ready;
    await expect(h.ask(['x'])).rejects.toThrow(why);
    expect(h.alive).toBe(false);
    await expect(h.ask(['y'])).rejects.toThrow(why);
    await h.close();
  });

  it('a helper that never says it is ready is not alive, and closes', async () => {
    const h = new Helper<string, RowAnswer>(SILENT, null);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.alive).toBe(false);
    await h.close();
    expect(await h.ready).toBe(false);
  });
});

/** A memo over a matcher that answers each title with its lower case, counting the titles it reads. */
function memo(): { memo: AnswerMemo<RowAnswer>; read: string[] } {
  const read: string[] = [];
  const matcher = {
    readTitle: (title: string) => {
      read.push(title);
      return { title };
    },
    decide: (reading: { title: string }) => ({ query: { title: reading.title, years: null }, match: null, alternatives: [], reasons: [] }),
  } as unknown as Matcher;
  const m = new AnswerMemo<RowAnswer>(matcher, { family: null, quotesYears: false, explain: false, keep: (r) => ({ level: null, confidence: 0, family: null, text: r.query.title.toLowerCase() }) });
  return { memo: m, read };
}

const spec = () => ({ cwd: temp, env: {}, family: null, format: 'csv' as const, delimiter: ',' });
const titles = Array.from({ length: 40 }, (_, i) => `Title ${i}`);

describe('BatchHelpers.share', () => {
  it('answers part of the new titles here and the rest by the helper, each title once', async () => {
    const { memo: m, read } = memo();
    const helpers = new BatchHelpers(2, spec, ANSWERS);
    expect(helpers.wanted(m)).toBe(true); // --threads: the helper starts now
    await helpers.share(titles, m); // this chunk is left to the row loop
    await new Promise((r) => setTimeout(r, 300));
    const next = titles.map((t) => `${t} b`);
    await helpers.share([...next, ...next], m);
    expect(next.every((t) => m.knows(t))).toBe(true);
    const here = next.filter((t) => read.includes(t));
    const helped = next.filter((t) => !read.includes(t));
    expect(here.length).toBeGreaterThan(0);
    expect(helped.length).toBeGreaterThan(0);
    // The helper's answers are kept as given; this thread's are its own.
    expect(m.answer(helped[0]!, null).text).toBe(helped[0]!.toUpperCase());
    expect(m.answer(here[0]!, null).text).toBe(here[0]!.toLowerCase());
    expect(new Set(read).size).toBe(read.length);
    await helpers.close();
  });

  it('a helper that fails leaves its titles to this thread, and is not asked again', async () => {
    const { memo: m, read } = memo();
    const helpers = new BatchHelpers(2, spec, FAILS);
    expect(helpers.wanted(m)).toBe(true);
    await helpers.share(titles, m);
    await new Promise((r) => setTimeout(r, 300));
    const next = titles.map((t) => `${t} c`);
    await helpers.share(next, m);
    const left = next.filter((t) => !m.knows(t));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((t) => !read.includes(t))).toBe(true);
    // The row loop answers them here.
    for (const t of left) expect(m.answer(t, null).text).toBe(t.toLowerCase());
    // With no helper left, a chunk is the row loop's alone.
    const again = titles.map((t) => `${t} d`);
    await helpers.share(again, m);
    expect(again.some((t) => m.knows(t))).toBe(false);
    await helpers.close();
  });

  it('are none by default, nor with --threads 1: helpers did not pay on the two cores measured', () => {
    expect(BatchHelpers.for({} as BatchFlags, spec)).toBeNull();
    expect(BatchHelpers.for({ threads: 1 } as BatchFlags & { threads: number }, spec)).toBeNull();
  });
});
