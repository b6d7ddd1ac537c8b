// The library: one leveler, wired as the CLI is (createLeveler), its answers the CLI's --json
// objects, key for key; the errors it throws; the JSON contract's types. The parts it is built from
// are in `job-leveler/internal` (src/internal.ts), which makes no promise.
export { createLeveler, Leveler } from './leveler.js';
export type { GoldInput, LevelerOptions, MatchQuery, TitleRow } from './leveler.js';
export { EXIT, LevelerError, UsageError, DataError, OutputError } from './errors.js';
export type * from './core/contract.js';
