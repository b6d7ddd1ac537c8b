// batch's level hints: a seniority column of the file's own (--level-hint-column), each distinct
// value read once as a level by the ladder's `levelHints`; without the flag, a column that looks
// like one is named on stderr, so that a file of "SE" and "MI" rows is not levelled blind.
import { findHintColumn } from '../core/batch.js';
import { hintLevel, type LevelHint } from '../core/hints.js';
import type { Ladder } from '../core/types.js';
import type { Io } from '../io/terminal.js';
import { shown } from '../output/shown.js';
import { namedColumn } from './table-input.js';

export interface HintColumn {
  column: number;
  /** The hint a cell gives: null for an empty cell or a value the ladder does not read as a level. */
  of(cell: string | undefined): LevelHint | null;
}

const MAX_VALUES = 10_000;
const UNKNOWN_SAID = 3;

/** The hint column --level-hint-column names, or null; without the flag, says on stderr which column could be one. */
export function hintColumn(header: string[], flags: { levelHintColumn?: string; header?: boolean; quiet?: boolean }, where: string, io: Io, ladder: Ladder): HintColumn | null {
  if (flags.levelHintColumn === undefined) {
    const likely = flags.header === false ? -1 : findHintColumn(header);
    if (likely >= 0 && !flags.quiet) {
      io.stderr.write(`leveler: column ${shown(header[likely]!)} looks like a level of the file's own; read it where a title has no level marker with --level-hint-column ${shown(header[likely]!)}\n`);
    }
    return null;
  }
  const column = namedColumn(header, flags.levelHintColumn, 'level hint', '--level-hint-column', where, -1, true);
  if (!flags.quiet) io.stderr.write(`leveler: level hints from column ${shown(header[column]!)} where a title has no level marker\n`);
  const seen = new Map<string, LevelHint | null>();
  let unknown = 0;
  return {
    column,
    of(cell) {
      if (cell === undefined || cell === '') return null;
      let hint = seen.get(cell);
      if (hint === undefined) {
        const level = hintLevel(ladder, cell);
        hint = level === null ? null : { value: cell.trim(), level };
        // A value the ladder does not read (a typo, a scale of the file's own): said for the first few, then left.
        if (level === null && !flags.quiet && cell.trim() !== '' && unknown++ < UNKNOWN_SAID) {
          io.stderr.write(`leveler: warning: ${where}: level hint ${shown(cell)} is none the ladder reads (levelHints in ladder.yaml, or a level code); those rows are levelled without it\n`);
        }
        if (seen.size < MAX_VALUES) seen.set(cell, hint);
      }
      return hint;
    },
  };
}
