// The occupation stage: a title's words, its features, the vote, and the matcher that levels a
// title of no family by its O*NET occupation, on the track of its Job Zone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/match.js';
import { tokenize } from '../../src/core/normalize.js';
import { bestOf, classifyOccupation, occupationFeatures, occupationKey, occupationPartsKey, occupationWords, singular, type FeatureEntry, type OccupationModel } from '../../src/core/occupation.js';
import { shippedMatcher } from '../helpers.js';

const words = (title: string) => occupationWords(tokenize(title), new Set());

describe('occupation words and features', () => {
  it.each([
    ['nurses', 'nurse'],
    ['cookies', 'cooky'],
    ['analytics', 'analytics'],
    ['business', 'business'],
    ['status', 'status'],
    ['gas', 'gas'],
  ])('singular(%j) is %j', (word, one) => {
    expect(singular(word)).toBe(one);
  });

  it('keeps words, not numbers, codes, filler or single letters, and skips what the markers took', () => {
    expect(occupationKey(words('Cooks, Restaurant'))).toBe('cook restaurant');
    expect(occupationKey(words('Teacher of the Deaf 2 (K-12) x'))).toBe('teacher deaf');
    expect(occupationKey(occupationWords(tokenize('Senior Registered Nurse'), new Set([0])))).toBe('registered nurse');
  });

  it('keys a title by its words, and by its words and parts for the build\'s cache', () => {
    expect(occupationKey(words('Director, Machine Learning'))).toBe('director machine learning');
    expect(occupationPartsKey(words('Director, Machine Learning'))).toBe('director | machine learning');
    expect(occupationPartsKey(words('Director Machine Learning'))).toBe('director machine learning');
  });

  it('has each word, each pair within a part, and the head of the first part', () => {
    expect(occupationFeatures(words('Registered Nurse - Night Shift'))).toEqual(['registered', 'registered nurse', 'nurse', '$nurse', '$registered nurse', 'night', 'night shift', 'shift']);
    expect(occupationFeatures(words('Cashier'))).toEqual(['cashier', '$cashier']);
  });
});

/** A model over a fixed table. */
function model(features: Record<string, FeatureEntry>, exact: Record<string, string> = {}): OccupationModel {
  return { feature: (k) => (Object.hasOwn(features, k) ? { ...features[k]! } : undefined), exact: (k) => (Object.hasOwn(exact, k) ? exact[k] : undefined) };
}

describe('classifyOccupation', () => {
  const m = model({
    nurse: { n: 100, codes: [['29-1141.00', 0.8], ['29-2061.00', 0.2]] },
    $nurse: { n: 100, codes: [['29-1141.00', 0.8], ['29-2061.00', 0.2]] },
    'practical nurse': { n: 20, codes: [['29-2061.00', 1]] },
    'licensed practical': { n: 20, codes: [['29-2061.00', 1]] },
    practical: { n: 30, codes: [['29-2061.00', 0.9], ['13-1111.00', 0.1]] },
    cook: { n: 50, codes: [['35-2014.00', 0.5], ['35-2011.00', 0.5]] },
    'line cook': { n: 8, codes: [['35-2014.00', 0.5], ['35-2011.00', 0.5]] },
  }, { 'line cook': '35-2011.00' });

  it('votes for the occupation of the words, pairs and head, with the runners-up', () => {
    expect(classifyOccupation(m, words('Registered Nurse'))).toMatchObject({ code: '29-1141.00', via: 'words', evidence: 'nurse', others: [{ code: '29-2061.00' }] });
    const lpn = classifyOccupation(m, words('Licensed Practical Nurse'))!;
    expect(lpn.code).toBe('29-2061.00');
    expect(lpn.share).toBeGreaterThan(0.5);
    expect(lpn.share).toBeLessThanOrEqual(1);
  });

  it('sends a title read whole where it is filed, whatever the vote', () => {
    expect(classifyOccupation(m, words('Line Cook'))).toMatchObject({ code: '35-2011.00', via: 'title', evidence: 'line cook' });
    // The same title gives the same answer every time; ties go to the lower code.
    expect(classifyOccupation(m, words('Cook'))).toMatchObject({ code: '35-2011.00', via: 'words' });
    expect(classifyOccupation(m, words('Cook'))!.code).toBe(classifyOccupation(m, words('Cook'))!.code);
  });

  it('finds nothing without a known word', () => {
    expect(classifyOccupation(m, words('asdfgh qwerty'))).toBeNull();
    expect(classifyOccupation(m, [])).toBeNull();
  });

  it('picks, of given occupations, the one the words vote for most (bestOf)', () => {
    expect(bestOf(m, words('Practical Nurse'), ['29-1141.00', '29-2061.00'])).toBe('29-2061.00');
    expect(bestOf(m, words('Nurse'), ['13-1111.00', '29-2061.00'])).toBe('29-2061.00');
    expect(bestOf(m, words('Nurse'), ['11-1011.00'])).toBeNull();
  });
});

