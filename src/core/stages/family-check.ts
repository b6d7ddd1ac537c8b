// Stage 3b, family check: a title placed in a family by a topic alone, or by a shared role its
// topic claims, keeps the family only when the occupation its words point to is one the families
// name. "Account Executive - AI" and "Sales Representative, Data & Analytics" name a topic of a
// family, but their occupation is a salesperson's: no family. A family's own role decides without
// it, and so do a manager's marker and a manager's occupation: an "Engineering Manager - Data
// Platform" leads the family's work, whatever group O*NET files them in.
import { likeliestOccupation, occupationPartsKey, type OccupationWord } from '../occupation.js';
import type { Reason } from '../reasons.js';
import { socOf } from '../soc.js';
import { namesRole, type FamilyPick, type LadderIndex, type OccupationLookup, type WorkToken } from './context.js';
import { NO_FAMILY } from './family.js';
import type { Markers } from './markers.js';
import { isManagement } from './occupation.js';

/** `words`: the title's words that name its occupation (wordsOfOccupation()), read once for this stage and the next. */
export function checkFamily(ix: LadderIndex, occupations: OccupationLookup | null, tokens: WorkToken[], found: Markers, words: readonly OccupationWord[], fam: FamilyPick, reasons: Reason[]): FamilyPick {
  if (occupations === null || fam.family === null || (fam.via !== 'topic' && fam.via !== 'claim')) return fam;
  // A manager's or a supervisor's title leads the family's work ("Machine Learning Supervisor").
  if (found.markers.some((h) => namesRole(ix, h))) return fam;
  // A title that is the family's topic alone ("Computer Vision", "Machine Learning II") names nothing else.
  const taken = new Set(fam.evidence);
  const skip = new Set(found.markers.flatMap((h) => h.used));
  if (tokens.every((t, i) => taken.has(i) || skip.has(i) || t.kind !== 'word')) return fam;
  if (words.length === 0) return fam;
  // A common family title the build read with this check (its cache holds only those that kept the family).
  if (occupations.familyOccupation?.(fam.family.id, occupationPartsKey(words)) !== undefined) return fam;
  const guess = likeliestOccupation(occupations.model(), words);
  if (guess === null || guess.share < ix.ladder.occupationChoice.outsideFamily || ix.claimedSoc.has(socOf(guess.code)) || isManagement(ix, guess.code)) return fam;
  const record = occupations.get(guess.code);
  reasons.length = 0;
  reasons.push({ kind: 'no-family', why: 'outside-occupation', role: null, family: fam.family.id, occupation: { code: guess.code, title: record?.title ?? guess.code } });
  return NO_FAMILY;
}
