// The pay table (data/pay.tsv, built by scripts/build-pay.mjs from the aijobs.net salary survey and
// BLS OEWS): a header line, then one sorted line per survey cell and per OEWS occupation, searched in
// place (a card reads two lines, never the whole table). The ladder folder's own when it has one.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OewsRow, PayTable, SurveyCell } from '../core/pay.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';
import { SortedFile } from './sorted-file.js';

export const PAY_FILE = 'pay.tsv';
const MAGIC = 'leveler-pay 1\t';
const REBUILD = 'rebuild it with npm run build && node scripts/build-pay.mjs';

/** "132000" -> 132000; "#" stays "#" (OEWS's top code); "" -> null. */
const wage = (v: string | undefined): number | '#' | null => (v === '#' ? '#' : v === undefined || v === '' ? null : Number(v));

export function loadPay(ladderDir: string, cwd: string): PayTable {
  const own = join(ladderDir, PAY_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), PAY_FILE);
  let head: string;
  let size: number;
  try {
    size = statSync(path).size;
    const fd = openSync(path, 'r');
    const buffer = Buffer.alloc(Math.min(size, 16 * 1024));
    readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    head = buffer.toString('utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the pay table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
  const end = head.indexOf('\n');
  let meta: Pick<PayTable, 'survey' | 'oews'>;
  try {
    if (!head.startsWith(MAGIC) || end < 0) throw new Error('no header');
    meta = JSON.parse(head.slice(MAGIC.length, end)) as Pick<PayTable, 'survey' | 'oews'>;
    if (typeof meta.survey?.minimum !== 'number' || typeof meta.oews?.topCode !== 'number') throw new Error('no header');
  } catch {
    throw new DataError(`the pay table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  }
  const lines = new SortedFile(path, Buffer.byteLength(head.slice(0, end + 1)), size);
  return {
    ...meta,
    cell(family, level, region): SurveyCell | undefined {
      const rest = lines.get(`survey ${family} ${level} ${region}`);
      if (rest === undefined) return undefined;
      const [n, p25, p50, p75] = rest.split('\t').map(Number);
      return p50 === undefined ? { n: n! } : { n: n!, p25: p25!, p50, p75: p75! };
    },
    occupation(soc): OewsRow | undefined {
      const rest = lines.get(`oews ${soc}`);
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
