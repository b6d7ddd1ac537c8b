// The pay table (data/pay.tsv, built by scripts/build-pay.mjs from the aijobs.net salary survey and
// BLS OEWS): a header line, then one sorted line per survey cell and per OEWS occupation, found by
// their keys. The ladder folder's own when it has one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OewsRow, PayTable, SurveyCell } from '../core/pay.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';

export const PAY_FILE = 'pay.tsv';
const MAGIC = 'leveler-pay 1\t';
const REBUILD = 'rebuild it with npm run build && node scripts/build-pay.mjs';

/** "132000" -> 132000; "#" stays "#" (OEWS's top code); "" -> null. */
const wage = (v: string | undefined): number | '#' | null => (v === '#' ? '#' : v === undefined || v === '' ? null : Number(v));

export function loadPay(ladderDir: string, cwd: string): PayTable {
  const own = join(ladderDir, PAY_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), PAY_FILE);
  let text: string;
  try {
    // 80 KB: read whole, and searched with indexOf (faster, cold, than a binary search in place).
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the pay table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
  const end = text.indexOf('\n');
  let meta: Pick<PayTable, 'survey' | 'oews'>;
  try {
    if (!text.startsWith(MAGIC) || end < 0) throw new Error('no header');
    meta = JSON.parse(text.slice(MAGIC.length, end)) as Pick<PayTable, 'survey' | 'oews'>;
    if (typeof meta.survey?.minimum !== 'number' || typeof meta.oews?.topCode !== 'number') throw new Error('no header');
  } catch {
    throw new DataError(`the pay table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  }
  /** The rest of the line whose key is `key`. */
  const line = (key: string): string | undefined => {
    const at = text.indexOf(`\n${key}\t`, end);
    if (at < 0) return undefined;
    const from = at + key.length + 2;
    const stop = text.indexOf('\n', from);
    return text.slice(from, stop < 0 ? text.length : stop);
  };
  let regions: string[] | undefined;
  return {
    ...meta,
    regions() {
      if (regions === undefined) {
        const found = new Set<string>();
        for (const m of text.matchAll(/\nsurvey \S+ \S+ ([A-Z]{2})\t/g)) found.add(m[1]!);
        regions = [...found].sort();
      }
      return regions;
    },
    cell(family, level, region): SurveyCell | undefined {
      const rest = line(`survey ${family} ${level} ${region}`);
      if (rest === undefined) return undefined;
      const [n, p25, p50, p75] = rest.split('\t').map(Number);
      return p50 === undefined ? { n: n! } : { n: n!, p25: p25!, p50, p75: p75! };
    },
    occupation(soc): OewsRow | undefined {
      const rest = line(`oews ${soc}`);
      if (rest === undefined) return undefined;
      const [title, p10, p25, p50, p75, p90] = rest.split('\t');
      return { title: title!, p10: wage(p10), p25: wage(p25), p50: wage(p50), p75: wage(p75), p90: wage(p90) };
    },
  };
}

/** The pay table of a ladder folder, read when first asked for. */
export function paySource(ladderDir: string, cwd: string): () => PayTable {
  let table: PayTable | undefined;
  return () => (table ??= loadPay(ladderDir, cwd));
}
