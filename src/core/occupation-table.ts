// The occupation word table's format, defined once: the build writes it with these functions
// (scripts/build-occupations.mjs) and the loader reads it with them (src/io/occupations.ts).
//
//   leveler-occupation-words 2 <TAB> O*NET version <TAB> sources <TAB> scale S <TAB> stamp H
//   the occupations' O*NET-SOC codes, space-separated (at most MAX_CODES): a feature names one by its place here
//   #index <TAB> [[key, offset], ...]: every 256th line's key and where it starts in the body
//   feature <TAB> i:w i:w ...      its weight in tenths (at most MAX_TENTHS either way) for each
//                                  occupation it speaks for or against
//   =whole title <TAB> i:pct       a title read whole whose occupation the weights get wrong
//
// Lines are sorted as UTF-8 bytes, so the table is searched in place. The words a feature is made of
// are read as the model was trained: filler words left out, plurals made singular (below); a table
// is only good with the reading it was trained on, so both are part of the format.

export const TABLE_MAGIC = 'leveler-occupation-words 2';
/** Lines between two entries of the index. */
export const INDEX_EVERY = 256;

/**
 * A feature's record in the table: what it adds to each occupation's score (negative: it speaks
 * against it), as the run [from, to) of an array of pairs, each an occupation's place in the
 * model's `codes` and the feature's weight for it in whole tenths (15 is 1.5), largest weight first,
 * in one 32-bit integer (pairOf()): the score loop reads one array, in order. A table read whole
 * keeps its features' runs in a few shared arrays (see WordTable; the build's pack, in one); a line
 * read alone has an array of its own.
 */
export interface FeatureEntry {
  pairs: Int32Array;
  from: number;
  to: number;
}

/** Bits of a pair that hold the occupation's place; the bits above them hold the weight, signed. */
const ID_BITS = 12;
const ID_MASK = (1 << ID_BITS) - 1;
/** The occupations a table may have (its codes): O*NET has about 1,000. */
export const MAX_CODES = 1 << ID_BITS;
/** The largest weight a pair holds, either way, in tenths (524,287); the shipped weights are under 200. */
export const MAX_TENTHS = (1 << (31 - ID_BITS)) - 1;

/** An occupation's place (under MAX_CODES) and a weight in tenths (at most MAX_TENTHS either way) as one pair. */
export const pairOf = (id: number, tenths: number) => (tenths << ID_BITS) | id;
export const pairId = (pair: number) => pair & ID_MASK;
export const pairTenths = (pair: number) => pair >> ID_BITS;

/** Whether an occupation's place and a weight in tenths fit in a pair (whole numbers, in range). */
const fitsPair = (id: number, tenths: number) => Number.isInteger(id) && id >= 0 && id < MAX_CODES && Number.isInteger(tenths) && Math.abs(tenths) <= MAX_TENTHS;

/** A run of its own, from [place, tenths] pairs (the build's model, tests); a pair out of range is an error. */
export function featureEntry(run: readonly (readonly [id: number, tenths: number])[]): FeatureEntry {
  const pairs = Int32Array.from(run, ([id, tenths]) => {
    if (!fitsPair(id, tenths)) {
      throw new RangeError(`a pair of occupation ${id} and ${tenths} tenths is beyond a table's ${MAX_CODES} occupations or ${MAX_TENTHS} tenths`);
    }
    return pairOf(id, tenths);
  });
  return { pairs, from: 0, to: run.length };
}

export interface TableHead {
  version: string;
  sources: string;
  /** The scale of the scores: a probability is a score over the scale, through a softmax. */
  scale: number;
  /** A digest of the codes and the body: a build's cache of answers holds only for the table it was read from. */
  stamp: string;
  codes: string[];
  /** Every INDEX_EVERY-th line's key, and its byte offset from the body's start. */
  index: [string, number][];
}

/** The table's three header lines, each ended by a line break. */
export function formatHead(h: TableHead): string {
  return `${TABLE_MAGIC}\t${h.version}\t${h.sources}\tscale ${h.scale}\tstamp ${h.stamp}\n${h.codes.join(' ')}\n#index\t${JSON.stringify(h.index)}\n`;
}

