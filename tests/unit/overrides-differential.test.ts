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

describe('the line reader of overrides gives what the YAML parser gives', () => {
  it('on 3,000 random one-entry files', async () => {
    let fastOnes = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomOverrides(seed, 1);
      const { fast, yaml } = await bothWays(text);
      if (fast === null) continue;
      fastOnes++;
      expect({ entries: fast.table.entries(), problems: fast.problems }, JSON.stringify(text)).toEqual(yaml);
    }
    // Most lines are the usual form: the comparison is not vacuous.
    expect(fastOnes).toBeGreaterThan(1500);
  });

  it('on 400 random files of 30 entries, duplicates and comments among them', async () => {
    let fastOnes = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomOverrides(100_000 + seed, 30, 0.1);
      const { fast, yaml } = await bothWays(text);
      if (fast === null) continue;
      fastOnes++;
      expect({ entries: fast.table.entries(), problems: fast.problems }, JSON.stringify(text)).toEqual(yaml);
    }
    expect(fastOnes).toBeGreaterThan(100);
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
