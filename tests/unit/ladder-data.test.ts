// The shipped ladder as product content: the P1 card is the seed, item by item; the other cards
// grow up the ladder without copy-paste; every common title of a card levels to that card.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCard } from '../../src/core/cards.js';
import type { Matcher } from '../../src/core/match.js';
import type { Card, Ladder } from '../../src/core/types.js';
import { acceptanceFile, FIXTURES, readCsvFixture, shippedLadder, shippedMatcher } from '../helpers.js';

let ladder: Ladder;
let matcher: Matcher;
beforeAll(async () => {
  ladder = (await shippedLadder()).ladder;
  matcher = await shippedMatcher();
});

const family = () => ladder.families.find((f) => f.id === 'ai-ml')!;
const cards = (): Card[] => ladder.levels.map((l) => buildCard(ladder, l, family()));

/** The seed card's sections, by heading. */
function seedSections(): Map<string, string[]> {
  const lines = readFileSync(join(FIXTURES, 'seed-p1-ai-ml.txt'), 'utf8').split('\n');
  const headings = ['What this level means', "What you'd do", 'Skills, knowledge & tools', 'What good looks like', 'Common titles', 'What it pays'];
  const sections = new Map<string, string[]>([['head', []]]);
  let current = 'head';
  for (const line of lines) {
    if (headings.includes(line.trim())) sections.set((current = line.trim()), []);
    else if (line.startsWith('O*NET / SOC:')) sections.set('soc', [line.slice('O*NET / SOC:'.length).trim()]);
    else if (line.trim() !== '') sections.get(current)!.push(line.trim());
  }
  return sections;
}
const items = (lines: string[]) => lines.map((l) => l.replace(/^- /, ''));

describe('the P1 card reproduces the seed', () => {
  it('level, name and role', () => {
    const [title, role] = seedSections().get('head')!;
    const p1 = cards()[0]!;
    expect(title).toBe(`P1${p1.level} — ${p1.levelName}`);
    expect(role).toBe(p1.role);
  });

  it('summary', () => {
    expect(seedSections().get('head')![2]).toBe(cards()[0]!.summary);
  });

  it('what the level means, and the seven dimensions', () => {
    const [meaning, ...pairs] = items(seedSections().get('What this level means')!);
    const p1 = cards()[0]!;
    expect(meaning).toBe(p1.meaning);
    const d = p1.dimensions;
    expect(pairs).toEqual([
      'Scope', d.scope, 'Autonomy', d.autonomy, 'Complexity', d.complexity, 'Impact', d.impact,
      'Decision rights', d.decisionRights, 'Leadership', d.leadership, 'Typical experience', d.typicalExperience,
    ]);
  });

  it.each([
    ["What you'd do", 'tasks'],
    ['Skills, knowledge & tools', 'skills'],
    ['What good looks like', 'qualifications'],
  ] as const)('%s: every item, in order', (heading, field) => {
    expect(cards()[0]![field]).toEqual(items(seedSections().get(heading)!));
  });

  it('common titles: the sixteen titles the scraped run-on line is made of', () => {
    const p1 = cards()[0]!;
    expect(p1.commonTitles).toHaveLength(16);
    expect(p1.commonTitles.join('')).toBe(seedSections().get('Common titles')![0]);
  });

  it('pay note and SOC line', () => {
    const p1 = cards()[0]!;
    expect(seedSections().get('What it pays')).toEqual([p1.pay]);
    expect(seedSections().get('soc')).toEqual([`${p1.soc!.code} — ${p1.soc!.title} (inferred)`]);
  });
});

describe('the other cards', () => {
  it('every level has a full card', () => {
    expect(cards()).toHaveLength(12);
    for (const c of cards()) {
      expect(c.role, c.level).toBeTruthy();
      expect(c.summary, c.level).toMatch(new RegExp(`^${c.level} is `));
      expect(c.tasks.length, c.level).toBeGreaterThanOrEqual(6);
      expect(c.skills.length, c.level).toBeGreaterThanOrEqual(6);
      expect(c.qualifications.length, c.level).toBeGreaterThanOrEqual(3);
      expect(c.commonTitles.length, c.level).toBeGreaterThanOrEqual(5);
    }
  });

  it('no task, skill or qualification is copied from one card to another, even with a word changed', () => {
    const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]+/g) ?? []);
    const similar = (a: string, b: string) => {
      const x = words(a);
      const y = words(b);
      const shared = [...x].filter((w) => y.has(w)).length;
      return shared / (x.size + y.size - shared);
    };
    const all = cards().flatMap((c) => [...c.tasks, ...c.skills, ...c.qualifications].map((text) => ({ level: c.level, text })));
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (all[i]!.level === all[j]!.level) continue;
        expect(similar(all[i]!.text, all[j]!.text), `${all[i]!.level} "${all[i]!.text}" ~ ${all[j]!.level} "${all[j]!.text}"`).toBeLessThan(0.6);
      }
    }
  });

  it('every common title of a card levels to that card', () => {
    for (const c of cards()) {
      for (const title of c.commonTitles) {
        const m = matcher.match(title).match;
        expect(`${title} -> ${m?.level}/${m?.family}`).toBe(`${title} -> ${c.level}/ai-ml`);
      }
    }
  });

  it('typical experience matches the years band', () => {
    for (const c of cards()) {
      const band = c.years.max === null ? `${c.years.min}+ yrs` : `${c.years.min}–${c.years.max} yrs`;
      expect(c.dimensions.typicalExperience, c.level).toBe(band);
    }
  });
});

describe('acceptance titles', () => {
  const rows = readCsvFixture(acceptanceFile());
  it.each(rows.map((r) => [r.title!, r.years!, r.level!, r.family!]))('%j (%s yrs) -> %s/%s', (title, years, lvl, fam) => {
    const m = matcher.match(title, { years: years === '' ? null : Number(years) }).match;
    expect({ level: m?.level ?? '', family: m?.family ?? '' }).toEqual({ level: lvl, family: fam });
  });
});
