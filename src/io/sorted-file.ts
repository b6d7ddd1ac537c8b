// A file of lines sorted by key, with a sparse index, searched in place: the occupation word table.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Every so many lines of a sorted file: their keys, in order, and the byte offsets they start at. */
export interface SparseIndex {
  keys: string[];
  offsets: number[];
}

/**
 * Lines sorted by key (the text before a tab). The first lookups read, through the index, only the
 * block of lines that may hold the key (a cold `leveler match` never reads the whole table); after
 * LOOKUPS_BEFORE_LOAD of them (a batch), the whole file is read once into a map.
 */
export class SortedFile {
  private fd: number | null;
  /** Every line by key, once the whole file is read. */
  private lines: Map<string, string> | null = null;
  /** The blocks read so far, by their place in the index, each with a newline before it. */
  private readonly blocks = new Map<number, string>();
  private lookups = 0;

  constructor(
    private readonly path: string,
    private readonly from: number,
    private readonly size: number,
    private readonly index: SparseIndex,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** The rest of the line after `key` and a tab; undefined when no line has that key. */
  get(key: string): string | undefined {
    if (this.lines === null && ++this.lookups > LOOKUPS_BEFORE_LOAD) this.loadWhole();
    if (this.lines !== null) return this.lines.get(key);
    const { keys, offsets } = this.index;
    // The block whose first key is the last one not after `key`.
    let lo = 0;
    let hi = keys.length - 1;
    if (hi < 0 || key < keys[0]!) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (keys[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    let text = this.blocks.get(lo);
    if (text === undefined) {
      const start = offsets[lo]!;
      const end = lo + 1 < offsets.length ? offsets[lo + 1]! : this.size;
      const block = Buffer.alloc(end - start);
      readSync(this.fd!, block, 0, block.length, start);
      text = `\n${block.toString('utf8')}`;
      this.blocks.set(lo, text);
    }
    const at = text.indexOf(`\n${key}\t`);
    if (at < 0) return text.includes(`\n${key}\n`) ? '' : undefined;
    const from = at + key.length + 2;
    const end = text.indexOf('\n', from);
    return text.slice(from, end < 0 ? text.length : end);
  }

  /** Lets the file go: for a reader that has the table another way (see occupations.ts). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.blocks.clear();
  }

  /** Reads the whole file into a map by key: a batch looks up many thousands of keys. */
  private loadWhole(): void {
    const text = readFileSync(this.path).toString('utf8', this.from);
    this.close();
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

const LOOKUPS_BEFORE_LOAD = 400;