/** The header of a table from its first three lines; null when it is not a table leveler built. */
export function parseHead(first: string, second: string, third: string): TableHead | null {
  const fields = first.split('\t');
  if (fields[0] !== TABLE_MAGIC) return null;
  const scale = Number(/^scale ([0-9.]+)$/.exec(fields.find((f) => f.startsWith('scale ')) ?? '')?.[1]);
  const stamp = /^stamp ([0-9a-f]+)$/.exec(fields.find((f) => f.startsWith('stamp ')) ?? '')?.[1];
  if (!(scale > 0) || stamp === undefined || !third.startsWith('#index\t')) return null;
  let index: unknown;
  try {
    index = JSON.parse(third.slice('#index\t'.length));
  } catch {
    return null;
  }
  if (!Array.isArray(index) || index.some((p) => !Array.isArray(p) || typeof p[0] !== 'string' || typeof p[1] !== 'number')) return null;
  const codes = second.split(' ');
  if (codes.length > MAX_CODES) return null;
  return { version: fields[1] ?? '', sources: fields[2] ?? '', scale, stamp, codes, index: index as [string, number][] };
}

/** A feature's line: its weights in tenths, by the occupation's place in the codes. */
export const featureLine = (feature: string, weights: [id: number, tenths: number][]) => `${feature}\t${weights.map(([c, t]) => `${c}:${t}`).join(' ')}`;

/** A whole title's line: the place of the occupation it is filed under, and the share (in %) of its titles filed so. */
export const exactLine = (key: string, id: number, pct: number) => `=${key}\t${id}:${pct}`;

/** The index of sorted body lines: every INDEX_EVERY-th line's key and its byte offset. */
export function indexOf(lines: readonly string[], byteLength: (line: string) => number): [string, number][] {
  const index: [string, number][] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    if (i % INDEX_EVERY === 0) index.push([line.slice(0, line.indexOf('\t')), offset]);
    offset += byteLength(line) + 1;
  });
  return index;
}

/** Reads a whole title's line "=key<TAB>i:pct": the code by ordinal, and the share of the titles read so filed under it. */
export function parseExactLine(rest: string, codes: readonly string[]): { code: string; share: number } | undefined {
  const [i, pct] = rest.split(':');
  const code = codes[Number(i)];
  return code === undefined ? undefined : { code, share: Number(pct) / 100 };
}

/**
 * Reads a table line "feature<TAB>i:w i:w" (weights in tenths; `classes` occupations, by ordinal):
 * a pair that is not two whole numbers, or names no occupation, or weighs more than MAX_TENTHS, is
 * passed over.
 */
export function parseFeatureLine(rest: string, classes: number): FeatureEntry {
  const texts = rest.split(' ');
  const pairs = new Int32Array(texts.length);
  let n = 0;
  for (const text of texts) {
    const colon = text.indexOf(':');
    const id = Number(text.slice(0, colon));
    const tenths = Number(text.slice(colon + 1));
    if (!(id < classes && fitsPair(id, tenths))) continue;
    pairs[n++] = pairOf(id, tenths);
  }
  return { pairs, from: 0, to: n };
}

/**
 * A table's body read whole (the lines after its header), for a batch's many lookups: every line's
 * key is found at once, a line's pairs are read when its key is first looked up. What it gives is
 * what reading each line with parseFeatureLine() and parseExactLine() gives (the reference), a later
 * line of a key replacing an earlier one, as the sorted file's map keeps them. A line of the form
 * the build writes ("i:w", single spaces, whole numbers of at most six digits, each pair in range)
 * is read digit by digit into a shared array of pairs; any other goes through parseFeatureLine().
 */
export class WordTable {
  /** Each key's line, by its number; whole titles ("=key") by their key without the "=". */
  private readonly featureLines = new Map<string, number>();
  private readonly exactLines = new Map<string, number>();
  /** Where each line's text starts and ends (after the key and its tab). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly features: (FeatureEntry | undefined)[] = [];
  private readonly exacts: ({ code: string; share: number } | null | undefined)[] = [];
  /** The array the pairs of lines read so far are written to; a new one when it is full. */
  private pairs = new Int32Array(CHUNK);
  private used = 0;

