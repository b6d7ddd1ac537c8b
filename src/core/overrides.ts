// Overrides: titles a ladder owner pins to a level (and a family or occupation), in overrides.yaml
// beside ladder.yaml. A title is looked up after the normalisation matching uses (case, dots,
// spacing, accents), and an override wins over everything. Pure: src/io/overrides.ts reads the file.
//
//   MTS 3: P3
//   "Engineer IV (Band 62)": P4 software-engineering
//   Staff Nurse II: P2 29-1141.00
//
// Each value is a level code, then optionally a family id and an O*NET-SOC code, in any order.
import { findFamily, findLevel } from './cards.js';
import { escapeControls, hasControls } from './controls.js';
import { tokenize } from './normalize.js';
import { isSocCode } from './soc.js';
import type { Ladder } from './types.js';

export interface OverrideEntry {
  /** As written in the file. */
  title: string;
  level: string;
  family: string | null;
  /** An O*NET-SOC code (29-1141.00) or a 6-digit SOC code (29-1141). */
  occupation: string | null;
  line: number;
}

export interface OverrideProblem {
  line: number;
  message: string;
}

export const OVERRIDES_FILE = 'overrides.yaml';

/** The key a title is pinned under: its words as matching reads them (case, dots, spacing and accents do not count). */
export function overrideKey(title: string): string {
  return tokenize(title)
    .map((t) => t.text)
    .join(' ');
}

const FAMILY = /^[a-z0-9][a-z0-9-]*$/;

/** A value "P4 software-engineering 15-1252.00" read as its parts; a message when it is not one. */
export function readOverrideValue(value: string): { level: string; family: string | null; occupation: string | null } | string {
  const parts = value.trim().split(/\s+/).filter(Boolean);
  const [level, ...rest] = parts;
  if (level === undefined) return 'has no level; write a level code, such as P3';
  let family: string | null = null;
  let occupation: string | null = null;
  for (const part of rest) {
    if (isSocCode(part) && occupation === null) occupation = part;
    else if (FAMILY.test(part) && family === null) family = part;
    else return `"${escapeControls(part)}" is neither a family id nor an O*NET-SOC code (write: LEVEL [FAMILY] [CODE])`;
  }
  return { level, family, occupation };
}

