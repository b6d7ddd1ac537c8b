// The places a title's end may name (data/places.tsv, written by hand: U.S. states and cities,
// countries, regions, world cities, ways of working), read on the first title; the ladder folder's
// own file when it has one. See src/core/stages/places.ts for how a title's place is cut.
//
//   line 1: "leveler places 1"
//   then:   "place<TAB>words" or "weak<TAB>words"; blank lines and lines starting with # are skipped
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexPlaces, type PlaceEntry, type PlaceIndex } from '../core/stages/places.js';
import { DataError } from '../errors.js';
import { displayPath, shippedDataDir } from './ladder.js';

export const PLACES_FILE = 'places.tsv';
const MAGIC = 'leveler places 1';
const HINT = `each line is "place" or "weak", a tab, then the place's words in lower case (see the shipped data/${PLACES_FILE})`;

/**
 * The places of the ladder folder's own file when it has one, else the shipped ones; read on first
 * use, and indexed only when a title's last word ends a line of the file: a cold `match` of a
 * title with no place ("Associate ML") reads the file's text but parses none of its lines.
 */
export function placeSource(ladderDir: string, cwd: string): () => PlaceIndex {
  const own = join(ladderDir, PLACES_FILE);
  const path = existsSync(own) ? own : join(shippedDataDir(), PLACES_FILE);
  let index: PlaceIndex | undefined;
  let text: string | undefined;
  let plain = false;
  const full = (): PlaceIndex => (index ??= indexPlaces(parsePlaces(text ?? readText(path, cwd), displayPath(path, cwd))));
  const lazy: PlaceIndex = {
    get byFirst() {
      return full().byFirst;
    },
    lastWords: {
      has(word) {
        if (index !== undefined) return index.lastWords.has(word);
        if (text === undefined) {
          text = readText(path, cwd);
          // One space between words and none at a line's end (comments aside): then a word that ends a place ends a line after a tab or a space.
          plain = !/^(?!#)[^\n]*(?:[ \t]\r?$| {2}|\t )/m.test(text);
        }
        if (plain && !text.includes(`\t${word}\n`) && !text.includes(` ${word}\n`) && !text.includes(`\t${word}\r\n`) && !text.includes(` ${word}\r\n`)) return false;
        return full().lastWords.has(word);
      },
    },
    parts: new Map(),
  };
  return () => index ?? lazy;
}

function readText(path: string, cwd: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new DataError(`cannot read the places: ${displayPath(path, cwd)}: ${why}`, `restore data/${PLACES_FILE}, or remove the ladder folder's own`);
  }
  // The last line ends as the others do.
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function readPlaces(path: string, cwd: string): PlaceEntry[] {
  return parsePlaces(readText(path, cwd), displayPath(path, cwd));
}

/** The entries of a places file's text; a line that is not one throws a DataError naming `name` and the line. */
export function parsePlaces(text: string, name: string): PlaceEntry[] {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== MAGIC) throw new DataError(`${name}: line 1: not a places file (it starts "${MAGIC}")`, HINT);
  const entries: PlaceEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const kind = tab < 0 ? line : line.slice(0, tab);
    const words = tab < 0 ? [] : line.slice(tab + 1).split(' ').filter((w) => w !== '');
    if ((kind !== 'place' && kind !== 'weak') || words.length === 0) throw new DataError(`${name}: line ${i + 1}: not a place: ${JSON.stringify(line.slice(0, 60))}`, HINT);
    const bad = words.find((w) => w !== w.toLowerCase() || /[\s.'’,;:|()[\]{}]/.test(w));
    if (bad !== undefined) throw new DataError(`${name}: line ${i + 1}: "${bad}" is not a word as leveler reads it (lower case, no dots, apostrophes or breaks)`, HINT);
    entries.push({ words, strong: kind === 'place' });
  }
  return entries;
}
