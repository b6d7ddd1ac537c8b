// batch's fast path (plain lines copied through as read) against the reference it stands in for:
// every output record, read back by Python's csv module, holds the input record as Python reads it,
// field for field, whatever the chunk edges: every chunk size from 1 to 64 bytes in-process, and
// the built binary fed through a real pipe in random writes with pauses.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunked, pythonRows, randomCsv, seeded } from '../csv-reference.js';
import { ROOT, run } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const random = seeded(20261202);
const TEXTS = Array.from({ length: 8 }, () => randomCsv(random, { rows: 24, longField: 200 }));
const SIZES = Array.from({ length: 64 }, (_, i) => i + 1);

/** The input records padded to the header's width, as batch writes them, and the number of fields it appends. */
function expectRecords(input: string[][], appended: number, output: string[][]): void {
  const width = input[0]!.length;
  expect(output.length, 'records out').toBe(input.length);
  output.forEach((out, i) => {
    const want = [...input[i]!, ...Array<string>(Math.max(0, width - input[i]!.length)).fill('')];
    expect(out.slice(0, want.length), `record ${i}`).toEqual(want);
    expect(out.length, `record ${i}'s width`).toBe(want.length + appended);
  });
}

describe('batch copies every CSV record through exactly, at every chunk size', () => {
  const inputs = pythonRows(TEXTS);

  it('CSV out: each record as Python reads the input, plus the level, at chunk sizes 1 to 64', async () => {
    const outputs: string[] = [];
    const cases: { text: number; size: number }[] = [];
    for (const size of SIZES) {
      for (const text of [size % TEXTS.length, (size + 3) % TEXTS.length]) {
        const r = await run(['batch', '-', '-q', '--fields', 'level'], { stdin: chunked(Buffer.from(TEXTS[text]!), size) });
        expect(r.code, `text ${text} in chunks of ${size}: ${r.stderr}`).toBe(0);
        outputs.push(r.stdout);
        cases.push({ text, size });
      }
    }
    const read = pythonRows(outputs);
    cases.forEach(({ text, size }, k) => {
      const [header, ...rows] = read[k]!;
      expect(header, `text ${text} in chunks of ${size}`).toEqual([...inputs[text]![0]!, 'level']);
      expectRecords(inputs[text]!.slice(1), 1, rows);
    });
    // The level of a row does not depend on where the chunks fell.
    const whole = new Map<number, string>();
    cases.forEach(({ text }, k) => {
      const seen = whole.get(text);
      if (seen === undefined) whole.set(text, outputs[k]!);
      else expect(outputs[k], `text ${text}`).toBe(seen);
    });
  }, 90_000);

  it('NDJSON out: one line per record, numbered, with its title as Python reads it, at chunk sizes 1 to 64', async () => {
    for (const size of SIZES) {
      const text = size % TEXTS.length;
      const r = await run(['batch', '-', '-q', '--format', 'ndjson', '--fields', 'title'], { stdin: chunked(Buffer.from(TEXTS[text]!), size) });
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { row: number; title: string });
      const rows = inputs[text]!.slice(1);
      expect(lines.map((l) => l.row), `text ${text} in chunks of ${size}`).toEqual(rows.map((_, i) => i + 1));
      expect(lines.map((l) => l.title), `text ${text} in chunks of ${size}`).toEqual(rows.map((f) => f[0]!));
    }
  }, 60_000);
});

/** The first quote in bytes[from, to) that opens a field (after a delimiter or a line break), or -1. */
function opening(bytes: Buffer, from: number, to: number): number {
  for (let i = bytes.indexOf(34, from); i >= 0 && i < to; i = bytes.indexOf(34, i + 1)) {
    const before = i === 0 ? 10 : bytes[i - 1]!;
    if (before === 44 || before === 59 || before === 10 || before === 13) return i;
  }
  return -1;
}

/** Writes `bytes` (which start with a header line) to the binary's stdin in random sizes, pausing right after some opening quotes; its stdout. */
function throughPipe(bytes: Buffer, args: string[], seed: number): Promise<{ code: number | null; stdout: string }> {
  const rnd = seeded(seed);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8') }));
    let at = 0;
    const next = () => {
      if (at >= bytes.length) {
        child.stdin.end();
        return;
      }
      const size = [1, 7, 64, 300, 1448, 4096, 65535][Math.floor(rnd() * 7)]!;
      // A write that ends just after a field's opening quote, then a pause: the reader gets the edge
      // as its own chunk, and the rest of the record in the next.
      const quote = opening(bytes, at, at + size);
      const cut = quote >= 0 && rnd() < 0.5 ? quote + 1 : at + size;
      const piece = bytes.subarray(at, Math.min(cut, bytes.length));
      at += piece.length;
      const pause = cut === quote + 1 ? 15 : 0;
      if (child.stdin.write(piece)) setTimeout(next, pause);
      else child.stdin.once('drain', () => setTimeout(next, pause));
    };
    // The header and the first record (plain: see randomCsv) first; the rest once their answer has
    // come out, so that the reader is live and each pause reaches it as a chunk edge instead of
    // piling up in the pipe while leveler starts.
    const header = bytes.indexOf(10, bytes.indexOf('first')) + 1;
    child.stdin.write(bytes.subarray(0, header));
    at = header;
    child.stdout.once('data', () => next());
  });
}

describe('the built binary through a real pipe, written in random sizes with pauses', () => {
  it.each([
    ['awkward fields everywhere', 1, 400, 300, 1, ','],
    ['rare quoted records among plain ones', 2, 6000, 300, 0.02, ','],
    ['long fields that cross 64 KB chunks', 3, 120, 40_000, 0.5, ','],
    ['semicolons, rare quotes', 4, 3000, 500, 0.05, ';'],
  ])('%s: every record comes out as Python reads it', async (_name, seed, rows, longField, awkward, delimiter) => {
    const text = randomCsv(seeded(seed), { rows, longField, delimiter, awkward });
    const csv = await throughPipe(Buffer.from(text), ['batch', '-', '-q', '--fields', 'level,confidence'], seed);
    expect(csv.code).toBe(0);
    const [input, output] = pythonRows([text, csv.stdout], delimiter);
    expect(output![0]).toEqual([...input![0]!, 'level', 'confidence']);
    expectRecords(input!.slice(1), 2, output!.slice(1));
    const nd = await throughPipe(Buffer.from(text), ['batch', '-', '-q', '--format', 'ndjson', '--fields', 'title'], seed + 10);
    expect(nd.code).toBe(0);
    const titles = nd.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title);
    expect(titles).toEqual(input!.slice(1).map((f) => f[0]!));
    // --keep-columns: each row's input columns (plain lines split, quoted records parsed) as Python reads them.
    const kept = await throughPipe(Buffer.from(text), ['batch', '-', '-q', '--format', 'ndjson', '--fields', 'level', '--keep-columns', '--delimiter', delimiter], seed + 20);
    expect(kept.code).toBe(0);
    const header = input![0]!;
    const inputs = kept.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { input: Record<string, string | null> }).input);
    expect(inputs).toHaveLength(input!.length - 1);
    inputs.forEach((got, i) => {
      const record = input![i + 1]!;
      // The header's names (title, team, note), then a field past them by its number.
      const keys = Array.from({ length: Math.max(header.length, record.length) }, (_, k) => header[k] ?? String(k + 1));
      expect(keys.map((k) => got[k]), `record ${i + 1}`).toEqual(keys.map((_, k) => record[k] ?? null));
      expect(Object.keys(got).sort()).toEqual([...keys].sort());
    });
  });
});
