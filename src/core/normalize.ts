// Turns a free-text title into lower-case tokens grouped in segments ("parts" of a title).
// Segments are split by commas, parentheses, spaced dashes and slashes: "Engineer, ML (Remote)"
// has three. Unspaced hyphens and slashes join words ("entry-level", "AI/ML"). A chunk that mixes
// digits with letters or symbols ("03-SE1220-2", "3+", "5G", "C++") is a code, never a marker.

export type TokenKind = 'word' | 'number' | 'code';

export interface Token {
  /** Lower-case text used for matching. */
  text: string;
  kind: TokenKind;
  /** Index of the segment the token belongs to. */
  seg: number;
  /** The text as written in the title, for explanations. */
  raw: string;
  /** The mark that joined this word to the one before it inside a chunk ("-" in "entry-level",
   *  "/" in "Senior/Staff"); absent after a space. A slash or an ampersand offers alternatives,
   *  so the two words never form one phrase. */
  joinedBy?: string;
}

const SEGMENT_BREAK = /\s+[-‐‑]+\s+|\s+[/\\]+\s+|^\s*[-‐‑]+\s*|\s*[-‐‑]+\s*$|[–—,;:|()[\]{}<>!?"“”•·]+/;
/** Every break between two segments of a title, where it stands (src/core/stages/places.ts). */
export const SEGMENT_BREAKS = new RegExp(SEGMENT_BREAK.source, 'g');
const DROPPED = /[.'’]/g;
const JOINERS = /([-‐‑&/\\]+)/;
const DOTTED_WORDS = /([A-Za-z]{2,})\.(?=[A-Za-z]{2,})/g;
const TRAILING = /[.'’&/\\‐‑-]+$/;

/** Character classes, in a Unicode form and an ASCII form: most titles are ASCII, and the Unicode
 *  property classes cost a millisecond to compile, a third of a cold `leveler match`. */
interface Classes {
  dottedWords: RegExp;
  chunk: RegExp;
  digit: RegExp;
  letterOrSymbol: RegExp;
}
const ASCII: Classes = {
  dottedWords: DOTTED_WORDS,
  chunk: /[A-Za-z0-9][A-Za-z0-9.'+#&/\\-]*/g,
  digit: /[0-9]/,
  letterOrSymbol: /[A-Za-z+#&/\\-]/,
};
let unicode: Classes | undefined;
const unicodeClasses = (): Classes =>
  (unicode ??= {
    dottedWords: /(\p{L}{2,})\.(?=\p{L}{2,})/gu,
    chunk: /[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’+#&/\\‐‑-]*/gu,
    digit: /\p{N}/u,
    letterOrSymbol: /[\p{L}+#&/\\‐‑-]/u,
  });

/** Scraped titles carry HTML entities ("Data Engineer&nbsp;with AI"): the spaces and ampersands they stand for. */
export function withoutEntities(title: string): string {
  return title.includes('&') ? title.replace(/&(?:nbsp|#160);/g, ' ').replace(/&amp;/g, '&') : title;
}

export function tokenize(title: string): Token[] {
  title = withoutEntities(title);
  const isAscii = /^[\x20-\x7e]*$/.test(title);
  const classes = isAscii ? ASCII : unicodeClasses();
  // "Sr.Manager" is two words; "A.I." and "Ph.D." are one (a dot beside a single letter joins).
  const normal = isAscii ? title : title.normalize('NFKC');
  const text = normal.includes('.') ? normal.replace(classes.dottedWords, '$1 ') : normal;
  const tokens: Token[] = [];
  let seg = 0;
  // The chunk pattern is global and shared: exec() walks it over a part (matchAll would copy the pattern for every part).
  const chunk = classes.chunk;
  for (const part of text.split(SEGMENT_BREAK)) {
    const before = tokens.length;
    chunk.lastIndex = 0;
    for (let m = chunk.exec(part); m !== null; m = chunk.exec(part)) pushChunk(tokens, m[0], seg, classes);
    if (tokens.length > before) seg++;
  }
  return tokens;
}

/** Most chunks are one plain ASCII word: no joiners, digits, dots or accents to handle. */
const PLAIN_WORD = /^[A-Za-z]+$/;

function pushChunk(out: Token[], rawChunk: string, seg: number, classes: Classes): void {
  if (PLAIN_WORD.test(rawChunk)) {
    out.push({ text: rawChunk.toLowerCase(), kind: 'word', seg, raw: rawChunk });
    return;
  }
  const raw = rawChunk.replace(TRAILING, '');
  const chunk = raw.replace(DROPPED, '');
  if (chunk === '') return;
  if (classes.digit.test(chunk)) {
    const kind: TokenKind = classes.letterOrSymbol.test(chunk) ? 'code' : 'number';
    out.push({ text: chunk.toLowerCase(), kind, seg, raw });
    return;
  }
  if (/[+#]/.test(chunk)) {
    out.push({ text: chunk.toLowerCase(), kind: 'code', seg, raw });
    return;
  }
  const pieces = chunk.split(JOINERS);
  for (let i = 0; i < pieces.length; i += 2) {
    const word = pieces[i]!;
    if (word === '') continue;
    const joinedBy = i > 0 && out.length > 0 && out[out.length - 1]!.seg === seg ? pieces[i - 1] : undefined;
    // "Sénior" reads as "senior": accents on Latin letters are dropped ("й" stays itself).
    const text = classes === ASCII ? word.toLowerCase() : word.normalize('NFD').replace(/(?<=[A-Za-z])\p{M}+/gu, '').normalize('NFC').toLowerCase();
    out.push(joinedBy === undefined ? { text, kind: 'word', seg, raw: word } : { text, kind: 'word', seg, raw: word, joinedBy });
  }
}

/** The tokens of a phrase from the ladder, as plain words. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text);
}
