// The matcher as a pipeline of stages, composed here and nowhere else:
//
//   readTitle:  place (a trailing place cut) -> read (words, aliases, typos) -> override -> markers -> family -> family check
//               (its occupation is one the families name) -> company (with one: its code or
//               title's rank) -> occupation -> track
//   decide:     level (markers, else years, else default) -> confidence -> card (and its pay)
//               -> alternatives
//
// Each stage is a module of src/core/stages with a typed input and output; each says why it
// decided as it did in Reasons (src/core/reasons.ts). readTitle is all a title alone decides, so a
// batch reads each distinct title once and decides it for each years value.
import type { LevelHint } from './hints.js';
import { buildCard, findLevel, occupationCard } from './cards.js';
import type { Reason } from './reasons.js';
import { alternatives } from './stages/alternatives.js';
import { confidenceOf, rounded } from './stages/confidence.js';
import type { LadderIndex, LevelPick, Sources, TitleReading } from './stages/context.js';
import { pickFamily } from './stages/family.js';
import { checkFamily } from './stages/family-check.js';
import { pickCompany, type CompanyPick, type CompiledCompany } from './stages/company.js';
import { fitFactor } from './stages/level.js';
import { pickLevel } from './stages/level.js';
import { chooseMarker, findMarkers } from './stages/markers.js';
import { occupationByCode, pickOccupation, wordsOfOccupation } from './stages/occupation.js';
import { readablePart, readingReasons, readWords, titleTokens } from './stages/read.js';
import { cutPlace } from './stages/places.js';
import { onTrack, trackOf } from './stages/track.js';
import { translate } from './stages/translate.js';
import type { CompanyRef, MatchResult } from './types.js';

/**
 * With `lean`, the reading only an answer without reasons or alternatives needs (decide() with
 * `explain` false): its occupation without runners-up or the evidence for it; the same answer.
 */
export function readTitle(ix: LadderIndex, sources: Sources, title: string, family: string | null = null, company: CompiledCompany | null = null, lean = false): TitleReading {
  const whole = readablePart(title);
  const notes: Reason[] = whole.length < title.length ? [{ kind: 'truncated', length: title.length, read: whole.length }] : [];
  // A place at the end is not read: the title is read as its core alone.
  const cut = sources.places === null ? null : cutPlace(sources.places(), whole);
  if (cut !== null) notes.push({ kind: 'place', place: cut.place });
  const read = cut === null ? whole : cut.core;
  const raw = titleTokens(read);
  const { tokens: translated, language } = translate(ix, sources.labels, raw, (w) => ix.typos.isRealWord(w));
  const tokens = readWords(ix, translated);
  const override = sources.overrides?.find(read, raw.map((t) => t.text).join(' ')) ?? null;
  // An override's family is the title's, whatever its words say.
  const levelReasons: Reason[] = [];
  const found = findMarkers(ix, tokens, levelReasons);
  const familyReasons: Reason[] = [];
  let fam = pickFamily(ix, tokens, override?.family ?? family, familyReasons);
  if (override?.family) {
    familyReasons.length = 0;
    fam = { ...fam, excluded: [] };
  }
  // The words that name the title's occupation, read once for the family check and the occupation stage.
  const words = wordsOfOccupation(ix, tokens, found);
  fam = checkFamily(ix, sources.occupations, tokens, found, words, fam, familyReasons);
  const companyPick = company && !override ? pickCompany(ix, company, raw, tokens, found, fam, levelReasons) : null;
  if (company && !override && companyPick === null) levelReasons.push({ kind: 'company-none', name: company.company.name });
  const occupationReasons: Reason[] = [];
  const occupation = override?.occupation
    ? occupationByCode(sources.occupations, override.occupation)
    : pickOccupation(ix, sources.occupations, tokens, found, words, fam.family, occupationReasons, lean);
  // Written out whole, one shape for every title: a spread here costs a fifth of a distinct title.
  if (override) {
    const level = findLevel(ix.ladder, override.level)!;
    return { title, notes, tokens, markers: [], choice: null, marker: level, levelReasons: [], fam, familyReasons, occupation, occupationReasons, track: level.track, override, company: null, language, lean };
  }
  if (companyPick) {
    const level = companyPick.ladderLevel;
    return { title, notes, tokens, markers: [], choice: null, marker: level, levelReasons, fam, familyReasons, occupation, occupationReasons, track: level.track, override: null, company: companyPick, language, lean };
  }
  const track = trackOf(ix, fam.family, occupation);
  const choice = found.markers.length > 0 ? chooseMarker(ix, found.markers) : null;
  const marker = choice ? onTrack(ix, choice.picked, track) : null;
  return { title, notes, tokens, markers: found.markers, choice, marker, levelReasons, fam, familyReasons, occupation, occupationReasons, track, override: null, company: null, language, lean };
}

