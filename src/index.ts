// The library API: the same matcher, cards and ladder loading the CLI uses.
export { Matcher } from './core/match.js';
export { createMatcher } from './io/matcher.js';
export { buildDictionary, DICTIONARY_FILE } from './io/dictionary.js';
export { buildCard, findLevel, findFamily } from './core/cards.js';
export { tokenize } from './core/normalize.js';
export { loadLadder, readLadderFiles, checkLadderFiles, shippedDataDir, serializeSnapshot, SNAPSHOT_FILE } from './io/ladder.js';
export type { LoadedLadder } from './io/ladder.js';
export { compileLexicon } from './core/lexicon.js';
export { main } from './cli.js';
export { EXIT, LevelerError, UsageError, DataError, OutputError } from './errors.js';
export type * from './core/types.js';
export type { Io } from './io/terminal.js';
export { CsvReader } from './io/csv.js';
export { csvLine } from './output/csv.js';
export { classifyOccupation, occupationFeatures, occupationKey } from './core/occupation.js';
export type { OccupationModel, OccupationWord, FeatureEntry } from './core/occupation.js';
export { occupationSource } from './io/occupations.js';
export type { OccupationSource } from './io/occupations.js';
