// Why a title got its answer, as data: each stage of the matcher says what it read and what that
// decided. src/output/reasons.ts turns a reason into the sentence `match` prints; triage and eval
// read the kinds, never the prose.
import type { YearsBand } from './contract.js';

/** Why a number is not a level: where it stands says it counts or names something. */
export type NotALevelWhy = 'opens-title' | 'counts-what-follows' | 'after-count' | 'before-quantity';

/** How one marker beat another: a higher track's, a word over a numeral, or the higher level. */
export type OutrankedBy = 'track' | 'word' | 'higher';

export type Reason =
  /** The title was cut: only its first `read` characters of `length` are read. */
  | { kind: 'truncated'; length: number; read: number }
  /** The title's end names a place or a way of working ("Austin, TX", "Remote"): it is not read. */
  | { kind: 'place'; place: string }
  | { kind: 'empty' }
  /** An alias expanded, or a typo corrected. */
  | { kind: 'read-as'; from: string; to: string; typo: boolean; language?: string }
  | { kind: 'not-a-level'; word: string; why: NotALevelWhy; other?: string }
  /** Words of a role noun ("Associate Professor") are not a marker. */
  | { kind: 'part-of-role'; words: string; role: string }
  | { kind: 'override'; title: string; level: string; family: string | null; line: number }
  /** A company's ladder decided (--company): by its code in the title, or a title of the company's with the same rank. */
  | { kind: 'company'; company: string; name: string; code: string; via: 'code' | 'title'; said: string; band: string | null; level: string; levelName: string; disputed: { band: string; level: string } | null }
  /** A company's code decided over the title's rank, which says another level. */
  | { kind: 'company-code-over-rank'; code: string; rank: string; rankLevel: string }
  /** No code or title of the company's is in the title: the standard markers decide. */
  | { kind: 'company-none'; name: string }
  | { kind: 'marker'; marker: string; level: string; levelName: string; readOnTrack: string | null }
  | { kind: 'outranks'; by: OutrankedBy; track: string; winner: string; loser: string; loserLevel: string }
  | { kind: 'years-fit'; years: number; level: string; band: YearsBand; fits: boolean }
  | { kind: 'years-band'; years: number; level: string; band: YearsBand }
  /** No marker: the row's level hint (batch --level-hint-column) decided. */
  | { kind: 'level-hint'; value: string; level: string; levelName: string }
  /** No marker and no years: the default level, of a family's title or of a track (its Job Zone). */
  | { kind: 'default-level'; level: string; track: string | null; jobZone: number | null; groupJobZone?: number | null }
  | { kind: 'family'; family: string; name: string; role: string | null; topic: string | null }
  | { kind: 'family-given'; family: string; name: string }
  | { kind: 'family-alternative'; family: string; role: string | null }
  /** No family: a role of none of the families, a shared role with no topic, nothing at all, or an occupation none of the families names. */
  | { kind: 'no-family'; why: 'other-role' | 'no-topic' | 'none'; role: string | null }
  | { kind: 'no-family'; why: 'outside-occupation'; role: null; family: string; occupation: { code: string; title: string } }
  | { kind: 'occupation'; code: string; title: string; via: 'title' | 'words'; evidence: string; share: number }
  | { kind: 'occupation-runners-up'; others: { code: string; title: string; share: number }[] }
  | { kind: 'occupation-outside-family'; code: string; title: string; family: string }
  | { kind: 'occupation-of-family'; code: string; title: string; family: string }
  /** A title that leads a function: the managers' occupation of what its words name. */
  | { kind: 'occupation-leads'; code: string; title: string; led: { code: string; title: string } }
  | { kind: 'no-occupation' }
  | { kind: 'nothing' };

export type ReasonKind = Reason['kind'];
