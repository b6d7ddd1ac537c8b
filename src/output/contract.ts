// The JSON contract of an answer: the matcher's result with its reasons written as sentences.
// Keys are only ever added (see the README's JSON contract).
import type { MatchResult } from '../core/types.js';
import { reasonTexts } from './reasons.js';

/** What `leveler match --json` prints, and what the library's match() gives. */
export type MatchJson = Omit<MatchResult, 'reasons'> & { reasons: string[] };

export function matchJson(result: MatchResult): MatchJson {
  return { ...result, reasons: reasonTexts(result.reasons) };
}
