// Compiles a ladder into the indexes the matcher reads: the aliases, and every phrase of the data
// (markers, role nouns, family vocabulary and exclusions) keyed by its first word, so that matching
// a title is a handful of map lookups per token.
import { phraseWords } from './normalize.js';
import type { Ladder, MarkerDef } from './types.js';

export type PhraseKind = 'marker' | 'role' | 'vocab' | 'job';

export interface Phrase {
  kind: PhraseKind;
  /** As written in the ladder, for explanations. */
  text: string;
  /** Word sequences; more than one part means other words may stand between them ("senior ... manager"). */
  parts: string[][];
  literalCount: number;
  /** marker: the code of the level it signals. */
  level?: string;
  /** marker: a numeral, outranked by any word marker. */
  numeral?: boolean;
  /** marker: counts only where it opens the title or a part of it. */
  leading?: boolean;
  /** vocab: the family. job: the family whose role it is; absent for a role of no family
   *  of its own ("engineer") or of none at all ("business analyst"). */
  family?: string;
  /** job: the families whose topics take this role over ("software engineer, machine learning"). */
  claimedBy?: string[];
  /** job: a claiming family that also takes the role over with another family's topics ("Scientist, ML"). */
  borrowed?: { family: string; topicsOf: string }[];
  /** job: a role of no family: a title that names it first has none. */
  other?: boolean;
  /** vocab: a topic that only takes over a claimed role; it never places a title by itself. */
  claimOnly?: boolean;
  /** vocab: a broad topic, outranked by any other topic in the title. */
  broad?: boolean;
}

/** A phrase of another language and the English words it is read as ("praktikant" -> "intern"). */
export interface Translation {
  /** The phrase's words, as a title's are read (lower case, accents away). */
  words: string[];
  /** The English words it stands for. */
  to: string[];
  /** ISO 639-1 codes of the languages it is a phrase of. */
  languages: string[];
  /** Where it is from: the ladder's words, a family's roles, or ESCO's occupation labels. */
  source: 'ladder' | 'family' | 'esco';
}

/** A compiled ladder vocabulary as plain data, so the build can store it in the snapshot. */
export interface LexiconData {
  aliases: Record<string, { words: string[]; text: string }>;
  /** The ladder's and the families' words of other languages. */
  translations: Translation[];
  phrases: Phrase[];
  /** Words a typo may be corrected to. */
  typoTargets: string[];
  /** Every word the ladder knows, read as written. */
  knownWords: string[];
}

/**
 * Phrases by their first word, and those of two words or more also by their second: a title's
 * "data" then tries the few phrases that go on with its next word, not the forty that start with it.
 */
export interface PhraseBucket {
  /** Phrases whose first part is one word. */
  one: Phrase[];
  /** Phrases whose first part has two words or more, by the second word. */
  byNext: Map<string, Phrase[]>;
}
export type PhraseIndex = Map<string, PhraseBucket>;

export interface Lexicon {
  aliases: Map<string, { words: string[]; text: string }>;
  /** Translations by their first word, longest first. */
  translations: Map<string, Translation[]>;
  levelPhrases: PhraseIndex;
  familyPhrases: PhraseIndex;
  typoTargets: Set<string>;
  knownWords: Set<string>;
}

export const GAP = '...';

function markerFields(m: MarkerDef): { phrase: string; leading: boolean } {
  return typeof m === 'string' ? { phrase: m, leading: false } : m;
}

export function compileLexicon(ladder: Ladder): LexiconData {
  const aliases: LexiconData['aliases'] = {};
  const knownWords = new Set<string>();
  const addAliases = (table: Record<string, string>) => {
    for (const [from, to] of Object.entries(table)) {
      const key = phraseWords(from).join(' ');
      const words = phraseWords(to);
      aliases[key] = { words, text: to };
      knownWords.add(key);
      for (const w of words) knownWords.add(w);
    }
  };
  addAliases(ladder.aliases);
  for (const f of ladder.families) addAliases(f.aliases);

  const expand = (words: string[]) => words.flatMap((w) => aliases[w]?.words ?? [w]);
  const phrases: Phrase[] = [];
  const typoTargets = new Set<string>();
  const add = (text: string, kind: PhraseKind, extra: Partial<Phrase>) => {
    const parts = text.split(GAP).map((p) => expand(phraseWords(p))).filter((p) => p.length > 0);
    if (parts.length === 0) return;
    phrases.push({ kind, text, parts, literalCount: parts.reduce((n, p) => n + p.length, 0), ...extra });
    for (const w of parts.flat()) {
      knownWords.add(w);
      // Numerals and short words are never typo targets: "iv" is not a typo of anything. Nor are
      // exclusions: a typo must not turn "Chemistry" into a veto.
      if (w.length >= 4 && /^\p{L}+$/u.test(w)) typoTargets.add(w);
    }
  };

  for (const level of ladder.levels) {
    for (const [kind, numeral] of [['words', false], ['numerals', true]] as const) {
      for (const m of level.markers[kind]) {
        const { phrase, leading } = markerFields(m);
        add(phrase, 'marker', { level: level.code, numeral, leading });
      }
    }
  }
  for (const noun of ladder.roleNouns) add(noun, 'role', {});
  for (const family of ladder.families) {
    for (const v of family.vocabulary) add(v, 'vocab', { family: family.id });
    for (const v of family.claimTopics) add(v, 'vocab', { family: family.id, claimOnly: true });
    for (const v of family.broadTopics) add(v, 'vocab', { family: family.id, broad: true });
  }
  addJobs(ladder, add);
  return { aliases, translations: compileTranslations(ladder, expand, knownWords), phrases, typoTargets: [...typoTargets], knownWords: [...knownWords] };
}

