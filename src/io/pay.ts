// The pay table (data/pay.json, built by scripts/build-pay.mjs from the aijobs.net salary survey and
// BLS OEWS), read on first use: the ladder folder's own when it has one, else the shipped one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PayTable } from '../core/pay.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';

export const PAY_FILE = 'pay.json';
const REBUILD = 'rebuild it with npm run build && node scripts/build-pay.mjs';

export function loadPay(ladderDir: string, cwd: string): PayTable {
  const own = join(ladderDir, PAY_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), PAY_FILE);
  let data: Partial<PayTable>;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Partial<PayTable>;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (e as NodeJS.ErrnoException).code ? 'cannot be read' : 'not valid JSON';
    throw new DataError(`cannot read the pay table: ${displayPath(path, cwd)}: ${why}`, REBUILD);
  }
  if (typeof data.survey?.cells !== 'object' || typeof data.oews?.occupations !== 'object') {
    throw new DataError(`the pay table ${displayPath(path, cwd)} is not one leveler built`, REBUILD);
  }
  return data as PayTable;
}

/** The pay table of a ladder folder, read when first asked for. */
export function paySource(ladderDir: string, cwd: string): () => PayTable {
  let table: PayTable | undefined;
  return () => (table ??= loadPay(ladderDir, cwd));
}
