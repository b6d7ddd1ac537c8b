// The word table packed by the build (scripts/build.mjs, into dist/occupation-words.pack): what a
// WordTable (src/core/occupation-table.ts) gives for every key, laid out in typed arrays with a hash
// of the keys, so that a batch reads the table in one file read. src/io/occupations.ts reads it
// only for the table bytes it was packed from.
import type { FeatureEntry, WordTable } from './occupation-table.js';

/**
 * A pack's layout: no map to build and no line to parse when read, and what one lookup reads side
 * by side (a batch's lookups are spread over megabytes: each place read apart is a cache miss). It
 * stands in for the WordTable of the table bytes it was packed from (`digest`, the caller's to
 * check): a differential test holds the two equal.
 *
 *   one line of JSON (PackHead), padded with spaces to a multiple of 8 bytes
 *   Int32 slot[2 * slots]    per slot: a key's number + 1 (0: empty), and the key's hash (a probe
 *                            passes another key's slot without reading that key)
 *   Int32 record[4 * keys]   per key: where it starts and ends in the key text (UTF-16 units), then
 *                            for a feature where its pairs start and end; for a whole title -1 and
 *                            its occupation (-1: none)
 *   Int32 pairs[pairs]       the features' runs (see FeatureEntry), read in place
 *   spaces to a multiple of 8 bytes
 *   Float64 share[keys - features]  each whole title's share
 *   the key text, UTF-8: the features' keys, then the whole titles' with their "="
 */
export interface PackHead {
  magic: typeof PACK_MAGIC;
  /** The SHA-256 of the table file the pack was made from (hex). */
  digest: string;
  keys: number;
  /** The keys that are features (the first ones); the rest are whole titles. */
  features: number;
  pairs: number;
  slots: number;
  /** The key text's length, in UTF-16 units and in bytes. */
  keyUnits: number;
  keyBytes: number;
}

export const PACK_MAGIC = 'leveler-occupation-pack 3';

/** FNV-1a over a key's UTF-16 units, `prefix` (a unit, or -1) read before them. */
function hashKey(key: string, prefix: number): number {
  let h = 0x811c9dc5;
  if (prefix >= 0) h = Math.imul(h ^ prefix, 16777619);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h | 0;
}

/** The table's keys and what WordTable gives for each (the reference the pack is made from); `codes`, the table's. */
export function packTable(table: WordTable, codes: readonly string[], digest: string): Uint8Array {
  const { features, exact } = table.keys();
  const keys = [...features, ...exact.map((k) => `=${k}`)];
  const runs = features.map((k) => table.feature(k)!);
  const pairs = runs.reduce((n, r) => n + (r.to - r.from), 0);
  let slots = 1;
  while (slots < keys.length * 2) slots *= 2;
  const keyText = keys.join('');
  const keyBytes = new TextEncoder().encode(keyText);
  const head: PackHead = { magic: PACK_MAGIC, digest, keys: keys.length, features: features.length, pairs, slots, keyUnits: keyText.length, keyBytes: keyBytes.length };
  let headText = `${JSON.stringify(head)}\n`;
  headText += ' '.repeat((8 - (headText.length % 8)) % 8);
  const out = new Uint8Array(headText.length + arraysBytes(head) + keyBytes.length);
  out.set(new TextEncoder().encode(headText), 0);
  const view = packViews(out.buffer, out.byteOffset, headText.length, head);
  let unit = 0;
  let pair = 0;
  keys.forEach((key, k) => {
    const r = 4 * k;
    view.record[r] = unit;
    unit += key.length;
    view.record[r + 1] = unit;
    if (k < features.length) {
      const run = runs[k]!;
      view.pairs.set(run.pairs.subarray(run.from, run.to), pair);
      view.record[r + 2] = pair;
      pair += run.to - run.from;
      view.record[r + 3] = pair;
    } else {
      const found = table.exact(exact[k - features.length]!);
      view.record[r + 2] = -1;
      view.record[r + 3] = found === undefined ? -1 : codes.indexOf(found.code);
      view.share[k - features.length] = found === undefined ? 0 : found.share;
    }
    const h = hashKey(key, -1);
    let slot = h & (slots - 1);
    while (view.slot[2 * slot] !== 0) slot = (slot + 1) & (slots - 1);
    view.slot[2 * slot] = k + 1;
    view.slot[2 * slot + 1] = h;
  });
  out.set(keyBytes, out.length - keyBytes.length);
  return out;
}

