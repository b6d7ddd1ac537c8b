// The batch shortcut for years: two years values with the same key get the same answer, and every
// key a title can have has a stand-in. Checked on every labelled title, for years 0 to 80 by quarters.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/match.js';
import { acceptanceFile, readCsvFixture, shippedMatcher } from '../helpers.js';

const titles = [...new Set(readCsvFixture(acceptanceFile()).map((r) => r.title!))];
const allYears = Array.from({ length: 321 }, (_, i) => i / 4);

describe('Matcher.yearsKey and standInYears', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await shippedMatcher();
  });

  it('give, for every title and years value, the answer the years themselves give', () => {
    let checked = 0;
    for (const title of titles) {
      const reading = matcher.readTitle(title);
      const standIns = new Map(matcher.standInYears(reading));
      for (const years of allYears) {
        const key = matcher.yearsKey(reading, years);
        expect(standIns.has(key), `${title} at ${years} years: key ${key} has no stand-in`).toBe(true);
        const direct = matcher.decide(reading, years, 3, false).match;
        const viaKey = matcher.decide(reading, standIns.get(key)!, 3, false).match;
        expect(viaKey, `${title} at ${years} years`).toEqual(direct);
        checked++;
      }
    }
    expect(checked).toBe(titles.length * allYears.length);
  });

  it('tell titles with a marker apart from titles read by years alone', () => {
    const marked = matcher.readTitle('Senior ML Engineer');
    const unmarked = matcher.readTitle('ML Engineer');
    expect(new Set(matcher.standInYears(marked).map(([key]) => key))).toEqual(new Set([1, 0.85, 0.7, 0.55]));
    expect(matcher.standInYears(unmarked).length).toBe(6);
  });

  it('decide without explaining gives the same match, and no reasons or alternatives, from a lean reading too', () => {
    for (const title of titles) {
      const reading = matcher.readTitle(title);
      const full = matcher.decide(reading, 4);
      const brief = matcher.decide(reading, 4, 3, false);
      expect(brief.match).toEqual(full.match);
      expect(brief.reasons).toEqual([]);
      expect(brief.alternatives).toEqual([]);
      // A lean reading (no runners-up, no evidence), as a batch without reasons reads: the same answer.
      const lean = matcher.readTitle(title, null, null, true);
      for (const years of [null, 0.5, 4, 12]) expect(matcher.decide(lean, years, 3, false), `${title} at ${years} years`).toEqual(matcher.decide(reading, years, 3, false));
    }
  });

  it('will not explain a lean reading: it has no runners-up or evidence to show', () => {
    const lean = matcher.readTitle('Registered Nurse', null, null, true);
    expect(() => matcher.decide(lean, null)).toThrow(/a lean reading has no reasons to explain/);
    expect(matcher.decide(matcher.readTitle('Registered Nurse'), null).reasons.length).toBeGreaterThan(0);
  });
});