/**
 * The answer for a title read by readTitle(), with these years. With `explain` false, only the
 * match: no reasons and no alternatives (a batch writing CSV shows neither, and builds none).
 */
export function decide(ix: LadderIndex, sources: Sources, reading: TitleReading, years: number | null, top = 3, explain = true, withPay = true, hint: LevelHint | null = null): MatchResult {
  const { title, tokens, fam, occupation, override } = reading;
  if (explain && reading.lean) throw new Error('decide: a lean reading has no reasons to explain (read the title without lean)');
  const reasons: Reason[] = explain ? [...reading.notes] : [];
  const result: MatchResult = { query: { title, years }, match: null, alternatives: [], reasons };
  if (tokens.length === 0 && years === null) {
    if (explain) reasons.push({ kind: 'empty' });
    return result;
  }
  const levelReasons = explain ? [...reading.levelReasons] : null;
  if (override) levelReasons?.push({ kind: 'override', title: override.title, level: override.level, family: override.family, line: override.line });
  const lvl: LevelPick | null = override
    ? { level: reading.marker!, confidence: 1, evidence: [], others: [], fromYears: false }
    : reading.company
      ? companyLevel(ix, reading, years, levelReasons)
      : pickLevel(ix, reading, years, levelReasons, hint);
  const evidence = new Set([...(lvl?.evidence ?? []), ...fam.evidence]);
  if (explain) reasons.push(...readingReasons(tokens, evidence, reading.language, (c) => ix.ladder.languages[c]?.name ?? c), ...levelReasons!, ...reading.familyReasons, ...reading.occupationReasons);
  if (lvl === null) {
    if (explain) reasons.push({ kind: 'nothing' });
    return result;
  }
  // An override keeps confidence 1: the ladder's owner said so.
  const confidence = override ? 1 : confidenceOf(ix, lvl, fam, occupation, tokens, evidence);
  const card = occupation?.record && fam.family === null ? occupationCard(lvl.level, occupation.record) : buildCard(ix.ladder, lvl.level, fam.family);
  const soc = occupation?.ref.code ?? card.soc?.code ?? null;
  const pay = withPay && sources.pay ? sources.pay(fam.family?.id ?? null, lvl.level.code, soc) : null;
  // The card is this answer's own: completed in place, not copied (a batch builds one per distinct title).
  result.match = Object.assign(card, { marketPay: pay, confidence: rounded(confidence), occupation: occupation?.ref ?? null, language: reading.language });
  if (reading.company) result.match.company = companyRef(reading.company);
  if (explain && !override) result.alternatives = alternatives(ix, lvl, fam, occupation, reading.track, years, confidence, top);
  return result;
}

/** The level a company's ladder gives, as sure as its source, less where the years fall outside the level's band. */
function companyLevel(ix: LadderIndex, reading: TitleReading, years: number | null, reasons: Reason[] | null): LevelPick {
  const pick = reading.company!;
  const l = pick.level;
  reasons?.push({
    kind: 'company',
    company: pick.company.id,
    name: pick.company.name,
    code: l.code,
    via: pick.via,
    said: pick.said,
    band: l.band?.name ?? null,
    level: pick.ladderLevel.code,
    levelName: pick.ladderLevel.name,
    disputed: l.disputed && l.disputed.level !== l.level ? { band: l.disputed.band.name, level: l.disputed.level } : null,
  });
  let confidence = pick.confidence;
  if (years !== null) {
    const factor = fitFactor(ix, pick.ladderLevel, years);
    reasons?.push({ kind: 'years-fit', years, level: pick.ladderLevel.code, band: ix.bands.get(pick.ladderLevel)!, fits: factor === 1 });
    confidence *= factor;
  }
  return { level: pick.ladderLevel, confidence, evidence: pick.evidence, others: [], fromYears: false };
}

function companyRef(pick: CompanyPick): CompanyRef {
  return { id: pick.company.id, name: pick.company.name, code: pick.level.code, title: pick.level.titles[0] ?? null, standard: pick.level.band?.name ?? null };
}
