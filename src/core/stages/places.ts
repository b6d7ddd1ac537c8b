// Stage 0, places: the parts at a title's end that only say where the job is or how it is worked
// ("Data Engineer - Austin, TX", "ML Engineer (Remote)", "Analyst, London - Hybrid") are cut before
// the title is read. A place is no evidence of a level, a family or an occupation; read, its words
// moved answers ("Lead Data Engineer - New York, NY" was a database architect, "Data Manager -
// London" a database administrator). The places are data (data/places.tsv, src/io/places.ts).
//
// A part is a segment of the title (src/core/normalize.ts: parts are split by commas, brackets,
// spaced dashes and slashes). The run of trailing parts that is cut is the longest whose every part
// is made only of place words and holds at least one place of the strong kind: a weak word ("PA",
// "IN", "area", "based") is a place only beside one ("Pittsburgh, PA"; "Physician Assistant - PA" is
// read whole). The first part is never cut, nor a run that would leave no words to read.
import { mayHoldGenderForm, withoutGenderForms } from '../gender.js';
import { SEGMENT_BREAKS, tokenize, withoutEntities, type Token } from '../normalize.js';
import { titleTokens } from './read.js';

/** A place as data/places.tsv gives it: its words as leveler reads them, and whether it is a place on its own. */
export interface PlaceEntry {
  words: string[];
  strong: boolean;
}

interface Phrase {
  /** The words after the first. */
  rest: string[];
  strong: boolean;
}

export interface PlaceIndex {
  /** Places by their first word, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  /**
   * Whether a word ends a place: a part whose last word ends none is no place, and a title whose
   * last word ends none has no place to cut (src/io/places.ts answers it before the places are indexed).
   */
  readonly lastWords: { has(word: string): boolean };
  /** The parts read so far (see partOf): a memo of what the places above make of a part's text. */
  readonly parts: Map<string, number>;
}

