// overrides.yaml of a ladder folder: read when the folder has one (see src/core/overrides.ts). The
// usual form is read line by line, fast; any other YAML form through the YAML parser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkOverrides, OverrideTable, OVERRIDES_FILE, readOverrideLines, type OverrideProblem } from '../core/overrides.js';
import { escapeControls } from '../core/controls.js';
import type { Ladder } from '../core/types.js';
import { DataError } from '../errors.js';
import { displayPath, readText } from './ladder.js';

export interface OverridesRead {
  /** As shown in messages: "my-ladder/overrides.yaml". */
  display: string;
  table: OverrideTable;
  problems: OverrideProblem[];
}

/** The folder's overrides and their problems; null when it has no overrides.yaml. */
export async function readOverrides(dir: string, cwd: string, ladder: Ladder, { duplicates = true }: { duplicates?: boolean } = {}): Promise<OverridesRead | null> {
  const path = join(dir, OVERRIDES_FILE);
  if (!existsSync(path)) return null;
  const text = readText(path, cwd);
  const display = displayPath(path, cwd);
  const fast = readOverrideLines(text);
  if (fast !== null) return { display, ...checkOverrides(fast.entries, ladder, { duplicates }) };
  const { LineCounter, parseDocument, isMap, isScalar } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { display, table: new OverrideTable(), problems: [{ line: lines.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` }] };
  }
  // The entries may stand at the top, or under "overrides:".
  let root = doc.contents;
  if (isMap(root) && root.items.length === 1 && isScalar(root.items[0]!.key) && root.items[0]!.key.value === 'overrides') root = root.items[0]!.value as typeof root;
  if (root === null || root === undefined) return { display, table: new OverrideTable(), problems: [] };
  if (!isMap(root)) return { display, table: new OverrideTable(), problems: [{ line: 1, message: 'must map titles to levels ("MTS 3: P3")' }] };
  const raw: { title: string; value: unknown; line: number }[] = [];
  const problems: OverrideProblem[] = [];
  for (const pair of root.items) {
    const line = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]).line : 1;
    if (!isScalar(pair.key) || (typeof pair.key.value !== 'string' && typeof pair.key.value !== 'number')) {
      problems.push({ line, message: 'a title must be plain text' });
      continue;
    }
    const v = pair.value;
    let value: unknown = isScalar(v) ? v.value : undefined;
    if (isMap(v)) {
      const o = v.toJSON() as Record<string, unknown>;
      const unknown = Object.keys(o).filter((k) => !['level', 'family', 'occupation'].includes(k));
      if (unknown.length > 0) {
        const fields = unknown.map((k) => `"${escapeControls(k)}"`).join(', ');
        problems.push({ line, message: `override "${escapeControls(String(pair.key.value))}": unknown field ${fields}; use level, family, occupation` });
        continue;
      }
      // The mapping form reads as the line form's value: "LEVEL FAMILY CODE".
      value = [o.level, o.family, o.occupation].filter((x) => x !== undefined && x !== null).join(' ');
    }
    raw.push({ title: String(pair.key.value), value, line });
  }
  const checked = checkOverrides(raw, ladder, { duplicates });
  return { display, table: checked.table, problems: [...problems, ...checked.problems].sort((a, b) => a.line - b.line) };
}

/**
 * The folder's overrides for matching: a problem in the file stops the command, naming its line.
 * A title pinned twice is validate's to report; here the first one wins.
 */
export async function loadOverrides(dir: string, cwd: string, ladder: Ladder): Promise<OverrideTable | null> {
  const read = await readOverrides(dir, cwd, ladder, { duplicates: false });
  if (read === null) return null;
  if (read.problems.length > 0) {
    const p = read.problems[0]!;
    const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more)` : '';
    throw new DataError(`invalid overrides: ${read.display}:${p.line}: ${p.message}${more}`, `run \`leveler validate --data ${displayPath(dir, cwd)}\` to list every problem`);
  }
  return read.table;
}