/** The ladder's words of other languages, then the families' roles in them; the first of two with the same words is kept. */
function compileTranslations(ladder: Ladder, expand: (words: string[]) => string[], knownWords: ReadonlySet<string>): Translation[] {
  const out = new Map<string, Translation>();
  const add = (language: string, from: string, to: string, source: Translation['source']) => {
    const words = phraseWords(from);
    const key = words.join(' ');
    // A phrase of the ladder's English words ("bi analyst") is English: reading it as a translation would change English titles.
    if (words.length === 0 || words.every((w) => knownWords.has(w))) return;
    const known = out.get(key);
    if (known) {
      if (known.to.join(' ') === expand(phraseWords(to)).join(' ') && !known.languages.includes(language)) known.languages.push(language);
      return;
    }
    out.set(key, { words, to: expand(phraseWords(to)), languages: [language], source });
  };
  for (const [language, def] of Object.entries(ladder.languages)) for (const [from, to] of Object.entries(def.words)) add(language, from, to, 'ladder');
  for (const family of ladder.families) {
    for (const [language, words] of Object.entries(family.languages)) for (const [from, to] of Object.entries(words)) add(language, from, to, 'family');
  }
  return [...out.values()];
}

/**
 * One 'job' phrase per role text: whose role it is (a family, or none at all), and which families'
 * topics may take it over. A role of no family that families claim is a shared head noun ("engineer").
 */
function addJobs(ladder: Ladder, add: (text: string, kind: PhraseKind, extra: Partial<Phrase>) => void): void {
  const jobs = new Map<string, { text: string; family?: string; claimedBy: string[]; borrowed: { family: string; topicsOf: string }[]; other: boolean }>();
  const entry = (text: string) => {
    const key = phraseWords(text).join(' ');
    let job = jobs.get(key);
    if (!job) jobs.set(key, (job = { text, claimedBy: [], borrowed: [], other: false }));
    return job;
  };
  for (const family of ladder.families) {
    for (const role of family.roles) entry(role).family ??= family.id;
    for (const claim of family.claims) {
      const { role, topicsOf } = typeof claim === 'string' ? { role: claim, topicsOf: [] } : claim;
      const job = entry(role);
      job.claimedBy.push(family.id);
      for (const other of topicsOf) job.borrowed.push({ family: family.id, topicsOf: other });
    }
  }
  for (const role of ladder.otherRoles) entry(role).other = true;
  for (const job of jobs.values()) {
    add(job.text, 'job', {
      ...(job.family ? { family: job.family } : {}),
      ...(job.claimedBy.length > 0 ? { claimedBy: job.claimedBy } : {}),
      ...(job.borrowed.length > 0 ? { borrowed: job.borrowed } : {}),
      ...(job.other && !job.family ? { other: true } : {}),
    });
  }
}

/** Indexes the phrases by their first word: matching a title is then a map lookup per token. */
export function indexLexicon(data: LexiconData): Lexicon {
  const levelPhrases: PhraseIndex = new Map();
  const familyPhrases: PhraseIndex = new Map();
  for (const phrase of data.phrases) {
    const index = phrase.kind === 'marker' || phrase.kind === 'role' ? levelPhrases : familyPhrases;
    const [first, second] = phrase.parts[0]!;
    let bucket = index.get(first!);
    if (!bucket) index.set(first!, (bucket = { one: [], byNext: new Map() }));
    if (second === undefined) bucket.one.push(phrase);
    else {
      const list = bucket.byNext.get(second);
      if (list) list.push(phrase);
      else bucket.byNext.set(second, [phrase]);
    }
  }
  const translations = new Map<string, Translation[]>();
  for (const t of data.translations) {
    const list = translations.get(t.words[0]!);
    if (list) list.push(t);
    else translations.set(t.words[0]!, [t]);
  }
  for (const list of translations.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    aliases: new Map(Object.entries(data.aliases)),
    translations,
    levelPhrases,
    familyPhrases,
    typoTargets: new Set(data.typoTargets),
    knownWords: new Set(data.knownWords),
  };
}
