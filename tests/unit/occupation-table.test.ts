// The word table's body read whole (WordTable, what a batch uses) against the line reader it stands
// in for (parseFeatureLine and parseExactLine on each line, a later line of a key replacing an
// earlier one, as the sorted file's map keeps them): the same runs and the same whole titles, on
// the shipped table and on random bodies, well formed or not; and the build's pack of a table
// (PackedTable) against the WordTable it was made from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packTable, PackedTable } from '../../src/core/occupation-pack.js';
import { MAX_TENTHS, pairId, pairTenths, parseExactLine, parseFeatureLine, WordTable, type FeatureEntry } from '../../src/core/occupation-table.js';
import { shippedDataDir } from '../../src/io/ladder.js';

/** The reference: each line read alone, by key. */
function byLines(body: string, codes: readonly string[]) {
  const features = new Map<string, [number, number][]>();
  const exact = new Map<string, { code: string; share: number } | undefined>();
  for (const line of body.split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const key = tab < 0 ? line : line.slice(0, tab);
    const rest = tab < 0 ? '' : line.slice(tab + 1);
    if (key.startsWith('=')) exact.set(key.slice(1), parseExactLine(rest, codes));
    else features.set(key, runOf(parseFeatureLine(rest, codes.length)));
  }
  return { features, exact };
}

const runOf = (e: FeatureEntry): [number, number][] => Array.from(e.pairs.subarray(e.from, e.to), (p) => [pairId(p), pairTenths(p)]);

/** Keys no line of a test body has, or some have: each is looked up both ways. */
const PROBES = ['a', 'b', 'c d', '$e', 'f g', 'h', 'nurse', 'registered nurse', 'x', '', '=h', '=registered nurse'];

function expectSame(body: string, codes: readonly string[]) {
  const ref = byLines(body, codes);
  const table = new WordTable(body, codes);
  // The build's pack of the table, read as a batch reads it: from a copy that starts off an 8-byte boundary too.
  const pack = packTable(new WordTable(body, codes), codes, 'digest');
  const shifted = new Uint8Array(pack.length + 3);
  shifted.set(pack, 3);
  // A Buffer off the boundary too, as a file read may give: its slice() would share the bytes.
  const buffer = Buffer.from(shifted.buffer, shifted.byteOffset + 3, pack.length);
  for (const fast of [table, new PackedTable(pack, codes), new PackedTable(shifted.subarray(3), codes), new PackedTable(buffer, codes)]) expectSameAs(fast, ref);
}

function expectSameAs(fast: Pick<WordTable, 'feature' | 'exact'>, ref: ReturnType<typeof byLines>) {
  for (const key of new Set([...ref.features.keys(), ...PROBES])) {
    const want = ref.features.get(key);
    const got = fast.feature(key);
    expect(got && runOf(got), key).toEqual(want);
    // Read twice: the WordTable keeps the first answer, the pack makes a new entry over the same pairs.
    expect(got && runOf(fast.feature(key)!), key).toEqual(want);
  }
  for (const key of new Set([...ref.exact.keys(), ...PROBES])) expect(fast.exact(key), key).toEqual(ref.exact.get(key));
}

/** A tiny seeded PRNG, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('the word table read whole, against its lines read one by one', () => {
  it('gives the same runs and whole titles for the shipped table', () => {
    const text = readFileSync(join(shippedDataDir(), 'occupation-words.tsv'), 'utf8');
    let at = 0;
    for (let i = 0; i < 3; i++) at = text.indexOf('\n', at) + 1;
    const codes = text.slice(text.indexOf('\n') + 1, text.indexOf('\n', text.indexOf('\n') + 1)).split(' ');
    expectSame(text.slice(at), codes);
  });

  it.each([
    ['the build\'s form', 'nurse\t0:15 2:-3\n=registered nurse\t0:92\n'],
    ['a line without a tab', 'nurse\n'],
    ['a tab and nothing after it', 'nurse\t\n'],
    ['a pair without a colon', 'nurse\t12 0:4\n'],
    ['an occupation past the codes', 'nurse\t3:4 1:2\n'],
    ['a weight of seven digits', 'nurse\t1:1234567\n'],
    ['weights at the pairs\' limit and past it', `nurse\t1:${MAX_TENTHS} 2:-${MAX_TENTHS}\nchef\t1:${MAX_TENTHS + 1} 2:4\ncook\t0:-${MAX_TENTHS + 1}\n`],
    ['a sign, a space too many, a carriage return', 'a\t1:+3\nb\t1:2  2:3\nc\t1:2\r\n'],
    ['hex, exponents and fractions', 'a\t0x1:2\nb\t1:1e2\nc\t1:2.5\n'],
    ['a key twice: the later line', 'a\t1:2\na\t2:3\n'],
    ['a trailing space, a lone minus, minus zero', 'a\t1:2 \nb\t1:-\nc\t1:-0\n'],
    ['no line break at the end', 'a\t1:2'],
    ['empty lines', '\n\na\t1:2\n\n'],
  ])('%s', (_case, body) => expectSame(body, ['11-1011.00', '29-1141.00', '35-2014.00']));

  it('agrees on random bodies', () => {
    const rnd = random(17);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const codes = Array.from({ length: 40 }, (_, i) => `11-${String(1000 + i)}.00`);
    const pieces = ['0', '1', '39', '40', '007', '-', ':', ' ', '  ', '+', '.', 'e', 'x', '\t', '\r', '999999', '1000000', '524287', '524288', '12'];
    for (let round = 0; round < 300; round++) {
      const lines: string[] = [];
      for (let l = 0; l < 8; l++) {
        const key = pick(['a', 'b', 'c d', '$e', '=f g', '=h', 'a']);
        let rest = '';
        if (rnd() < 0.6) rest = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => `${Math.floor(rnd() * 45)}:${Math.floor(rnd() * 400) - 200}`).join(' ');
        else for (let k = 0; k < 1 + Math.floor(rnd() * 10); k++) rest += pick(pieces);
        lines.push(rnd() < 0.1 ? key : `${key}\t${rest}`);
      }
      expectSame(lines.join('\n') + (rnd() < 0.5 ? '\n' : ''), codes);
    }
  });

  it('reads a table of more codes than a pair names the same way: those past 4,095 are passed over', () => {
    const codes = Array.from({ length: 4100 }, (_, i) => `c${i}`);
    expectSame(`a\t4095:7 4096:3 4099:-2 12:1\nb\t4097:5\nc\t0:${MAX_TENTHS} 4095:-${MAX_TENTHS}\n`, codes);
  });

  it('holds an occupation\'s place and a weight in one pair, either sign, to the limits', () => {
    const codes = Array.from({ length: 4096 }, (_, i) => `c${i}`);
    for (const [id, tenths] of [[0, 0], [4095, MAX_TENTHS], [4095, -MAX_TENTHS], [1, -1], [4094, 1], [17, -89], [1015, 196]] as const) {
      expect(runOf(parseFeatureLine(`${id}:${tenths}`, codes.length))).toEqual([[id, tenths]]);
    }
  });
});
