// The fuzzy finder behind typo correction: fuse.js over the ladder's words. Loaded on demand, as
// only a title with a word the exact index does not know needs it.
import Fuse from 'fuse.js';
import { allowedEdits, type FuzzyFinder } from './typos.js';

const OPTIONS = { includeScore: true, threshold: 0.5, ignoreLocation: true };

/**
 * A word can only be a typo of a word within `allowedEdits` letters of its length, so each
 * length gets its own small index over just those words: a search then scores a fifth of the
 * ladder's words, not all of them.
 */
export const fuseFinder: FuzzyFinder = (targets) => {
  const byLength = new Map<number, Fuse<string>>();
  return (word) => {
    const n = word.length;
    let fuse = byLength.get(n);
    if (fuse === undefined) {
      const k = allowedEdits(n);
      fuse = new Fuse(targets.filter((t) => Math.abs(t.length - n) <= k), OPTIONS);
      byLength.set(n, fuse);
    }
    return fuse.search(word, { limit: 8 }).map((hit) => hit.item);
  };
};
