// The word table packed by the build (scripts/build.mjs, into dist/occupation-words.pack): what a
// WordTable (src/core/occupation-table.ts) gives for every key, laid out in typed arrays with a hash
// of the keys, so that a batch reads the table in one file read. src/io/occupations.ts reads it
// only for the table bytes it was packed from.
import type { FeatureEntry, WordTable } from './occupation-table.js';

/**
 * A pack's layout: no map to build and no line to parse when read. It stands in for the WordTable
 * of the table bytes it was packed from (`digest`, the caller's to check): a differential test
 * holds the two equal.
 *
 *   one line of JSON (PackHead), padded with spaces to a multiple of 8 bytes
 *   Int32 hash[slots]       a key's number + 1 at the slot its hash probes first (or a later one), 0 empty
 *   Int32 keyStart[keys+1]  where each key starts in the key text (UTF-16 units)
 *   Int32 runStart[keys+1]  where each feature's pairs start (a whole title's run is empty)
 *   Int32 exactCode[keys]   a whole title's occupation (-1: none), -2 for a feature
 *   ids[pairs], weights[pairs]  Uint16 and Int16 where every one fits (`narrow`), else Int32:
 *                               widened to Int32Array when read, so the score loop sees one kind
 *   Float64 exactShare[keys]
 *   the key text, UTF-8 (whole titles' keys with their "=")
 */
export interface PackHead {
  magic: typeof PACK_MAGIC;
  /** The SHA-256 of the table file the pack was made from (hex). */
  digest: string;
  keys: number;
  pairs: number;
  slots: number;
  /** The key text's length, in UTF-16 units and in bytes. */
  keyUnits: number;
  keyBytes: number;
  /** Whether ids and weights are stored in 16 bits (the shipped table's are: 1,016 codes, weights of -89 to 196 tenths). */
  narrow: boolean;
}

export const PACK_MAGIC = 'leveler-occupation-pack 2';