export function indexPlaces(entries: readonly PlaceEntry[]): PlaceIndex {
  const byFirst = new Map<string, Phrase[]>();
  const lastWords = new Set<string>();
  for (const e of entries) {
    const [first, ...rest] = e.words;
    if (first === undefined) continue;
    lastWords.add(e.words[e.words.length - 1]!);
    let list = byFirst.get(first);
    if (list === undefined) byFirst.set(first, (list = []));
    const same = list.find((p) => p.rest.join(' ') === rest.join(' '));
    // One place listed twice is strong if either says so.
    if (same) same.strong ||= e.strong;
    else list.push({ rest, strong: e.strong });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return { byFirst, lastWords, parts: new Map() };
}

/** A title without its trailing place: `core` is what is read, `place` what was cut, as written. */
export interface PlaceCut {
  core: string;
  place: string;
}

/**
 * The title without the parts at its end that only name a place or a way of working, or null when
 * it has none. Cutting again finds nothing: `cutPlace(ix, cut.core)` is null.
 */
export function cutPlace(ix: PlaceIndex, title: string): PlaceCut | null {
  // As the tokenizer is given it: gender forms read away, then entities.
  const plain = mayHoldGenderForm(title) ? withoutGenderForms(title) : title;
  if (!mayEndInPlace(ix, withoutEntities(plain))) return null;
  const text = withoutEntities(title);
  if (TWICE.test(text)) return null;
  // An ASCII title without a gender form is read a part at a time, each part once: its parts are
  // tokenized as the whole tail would be (no gender form to read away, no Unicode form changes a break).
  return plain === title && ASCII.test(title) ? cutByParts(ix, text) : cutByTails(ix, text);
}

const ASCII = /^[\x20-\x7e]*$/;
/** An entity still there once the title's entities are read ("&amp;nbsp;"): such a title is read whole. */
const TWICE = /&(?:nbsp|#160|amp);/;

/** Where each break between two parts of a title starts, but for one that opens it. */
function breaksOf(text: string): number[] {
  const starts: number[] = [];
  SEGMENT_BREAKS.lastIndex = 0;
  for (let m = SEGMENT_BREAKS.exec(text); m !== null; m = SEGMENT_BREAKS.exec(text)) {
    if (m.index > 0) starts.push(m.index);
    // An empty match cannot happen (every alternative reads a character), but never loop on one.
    if (m[0] === '') SEGMENT_BREAKS.lastIndex++;
  }
  return starts;
}

/** cutByTails() a part at a time: each part after a break read alone, from the last. `text`: the title, its entities read. */
function cutByParts(ix: PlaceIndex, text: string): PlaceCut | null {
  const starts = breaksOf(text);
  let cut = -1;
  let strong = false;
  // The part that stopped the run (no place), and whether it holds a word.
  let stop: Part | null = null;
  for (let i = starts.length - 1; i >= 0 && stop === null; i--) {
    const part = partOf(ix, text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length));
    if (part === Part.Empty) continue;
    if (part === Part.Other || part === Part.OtherWithWord) stop = part;
    else {
      if (part === Part.Strong) strong = true;
      if (strong) cut = starts[i]!;
    }
  }
  if (cut < 0) return null;
  // The first part, when the run reached it.
  if (stop === null && starts.length > 0) {
    const first = partOf(ix, text.slice(0, starts[0]));
    if (first === Part.Other || first === Part.OtherWithWord) stop = first;
  }
  // The part that stopped the run is no place: when it holds a word, what is left is no title of
  // places alone and has words, as cutAt() would find by reading it all.
  if (stop === Part.OtherWithWord) return { core: text.slice(0, cut).trimEnd(), place: placeText(text.slice(cut)) };
  return cutAt(ix, text, cut);
}

/** What one part of a title is: no words, a place (weak or strong), or no place (with a word, or only numbers and codes). */
const enum Part {
  Empty,
  Weak,
  Strong,
  Other,
  OtherWithWord,
}

/** Parts kept read, by their text: " - Austin", ", TX" and " - Remote" end thousands of titles. */
const PARTS_KEPT = 20_000;
/**
 * Parts shorter than this are kept: V8 copies a substring this short, while a longer one holds the
 * whole string it was cut from (a chunk of a batch's input).
 */
const KEPT_LENGTH = 13;

/** A part of an ASCII title without gender forms (its break before it), read once. */
function partOf(ix: PlaceIndex, part: string): Part {
  const keep = part.length < KEPT_LENGTH;
  const known = keep ? ix.parts.get(part) : undefined;
  if (known !== undefined) return known;
  let p: Part;
  if (endsInOtherWord(ix, part)) p = Part.OtherWithWord;
  else {
    const tokens = tokenize(part);
    const kind = tokens.length === 0 ? null : tailKind(ix, tokens);
    p = kind === null ? Part.Empty : kind === Kind.Strong ? Part.Strong : kind === Kind.Weak ? Part.Weak : tokens.some((t) => t.kind === 'word') ? Part.OtherWithWord : Part.Other;
  }
  if (keep) {
    if (ix.parts.size >= PARTS_KEPT) ix.parts.clear();
    ix.parts.set(part, p);
  }
  return p;
}

/** What a part is: not a place, a weak place (one only beside a strong one), or a strong one. */
const enum Kind {
  None,
  Weak,
  Strong,
}

/** The same as cutPlace() without its shortcut: every title read part by part (the reference the shortcut stands in for). */
export function cutPlaceRead(ix: PlaceIndex, title: string): PlaceCut | null {
  // An entity's ";" is no break: the title as its entities say.
  const text = withoutEntities(title);
  return TWICE.test(text) ? null : cutByTails(ix, text);
}

/** Each tail after a break read whole, from the last break back. `text`: the title, its entities read. */
function cutByTails(ix: PlaceIndex, text: string): PlaceCut | null {
  const starts = breaksOf(text);
  let cut = -1;
  let read = 0;
  // From the last break back: the tail after each, read as the title's own parts are read. A break
  // that adds no words (a gender note, an empty part) does not move the cut.
  for (let i = starts.length - 1; i >= 0; i--) {
    const tokens = titleTokens(text.slice(starts[i]));
    if (tokens.length === read) continue;
    read = tokens.length;
    const kind = tailKind(ix, tokens);
    if (kind === Kind.None) break;
    if (kind === Kind.Strong) cut = starts[i]!;
  }
  return cut < 0 ? null : cutAt(ix, text, cut);
}

/** The title cut at `cut`, unless that leaves no words, or places alone. */
function cutAt(ix: PlaceIndex, text: string, cut: number): PlaceCut | null {
  const core = text.slice(0, cut).trimEnd();
  // A title of places alone ("Austin, TX") is read whole, as one with no words left would be.
  const left = titleTokens(core);
  if (!left.some((t) => t.kind === 'word') || tailKind(ix, left) !== Kind.None) return null;
  return { core, place: placeText(text.slice(cut)) };
}

/** The kind of a run of parts: none if one part is not a place, strong if one holds a strong place, else weak. */
function tailKind(ix: PlaceIndex, tokens: Token[]): Kind {
  let kind = Kind.Weak;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const phrases = t.kind === 'word' ? ix.byFirst.get(t.text) : undefined;
    const p = phrases?.find((p) => p.rest.every((w, j) => tokens[i + 1 + j]?.text === w && tokens[i + 1 + j]!.seg === t.seg));
    if (p === undefined) return Kind.None;
    if (p.strong) kind = Kind.Strong;
    i += 1 + p.rest.length;
  }
  return kind;
}

