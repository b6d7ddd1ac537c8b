// Stage 4, occupation: a family's title has the family's occupation (or one of the others its
// titles are filed under, or one outside the family the words make more likely than not); any
// other title, the O*NET occupation its words point to: the words left once the level markers are
// set aside ("Senior", "II"; a manager's or a supervisor's marker names the role and stays), read
// against the titles O*NET and U.S. filings give each occupation.
import { classifyOccupation, familyChoice, occupationPartsKey, occupationWords, type OccupationWord } from '../occupation.js';
import type { Occupation } from '../occupations.js';
import { matchParts, type Hit } from '../phrases.js';
import type { Reason } from '../reasons.js';
import { GAP } from '../lexicon.js';
import { phraseWords } from '../normalize.js';
import { isOnetCode } from '../soc.js';
import type { FamilyDef } from '../types.js';
import { namesRole, type LadderIndex, type OccupationLookup, type OccupationPick, type WorkToken } from './context.js';
import type { Markers } from './markers.js';

/**
 * Whether a marker of the title names one who leads a function (`occupationChoice.leaders`:
 * "chief ... officer", "president", "general counsel"; the words after a gap within four words of
 * the marker): then its occupation is the managers' occupation of what it leads. A vice president
 * is not one (its marker is "vice president"; banks give the rank to individual roles), nor a
 * "Chief Engineer" (no officer).
 */
export function leads(ix: LadderIndex, tokens: readonly WorkToken[], found: Markers): boolean {
  if (found.markers.length === 0) return false;
  return leadersOf(ix).some(({ first, parts }) => found.markers.some((h) => h.phrase.text === first && matchParts(tokens, h.start, parts) !== null));
}

const leaderPhrases = new WeakMap<LadderIndex, { first: string; parts: string[][] }[]>();
/** The ladder's leaders as words, worked out once: "chief ... officer" -> [chief], [officer]. */
function leadersOf(ix: LadderIndex): { first: string; parts: string[][] }[] {
  let list = leaderPhrases.get(ix);
  if (!list) {
    list = ix.ladder.occupationChoice.leaders.map((leader) => {
      const parts = leader.split(GAP).map(phraseWords);
      return { first: parts[0]!.join(' '), parts };
    });
    leaderPhrases.set(ix, list);
  }
  return list;
}

/** How likely the occupation a leader's other words point to must be, to be the field it leads. */
const FIELD_SHARE = 0.2;

/** A first-line supervisors' occupation (SOC minor groups 33-1000 to 53-1000, "Chefs and Head Cooks"): it leads already. */
const isSupervisor = (code: string) => Number(code.slice(0, 2)) >= 33 && code[3] === '1';

/** The managers' occupation of an occupation's field (ladder.yaml `occupationChoice.managersOf`), by its longest SOC prefix. */
function managersOf(ix: LadderIndex, code: string, occupations: OccupationLookup): Occupation | undefined {
  const table = ix.ladder.occupationChoice.managersOf;
  let best = '';
  for (const prefix of Object.keys(table)) if (code.startsWith(prefix) && prefix.length > best.length) best = prefix;
  return best === '' ? undefined : occupations.get(table[best]!);
}

/** An occupation of a managers' SOC major group (ladder.yaml `occupationChoice.managementGroups`: 11). */
export const isManagement = (ix: LadderIndex, code: string) => ix.ladder.occupationChoice.managementGroups.some((g) => code.startsWith(`${g}-`));

const onetPick = (record: Occupation, share: number, others: OccupationPick['others']): OccupationPick => ({
  ref: { code: record.code, title: record.title, source: 'onet', jobZone: record.jobZone, education: record.education },
  record,
  share,
  others,
});

/** The O*NET occupation an override names, by its code (29-1141.00) or its 6-digit SOC code (29-1141). */
export function occupationByCode(occupations: OccupationLookup | null, code: string): OccupationPick | null {
  const record = occupations?.get(code);
  return record ? onetPick(record, 1, []) : null;
}

/** The words of a title that name its occupation: not its rank ("Senior", "II", "Associate"). */
export function wordsOfOccupation(ix: LadderIndex, tokens: WorkToken[], { markers, roleTokens }: Markers): OccupationWord[] {
  const skip = new Set<number>();
  for (const h of markers) if (!namesRole(ix, h)) for (const i of h.used) skip.add(i);
  const words = occupationWords(tokens, skip);
  // A title of rank words alone ("Associate", "Senior Staff") names a rank, not an occupation.
  return roleTokens.size === 0 && words.every((w) => ix.rankWords.has(w.text)) ? [] : words;
}

/**
 * `words`: the title's words that name its occupation (wordsOfOccupation()). With `lean`, no
 * runners-up and no evidence (an answer without reasons or alternatives shows neither).
 */
