// The occupation stage: a title's words, its features, the vote, and the matcher that levels a
// title of no family by its O*NET occupation, on the track of its Job Zone.
import { said } from '../helpers.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/match.js';
import { tokenize } from '../../src/core/normalize.js';
import { classifyOccupation, familyChoice, likeliestOccupation, occupationFeatures, occupationKey, occupationPartsKey, occupationWords, type OccupationModel } from '../../src/core/occupation.js';
import { featureEntry, singular } from '../../src/core/occupation-table.js';
import { ROOT, shippedMatcher } from '../helpers.js';
import { occupationSource } from '../../src/io/occupations.js';
import { shippedDataDir } from '../../src/io/ladder.js';

const words = (title: string) => occupationWords(tokenize(title), new Set());

describe('the likeliest occupation (what the family check asks)', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await shippedMatcher();
  });
  it.each(['Registered Nurse', 'Data Analyst - Austin, TX', 'Machine Learning Engineer', 'Senior Cook', 'Research Scientist, Biology', 'Software Engineer in Test', 'asdfgh qwerty', 'Remote', 'Computer Vision Scientist'])(
    'is the code and share classifyOccupation() puts first: %j',
    (title) => {
      const model = occupationSource(shippedDataDir(), ROOT).model();
      const w = matcher.occupationWordsOf(title);
      const full = classifyOccupation(model, w, 0);
      expect(likeliestOccupation(model, w)).toEqual(full && { code: full.code, share: full.share });
    },
  );
});

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

/** A model over a fixed table of weights (written in units here, held in whole tenths as the table stores them), scoring ten occupations (those named, and others no feature names). */
function model(features: Record<string, [code: string, weight: number][]>, exact: Record<string, { code: string; share: number }> = {}): OccupationModel {
  const named = [...new Set(Object.values(features).flatMap((f) => f.map(([c]) => c)))];
  const codes = [...named, ...Array.from({ length: 10 - named.length }, (_, i) => `99-999${i}.00`)].sort();
  return {
    codes,
    scale: 1,
    feature: (k) => (Object.hasOwn(features, k) ? featureEntry(features[k]!.map(([c, w]) => [codes.indexOf(c), Math.round(w * 10)] as const)) : undefined),
    exact: (k) => (Object.hasOwn(exact, k) ? exact[k] : undefined),
  };
}

