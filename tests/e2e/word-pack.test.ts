// The build's pack of the word table (dist/occupation-words.pack) is an aid, never a difference: a
// batch of the built package gives the same bytes with it, without it, with a pack of other bytes
// and with one cut short; the pack is read only for the table it was made from.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptanceFile, copyBuiltPackage } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-pack-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the built package (bin/ and dist/, the shipped data beside them), its pack as `pack` says. */
function copy(name: string, pack: 'shipped' | 'none' | 'other' | 'short'): string {
  const root = copyBuiltPackage(join(temp, name));
  const file = join(root, 'dist', 'occupation-words.pack');
  if (pack === 'none') rmSync(file);
  // Cut short: its head is whole, its arrays are not.
  if (pack === 'short') writeFileSync(file, readFileSync(file).subarray(0, 1 << 20));
  if (pack === 'other') {
    // The head names the table by its digest: one of other bytes, the pack's content unchanged.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"digest":"') + '"digest":"'.length;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(file, bytes);
  }
  return root;
}

/** How the copy's model reads the table after `lookups` feature lookups. */
function reading(root: string, lookups: number): string {
  const script = `const lib = await import(${JSON.stringify(join(root, 'dist', 'internal.js'))});
const model = lib.occupationSource(lib.shippedDataDir(), ${JSON.stringify(temp)}).model();
for (let i = 0; i < ${lookups}; i++) model.feature('nurse' + i);
model.feature('nurse');
process.stdout.write(model.reading());`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout;
}

/** Distinct titles enough for a batch to read the table whole: the acceptance titles, with ranks before and places after. */
function titlesFile(): string {
  const titles = readFileSync(acceptanceFile(), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]!).filter(Boolean);
  const ranks = ['', 'Senior ', 'Jr. '];
  const places = ['', ' - Austin, TX', ' (Remote)', ', Berlin', ' - New York'];
  const path = join(temp, 'titles.csv');
  writeFileSync(path, `title\n${titles.flatMap((t) => ranks.flatMap((r) => places.map((p) => `"${(r + t + p).replaceAll('"', '""')}"`))).join('\n')}\n`);
  return path;
}

describe("the build's pack of the word table", () => {
  const shipped = copy('shipped', 'shipped');
  const none = copy('none', 'none');
  const other = copy('other', 'other');
  const short = copy('short', 'short');

  it('is read for the table it was made from, once lookups are many; not without it, for other bytes, nor cut short', () => {
    expect(reading(shipped, 10)).toBe('lines');
    expect(reading(shipped, 500)).toBe('pack');
    expect(reading(none, 500)).toBe('body');
    expect(reading(other, 500)).toBe('body');
    expect(reading(short, 500)).toBe('body');
  });

  it('changes nothing: a batch gives the same bytes with it, without it, with one of other bytes and with one cut short', () => {
    const file = titlesFile();
    const run = (root: string, format: string) =>
      spawnSync(process.execPath, [join(root, 'bin', 'leveler.js'), 'batch', file, '--format', format, '--threads', '1', '-q'], { cwd: temp, encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const format of ['csv', 'ndjson']) {
      const want = run(shipped, format);
      expect(want.status).toBe(0);
      expect(want.stdout.split('\n').length).toBeGreaterThan(1000);
      for (const root of [none, other, short]) {
        const got = run(root, format);
        expect(got.status).toBe(0);
        expect(got.stdout).toBe(want.stdout);
      }
    }
  });
});