/** A plain value: a level code and maybe a family id and a code, letters, digits, spaces, dots and dashes. */
const VALUE = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;
/** The first character of a plain YAML title: not an indicator (quotes are read apart). */
const PLAIN_START = /[^\s\-?:,[\]{}#&*!|>%@`]/;
/**
 * Plain text that YAML's core schema reads as something other than a string (null, a boolean, a
 * number: `1e3` is 1000, `0x1F` is 31): the YAML parser's reading is the reference, so such a line is
 * left to it.
 */
const NOT_A_STRING_PATTERN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** NOT_A_STRING_PATTERN, tested only where it can match: a short word, or a number's first character. */
function notAString(text: string): boolean {
  const c = text.charCodeAt(0);
  return (text.length <= 5 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) && NOT_A_STRING_PATTERN.test(text);
}
/** Control characters (a tab too), Unicode line breaks and lone CRs: the YAML parser reads those lines. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** YAML limits an implicit key to 1,024 characters: longer lines are the parser's to judge. */
const MAX_FAST_LINE = 1000;

/**
 * Reads the file line by line when every line is a comment, a blank, or `title: value` at the top
 * level with a plain or quoted title (the form the file is written in): a 10,000-title file in a few
 * milliseconds. `null` when any line is another YAML form, or one whose reading by YAML is not
 * plainly its text: read the file with the YAML parser then (src/io/overrides-yaml.ts), the
 * reference this reader is tested against.
 */
export function readOverrideLines(text: string): { entries: { title: string; value: string; line: number }[] } | null {
  const entries: { title: string; value: string; line: number }[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const row = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (row.length > MAX_FAST_LINE || UNUSUAL.test(row)) return null;
    const first = row.charAt(0);
    if (first === '' || first === '#') continue;
    if (first === ' ') {
      if (row.trim() === '' || row.trimStart().startsWith('#')) continue;
      return null;
    }
    let title: string;
    let after: number;
    if (first === '"' || first === "'") {
      const close = row.indexOf(first, 1);
      if (close < 0) return null;
      title = row.slice(1, close);
      // Escapes and doubled quotes are rare: the YAML parser reads those files.
      if (title.includes('\\') || row.charAt(close + 1) === first) return null;
      after = close + 1;
      if (row.charAt(after) !== ':') return null;
      after++;
    } else {
      if (!PLAIN_START.test(first)) return null;
      const colon = row.indexOf(': ');
      if (colon < 0) return null;
      title = row.slice(0, colon).trimEnd();
      if (title.includes(' #') || notAString(title)) return null;
      after = colon + 1;
    }
    let value = row.slice(after);
    if (value !== '' && value.charAt(0) !== ' ') return null;
    const hash = value.indexOf(' #');
    if (hash >= 0) value = value.slice(0, hash);
    value = value.trim();
    if (!VALUE.test(value) || notAString(value)) return null;
    entries.push({ title, value, line });
  }
  return { entries };
}

/**
 * A title's rough key: its letters and digits, lower case. Two titles with the same key (overrideKey)
 * have the same rough key, and computing it costs a regex, not a tokenizer: a 10,000-title file is
 * indexed by it at start-up, and only the few titles that share a title's rough key are compared whole.
 */
export function roughKey(title: string): string {
  // HTML entities and non-ASCII text (accents, other scripts) go through the tokenizer, as matching does.
  if (!/[^\x20-\x25\x27-\x7e]/.test(title)) return title.replace(/[^A-Za-z0-9]+/g, '').toLowerCase();
  return overrideKey(title).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The overrides, found by a title's rough key and then compared whole. */
export class OverrideTable {
  /** By rough key: the entry, or the few that share the key. */
  private readonly byRough = new Map<string, OverrideEntry | OverrideEntry[]>();
  private readonly keys = new Map<OverrideEntry, string>();
  size = 0;

  add(entry: OverrideEntry, rough = roughKey(entry.title)): void {
    const found = this.byRough.get(rough);
    if (found === undefined) this.byRough.set(rough, entry);
    else if (Array.isArray(found)) found.push(entry);
    else this.byRough.set(rough, [found, entry]);
    this.size++;
  }

  /** The override of a title whose overrideKey() is `key`; null when none. */
  find(title: string, key: string): OverrideEntry | null {
    return this.findByRough(roughKey(title), key);
  }

  /** The override whose rough key is `rough` and whose overrideKey() is `key`; null when none. */
  findByRough(rough: string, key: string): OverrideEntry | null {
    const found = this.byRough.get(rough);
    if (found === undefined) return null;
    for (const entry of Array.isArray(found) ? found : [found]) {
      let own = this.keys.get(entry);
      if (own === undefined) this.keys.set(entry, (own = overrideKey(entry.title)));
      if (own === key) return entry;
    }
    return null;
  }

  /** Every entry, by its line. */
  entries(): OverrideEntry[] {
    return [...this.byRough.values()].flat().sort((a, b) => a.line - b.line);
  }

  /** Whether any entry has this rough key: only then can a title be the same as one already in. */
  hasRough(rough: string): boolean {
    return this.byRough.has(rough);
  }
}

export interface CheckOptions {
  /** Whether an O*NET-SOC code names a known occupation; without it, codes are checked for their form only. */
  knownOccupation?: (code: string) => boolean;
}

/**
 * The entries, checked against the ladder: known levels, families and occupations, titles with words
 * and no control characters, and no title twice after normalisation (only titles that share a rough
 * key are compared whole, so the check costs start-up almost nothing). Matching refuses a file with
 * any of these problems, as validate does.
 */
export function checkOverrides(raw: { title: string; value: unknown; line: number }[], ladder: Ladder, { knownOccupation }: CheckOptions = {}): { table: OverrideTable; problems: OverrideProblem[] } {
  const table = new OverrideTable();
  const problems: OverrideProblem[] = [];
  // Values repeat ("P3 software-engineering"): each is read and checked once.
  const values = new Map<string, ReturnType<typeof readValue>>();
  const readValue = (value: string) => {
    const parsed = readOverrideValue(value);
    if (typeof parsed === 'string') return parsed;
    const level = findLevel(ladder, parsed.level);
    if (!level) return `unknown level "${escapeControls(parsed.level)}"; the ladder's levels are ${ladder.levels.map((l) => l.code).join(', ')}`;
    if (parsed.family !== null && !findFamily(ladder, parsed.family)) return `unknown family "${escapeControls(parsed.family)}"; the families are ${ladder.families.map((f) => f.id).join(', ') || 'none'}`;
    if (parsed.occupation !== null && knownOccupation && !knownOccupation(parsed.occupation)) {
      return `unknown occupation ${parsed.occupation}: no O*NET-SOC occupation has that code; see \`leveler occupations\` for the codes`;
    }
    return { ...parsed, level: level.code };
  };
  for (const { title, value, line } of raw) {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
    let parsed = text === null ? 'must be a level code, then optionally a family id and an O*NET-SOC code' : values.get(text);
    if (parsed === undefined) values.set(text!, (parsed = readValue(text!)));
    const problem = (message: string) => problems.push({ line, message: `override "${escapeControls(title)}": ${message}` });
    if (typeof parsed === 'string') {
      problem(parsed);
      continue;
    }
    if (hasControls(title)) {
      problem('the title holds a control character; remove it');
      continue;
    }
    const rough = roughKey(title);
    if (rough === '') {
      problem('the title has no words');
      continue;
    }
    const first = table.hasRough(rough) ? table.findByRough(rough, overrideKey(title)) : null;
    if (first) {
      problem(`the same title as line ${first.line} ("${escapeControls(first.title)}") once case, dots, spacing and accents are set aside; keep one`);
      continue;
    }
    table.add({ title, level: parsed.level, family: parsed.family, occupation: parsed.occupation, line }, rough);
  }
  return { table, problems };
}
