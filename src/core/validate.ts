// The checks a ladder must pass beyond its schema: every code, track and card must be known, bands
// must be in order, a marker may signal one level only. Pure: each problem names its file and the
// path inside it; src/io turns the path into a line number.
import { GAP } from './lexicon.js';
import { phraseWords } from './normalize.js';
import type { FamilyDef, LadderFile, MarkerDef } from './types.js';

export type DataPath = (string | number)[];

export interface PathProblem {
  file: string;
  path: DataPath;
  message: string;
}

export interface NamedFamily {
  file: string;
  /** The id the file's name implies (families/ai-ml.yaml -> ai-ml). */
  expectedId: string;
  family: FamilyDef;
}

const phraseOf = (m: MarkerDef) => (typeof m === 'string' ? m : m.phrase);

export function checkLadder(ladderFile: string, ladder: LadderFile, families: NamedFamily[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const at = (file: string, path: DataPath, message: string) => problems.push({ file, path, message });
  const problem = (path: DataPath, message: string) => at(ladderFile, path, message);

  const aliasOf = new Map<string, string[]>();
  for (const [from, to] of Object.entries(ladder.aliases)) aliasOf.set(phraseWords(from).join(' '), phraseWords(to));
  const normal = (phrase: string) =>
    phrase
      .split(GAP)
      .map((part) => phraseWords(part).flatMap((w) => aliasOf.get(w) ?? [w]).join(' '))
      .join(` ${GAP} `);

  const trackIds = new Set<string>();
  ladder.tracks.forEach((t, i) => {
    if (trackIds.has(t.id)) problem(['tracks', i, 'id'], `track "${t.id}" is defined twice; give each track its own id`);
    trackIds.add(t.id);
  });
  if (!trackIds.has(ladder.defaultTrack)) {
    problem(['defaultTrack'], `defaultTrack "${ladder.defaultTrack}" is not a track; use one of: ${[...trackIds].join(', ')}`);
  }

  for (const [from, to] of Object.entries(ladder.aliases)) {
    if (phraseWords(from).length !== 1) problem(['aliases', from], `alias "${from}" must be a single word`);
    if (phraseWords(to).length === 0) problem(['aliases', from], `alias "${from}" expands to no words`);
  }

  const codes = new Map<string, number>();
  ladder.levels.forEach((level, i) => {
    const key = level.code.toUpperCase();
    if (codes.has(key)) problem(['levels', i, 'code'], `level code ${level.code} is used twice (also level #${codes.get(key)! + 1}); codes must be unique`);
    else codes.set(key, i);
    if (!trackIds.has(level.track)) {
      problem(['levels', i, 'track'], `level ${level.code} is on unknown track "${level.track}"; use one of: ${[...trackIds].join(', ')}`);
    }
    const { min, max } = level.years;
    if (max !== undefined && max <= min) problem(['levels', i, 'years'], `level ${level.code}: years max (${max}) must be greater than min (${min})`);
  });
  if (!codes.has(ladder.defaultLevel.toUpperCase())) {
    problem(['defaultLevel'], `defaultLevel "${ladder.defaultLevel}" is not a level code`);
  }
  for (const [value, code] of Object.entries(ladder.levelHints)) {
    if (!codes.has(code.toUpperCase())) problem(['levelHints', value], `level hint "${value}" reads as "${code}", which is not a level code; use one of: ${ladder.levels.map((l) => l.code).join(', ')}`);
  }
  checkBands(ladder, problem);
  checkTrackLinks(ladder, codes, trackIds, problem);

  // A phrase may signal one level only, and a role noun is never a marker.
  const claimed = new Map<string, string>();
  ladder.levels.forEach((level, i) => {
    for (const kind of ['words', 'numerals'] as const) {
      level.markers[kind].forEach((m, j) => {
        const path = ['levels', i, 'markers', kind, j];
        const phrase = normal(phraseOf(m));
        if (!isWellFormed(phrase)) {
          problem(path, `marker "${phraseOf(m)}" has no words${phrase.includes(GAP) ? ` around "${GAP}"` : ''}`);
          return;
        }
        const owner = claimed.get(phrase);
        if (owner === level.code) problem(path, `marker "${phraseOf(m)}" is listed twice for ${level.code}`);
        else if (owner) problem(path, `marker "${phraseOf(m)}" is claimed by both ${owner} and ${level.code}; keep it on one level`);
        else claimed.set(phrase, level.code);
      });
    }
  });
  ladder.roleNouns.forEach((noun, i) => {
    const owner = claimed.get(normal(noun));
    if (owner) problem(['roleNouns', i], `"${noun}" is both a role noun and a marker of ${owner}; keep it in one list`);
  });

  const said: Said = new Map();
  for (const [language, def] of Object.entries(ladder.languages)) {
    for (const [from, to] of Object.entries(def.words)) sayOnce(said, { file: ladderFile, path: ['languages', language, 'words', from] }, language, from, to, at);
  }

  const familyIds = new Map<string, string>();
  const familyAliases = new Map<string, { to: string; file: string }>();
  for (const { file, expectedId, family } of families) {
    if (family.id !== expectedId) at(file, ['id'], `family id "${family.id}" does not match the file name; rename the file to ${family.id}.yaml or change the id`);
    const first = familyIds.get(family.id);
    if (first) at(file, ['id'], `family "${family.id}" is also defined in ${first}; family ids must be unique`);
    else familyIds.set(family.id, file);
    for (const code of Object.keys(family.cards)) {
      if (!codes.has(code.toUpperCase())) {
        at(file, ['cards', code], `card for unknown level ${code}; the ladder's levels are ${ladder.levels.map((l) => l.code).join(', ')}`);
      } else if (!ladder.levels.some((l) => l.code === code)) {
        at(file, ['cards', code], `card key ${code} must be written as the level code ${ladder.levels[codes.get(code.toUpperCase())!]!.code}`);
      }
    }
    for (const [from, to] of Object.entries(family.aliases)) {
      const key = phraseWords(from).join(' ');
      if (phraseWords(from).length !== 1) at(file, ['aliases', from], `alias "${from}" must be a single word`);
      const clash = aliasOf.has(key) ? { to: ladder.aliases[from] ?? '', file: ladderFile } : familyAliases.get(key);
      if (clash && normal(clash.to) !== normal(to)) {
        at(file, ['aliases', from], `alias "${from}" means "${to}" here but "${clash.to}" in ${clash.file}; an alias has one meaning`);
      }
      familyAliases.set(key, { to, file });
    }
    for (const [language, words] of Object.entries(family.languages)) {
      if (!(language in ladder.languages)) {
        const known = Object.keys(ladder.languages);
        at(file, ['languages', language], `language "${language}" is not declared in ${ladderFile}; add it under languages (with its name)${known.length ? ` or use one of: ${known.join(', ')}` : ''}`);
      }
      for (const [from, to] of Object.entries(words)) sayOnce(said, { file, path: ['languages', language, from] }, language, from, to, at);
    }
    family.vocabulary.forEach((w, i) => {
      const owner = claimed.get(normal(w));
      if (owner) at(file, ['vocabulary', i], `"${w}" is a marker of ${owner}; a family word cannot also signal a level`);
    });
  }
  const ids = new Set(families.map((f) => f.family.id));
  for (const { file, family } of families) {
    family.claims.forEach((claim, i) => {
      if (typeof claim === 'string') return;
      for (const other of claim.topicsOf) {
        if (!ids.has(other)) at(file, ['claims', i, 'topicsOf'], `claim "${claim.role}" borrows the topics of unknown family "${other}"; families: ${[...ids].join(', ')}`);
      }
    });
  }
  return problems;
}

/** What each phrase of a language has been said to mean, and where: one phrase has one meaning. */
type Said = Map<string, { to: string; file: string }>;

/** A phrase of a language has words, means words, and means the same wherever it is written. */
function sayOnce(said: Said, where: { file: string; path: DataPath }, language: string, from: string, to: string, at: (file: string, path: DataPath, message: string) => void): void {
  const { file, path } = where;
  const words = phraseWords(from);
  if (words.length === 0) return at(file, path, `"${from}" has no words; write the ${language} word or phrase as the key`);
  if (phraseWords(to).length === 0) return at(file, path, `"${from}" means no words; write the English word or phrase it stands for`);
  const key = `${language} ${words.join(' ')}`;
  const first = said.get(key);
  if (first && phraseWords(first.to).join(' ') !== phraseWords(to).join(' ')) {
    at(file, path, `"${from}" (${language}) means "${to}" here but "${first.to}" in ${first.file}; a phrase has one meaning`);
  } else if (!first) said.set(key, { to, file });
}

function isWellFormed(normalized: string): boolean {
  return normalized.split(GAP).every((part) => part.trim() !== '');
}

/** The levels and tracks the tracks and occupationTracks name exist, and a default level is on its own track. */
function checkTrackLinks(ladder: LadderFile, codes: Map<string, number>, trackIds: Set<string>, problem: (path: DataPath, message: string) => void): void {
  const levelOf = (code: string) => {
    const i = codes.get(code.toUpperCase());
    return i === undefined ? undefined : ladder.levels[i];
  };
  const list = ladder.levels.map((l) => l.code).join(', ');
  ladder.tracks.forEach((t, i) => {
    if (t.defaultLevel !== undefined) {
      const level = levelOf(t.defaultLevel);
      if (!level) problem(['tracks', i, 'defaultLevel'], `defaultLevel "${t.defaultLevel}" of track ${t.id} is not a level code; levels: ${list}`);
      else if (level.track !== t.id) problem(['tracks', i, 'defaultLevel'], `defaultLevel ${level.code} of track ${t.id} is on track ${level.track}; pick a level of ${t.id}`);
    }
    for (const [from, to] of Object.entries(t.readsMarkers)) {
      if (!levelOf(from)) problem(['tracks', i, 'readsMarkers', from], `readsMarkers of track ${t.id}: "${from}" is not a level code; levels: ${list}`);
      const level = levelOf(to);
      if (!level) problem(['tracks', i, 'readsMarkers', from], `readsMarkers of track ${t.id}: "${to}" is not a level code; levels: ${list}`);
      else if (level.track !== t.id) problem(['tracks', i, 'readsMarkers', from], `readsMarkers of track ${t.id} reads ${from} as ${level.code}, a level of track ${level.track}; map to a level of ${t.id}`);
    }
  });
  for (const [zone, track] of Object.entries(ladder.occupationTracks)) {
    if (!/^[1-5]$/.test(zone)) problem(['occupationTracks', zone], `occupationTracks: "${zone}" is not a Job Zone; use 1 to 5`);
    if (!trackIds.has(track)) problem(['occupationTracks', zone], `occupationTracks: "${track}" is not a track; use one of: ${[...trackIds].join(', ')}`);
  }
}

/**
 * Bands go up the ladder on every track. On the default track, the one years are read against,
 * they must also not overlap: one number of years must point at one level.
 */
function checkBands(ladder: LadderFile, problem: (path: DataPath, message: string) => void): void {
  const byTrack = new Map<string, number[]>();
  ladder.levels.forEach((l, i) => byTrack.set(l.track, [...(byTrack.get(l.track) ?? []), i]));
  for (const [track, indexes] of byTrack) {
    for (let k = 1; k < indexes.length; k++) {
      const prevIndex = indexes[k - 1]!;
      const i = indexes[k]!;
      const prev = ladder.levels[prevIndex]!;
      const level = ladder.levels[i]!;
      const path = ['levels', i, 'years'];
      if (level.years.min < prev.years.min) {
        problem(path, `level ${level.code} starts at ${level.years.min} years, below ${prev.code} (${prev.years.min}); list a track's levels from junior to senior`);
      } else if (prev.years.max === undefined) {
        problem(['levels', prevIndex, 'years'], `level ${prev.code} has no upper bound but ${level.code} comes after it on track ${track}; only the last level may be open-ended`);
      } else if (track === ladder.defaultTrack && level.years.min < prev.years.max) {
        problem(path, `level ${level.code} (from ${level.years.min} years) overlaps ${prev.code} (to ${prev.years.max}) on the default track; bands there must not overlap`);
      }
    }
  }
}