/** The bytes of a pack's arrays, after its head and before its key text (a multiple of 8). */
function arraysBytes(head: PackHead): number {
  const ints = 4 * (2 * head.slots + 4 * head.keys + head.pairs);
  return ints + ((8 - (ints % 8)) % 8) + 8 * (head.keys - head.features);
}

function packViews(buffer: ArrayBufferLike, base: number, headBytes: number, head: PackHead) {
  let at = base + headBytes;
  const ints = (n: number) => {
    const a = new Int32Array(buffer, at, n);
    at += 4 * n;
    return a;
  };
  const slot = ints(2 * head.slots);
  const record = ints(4 * head.keys);
  const pairs = ints(head.pairs);
  at += (8 - ((at - base) % 8)) % 8;
  const share = new Float64Array(buffer, at, head.keys - head.features);
  at += 8 * (head.keys - head.features);
  return { slot, record, pairs, share, keyText: at };
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
  private readonly features: number;
  private readonly exacts: ({ code: string; share: number } | undefined)[] = [];

  /** `bytes` must start on an 8-byte boundary of its buffer (as a file read whole does). */
  constructor(
    bytes: Uint8Array,
    private readonly codes: readonly string[],
  ) {
    // Typed arrays read the bytes in place only from an 8-byte boundary (a small file's read may not
    // start on one): then a copy (a Buffer's slice() would share the bytes, off the boundary still).
    if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
    const read = packHead(bytes);
    if (read === null) throw new Error('not a word table pack');
    const { head, headBytes } = read;
    if (bytes.length !== headBytes + arraysBytes(head) + head.keyBytes) throw new Error('a word table pack of the wrong size');
    this.view = packViews(bytes.buffer, bytes.byteOffset, headBytes, head);
    const from = this.view.keyText - bytes.byteOffset;
    this.keyText = new TextDecoder().decode(bytes.subarray(from, from + head.keyBytes));
    if (this.keyText.length !== head.keyUnits) throw new Error('a word table pack of the wrong size');
    this.mask = head.slots - 1;
    this.features = head.features;
  }

  /** The key's number, `prefix` (a UTF-16 unit, or -1) read before it; -1 when no key is so. */
  private find(key: string, prefix: number): number {
    const { slot, record } = this.view;
    const h = hashKey(key, prefix);
    const length = key.length + (prefix >= 0 ? 1 : 0);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = slot[2 * s]! - 1;
      if (k < 0) return -1;
      if (slot[2 * s + 1] !== h) continue;
      let at = record[4 * k]!;
      if (record[4 * k + 1]! - at !== length) continue;
      if (prefix >= 0) {
        if (this.keyText.charCodeAt(at) !== prefix) continue;
        at++;
      }
      if (this.keyText.startsWith(key, at)) return k;
    }
  }

  /** A feature's run: a new entry each time over the one array of pairs (an entry kept per key would be one more place to read). */
  feature(key: string): FeatureEntry | undefined {
    const k = this.find(key, -1);
    if (k < 0) return undefined;
    const { record, pairs } = this.view;
    const from = record[4 * k + 2]!;
    return from < 0 ? undefined : { pairs, from, to: record[4 * k + 3]! };
  }

  exact(key: string): { code: string; share: number } | undefined {
    const k = this.find(key, 61 /* = */);
    if (k < 0 || k < this.features) return undefined;
    const code = this.view.record[4 * k + 3]!;
    if (code < 0) return undefined;
    return this.exacts[k] ?? (this.exacts[k] = { code: this.codes[code]!, share: this.view.share[k - this.features]! });
  }
}