/** The place as the title wrote it, without the break before it or a bracket around it: "Austin, TX", "Remote". */
function placeText(tail: string): string {
  const t = tail.replace(/^[\s\-‐‑–—,;:|/\\•·]+/, '').trimEnd();
  const m = /^[([{]([^()[\]{}]*)[)\]}]$/.exec(t);
  return m ? m[1]!.trim() : t;
}

/**
 * False when the title's last word surely ends no place, without reading the title: most titles.
 * `text` is the title with its gender forms and entities read away: an ASCII one whose last word
 * has no dot inside ends in its last run of letters and digits (apostrophes dropped); any other is read.
 */
function mayEndInPlace(ix: PlaceIndex, text: string): boolean {
  let end = text.length;
  while (end > 0 && !isAlnum(text.charCodeAt(end - 1))) {
    if (text.charCodeAt(end - 1) > 0x7e) return true;
    end--;
  }
  let start = end;
  for (; start > 0; start--) {
    const c = text.charCodeAt(start - 1);
    if (c > 0x7e) return true;
    if (!isAlnum(c) && c !== 0x27 /* ' */ && c !== 0x2e /* . */) break;
  }
  if (start === end) return false;
  const word = text.slice(start, end);
  if (word.includes('.')) return true;
  // The word is ASCII: lower-casing it is what the tokenizer does.
  return ix.lastWords.has((word.includes("'") ? word.replaceAll("'", '') : word).toLowerCase());
}

/**
 * Whether a part of an ASCII title without gender forms surely ends in a word that ends no place:
 * then the part is no place, and it holds a word. The last run of letters is that word when
 * the chunk it ends (letters, digits and the marks that join them) has no digit, "+", "#", dot or
 * apostrophe, which make it a code or another word; in doubt, false, and the part is tokenized.
 */
function endsInOtherWord(ix: PlaceIndex, part: string): boolean {
  let end = part.length;
  for (; end > 0; end--) {
    const c = part.charCodeAt(end - 1);
    if (isAlnum(c)) break;
    if (c === 0x2b /* + */ || c === 0x23 /* # */) return false;
  }
  let start = end;
  while (start > 0 && isLetter(part.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  for (let i = start - 1; i >= 0; i--) {
    const c = part.charCodeAt(i);
    if (isLetter(c) || c === 0x2d /* - */ || c === 0x26 /* & */ || c === 0x2f /* / */ || c === 0x5c /* \ */) continue;
    if (isAlnum(c) || c === 0x2b || c === 0x23 || c === 0x2e /* . */ || c === 0x27 /* ' */) return false;
    break;
  }
  return !ix.lastWords.has(part.slice(start, end).toLowerCase());
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
