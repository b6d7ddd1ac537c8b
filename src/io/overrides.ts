// overrides.yaml of a ladder folder: read when the folder has one (see src/core/overrides.ts). The
// usual form is read line by line, fast; any other YAML form through the YAML parser
// (src/io/overrides-yaml.ts), loaded only then. Both give the same entries to the same check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkOverrides, OverrideTable, OVERRIDES_FILE, readOverrideLines, type CheckOptions, type OverrideProblem } from '../core/overrides.js';
import type { Ladder } from '../core/types.js';
import { DataError } from '../errors.js';
import { displayPath, readText } from './ladder.js';

export interface OverridesRead {
  /** As shown in messages: "my-ladder/overrides.yaml". */
  display: string;
  table: OverrideTable;
  problems: OverrideProblem[];
}

/** The text of an overrides file read and checked: the line reader when it can, else the YAML parser. */
export async function readOverridesText(text: string, ladder: Ladder, options: CheckOptions = {}): Promise<{ table: OverrideTable; problems: OverrideProblem[] }> {
  // A lone CR ends a line in YAML as LF does (old Mac files); the parser would read one long line.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const fast = readOverrideLines(text);
  if (fast !== null) return checkOverrides(fast.entries, ladder, options);
  const { readOverridesYaml } = await import('./overrides-yaml.js');
  const { raw, problems } = readOverridesYaml(text);
  const checked = checkOverrides(raw, ladder, options);
  return { table: checked.table, problems: problems.length === 0 ? checked.problems : mergeByLine(problems, checked.problems) };
}

function mergeByLine(a: OverrideProblem[], b: OverrideProblem[]): OverrideProblem[] {
  const all = a.concat(b);
  return all.sort((x, y) => x.line - y.line);
}

/** The folder's overrides and their problems; null when it has no overrides.yaml. */
export async function readOverrides(dir: string, cwd: string, ladder: Ladder, options: CheckOptions = {}): Promise<OverridesRead | null> {
  const path = join(dir, OVERRIDES_FILE);
  if (!existsSync(path)) return null;
  const text = readText(path, cwd);
  return { display: displayPath(path, cwd), ...(await readOverridesText(text, ladder, options)) };
}

/** The folder's overrides for matching: any problem validate reports stops the command, naming its line. */
export async function loadOverrides(dir: string, cwd: string, ladder: Ladder, options: CheckOptions = {}): Promise<OverrideTable | null> {
  const read = await readOverrides(dir, cwd, ladder, options);
  if (read === null) return null;
  if (read.problems.length > 0) {
    const p = read.problems[0]!;
    const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more)` : '';
    throw new DataError(`invalid overrides: ${read.display}:${p.line}: ${p.message}${more}`, `run \`leveler validate --data ${displayPath(dir, cwd)}\` to list every problem`);
  }
  return read.table;
}
