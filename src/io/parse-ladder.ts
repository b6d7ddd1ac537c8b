// Parses and validates the ladder's YAML files, collecting every problem with its file and line.
// Loaded only when the prebuilt snapshot cannot be used (an edited or user ladder, or `validate`):
// the YAML parser and the schema library are the slowest imports of the program.
import * as v from 'valibot';
import { LineCounter, parseDocument, isMap, isNode, isScalar, visit, type Document, type Node } from './yaml.js';
import { ConfidenceSchema, FamilyFileSchema, LadderFileSchema, SETTINGS, type LadderFileInput, type LadderSettings } from '../core/schema.js';
import type { FamilyDef, Ladder, LadderFile } from '../core/types.js';
import { checkLadder, type DataPath, type NamedFamily } from '../core/validate.js';
import type { DataFile, Problem } from './ladder.js';

/** Aliases a ladder may use (`*anchor`): a few dozen at most; thousands are an alias bomb. */
const MAX_ALIAS_COUNT = 100;
const UNKNOWN_FIELD = 'unknown field';
/** Keys that would reach an object's prototype machinery instead of becoming data. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What the schema cannot see once YAML is turned into objects: reserved keys, control characters. */
function checkNodes(doc: Document, lines: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : null);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key !== null && RESERVED_KEYS.has(key)) {
        problems.push({ file, line: at(pair.key as Node), message: `"${key}" cannot be used as a key; rename it` });
      }
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      const bad = CONTROL.exec(node.value);
      if (bad) {
        const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        problems.push({ file, line: at(node), message: `a control character (${code}) in text; remove it` });
      }
    },
  });
  return problems;
}