  constructor(
    private readonly text: string,
    private readonly codes: readonly string[],
  ) {
    let lines = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    let n = 0;
    let at = 0;
    let tab = text.indexOf('\t');
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      if (end > at) {
        if (tab >= 0 && tab < at) tab = text.indexOf('\t', at);
        const cut = tab >= 0 && tab < end ? tab : end;
        this.starts[n] = Math.min(cut + 1, end);
        this.ends[n] = end;
        if (text.charCodeAt(at) === 61 /* = */) this.exactLines.set(text.slice(at + 1, cut), n);
        else this.featureLines.set(text.slice(at, cut), n);
        n++;
      }
      at = end + 1;
    }
  }

  /** Every key, features' and whole titles' (without the "="), in the order of their lines. */
  keys(): { features: string[]; exact: string[] } {
    return { features: [...this.featureLines.keys()], exact: [...this.exactLines.keys()] };
  }

  feature(key: string): FeatureEntry | undefined {
    const line = this.featureLines.get(key);
    if (line === undefined) return undefined;
    return this.features[line] ?? (this.features[line] = this.read(line));
  }

  exact(key: string): { code: string; share: number } | undefined {
    const line = this.exactLines.get(key);
    if (line === undefined) return undefined;
    let found = this.exacts[line];
    if (found === undefined) found = this.exacts[line] = parseExactLine(this.text.slice(this.starts[line], this.ends[line]), this.codes) ?? null;
    return found ?? undefined;
  }

  private read(line: number): FeatureEntry {
    const from = this.starts[line]!;
    const end = this.ends[line]!;
    // A line has at most one pair more than it has spaces.
    let room = 1;
    for (let at = this.text.indexOf(' ', from); at >= 0 && at < end; at = this.text.indexOf(' ', at + 1)) room++;
    if (this.used + room > this.pairs.length) {
      this.pairs = new Int32Array(Math.max(CHUNK, room));
      this.used = 0;
    }
    const { pairs, used } = this;
    let n = readPairs(this.text, from, end, this.codes.length, pairs, used);
    if (n < 0) {
      const entry = parseFeatureLine(this.text.slice(from, end), this.codes.length);
      pairs.set(entry.pairs.subarray(0, entry.to), used);
      n = entry.to;
    }
    this.used += n;
    return { pairs, from: used, to: used + n };
  }
}

/** Pairs in each of a WordTable's arrays. */
const CHUNK = 1 << 16;

/**
 * The pairs of text[from, end) ("i:w i:w"), written at `used` in `pairs`: how many; -1 when the
 * line is not exactly the build's form, or a pair is out of range (then nothing it wrote counts).
 */
function readPairs(text: string, from: number, end: number, classes: number, pairs: Int32Array, used: number): number {
  let n = 0;
  let i = from;
  if (i >= end) return -1;
  while (i < end) {
    let id = 0;
    let digits = 0;
    let c = text.charCodeAt(i);
    while (c >= 48 && c <= 57 && digits < 7) {
      id = id * 10 + (c - 48);
      digits++;
      c = text.charCodeAt(++i);
    }
    if (digits === 0 || digits > 6 || c !== 58 /* : */ || id >= classes || id >= MAX_CODES) return -1;
    c = text.charCodeAt(++i);
    const negative = c === 45; /* - */
    if (negative) c = text.charCodeAt(++i);
    let tenths = 0;
    digits = 0;
    while (c >= 48 && c <= 57 && digits < 7) {
      tenths = tenths * 10 + (c - 48);
      digits++;
      c = text.charCodeAt(++i);
    }
    if (digits === 0 || digits > 6 || tenths > MAX_TENTHS) return -1;
    pairs[used + n] = pairOf(id, negative ? -tenths : tenths);
    n++;
    if (i === end) break;
    if (c !== 32 /* space */ || i + 1 === end) return -1;
    i++;
  }
  return n;
}

/** Words that say nothing of the occupation. */
export const FILLER: ReadonlySet<string> = new Set(['of', 'and', 'the', 'in', 'for', 'or', 'a', 'an', 'to', 'at', 'with', 'on', 'de', 'la', 'el', 'y', 'et', 'der', 'und']);

/** A word's singular: "Nurses" and "Nurse" are one occupation word. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(?:ss|us|is|ics|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

