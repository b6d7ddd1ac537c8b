// The names nearest one that was mistyped, for "did you mean" hints: the same once case, spaces and
// punctuation are set aside ("Job Title" for job_title, "datascience" for data-science), else within
// a few edits of it.
import { editDistance } from './typos.js';

const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Up to `n` of `names` nearest `wanted`, nearest first; none where nothing is near. */
export function closestNames(wanted: string, names: readonly string[], n = 3): string[] {
  const key = loose(wanted);
  if (key === '') return [];
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  return names
    .map((name, i) => ({ name, i, d: loose(name) === key ? 0 : editDistance(key, loose(name), limit + 1) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, n)
    .map((x) => x.name);
}

/** "did you mean a or b? " for a hint, or "" when nothing is near. */
export function didYouMean(wanted: string, names: readonly string[], show: (name: string) => string = (s) => s): string {
  const near = closestNames(wanted, names);
  return near.length > 0 ? `did you mean ${near.map(show).join(' or ')}? ` : '';
}
