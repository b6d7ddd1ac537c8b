// A file of lines sorted by key, searched in place: the occupation word table and the pay table.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Every so many lines of a sorted file: their keys, in order, and the byte offsets they start at. */
export interface SparseIndex {
  keys: string[];
  offsets: number[];
}

/**
 * Lines sorted by key (the text before a tab, compared as UTF-8 bytes), searched in place. The first
 * lookups read only the blocks the binary search visits (a cold `leveler match` never reads the
 * whole table); after LOOKUPS_BEFORE_LOAD of them (a batch), the whole file is read once into a map.
 */
export class SortedFile {
  private fd: number | null;
  private whole: Buffer | null = null;
  /** Every line by key, once the whole file is read. */
  private lines: Map<string, string> | null = null;
  /** The windows read so far, by where they start: every search passes the same first few. */
  private readonly blocks = new Map<number, Buffer>();
  private lookups = 0;

  /** With an index (every so many lines' key and where it starts), a cold lookup reads one block. */
  private readonly index: SparseIndex | null;
  private readonly indexBlocks = new Map<number, string>();

  constructor(
    private readonly path: string,
    private readonly from: number,
    private readonly size: number,
    index?: SparseIndex,
  ) {
    this.fd = openSync(path, 'r');
    this.index = index ?? null;
  }

  /** Through the index: the block of lines whose first key is the last one not after `key`. */
  private getIndexed(key: string, index: SparseIndex): string | undefined {
    const { keys, offsets } = index;
    let lo = 0;
    let hi = keys.length - 1;
    if (hi < 0 || key < keys[0]!) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (keys[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    let text = this.indexBlocks.get(lo);
    if (text === undefined) {
      const start = offsets[lo]!;
      const end = lo + 1 < offsets.length ? offsets[lo + 1]! : this.size;
      const block = Buffer.alloc(end - start);
      readSync(this.fd!, block, 0, block.length, start);
      text = `\n${block.toString('utf8')}`;
      this.indexBlocks.set(lo, text);
    }
    const at = text.indexOf(`\n${key}\t`);
    if (at < 0) return text.startsWith(`\n${key}\n`) || text.includes(`\n${key}\n`) ? '' : undefined;
    const from = at + key.length + 2;
    const end = text.indexOf('\n', from);
    return text.slice(from, end < 0 ? text.length : end);
  }

  /** The rest of the line after `key` and a tab; undefined when no line has that key. */
  get(key: string): string | undefined {
    if (this.lines !== null) return this.lines.get(key);
    if (++this.lookups > LOOKUPS_BEFORE_LOAD) {
      this.loadWhole();
      return this.lines!.get(key);
    }
    if (this.index !== null) return this.getIndexed(key, this.index);
    const wanted = Buffer.from(key, 'utf8');
    let lo = this.from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = this.lineAt(mid);
      if (line === null) {
        this.loadWhole();
        return this.lines!.get(key);
      }
      const { bytes, base, start, end } = line;
      let tab = bytes.indexOf(9, start - base);
      if (tab < 0 || tab > end - base) tab = end - base;
      const order = Buffer.compare(bytes.subarray(start - base, tab), wanted);
      if (order === 0) return bytes.toString('utf8', Math.min(tab + 1, end - base), end - base);
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }

  /** The line holding byte `p`: its bounds, and a window of bytes that has it (from byte `base`); null when a line is longer than the window. */
  private lineAt(p: number): { bytes: Buffer; base: number; start: number; end: number } | null {
    let bytes: Buffer;
    let base: number;
    if (this.whole !== null) {
      bytes = this.whole;
      base = 0;
    } else {
      base = Math.max(this.from, p - BLOCK);
      let block = this.blocks.get(base);
      if (block === undefined) {
        block = Buffer.alloc(Math.min(BLOCK * 2, this.size - base));
        block = block.subarray(0, readSync(this.fd!, block, 0, block.length, base));
        this.blocks.set(base, block);
      }
      bytes = block;
    }
    const before = p === this.from ? -1 : bytes.lastIndexOf(10, p - 1 - base);
    if (before < 0 && base > this.from && p !== this.from) return null;
    const start = before < 0 ? Math.max(base, this.from) : base + before + 1;
    const after = bytes.indexOf(10, p - base);
    if (after < 0 && base + bytes.length < this.size) return null;
    const end = after < 0 ? this.size : base + after;
    return { bytes, base, start, end };
  }

  /** Reads the whole file into a map by key: a batch looks up many thousands of keys. */
  private loadWhole(): void {
    this.whole = readFileSync(this.path);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.blocks.clear();
    this.indexBlocks.clear();
    const text = this.whole.toString('utf8', this.from);
    this.lines = new Map();
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      if (tab >= 0 && tab < end) this.lines.set(text.slice(at, tab), text.slice(tab + 1, end));
      else if (end > at) this.lines.set(text.slice(at, end), '');
      at = end + 1;
    }
  }
}

/** Bytes read around each step of a cold binary search. */
const BLOCK = 512;
const LOOKUPS_BEFORE_LOAD = 400;
