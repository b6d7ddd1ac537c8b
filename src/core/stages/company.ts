// Stage 4b, company (with --company): the company's ladder is read before the standard markers. A
// code of the company in the title decides ("L5", "Software Engineer L5", "Senior SDE (L6)",
// "Engineer IV (Band 62)"); else the title's rank, as the ladder's markers read it, decides where a
// title the company gives carries the same rank ("Staff" in "Staff Data Scientist" at LinkedIn is
// its "Staff Software Engineer"'s level). A rank is the company's across its jobs; a title with no
// rank at all ("Software Engineer") takes the level of a title the company gives with none only in
// that title's family. Else nothing: the standard markers decide, as without a company.
import { codeKey, type Company, type CompanyLevel } from '../companies.js';
import { tokenize, type Token } from '../normalize.js';
import type { Reason } from '../reasons.js';
import type { LevelDef } from '../types.js';
import { type FamilyPick, type LadderIndex, type WorkToken } from './context.js';
import { pickFamily } from './family.js';
import { chooseMarker, findMarkers, type Markers } from './markers.js';
import { readWords } from './read.js';
import { onTrack } from './track.js';

/** A company's ladder as this ladder reads it: its codes as words, and its titles by their rank. */
export interface CompiledCompany {
  company: Company;
  /** Each code as compared (codeKey: "sdeii" for SDE II or SDE-II), longest first. */
  codes: { key: string; level: CompanyLevel }[];
  /** By rank (the marker phrases a title carries, in order; '' for none): the levels whose titles carry it. */
  ranks: Map<string, { level: CompanyLevel; title: string; family: string | null }[]>;
  /** Each title's words as read, longest first: a title found whole decides before ranks do ("Partner Software Engineer"). */
  titles: { words: string[]; level: CompanyLevel; title: string }[];
}

/** What a company's ladder decided for a title. */
export interface CompanyPick {
  company: Company;
  level: CompanyLevel;
  /** The ladder's level it equals. */
  ladderLevel: LevelDef;
  via: 'code' | 'title';
  /** The code as the title writes it, or the company's title of that rank. */
  said: string;
  confidence: number;
  /** The tokens the rank's markers took (a title's), for the answer's evidence. */
  evidence: number[];
}

/** A title's rank: the words its markers took ("senior staff", "level 6"), marker by marker in title order. */
export function rankOf(tokens: WorkToken[], found: Markers): string {
  return [...found.markers]
    .sort((a, b) => a.start - b.start)
    .map((h) => h.used.map((i) => tokens[i]!.text).join(' '))
    .join(' + ');
}

