// The line reader of overrides.yaml against the YAML parser it stands in for: wherever the line
// reader takes a file, both give the same entries and the same problems.
import { describe, expect, it } from 'vitest';
import { checkOverrides, readOverrideLines } from '../../src/core/overrides.js';
import { readOverridesText } from '../../src/io/overrides.js';
import { readOverridesYaml } from '../../src/io/overrides-yaml.js';
import { randomOverrides } from '../overrides-reference.js';
import { shippedLadder } from '../helpers.js';

const known = (code: string) => code !== '99-9999.99';

async function bothWays(text: string) {
  const { ladder } = await shippedLadder();
  const normal = text.replace(/\r(?!\n)/g, '\n');
  const fast = readOverrideLines(normal);
  const yaml = readOverridesYaml(normal);
  const viaYaml = checkOverrides(yaml.raw, ladder, { knownOccupation: known });
  return {
    fast: fast === null ? null : checkOverrides(fast.entries, ladder, { knownOccupation: known }),
    yaml: { entries: viaYaml.table.entries(), problems: [...yaml.problems, ...viaYaml.problems].sort((a, b) => a.line - b.line) },
  };
}

/** Compares the two readers on each text the line reader takes; how many it took. */
async function compareOn(texts: string[]): Promise<number> {
  let fastOnes = 0;
  for (const text of texts) {
    const { fast, yaml } = await bothWays(text);
    if (fast === null) continue;
    fastOnes++;
    expect({ entries: fast.table.entries(), problems: fast.problems }, JSON.stringify(text)).toEqual(yaml);
  }
  return fastOnes;
}

const seeds = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('the line reader of overrides gives what the YAML parser gives', () => {
  it('on 3,000 random one-entry files', async () => {
    // Most lines are the usual form: the comparison is not vacuous.
    expect(await compareOn(seeds(1, 3000).map((seed) => randomOverrides(seed, 1)))).toBeGreaterThan(1500);
  });

  it('on 400 random files of 30 entries, duplicates and comments among them', async () => {
    expect(await compareOn(seeds(100_001, 400).map((seed) => randomOverrides(seed, 30, 0.1)))).toBeGreaterThan(100);
  });

  it('reads a file whichever reader takes it, with the same problems as validate lists', async () => {
    const { ladder } = await shippedLadder();
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomOverrides(200_000 + seed, 12);
      const read = await readOverridesText(text, ladder, { knownOccupation: known });
      const { yaml } = await bothWays(text);
      expect({ entries: read.table.entries(), problems: read.problems }).toEqual(yaml);
    }
  });
});