/** FNV-1a over a key's UTF-16 units, `prefix` (a unit, or -1) read before them. */
function hashKey(key: string, prefix: number): number {
  let h = 0x811c9dc5;
  if (prefix >= 0) h = Math.imul(h ^ prefix, 16777619);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The table's keys and what WordTable gives for each (the reference the pack is made from); `codes`, the table's. */
export function packTable(table: WordTable, codes: readonly string[], digest: string): Uint8Array {
  const { features, exact } = table.keys();
  const keys = [...features, ...exact.map((k) => `=${k}`)];
  const runs = features.map((k) => table.feature(k)!);
  const pairs = runs.reduce((n, r) => n + (r.to - r.from), 0);
  let narrow = true;
  for (const r of runs) {
    for (let i = r.from; i < r.to && narrow; i++) narrow = r.ids[i]! <= 0xffff && r.weights[i]! >= -0x8000 && r.weights[i]! <= 0x7fff;
  }
  let slots = 1;
  while (slots < keys.length * 2) slots *= 2;
  const keyText = keys.join('');
  const keyBytes = new TextEncoder().encode(keyText);
  const head: PackHead = { magic: PACK_MAGIC, digest, keys: keys.length, pairs, slots, keyUnits: keyText.length, keyBytes: keyBytes.length, narrow };
  let headText = `${JSON.stringify(head)}\n`;
  headText += ' '.repeat((8 - (headText.length % 8)) % 8);
  const arrays = 4 * (slots + 2 * (keys.length + 1) + keys.length) + (narrow ? 4 : 8) * pairs;
  const out = new Uint8Array(headText.length + arrays + ((8 - (arrays % 8)) % 8) + 8 * keys.length + keyBytes.length);
  out.set(new TextEncoder().encode(headText), 0);
  const view = packViews(out.buffer, out.byteOffset, headText.length, head);
  let unit = 0;
  let pair = 0;
  keys.forEach((key, k) => {
    view.keyStart[k] = unit;
    unit += key.length;
    view.runStart[k] = pair;
    if (k < features.length) {
      const r = runs[k]!;
      view.ids.set(r.ids.subarray(r.from, r.to), pair);
      view.weights.set(r.weights.subarray(r.from, r.to), pair);
      pair += r.to - r.from;
      view.exactCode[k] = -2;
    } else {
      const found = table.exact(exact[k - features.length]!);
      view.exactCode[k] = found === undefined ? -1 : codes.indexOf(found.code);
      view.exactShare[k] = found === undefined ? 0 : found.share;
    }
    let slot = hashKey(key, -1) & (slots - 1);
    while (view.hash[slot] !== 0) slot = (slot + 1) & (slots - 1);
    view.hash[slot] = k + 1;
  });
  view.keyStart[keys.length] = unit;
  view.runStart[keys.length] = pair;
  out.set(keyBytes, out.length - keyBytes.length);
  return out;
}

function packViews(buffer: ArrayBufferLike, base: number, headBytes: number, head: PackHead) {
  let at = base + headBytes;
  const ints = (n: number) => {
    const a = new Int32Array(buffer, at, n);
    at += 4 * n;
    return a;
  };
  const hash = ints(head.slots);
  const keyStart = ints(head.keys + 1);
  const runStart = ints(head.keys + 1);
  const exactCode = ints(head.keys);
  let ids: Int32Array | Uint16Array;
  let weights: Int32Array | Int16Array;
  if (head.narrow) {
    ids = new Uint16Array(buffer, at, head.pairs);
    weights = new Int16Array(buffer, at + 2 * head.pairs, head.pairs);
    at += 4 * head.pairs;
  } else {
    ids = ints(head.pairs);
    weights = ints(head.pairs);
  }
  at += (8 - ((at - base) % 8)) % 8;
  const exactShare = new Float64Array(buffer, at, head.keys);
  at += 8 * head.keys;
  return { hash, keyStart, runStart, exactCode, ids, weights, exactShare, keyText: at };
}

/** The head of a pack; null when the bytes are not a pack of this format. */
export function packHead(bytes: Uint8Array): { head: PackHead; headBytes: number } | null {
  const end = bytes.indexOf(10);
  if (end < 0 || end > 4096) return null;
  try {
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as PackHead;
    if (head.magic !== PACK_MAGIC) return null;
    let headBytes = end + 1;
    while (headBytes % 8 !== 0 && bytes[headBytes] === 32) headBytes++;
    return headBytes % 8 === 0 ? { head, headBytes } : null;
  } catch {
    return null;
  }
}

/** A pack read in place (see packTable()): the same answers as the WordTable it was made from. */
export class PackedTable {
  private readonly view: ReturnType<typeof packViews>;
  private readonly keyText: string;
  private readonly mask: number;
  /** The runs' ids and weights, as Int32Arrays: read in place, or widened from 16 bits once. */
  private readonly ids: Int32Array;
  private readonly weights: Int32Array;
  private readonly entries: (FeatureEntry | undefined)[] = [];
  private readonly exacts: ({ code: string; share: number } | undefined)[] = [];

  /** `bytes` must start on an 8-byte boundary of its buffer (as a file read whole does). */
  constructor(
    bytes: Uint8Array,
    private readonly codes: readonly string[],
  ) {
    // Typed arrays read the bytes in place only from an 8-byte boundary (a small file's read may not start on one).
    if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
    const read = packHead(bytes);
    if (read === null) throw new Error('not a word table pack');
    const { head, headBytes } = read;
    this.view = packViews(bytes.buffer, bytes.byteOffset, headBytes, head);
    const from = this.view.keyText - bytes.byteOffset;
    this.keyText = new TextDecoder().decode(bytes.subarray(from, from + head.keyBytes));
    if (this.keyText.length !== head.keyUnits) throw new Error('a word table pack of the wrong size');
    this.mask = head.slots - 1;
    const { ids, weights } = this.view;
    this.ids = ids instanceof Int32Array ? ids : Int32Array.from(ids);
    this.weights = weights instanceof Int32Array ? weights : Int32Array.from(weights);
  }

  /** The key's number, `prefix` (a UTF-16 unit, or -1) read before it; -1 when no key is so. */
  private find(key: string, prefix: number): number {
    const { hash, keyStart } = this.view;
    const length = key.length + (prefix >= 0 ? 1 : 0);
    for (let slot = hashKey(key, prefix) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = hash[slot]! - 1;
      if (k < 0) return -1;
      let at = keyStart[k]!;
      if (keyStart[k + 1]! - at !== length) continue;
      if (prefix >= 0) {
        if (this.keyText.charCodeAt(at) !== prefix) continue;
        at++;
      }
      if (this.keyText.startsWith(key, at)) return k;
    }
  }

  feature(key: string): FeatureEntry | undefined {
    const k = this.find(key, -1);
    if (k < 0 || this.view.exactCode[k] !== -2) return undefined;
    const { runStart } = this.view;
    return this.entries[k] ?? (this.entries[k] = { ids: this.ids, weights: this.weights, from: runStart[k]!, to: runStart[k + 1]! });
  }

  exact(key: string): { code: string; share: number } | undefined {
    const k = this.find(key, 61 /* = */);
    if (k < 0) return undefined;
    const code = this.view.exactCode[k]!;
    if (code < 0) return undefined;
    return this.exacts[k] ?? (this.exacts[k] = { code: this.codes[code]!, share: this.view.exactShare[k]! });
  }
}
