// What the project's own scripts and benchmarks use beside the public API: the matcher and the
// loaders it is built from, the readers, the build's helpers. Published as `job-leveler/internal`
// for those who need the parts; not a contract: these may change in any release.
export { Matcher } from './core/match.js';
export { createMatcher } from './io/matcher.js';
export { buildDictionary, DICTIONARY_FILE } from './io/dictionary.js';
export { buildCard, findLevel, findFamily } from './core/cards.js';
export { tokenize } from './core/normalize.js';
export { withoutGenderForms } from './core/gender.js';
export { hintLevel } from './core/hints.js';
export { LABELS_FILE, labelSource } from './io/languages.js';
export { PLACES_FILE, placeSource } from './io/places.js';
export { loadLadder, readLadderFiles, checkLadderFiles, shippedDataDir, serializeSnapshot, SNAPSHOT_FILE } from './io/ladder.js';
export type { LoadedLadder } from './io/ladder.js';
export { compileLexicon } from './core/lexicon.js';
export { main } from './cli.js';
export { runHelper } from './helper-entry.js';
export type { Io } from './io/terminal.js';
export { CsvReader, fieldsOf } from './io/csv.js';
export { csvLine } from './output/csv.js';
export { classifyOccupation, occupationFeatures, occupationKey, occupationPartsKey } from './core/occupation.js';
export { exactLine, featureEntry, featureLine, formatHead, indexOf, MAX_CODES, MAX_TENTHS, pairId, pairTenths } from './core/occupation-table.js';
export type { OccupationModel, OccupationWord, FeatureEntry } from './core/occupation.js';
export { occupationSource, occupationSpans, OCCUPATIONS_FILE, OCCUPATION_PACK_FILE, packWordTable, tableStamp } from './io/occupations.js';
export type { OccupationSource } from './io/occupations.js';
export { paySource } from './io/pay.js';
export { readOverrides, loadOverrides } from './io/overrides.js';
export { overrideKey, OverrideTable, OVERRIDES_FILE } from './core/overrides.js';
export type { OverrideEntry } from './core/overrides.js';
export type * from './core/types.js';
export * from './index.js';