export function pickOccupation(
  ix: LadderIndex,
  occupations: OccupationLookup | null,
  tokens: WorkToken[],
  found: Markers,
  words: readonly OccupationWord[],
  family: FamilyDef | null,
  reasons: Reason[],
  lean = false,
): OccupationPick | null {
  if (family !== null) return familyOccupation(ix, occupations, found, words, family, reasons);
  if (occupations === null || tokens.length === 0) return null;
  const guess = classifyOccupation(occupations.model(), words, lean ? 0 : 3, !lean);
  const record = guess ? occupations.get(guess.code) : undefined;
  if (!guess || !record) {
    reasons.push({ kind: 'no-occupation' });
    return null;
  }
  // A director, head, chief or general counsel leads what the rest of its words name ("Chief
  // Nursing Officer": nursing): its occupation is the managers' occupation of that field.
  if (leads(ix, tokens, found) && !isManagement(ix, record.code)) {
    const rest = occupationWords(tokens, new Set(found.markers.flatMap((h) => h.used)));
    // The rest of the words name the field only where they point to one with some likelihood ("Global Mars Wrigley" names none).
    const named = rest.length > 0 && rest.length < words.length ? classifyOccupation(occupations.model(), rest, lean ? 0 : 3, !lean) : null;
    const field = named !== null && named.share >= FIELD_SHARE ? named : guess;
    const led = occupations.get(field.code);
    const manager = led && !isSupervisor(led.code) ? managersOf(ix, led.code, occupations) : undefined;
    if (led && manager) {
      reasons.push({ kind: 'occupation-leads', code: manager.code, title: manager.title, led: { code: led.code, title: led.title } });
      return onetPick(manager, field.share, [{ code: led.code, title: led.title, share: field.share }]);
    }
  }
  const others = guess.others.flatMap((o) => {
    const r = occupations.get(o.code);
    return r ? [{ code: r.code, title: r.title, share: o.share }] : [];
  });
  reasons.push({ kind: 'occupation', code: record.code, title: record.title, via: guess.via === 'title' ? 'title' : 'words', evidence: guess.evidence, share: guess.share });
  if (others.length > 0) reasons.push({ kind: 'occupation-runners-up', others });
  return onetPick(record, guess.share, others);
}

/** A family's occupations a title may take, with a manager's marker or without; their codes; which others it may take. */
interface FamilyOptions {
  options: { code: string; title: string }[];
  codes: string[];
  allowed: (code: string) => boolean;
}

const optionsOf = new WeakMap<FamilyDef, [without: FamilyOptions, manages: FamilyOptions]>();

/** A family's options (see familyOccupation()), worked out once per family: a title's marker picks one of the two. */
function familyOptions(ix: LadderIndex, family: FamilyDef): [FamilyOptions, FamilyOptions] {
  let both = optionsOf.get(family);
  if (both === undefined) {
    const make = (manages: boolean): FamilyOptions => {
      // A management occupation (SOC major group 11) is a manager's: a title takes one, other than its
      // family's own, only with a manager's marker ("ML Manager", not "Junior ML").
      const allowed = (code: string) => manages || !isManagement(ix, code);
      // The family's own occupation first: its soc when that is an O*NET occupation (15-1252.00), not a
      // group of them (15-0000); else the first of its other occupations.
      const soc = family.soc ? [{ code: family.soc.code, title: family.soc.title }] : [];
      const own = soc.filter((o) => isOnetCode(o.code));
      const listed = [...own, ...family.occupations.filter((o) => allowed(o.code))];
      const options = listed.length > 0 ? listed : soc;
      return { options, codes: options.map((o) => o.code), allowed };
    };
    both = [make(false), make(true)];
    optionsOf.set(family, both);
  }
  return both;
}

/**
 * A family's occupation: its soc, or one of the other occupations the family's titles are filed
 * under, the one the title's words score highest ("QA Engineer": testers, not developers); or
 * another the words make more likely than not ("Research Scientist" with the medical scientists).
 */
function familyOccupation(
  ix: LadderIndex,
  occupations: OccupationLookup | null,
  found: Markers,
  words: readonly OccupationWord[],
  family: FamilyDef,
  reasons: Reason[],
): OccupationPick | null {
  const manages = found.markers.some((h: Hit) => namesRole(ix, h));
  const { options, codes, allowed } = familyOptions(ix, family)[manages ? 1 : 0];
  if (options.length === 0) return null;
  let chosen = options[0]!;
  if (occupations !== null) {
    // Common family titles were worked out by the build: a cold `match` then reads no word table.
    const ahead = occupations.familyOccupation?.(family.id, occupationPartsKey(words));
    // A title of rank words alone ("PhD Student": its words are a marker) names no other occupation: the model is not read.
    const best = words.length === 0 ? null : ahead !== undefined ? ahead || null : familyChoice(occupations.model(), words, codes, ix.ladder.occupationChoice, allowed);
    const inFamily = best === null ? undefined : options.find((o) => o.code === best);
    const outside = best !== null && !inFamily ? occupations.get(best) : undefined;
    if (outside) {
      reasons.push({ kind: 'occupation-outside-family', code: outside.code, title: outside.title, family: family.id });
      return { ref: onetPick(outside, 1, []).ref, record: null, share: 1, others: [] };
    }
    if (inFamily) {
      chosen = inFamily;
      if (chosen !== options[0]) reasons.push({ kind: 'occupation-of-family', code: inFamily.code, title: inFamily.title, family: family.id });
    }
  }
  return { ref: { code: chosen.code, title: chosen.title, source: 'family' }, record: null, share: 1, others: [] };
}
