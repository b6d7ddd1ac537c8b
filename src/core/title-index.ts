// A set of distinct titles, each given a number in the order first seen, held in typed arrays: the
// titles' UTF-8 bytes end to end in one buffer and an open-addressing hash table of their numbers.
// About 40 bytes a title beside its text, where a Map of strings takes 70 and more, with no object
// per title for the garbage collector to trace: triage counts millions of distinct titles in it.

const EMPTY = -1;
const decoder = new TextDecoder();
/** A UTF-16 surrogate, half of a pair or alone. */
const SURROGATE = /[\ud800-\udfff]/;

/** FNV-1a over a string's UTF-16 code units. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The text as its UTF-8 bytes give it back: a lone surrogate becomes U+FFFD, as it is stored. */
function wellFormed(text: string): string {
  return SURROGATE.test(text) ? decoder.decode(new TextEncoder().encode(text)) : text;
}

export class TitleIndex {
  /** The titles' UTF-8 bytes, end to end. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Where title n's bytes start; title n ends where n + 1 starts. */
  private starts: Uint32Array = new Uint32Array(1 << 10);
  private hashes: Uint32Array = new Uint32Array(1 << 10);
  /** Title numbers by hash, EMPTY where none; at most half full. */
  private slots = new Int32Array(1 << 11).fill(EMPTY);
  size = 0;

  /** The number of a title, given it when first seen. */
  id(title: string): number {
    title = wellFormed(title);
    const hash = hashOf(title);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at]!;
      if (id === EMPTY) return this.add(title, hash, at);
      if (this.hashes[id] === hash && this.equals(id, title)) return id;
    }
  }

  /** Title `id` as a string. */
  title(id: number): string {
    const end = id + 1 < this.size ? this.starts[id + 1]! : this.used;
    return decoder.decode(this.bytes.subarray(this.starts[id]!, end));
  }

  private add(title: string, hash: number, slot: number): number {
    const id = this.size++;
    if (id >= this.starts.length) {
      this.starts = grow32(this.starts);
      this.hashes = grow32(this.hashes);
    }
    this.starts[id] = this.used;
    this.hashes[id] = hash;
    this.slots[slot] = id;
    this.write(title);
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Appends a title's UTF-8 bytes (the title is well formed: see wellFormed). */
  private write(text: string): void {
    if (this.used + text.length * 3 > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + text.length * 3));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const b = this.bytes;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        b[at++] = c;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
      } else if (c < 0x10000) {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
      } else {
        b[at++] = 0xf0 | (c >> 18);
        b[at++] = 0x80 | ((c >> 12) & 0x3f);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
      }
      b[at++] = 0x80 | (c & 0x3f);
    }
    this.used = at;
  }

  /** Whether title `id` is `text`: its bytes compared with the text's as written. */
  private equals(id: number, text: string): boolean {
    const start = this.starts[id]!;
    const end = id + 1 < this.size ? this.starts[id + 1]! : this.used;
    // Most titles are ASCII: byte for character. Any other is compared through its decoded form.
    if (end - start === text.length) {
      let ascii = true;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        if (this.bytes[start + i] !== c) return false;
      }
      if (ascii) return true;
    }
    if (end - start < text.length) return false;
    return this.title(id) === text;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let at = this.hashes[id]! & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = id;
    }
    this.slots = slots;
  }
}

function grow32(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
