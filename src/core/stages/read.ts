// Stage 1, read: a title's words, with aliases expanded ("Sr." -> senior, "MLE" -> machine learning
// engineer) and typos corrected in the words the ladder knows ("Senoir", "Machine Lerning").
import { withoutGenderForms } from '../gender.js';
import { tokenize, type Token } from '../normalize.js';
import { findHits, type Hit } from '../phrases.js';
import type { Reason } from '../reasons.js';
import { editDistance } from '../typos.js';
import type { LadderIndex, WorkToken } from './context.js';

/**
 * Characters of a title that are read. Real titles are far shorter; a job description pasted into
 * a title column is not a title, and reading only its start keeps every title under a millisecond.
 */
export const MAX_TITLE_CHARS = 300;

/** The part of a title that is read: at most MAX_TITLE_CHARS, cut at a space when there is one. */
export function readablePart(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const head = title.slice(0, MAX_TITLE_CHARS);
  const space = head.search(/\s\S*$/);
  return space > MAX_TITLE_CHARS / 2 ? head.slice(0, space) : head;
}

/** The tokens of a title's readable part, its gender forms read away ("(m/w/d)", "Entwickler/in"). */
export function titleTokens(read: string): Token[] {
  return tokenize(withoutGenderForms(read));
}

/** Expands aliases and corrects typos, remembering how each token was read. */
export function readWords(ix: LadderIndex, raw: WorkToken[]): WorkToken[] {
  const out: WorkToken[] = [];
  for (let origin = 0; origin < raw.length; origin++) {
    const t = raw[origin]!;
    // A word translated from another language is an English word already.
    if (t.via !== undefined) {
      out.push(t);
      continue;
    }
    const alias = t.kind === 'word' ? ix.lexicon.aliases.get(t.text) : undefined;
    if (alias) {
      alias.words.forEach((w, i) => {
        const token: WorkToken = { text: w, kind: 'word', seg: t.seg, raw: t.raw, via: { kind: 'alias', from: t.raw, origin } };
        if (i === 0 && t.joinedBy !== undefined) token.joinedBy = t.joinedBy;
        out.push(token);
      });
      continue;
    }
    const fixed = t.kind === 'word' && !ix.lexicon.knownWords.has(t.text) ? ix.typos.correct(t.text) : null;
    // A real English word is a typo only one edit away, where the correction completes a phrase.
    const accepted = fixed !== null && (!ix.typos.isRealWord(t.text) || (editDistance(t.text, fixed, 1) <= 1 && completesPhrase(ix, raw, origin, fixed)));
    out.push(accepted ? { ...t, text: fixed, via: { kind: 'typo', from: t.raw, origin } } : t);
  }
  return out;
}

/**
 * Whether `word`, read at `at` instead of a real English word, completes a ladder phrase of two
 * words or more with the title's other words ("Machine Leaning Engineer"): a real word is read as
 * a typo only then ("Targeting", "Mechanical" and "Sensor" stay themselves).
 */
function completesPhrase(ix: LadderIndex, tokens: Token[], at: number, word: string): boolean {
  const trial = tokens.map((t, i) => (i === at ? { ...t, text: word } : t));
  const uses = (h: Hit) => h.phrase.literalCount >= 2 && h.used.includes(at);
  return findHits(trial, ix.lexicon.familyPhrases).some(uses) || findHits(trial, ix.lexicon.levelPhrases).some(uses);
}

/** Whether reading `title` needs the fuzzy finder (a word the exact index does not know). */
export function needsFuzzy(ix: LadderIndex, title: string): boolean {
  if (ix.typos.hasFinder) return false;
  return titleTokens(readablePart(title)).some(
    (t) => t.kind === 'word' && !ix.lexicon.aliases.has(t.text) && !ix.lexicon.knownWords.has(t.text) && ix.typos.needsLookup(t.text),
  );
}

/**
 * How aliases and typos were read, for the words the answer rests on; and every phrase translated
 * from another language, with the language (`language`: the title's, named by `name`).
 */
export function readingReasons(tokens: WorkToken[], used: Set<number>, language: string | null = null, name: (code: string) => string = (c) => c): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<number>();
  const said = new Set<string>();
  const translated = language === null ? [] : tokens.flatMap((t, i) => (t.via?.kind === 'translation' ? [i] : []));
  for (const i of [...new Set([...used, ...translated])].sort((a, b) => a - b)) {
    const via = tokens[i]?.via;
    if (!via || seen.has(via.origin)) continue;
    seen.add(via.origin);
    const to = tokens.filter((t) => t.via?.origin === via.origin).map((t) => t.text).join(' ');
    const key = `${via.from}\u0000${to}\u0000${via.kind}`;
    if (said.has(key)) continue;
    said.add(key);
    if (via.kind === 'translation') {
      const code = language !== null && via.languages?.includes(language) ? language : (via.languages?.[0] ?? language ?? '');
      reasons.push({ kind: 'read-as', from: via.from, to, typo: false, language: name(code) });
    } else reasons.push({ kind: 'read-as', from: via.from, to, typo: via.kind === 'typo' });
  }
  return reasons;
}
