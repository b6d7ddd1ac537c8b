// JSON output: the contract's shapes (src/core/types.ts, src/core/views.ts and the ones below) as
// `--json` prints them; see README, "JSON contract". Keys are only ever added.
import type { EvalReport } from '../core/eval.js';
import type { MatchResult } from '../core/types.js';
import { reasonTexts } from './reasons.js';

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** What `leveler match --json` prints, and what the library's match() gives: reasons as sentences. */
export type MatchJson = Omit<MatchResult, 'reasons'> & { reasons: string[] };

export function matchJson(result: MatchResult): MatchJson {
  return { ...result, reasons: reasonTexts(result.reasons) };
}

type Miss = EvalReport['misses'][number];
/** The report as `eval --json` gives it: each miss's reasons as sentences. */
export type EvalJson = Omit<EvalReport, 'misses'> & { misses: (Omit<Miss, 'reasons'> & { reasons: string[] })[] };

export function evalJson(report: EvalReport): EvalJson {
  return { ...report, misses: report.misses.map((m) => ({ ...m, reasons: reasonTexts(m.reasons) })) };
}
