// Typo tolerance for the words of the ladder ("Senoir", "Machine Lerning"). The exact token index
// answers almost every title; this handles only the words it does not know. A fuzzy finder
// (fuse.js, see fuzzy.ts) ranks the candidates and a Damerau-Levenshtein bound decides, so a prefix
// or a loose fuzzy hit ("interim" for "intermediate") is never taken. Answers are memoized per
// word: a CSV repeats its words. Whether a word is real English (the matcher then corrects it only
// where it completes a ladder phrase) is asked of a dictionary, given by the caller.

/** Builds a search over `targets` that returns the likeliest of them for a word, best first. */
export type FuzzyFinder = (targets: string[]) => (word: string) => string[];

/** Words shorter than this are never corrected: too many real words lie one letter apart. */
const MIN_LENGTH = 5;

export function allowedEdits(length: number): number {
  if (length < MIN_LENGTH) return 0;
  return length >= 9 ? 2 : 1;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0]!;
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** The buckets a word has letters in, one bit each. */
function maskOf(counts: Uint8Array): number {
  let mask = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) mask |= 1 << i;
  return mask;
}

/** The bits set in a 32-bit number. */
function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Candidates measured without the fuzzy finder's ranking. */
const RANK_ABOVE = 8;

/** a-z, then one bucket for every other letter. */
const LETTER_BUCKETS = 27;

function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(LETTER_BUCKETS);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    counts[c >= 0 && c < 26 ? c : 26]!++;
  }
  return counts;
}

export class TypoCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly targets: string[];
  private readonly byLength = new Map<number, { word: string; counts: Uint8Array; mask: number }[]>();
  private search: ((word: string) => string[]) | null = null;
  private finder: FuzzyFinder | null = null;
  private readonly memo = new Map<string, string | null>();

  /**
   * @param targets the ladder's words a typo may be corrected to
   * @param known words read as written (the ladder's own words included)
   */
  constructor(targets: Iterable<string>, known: Iterable<string>) {
    this.targets = [...new Set(targets)].filter((w) => w.length >= MIN_LENGTH - 1);
    for (const word of this.targets) {
      const list = this.byLength.get(word.length) ?? [];
      const counts = letterCounts(word);
      list.push({ word, counts, mask: maskOf(counts) });
      this.byLength.set(word.length, list);
    }
    this.known = new Set(known);
  }

  /**
   * The targets that pass a cheap necessary condition for an edit distance of at most `limit`: each
   * edit changes the letter counts by at most two, and the length by at most one.
   */
  private nearby(word: string, limit: number): string[] {
    const counts = letterCounts(word);
    const mask = maskOf(counts);
    const found: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const p of this.byLength.get(length) ?? []) {
        // A bucket one word has and the other lacks adds at least one to the difference: most targets are passed over on that alone.
        if (bitCount(mask ^ p.mask) > 2 * limit) continue;
        let diff = 0;
        for (let i = 0; i < LETTER_BUCKETS && diff <= 2 * limit; i++) diff += Math.abs(counts[i]! - p.counts[i]!);
        if (diff <= 2 * limit) found.push(p.word);
      }
    }
    return found;
  }

  useFinder(finder: FuzzyFinder): void {
    this.finder = finder;
  }

  private isWord: (word: string) => boolean = () => false;

  /** A dictionary of real words: a real word is a typo only where its context says so. */
  useDictionary(isWord: (word: string) => boolean): void {
    this.isWord = isWord;
  }

  /** Whether `word` is a real word of the language (then a correction needs the title's support). */
  isRealWord(word: string): boolean {
    return this.isWord(word);
  }

  get hasFinder(): boolean {
    return this.finder !== null;
  }

  /** Whether correcting `word` needs the fuzzy finder: no cached answer, and more near ladder words than are measured exactly. */
  needsLookup(word: string): boolean {
    return !this.memo.has(word) && this.couldBeTypo(word) && this.nearby(word, allowedEdits(word.length)).length > RANK_ABOVE;
  }

  private couldBeTypo(word: string): boolean {
    return allowedEdits(word.length) > 0 && !this.known.has(word) && /^\p{L}+$/u.test(word);
  }

  /** The ladder word `word` is a typo of, or null when it is a word of its own. */
  correct(word: string): string | null {
    const cached = this.memo.get(word);
    if (cached !== undefined) return cached;
    const answer = this.lookup(word);
    this.memo.set(word, answer);
    return answer;
  }

  private lookup(word: string): string | null {
    if (!this.couldBeTypo(word)) return null;
    // Most unknown words (places, companies, tools) are near no ladder word: say so without a search.
    const limit = allowedEdits(word.length);
    const near = this.nearby(word, limit);
    if (near.length === 0) return null;
    // A handful of candidates are measured exactly; more are ranked by the fuzzy finder first.
    let candidates = near;
    if (near.length > RANK_ABOVE) {
      if (this.finder === null) throw new Error('typo correction needs a fuzzy finder: use createMatcher(), or matcher.useFuzzy()');
      this.search ??= this.finder(this.targets);
      candidates = this.search(word);
    }
    let best: string | null = null;
    let bestDistance = limit + 1;
    let tie = false;
    for (const candidate of candidates) {
      const d = editDistance(word, candidate, limit);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance && candidate !== best) {
        tie = true;
      }
    }
    // Two ladder words equally close: guessing would be a coin toss, so read it as written.
    return best !== null && !tie ? best : null;
  }
}
