// The occupation index (data/occupations.json, built by scripts/build-occupations.mjs from O*NET),
// read only by the commands that need it: a family title never pays for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OccupationIndex } from '../core/occupations.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';

export const OCCUPATIONS_FILE = 'occupations.json';

/** The ladder folder's own index when it has one, else the shipped one. */
export function loadOccupations(ladderDir: string, cwd: string): OccupationIndex {
  const own = join(ladderDir, OCCUPATIONS_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), OCCUPATIONS_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON';
    throw new DataError(`cannot read the occupation index: ${displayPath(path, cwd)}: ${why}`, 'rebuild it with node scripts/build-occupations.mjs');
  }
  const index = data as Partial<OccupationIndex>;
  if (!Array.isArray(index.occupations) || typeof index.version !== 'string') {
    throw new DataError(`the occupation index ${displayPath(path, cwd)} is not one leveler built`, 'rebuild it with node scripts/build-occupations.mjs');
  }
  return index as OccupationIndex;
}
