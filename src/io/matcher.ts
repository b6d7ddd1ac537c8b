// The matcher as the CLI builds it: the ladder's matcher, its fuzzy finder, and the English
// dictionary that keeps real words from being read as typos. Library callers get the same.
import { createMatcher as createCoreMatcher, type Matcher } from '../core/match.js';
import type { LexiconData } from '../core/lexicon.js';
import type { Ladder } from '../core/types.js';
import { englishWords } from './dictionary.js';

export async function createMatcher(ladder: Ladder, lexicon?: LexiconData): Promise<Matcher> {
  return createCoreMatcher(ladder, lexicon, englishWords());
}
