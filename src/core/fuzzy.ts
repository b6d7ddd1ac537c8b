// The fuzzy finder behind typo correction: fuse.js over the ladder's words. Loaded on demand, as
// only a title with a word the exact index does not know needs it.
import Fuse from 'fuse.js';
import type { FuzzyFinder } from './typos.js';

export const fuseFinder: FuzzyFinder = (targets) => {
  const fuse = new Fuse(targets, { includeScore: true, threshold: 0.5, ignoreLocation: true });
  return (word) => fuse.search(word, { limit: 8 }).map((hit) => hit.item);
};
