// JSON output: the contract's shapes (src/core/types.ts, src/core/views.ts and the ones below) as
// `--json` prints them; see README, "JSON contract". Keys are only ever added.
import type { EvalJson, EvalReport, MatchJson, MatchResult } from '../core/contract.js';
import { reasonTexts } from './reasons.js';

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export type { EvalJson, MatchJson } from '../core/contract.js';

export function matchJson(result: MatchResult): MatchJson {
  return { ...result, reasons: reasonTexts(result.reasons) };
}

export function evalJson(report: EvalReport): EvalJson {
  return { ...report, misses: report.misses.map((m) => ({ ...m, reasons: reasonTexts(m.reasons) })) };
}