describe('the shipped matcher levels a title of no family by its occupation', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await shippedMatcher();
  });
  const answer = (title: string, years: number | null = null) => {
    const m = matcher.match(title, { years }).match;
    return m === null ? 'none' : `${m.level} ${m.track} ${m.family ?? '-'} ${m.occupation?.code.slice(0, 7) ?? '-'} ${m.occupation?.source ?? '-'}`;
  };

  it.each([
    // Job Zones 3-5: the professional track; the default P2 without a marker.
    ['Registered Nurse', null, 'P2 professional - 29-1141 onet'],
    ['Mechanical Engineer', null, 'P2 professional - 17-2141 onet'],
    ['Senior Accountant', null, 'P3 professional - 13-2011 onet'],
    // Job Zones 1-2: the support track, markers read on it.
    ['Cashier', null, 'S2 support - 41-2011 onet'],
    ['Cashier', 0.5, 'S1 support - 41-2011 onet'],
    ['Cashier', 5, 'S3 support - 41-2011 onet'],
    ['Senior Cashier', null, 'S3 support - 41-2011 onet'],
    ['Lead Cook', null, 'S4 support - 35-2014 onet'],
    // A manager's and a supervisor's markers are management, and name the role.
    ['Shift Supervisor', null, expect.stringMatching(/^M1 management - \d\d-\d{4} onet$/)],
    ['Construction Manager', null, 'M2 management - 11-9021 onet'],
    // A family's title has the family's occupations.
    ['Senior Data Scientist', null, 'P3 professional data-science 15-2051 family'],
    ['QA Automation Engineer', null, 'P2 professional software-engineering 15-1253 family'],
    // A rank alone, or no known word, is no occupation and no match.
    ['Associate', null, 'none'],
    ['asdfgh qwerty', null, 'none'],
  ])('%s (%s years) -> %s', (title, years, expected) => {
    expect(answer(title, years)).toEqual(expected);
  });

  it('gives the occupation card: description, tasks, technologies, education, Job Zone, sample titles', () => {
    const m = matcher.match('Registered Nurse').match!;
    expect(m.occupation).toEqual({ code: '29-1141.00', title: 'Registered Nurses', source: 'onet', jobZone: 4, education: expect.any(String) });
    expect(m.role).toBe('Registered Nurses');
    expect(m.summary).toMatch(/patient/i);
    expect(m.tasks.length).toBeGreaterThan(0);
    expect(m.qualifications).toContain('O*NET Job Zone 4: considerable preparation needed');
    expect(m.commonTitles.length).toBeGreaterThan(0);
    expect(m.soc).toEqual({ code: '29-1141.00', title: 'Registered Nurses', inferred: false });
  });

  it('says which words decided, offers the runners-up with their occupation, and folds the vote into the confidence', () => {
    const r = matcher.match('Project Engineer');
    expect(r.reasons.join('\n')).toMatch(/occupation \d\d-\d{4}\.\d\d .* \(O\*NET\) from the (title|words) "project engineer"/);
    expect(r.alternatives.some((a) => a.occupation !== undefined && a.occupation.code !== r.match!.occupation!.code)).toBe(true);
    expect(r.match!.confidence).toBeLessThan(0.5);
    expect(matcher.match('Project Engineer').match!.occupation).toEqual(r.match!.occupation);
  });

  it('reads the years of a support title against the support bands, and batch keys agree', () => {
    const reading = matcher.readTitle('Cashier');
    expect(reading.track).toBe('support');
    for (const [key, years] of matcher.standInYears(reading)) {
      expect(matcher.yearsKey(reading, years)).toBe(key);
      expect(matcher.decide(reading, years, 3, false).match!.track).toBe('support');
    }
  });
});