describe('classifyOccupation', () => {
  const m = model({
    nurse: [['29-1141.00', 2], ['29-2061.00', 0.5]],
    $nurse: [['29-1141.00', 2], ['29-2061.00', 0.5]],
    'practical nurse': [['29-2061.00', 3], ['29-1141.00', -1]],
    'licensed practical': [['29-2061.00', 2]],
    practical: [['29-2061.00', 1.5], ['13-1111.00', 0.2]],
    cook: [['35-2014.00', 1], ['35-2011.00', 1]],
    'line cook': [['35-2014.00', 0.5], ['35-2011.00', 0.5]],
    volunteer: [['29-1141.00', -1]],
  }, { 'line cook': { code: '35-2011.00', share: 0.6 } });
  // The softmax over ten occupations, those no feature names scoring 0.
  const softmax = (scores: number[], of: number) => Math.exp(of) / (scores.reduce((sum, v) => sum + Math.exp(v), 0) + (10 - scores.length));

  it('adds up the weights of the words, pairs and head, with the runners-up', () => {
    // nurse + $nurse: 4 for registered nurses, 1 for practical nurses.
    expect(classifyOccupation(m, words('Registered Nurse'))).toEqual({
      code: '29-1141.00',
      share: Math.round(softmax([4, 1], 4) * 100) / 100,
      via: 'words',
      evidence: 'nurse',
      others: [{ code: '29-2061.00', share: Math.round(softmax([4, 1], 1) * 100) / 100 }],
    });
    // A pair can speak against an occupation its words speak for: 7.5 against 3.
    const lpn = classifyOccupation(m, words('Licensed Practical Nurse'))!;
    expect(lpn).toMatchObject({ code: '29-2061.00', evidence: 'practical nurse' });
    expect(lpn.share).toBe(Math.round(softmax([7.5, 3, 0.2], 7.5) * 100) / 100);
  });

  it('sends a title read whole where it is filed, whatever the scores', () => {
    // As sure as the titles read so agree (60%); the runner-up shares the rest by its probability.
    expect(classifyOccupation(m, words('Line Cook'))).toEqual({
      code: '35-2011.00',
      share: 0.6,
      via: 'title',
      evidence: 'line cook',
      others: [{ code: '35-2014.00', share: Math.round(softmax([1.5, 1.5], 1.5) * 0.4 * 100) / 100 }],
    });
    // The same title gives the same answer every time; ties go to the lower code.
    expect(classifyOccupation(m, words('Cook'))).toMatchObject({ code: '35-2011.00', via: 'words', share: Math.round(softmax([1, 1], 1) * 100) / 100 });
    expect(classifyOccupation(m, words('Cook'))!.code).toBe(classifyOccupation(m, words('Cook'))!.code);
  });

  it.each([
    ['no known word', 'asdfgh qwerty'],
    ['words that only speak against an occupation', 'Volunteer'],
    ['no words', ''],
  ])('finds nothing with %s', (_, title) => {
    expect(classifyOccupation(m, words(title))).toBeNull();
  });

  const anywhere = () => true;
  it.each([
    // The family's own (listed first) without strong words for another.
    ['Cook', ['35-2014.00'], anywhere, '35-2014.00'],
    ['Asdfgh', ['29-2061.00'], anywhere, '29-2061.00'],
    // Another of the family's when the words make it twenty times as likely (e^3 at scale 1): 5.5 against 3 is not enough, 7.5 is.
    ['Practical Nurse', ['29-1141.00', '29-2061.00'], anywhere, '29-1141.00'],
    ['Licensed Practical Nurse', ['29-1141.00', '29-2061.00'], anywhere, '29-2061.00'],
    // One outside the family's that the words make more likely than not, when allowed.
    ['Nurse', ['29-2061.00'], anywhere, '29-1141.00'],
    ['Nurse', ['29-2061.00'], () => false, '29-2061.00'],
    ['Nurse', [], anywhere, null],
  ])('familyChoice(%j, %j) is %j', (title, codes, outside, code) => {
    expect(familyChoice(m, words(title), codes, { outsideFamily: 0.5, familyOdds: 20 }, outside)).toBe(code);
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

  it('says which words decided, offers the runners-up with their occupation, and folds its probability into the confidence', () => {
    const r = matcher.match('Project Engineer');
    expect(said(r).join('\n')).toMatch(/occupation \d\d-\d{4}\.\d\d .* \(O\*NET\) from the (title "project engineer" read whole|words "(project|engineer|project engineer)", weighing most for it \(\d+% likely\))/);
    expect(r.alternatives.some((a) => a.occupation !== undefined && a.occupation.code !== r.match!.occupation!.code)).toBe(true);
    expect(r.match!.confidence).toBeLessThan(0.5);
    expect(matcher.match('Project Engineer').match!.occupation).toEqual(r.match!.occupation);
  });

  it('says, of a title read whole, what share of the titles read so are filed under its occupation, and is as sure', () => {
    const r = matcher.match('Line Cook');
    const share = /from the title "line cook" read whole: the occupation (\d+)% of the titles read so are filed under/.exec(said(r).join('\n'));
    expect(share).not.toBeNull();
    // The default level's confidence (0.5), times half and half the share.
    expect(r.match!.confidence).toBeCloseTo(0.5 * (0.5 + 0.5 * (Number(share![1]) / 100)), 1);
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

describe('the family check: a topic places a title only in an occupation the families name', () => {
  it.each([
    ['Technical Recruiter, AI/ML', null],
    ['Data Center Electrical Engineering Lead', null],
    ['Adjunct Faculty - Data Science', null],
    ['Data Entry and Research Assistant', null],
    ['Account Executive - AI', null],
    // A family's own role, a manager's marker, or an occupation the families name keeps the family.
    ['Senior ML', 'ai-ml'],
    ['Computer Vision', 'ai-ml'],
    ['Machine Learning Operations', 'ai-ml'],
    ['Machine Learning Supervisor', 'ai-ml'],
    ['Engineering Manager - Data Platform', 'data-engineering'],
    ['Software Engineer, Machine Learning', 'ai-ml'],
    ['Data Analyst, Marketing', 'data-analytics'],
  ])('%s -> %s', async (title, family) => {
    const matcher = await shippedMatcher();
    const r = matcher.match(title);
    expect(r.match?.family ?? null).toBe(family);
  });

  it('says which occupation took the family away', async () => {
    const r = (await shippedMatcher()).match('Data Center Electrical Engineering Lead');
    expect(said(r)).toContainEqual(expect.stringMatching(/^no job family: its topic is software-engineering's, but its occupation, 17-2071\.00 Electrical Engineers, is none of the families'$/));
  });
});

describe('the scoring arrays reused title after title', () => {
  it('give each title the answer it gets alone, whatever was scored before it', async () => {
    const titles = ['Senior DataOps Engineer I', 'Kubernetes Administrator', 'Frontend (React) Lead', 'Registered Nurse', 'Line Cook', 'Data Scientist', 'Product Generalist', 'DBT Expert'];
    const answer = async (order: string[]) => {
      const m = await shippedMatcher();
      return Object.fromEntries(order.map((t) => [t, JSON.stringify(m.match(t).match?.occupation ?? null)]));
    };
    const forwards = await answer(titles);
    const backwards = await answer([...titles].reverse());
    // Each alone, after a title that touches many occupations.
    for (const t of titles) {
      const alone = await answer(['Software Engineer Data Platform Cloud Infrastructure', t]);
      expect(alone[t], t).toBe(forwards[t]);
      expect(backwards[t], t).toBe(forwards[t]);
    }
  });
});
