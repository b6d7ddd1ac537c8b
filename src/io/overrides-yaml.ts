// overrides.yaml through the YAML parser: any form YAML allows (the mapping form `"MTS 3": { level:
// P3 }`, escapes, block scalars). The reference that the line reader of src/core/overrides.ts stands
// in for; loaded only for a file that reader leaves to it.
import { escapeControls } from '../core/controls.js';
import type { OverrideProblem } from '../core/overrides.js';
import { LineCounter, isMap, isScalar, parseDocument } from './yaml.js';

export interface RawOverrides {
  raw: { title: string; value: unknown; line: number }[];
  problems: OverrideProblem[];
}

const FIELDS = ['level', 'family', 'occupation'];

export function readOverridesYaml(text: string): RawOverrides {
  const lines = new LineCounter();
  // A title given twice is reported by the check every entry goes through, as the line reader's are.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = lines.linePos(e.pos[0]);
    // The parser's message names the line and column and quotes the source after it: the line is ours to give.
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { raw: [], problems: [{ line: at.line, message: `YAML: ${escapeControls(message)} (column ${at.col})` }] };
  }
  // The entries may stand at the top, or under "overrides:".
  let root = doc.contents;
  if (isMap(root) && root.items.length === 1 && isScalar(root.items[0]!.key) && root.items[0]!.key.value === 'overrides') root = root.items[0]!.value as typeof root;
  if (root === null || root === undefined) return { raw: [], problems: [] };
  if (!isMap(root)) return { raw: [], problems: [{ line: 1, message: 'must map titles to levels ("MTS 3: P3")' }] };
  const raw: RawOverrides['raw'] = [];
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
      const unknown = Object.keys(o).filter((k) => !FIELDS.includes(k));
      if (unknown.length > 0) {
        const fields = unknown.map((k) => `"${escapeControls(k)}"`).join(', ');
        problems.push({ line, message: `override "${escapeControls(String(pair.key.value))}": unknown field ${fields}; use ${FIELDS.join(', ')}` });
        continue;
      }
      // The mapping form reads as the line form's value: "LEVEL FAMILY CODE".
      value = FIELDS.map((k) => o[k]).filter((x) => x !== undefined && x !== null).join(' ');
    }
    raw.push({ title: String(pair.key.value), value, line });
  }
  return { raw, problems };
}