function firstAliasLine(doc: Document, lines: LineCounter): number | null {
  let line: number | null = null;
  visit(doc, {
    Alias(_, node) {
      if (node.range) line = lines.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

interface ParsedFile {
  file: DataFile;
  doc: Document;
  lines: LineCounter;
}

/** Every field of each setting: the shipped ladder sets them all. */
const SETTING_FIELDS: { [K in keyof LadderSettings]: (keyof LadderSettings[K])[] } = {
  confidence: Object.keys(ConfidenceSchema.pipe[0].entries) as (keyof LadderSettings['confidence'])[],
  counts: ['before', 'after'],
  occupationChoice: ['outsideFamily', 'familyOdds', 'managementGroups', 'leaders', 'managersOf'],
};

/**
 * The ladder file with its settings filled in: each value the file leaves out is `inherited`'s
 * (the shipped ladder's); without `inherited` (the shipped ladder itself), every value must be there.
 */
function withSettings(data: LadderFileInput, inherited: LadderSettings | null, file: string, problems: Problem[], line: (path: DataPath) => number | null): LadderFile {
  const filled = { ...data } as unknown as LadderFile;
  for (const key of SETTINGS) {
    const merged = { ...(inherited?.[key] ?? {}), ...(data[key] as object) } as Record<string, unknown>;
    for (const field of SETTING_FIELDS[key] as string[]) {
      if (merged[field] === undefined) problems.push({ file, line: line([key]), message: `${key}.${field}: missing; a ladder that inherits no settings sets every one` });
    }
    (filled as unknown as Record<string, unknown>)[key] = merged;
  }
  return filled;
}

/** One YAML file read against a schema: its data (null when unusable), its problems, and the line of a path in it. */
export interface ParsedData<T> {
  data: T | null;
  problems: Problem[];
  line: (path: DataPath) => number | null;
}

export function parseDataFile<T>(file: DataFile, schema: v.GenericSchema<unknown, T>): ParsedData<T> {
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const p: ParsedFile = { file, doc, lines };
  const done = (data: T | null): ParsedData<T> => ({ data, problems, line: (path) => lineOf(p, path) });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file: file.display, line: lines.linePos(e.pos[0]).line, message: `YAML: ${firstLine(e.message)}` });
    return done(null);
  }
  const shape = checkNodes(doc, lines, file.display);
  if (shape.length > 0) {
    problems.push(...shape);
    return done(null);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    problems.push({ file: file.display, line: firstAliasLine(doc, lines), message: `YAML: ${firstLine((e as Error).message)}` });
    return done(null);
  }
  const result = v.safeParse(schema, data, { abortEarly: false });
  if (result.success) return done(result.output);
  for (const issue of result.issues) {
    const path: DataPath = (issue.path ?? []).map((x) => x.key as string | number);
    problems.push({ file: file.display, line: lineOf(p, path), message: describeIssue(issue, path) });
  }
  // Unknown fields alone leave a usable file: go on, so the checks after the schema can report the rest too.
  return done(result.issues.every((i) => i.message === UNKNOWN_FIELD) ? (result.output as T) : null);
}

export function parseLadder(files: DataFile[], inherited: LadderSettings | null = null): { ladder: Ladder | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = new Map<string, ParsedData<unknown>['line']>();
  const read = <T>(file: DataFile, schema: v.GenericSchema<unknown, T>): T | null => {
    const parsed = parseDataFile(file, schema);
    lines.set(file.display, parsed.line);
    problems.push(...parsed.problems);
    return parsed.data;
  };

  const [ladderFile, ...familyFiles] = files;
  const input: LadderFileInput | null = ladderFile ? read(ladderFile, LadderFileSchema) : null;
  const ladderData = input === null ? null : withSettings(input, inherited, ladderFile!.display, problems, lines.get(ladderFile!.display)!);
  const families: NamedFamily[] = [];
  for (const file of familyFiles) {
    const family: FamilyDef | null = read(file, FamilyFileSchema);
    if (family) families.push({ file: file.display, expectedId: file.name.replace(/\.ya?ml$/, ''), family });
  }
  if (ladderData === null) return { ladder: null, problems };

  for (const p of checkLadder(ladderFile!.display, ladderData, families)) {
    problems.push({ file: p.file, line: lines.get(p.file)!(p.path), message: p.message });
  }
  if (problems.length > 0) return { ladder: null, problems: sortProblems(problems, files) };
  // Level codes are read in any case; the ladder keeps each as its level writes it.
  const defaultLevel = ladderData.levels.find((l) => l.code.toUpperCase() === ladderData.defaultLevel.toUpperCase())!.code;
  return { ladder: { ...ladderData, defaultLevel, families: families.map((f) => f.family) }, problems };
}

/** In file order, then line order: the order a reader fixes them in. */
export function sortProblems(problems: Problem[], files: DataFile[]): Problem[] {
  const order = new Map(files.map((f, i) => [f.display, i]));
  return [...problems].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function pathText(path: DataPath): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? k : `${s}.${k}`), '');
}

function describeIssue(issue: v.BaseIssue<unknown>, path: DataPath): string {
  const where = pathText(path);
  const prefix = where === '' ? '' : `${where}: `;
  if (issue.message === UNKNOWN_FIELD) return `${prefix}unknown field; check its spelling against the README's data format`;
  if (issue.type === 'loose_object' || issue.type === 'object') {
    if (issue.received === 'undefined') return `${prefix}missing (required)`;
  }
  if (issue.message.startsWith('Invalid type:')) {
    if (issue.expected === 'string' && issue.received === 'Object') {
      return `${prefix}expected text, got a "key: value" pair; put the text in quotes when it contains ": "`;
    }
    const expected = issue.expected === 'string' ? 'text' : issue.expected === 'Object' ? 'a mapping' : issue.expected;
    return `${prefix}expected ${expected}, got ${issue.received}`;
  }
  return `${prefix}${issue.message}`;
}

/** The line of the deepest node on `path` that exists (a missing field points at its parent). */
function lineOf(p: ParsedFile, path: DataPath): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = p.doc.getIn(path.slice(0, depth), true);
    const target = depth < path.length ? undefined : keyNode(p.doc, path);
    const located = target ?? (isNode(node) ? node : undefined);
    if (located?.range) return p.lines.linePos(located.range[0]).line;
  }
  return null;
}

/** For a map entry, its key's node: that is the line a reader looks for. */
function keyNode(doc: Document, path: DataPath): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((item) => isNode(item.key) && 'value' in item.key && item.key.value === last);
  return pair && isNode(pair.key) ? pair.key : undefined;
}