export function compileCompany(ix: LadderIndex, company: Company): CompiledCompany {
  const codes = company.levels
    .flatMap((level) => [level.code, ...level.also].map((code) => ({ key: codeKey(code), level })))
    .filter((c) => c.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const ranks = new Map<string, { level: CompanyLevel; title: string; family: string | null }[]>();
  const titles: CompiledCompany['titles'] = [];
  for (const level of company.levels) {
    for (const title of level.titles) {
      const tokens = readWords(ix, tokenize(title));
      if (tokens.length > 0) titles.push({ words: tokens.map((t) => t.text), level, title });
      const found = findMarkers(ix, tokens, null);
      const rank = rankOf(tokens, found);
      const family = rank === '' ? (pickFamily(ix, tokens, null, []).family?.id ?? null) : null;
      const list = ranks.get(rank) ?? [];
      if (!list.some((e) => e.level === level && e.family === family)) list.push({ level, title, family });
      ranks.set(rank, list);
    }
  }
  titles.sort((a, b) => b.words.length - a.words.length);
  return { company, codes, ranks, titles };
}

/** The level a band's `reads` title carries, by the ladder's own markers; null when it carries none. */
export function bandLevel(ix: LadderIndex, reads: string): LevelDef | null {
  const tokens = readWords(ix, tokenize(reads));
  const found = findMarkers(ix, tokens, null);
  if (found.markers.length === 0) return null;
  return chooseMarker(ix, found.markers).picked;
}

/**
 * Where a code stands in the title, as the tokens of one part of it that spell it once case,
 * spaces and punctuation are set aside ("L-5", "E 5", "SDE-II" for L5, E5, SDE II); null where none do.
 */
function findCodeKey(raw: readonly Token[], key: string): { start: number; end: number } | null {
  for (let i = 0; i < raw.length; i++) {
    let spelled = '';
    for (let j = i; j < raw.length && j < i + 4 && raw[j]!.seg === raw[i]!.seg; j++) {
      spelled += codeKey(raw[j]!.text);
      if (spelled === key) return { start: i, end: j + 1 };
      if (!key.startsWith(spelled)) break;
    }
  }
  return null;
}

/** Where a title's words stand in the title, in one part of it; -1 where they do not. */
function findCode(raw: readonly Token[], words: string[]): number {
  outer: for (let at = 0; at + words.length <= raw.length; at++) {
    for (let k = 0; k < words.length; k++) {
      const t = raw[at + k]!;
      if (t.text !== words[k] || t.seg !== raw[at]!.seg) continue outer;
    }
    return at;
  }
  return -1;
}

/**
 * The longest title of the company's found whole in the title (in one part of it), with no level
 * marker of the title outside it: "Consulting Member of Technical Staff - Cloud", not the
 * "Software Engineer" of "Senior Software Engineer" (its rank decides that one). Titles of the
 * company's that carry no rank count only where the title has no rank either.
 */
function titleIn(compiled: CompiledCompany, tokens: WorkToken[], found: Markers): CompiledCompany['titles'][number] | null {
  const marked = new Set(found.markers.flatMap((h) => h.used));
  for (const t of compiled.titles) {
    const at = findCode(tokens, t.words);
    if (at < 0) continue;
    const inside = (i: number) => i >= at && i < at + t.words.length;
    if ([...marked].every(inside)) return t;
  }
  return null;
}

export function pickCompany(ix: LadderIndex, compiled: CompiledCompany, raw: Token[], tokens: WorkToken[], found: Markers, fam: FamilyPick, reasons: Reason[] | null): CompanyPick | null {
  const f = ix.factors;
  const rank = rankOf(tokens, found);
  // A code on both tracks is the manager's where the title's markers are a manager's.
  const markerSays = found.markers.length > 0 ? chooseMarker(ix, found.markers).picked : null;
  const track = markerSays !== null && ix.tracks.get(markerSays.track)?.namesRole ? 'management' : 'ic';
  const ranked = compiled.ranks.get(rank)?.filter((e) => rank !== '' || (e.family !== null && e.family === fam.family?.id)) ?? [];
  // A rank given on both tracks ("II" of SDE II and SDM II) is read on the title's.
  const sameTrack = ranked.filter((e) => e.level.track === track);
  const byRank = sameTrack.length > 0 ? sameTrack : ranked;
  const levelOf = (l: CompanyLevel) => ix.levels.get(l.level) ?? [...ix.levels.values()].find((d) => d.code.toUpperCase() === l.level.toUpperCase())!;
  const sure = (l: CompanyLevel) => (l.disputed !== null && l.disputed.level !== l.level ? f.companyDisputed : 1);
  for (const code of compiled.codes) {
    const at = findCodeKey(raw, code.key);
    if (at === null || (code.level.track !== track && compiled.codes.some((c) => c !== code && c.level.track === track && c.key === code.key))) continue;
    const written = raw.slice(at.start, at.end).map((t) => t.raw).join(' ');
    const ladderLevel = levelOf(code.level);
    let confidence = f.companyCode * sure(code.level);
    // The title's rank says another level at this company (or on the standard ladder): less sure.
    const rankLevels = byRank.map((e) => levelOf(e.level));
    const other = rankLevels.length > 0 ? (rankLevels.includes(ladderLevel) ? null : rankLevels[0]!) : markerSays && onTrack(ix, markerSays, ladderLevel.track) !== ladderLevel ? markerSays : null;
    if (other !== null) {
      confidence *= f.conflictingMarkers;
      reasons?.push({ kind: 'company-code-over-rank', code: written, rank: found.markers.map((h) => h.phrase.text).join(' ') || '', rankLevel: other.code });
    }
    return { company: compiled.company, level: code.level, ladderLevel, via: 'code', said: written, confidence, evidence: [] };
  }
  const whole = titleIn(compiled, tokens, found);
  if (whole !== null) {
    const at = compiled.titles.filter((t) => t.words.join(' ') === whole.words.join(' '));
    const ladderLevel = levelOf(at[0]!.level);
    const split = at.some((t) => levelOf(t.level) !== ladderLevel);
    return { company: compiled.company, level: at[0]!.level, ladderLevel, via: 'title', said: whole.title, confidence: f.companyTitle * sure(at[0]!.level) * (split ? f.companyDisputed : 1), evidence: [] };
  }
  if (byRank.length === 0) return null;
  // A rank the company gives at levels that equal different ladder levels: the lowest, less sure.
  const first = byRank[0]!;
  const ladderLevel = levelOf(first.level);
  const split = byRank.some((e) => levelOf(e.level) !== ladderLevel);
  const confidence = f.companyTitle * sure(first.level) * (split ? f.companyDisputed : 1);
  return { company: compiled.company, level: first.level, ladderLevel, via: 'title', said: first.title, confidence, evidence: found.markers.flatMap((h) => h.used) };
}
