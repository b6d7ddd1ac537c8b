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
import { escapeControls } from './controls.js';
import { tokenize } from './normalize.js';
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

const SOC = /^\d\d-\d{4}(?:\.\d\d)?$/;
const FAMILY = /^[a-z0-9][a-z0-9-]*$/;

/** A value "P4 software-engineering 15-1252.00" read as its parts; a message when it is not one. */
export function readOverrideValue(value: string): { level: string; family: string | null; occupation: string | null } | string {
  const parts = value.trim().split(/\s+/).filter(Boolean);
  const [level, ...rest] = parts;
  if (level === undefined) return 'has no level; write a level code, such as P3';
  let family: string | null = null;
  let occupation: string | null = null;
  for (const part of rest) {
    if (SOC.test(part) && occupation === null) occupation = part;
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
 * Reads the file line by line when every line is a comment, a blank, or `title: value` at the top
 * level with a plain or quoted title (the form the file is written in): a 10,000-title file in a few
 * milliseconds. `null` when any line is another YAML form: read the file with a YAML parser then.
 */
export function readOverrideLines(text: string): { entries: { title: string; value: string; line: number }[] } | null {
  const entries: { title: string; value: string; line: number }[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const row = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    const first = row.charAt(0);
    if (first === '' || first === '#') continue;
    if (first === ' ' || first === '\t') {
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
      if (title.includes(' #')) return null;
      after = colon + 1;
    }
    let value = row.slice(after);
    if (value !== '' && value.charAt(0) !== ' ' && value.charAt(0) !== '\t') return null;
    const hash = value.indexOf(' #');
    if (hash >= 0) value = value.slice(0, hash);
    value = value.trim();
    if (!VALUE.test(value)) return null;
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
    const found = this.byRough.get(roughKey(title));
    if (found === undefined) return null;
    for (const entry of Array.isArray(found) ? found : [found]) {
      let own = this.keys.get(entry);
      if (own === undefined) this.keys.set(entry, (own = overrideKey(entry.title)));
      if (own === key) return entry;
    }
    return null;
  }
}

/**
 * The entries, checked against the ladder: known levels and families, codes; with `duplicates`, no
 * title twice after normalisation (validate checks it; start-up does not pay for it: the first wins).
 */
export function checkOverrides(
  raw: { title: string; value: unknown; line: number }[],
  ladder: Ladder,
  { duplicates = true }: { duplicates?: boolean } = {},
): { table: OverrideTable; problems: OverrideProblem[] } {
  const table = new OverrideTable();
  const problems: OverrideProblem[] = [];
  const seen = new Map<string, OverrideEntry>();
  // Values repeat ("P3 software-engineering"): each is read and checked once.
  const values = new Map<string, ReturnType<typeof readValue>>();
  const readValue = (value: string) => {
    const parsed = readOverrideValue(value);
    if (typeof parsed === 'string') return parsed;
    const level = findLevel(ladder, parsed.level);
    if (!level) return `unknown level "${escapeControls(parsed.level)}"; the ladder's levels are ${ladder.levels.map((l) => l.code).join(', ')}`;
    if (parsed.family !== null && !findFamily(ladder, parsed.family)) return `unknown family "${escapeControls(parsed.family)}"; the families are ${ladder.families.map((f) => f.id).join(', ') || 'none'}`;
    return { ...parsed, level: level.code };
  };
  for (const { title, value, line } of raw) {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
    let parsed = text === null ? 'must be a level code, then optionally a family id and an O*NET-SOC code' : values.get(text);
    if (parsed === undefined) values.set(text!, (parsed = readValue(text!)));
    if (typeof parsed === 'string') {
      problems.push({ line, message: `override "${escapeControls(title)}": ${parsed}` });
      continue;
    }
    const rough = roughKey(title);
    if (rough === '') {
      problems.push({ line, message: `override "${escapeControls(title)}": the title has no words` });
      continue;
    }
    const entry: OverrideEntry = { title, level: parsed.level, family: parsed.family, occupation: parsed.occupation, line };
    if (duplicates) {
      const key = overrideKey(title);
      const first = seen.get(key);
      if (first) {
        problems.push({ line, message: `override "${escapeControls(title)}": the same title as line ${first.line} ("${escapeControls(first.title)}") once case, dots, spacing and accents are set aside; keep one` });
        continue;
      }
      seen.set(key, entry);
    }
    table.add(entry, rough);
  }
  return { table, problems };
}
