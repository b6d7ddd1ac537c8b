import { said } from '../helpers.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/match.js';
import { familyStageMatcher } from '../helpers.js';

// The family and level stages; the occupation stage, which levels titles of no family, is tested in
// occupation-stage.test.ts.
let matcher: Matcher;
beforeAll(async () => {
  matcher = await familyStageMatcher();
});

/** "P3/ai-ml", "P3/-" for no family, or "none" for no match. */
const level = (title: string, years?: number) => {
  const m = matcher.match(title, { years: years ?? null }).match;
  return m === null ? 'none' : `${m.level}/${m.family ?? '-'}`;
};

describe('markers are whole words, and noise is not a marker', () => {
  it.each([
    ['International Data Engineer', 'P2/data-engineering'], // "intern" is inside a word
    ['MLT Technician', 'none'],
    ['Senior MLS', 'P3/-'],
    ['MLK Day Coordinator', 'none'],
    ['Machine Learning Engineer (Remote)', 'P2/ai-ml'],
    ['Machine Learning Engineer (Contract)', 'P2/ai-ml'],
    ['Machine Learning Engineer 03-SE1220-2', 'P2/ai-ml'],
    ['Machine Learning Engineer x 2', 'P2/ai-ml'],
    ['Machine Learning Intern, Summer 2024', 'P1/ai-ml'],
    ['Machine Learning Engineer, 3+ years', 'P2/ai-ml'],
    ['Machine Learning Engineer - 5 years', 'P2/ai-ml'],
    ['Machine Learning Engineer (2 positions)', 'P2/ai-ml'],
    ['Machine Learning Engineer - New York, NY', 'P2/ai-ml'],
    ['4 Machine Learning Engineers', 'P2/ai-ml'],
    ['Machine Learning Engineer Onsite (Day 1 onsite)', 'P2/ai-ml'],
    ['Data Engineer&nbsp;with AI, Senior', 'P3/data-engineering'],
  ])('%s -> %s', (title, expected) => {
    expect(level(title)).toBe(expected);
  });
});

describe('precedence', () => {
  it.each([
    ['a word marker outranks a numeral', 'Sr. ML Engineer II', 'P3/ai-ml'],
    ['senior staff is one marker', 'Senior Staff ML Engineer', 'P5/ai-ml'],
    ['senior principal is one marker', 'Senior Principal ML Engineer', 'P6/ai-ml'],
    ['senior manager is one marker', 'Senior Manager, Machine Learning', 'M3/ai-ml'],
    ['senior director is one marker', 'Senior Director of Machine Learning', 'M5/ai-ml'],
    ['associate director is management', 'Associate Director of Machine Learning', 'M3/ai-ml'],
    ['associate before a role noun is entry level', 'Associate ML Engineer', 'P1/ai-ml'],
    ['associate after a role noun is not a marker', 'Machine Learning Associate', 'P2/ai-ml'],
    ['associate alone is not a marker', 'Associate', 'none'],
    ['associate before a part naming the role', 'Associate, Machine Learning', 'P1/ai-ml'],
    ['team lead is management', 'Machine Learning Team Lead', 'M1/ai-ml'],
    ['lead is an individual contributor', 'Lead Machine Learning Engineer', 'P4/ai-ml'],
    ['tech lead is an individual contributor', 'ML Tech Lead', 'P4/ai-ml'],
    ['management outranks individual markers', 'Staff Deep Learning Engineer / Team Lead', 'M1/ai-ml'],
    ['senior raises the manager it qualifies', 'Senior Deep Learning Platform Manager', 'M3/ai-ml'],
    ['senior raises the director it qualifies', 'Senior Machine Learning Director', 'M5/ai-ml'],
    ['senior raises an engineering manager', 'Senior Engineering Manager - Machine Learning', 'M3/ai-ml'],
    ['a role noun is read before a wider marker', 'Senior Technical Program Manager, ML Platform', 'P3/product-management'],
    ['an associate vice president is below a vice president', 'Associate Vice President, Machine Learning', 'M5/ai-ml'],
    ['a senior vice president is a vice president', 'SVP, AI', 'M6/ai-ml'],
    ['a program manager is an individual role', 'Senior Program Manager', 'P3/-'],
    ['a product manager is an individual role', 'Senior Product Manager', 'P3/product-management'],
    ['an account manager is an individual role', 'Account Manager', 'none'],
    ['an engineering manager is a manager', 'ML Engineering Manager', 'M2/ai-ml'],
    ['vp expands to vice president', 'VP, AI/ML Engineering', 'M6/ai-ml'],
    ['head of is a director', 'Head of Deep Learning', 'M4/ai-ml'],
    ['a level phrase', 'Machine Learning Engineer Level 3', 'P3/ai-ml'],
    ['a numeral that opens the title is not a level', 'IV Therapy Nurse', 'none'],
    ['higher of two individual word markers', 'Lead Senior ML Engineer', 'P4/ai-ml'],
    ['a slash offers alternatives, not a phrase', 'Senior/Staff MLOps Engineer', 'P4/ai-ml'],
    ['a slash between senior and principal', 'Senior/Principal Machine Learning Scientist', 'P5/research-science'],
    ['a hyphen still joins a phrase', 'Entry-Level ML Engineer', 'P1/ai-ml'],
    ['member of technical staff is not a staff level', 'Member of Technical Staff, Machine Learning', 'P2/ai-ml'],
    ['an associate professor is not entry level, nor of a family', 'Associate Professor - Machine Learning', 'none'],
    ['a technical leader leads as an individual', 'Technical Leader - Machine Learning', 'P4/ai-ml'],
    ['entry opening a title is entry level', 'Entry Computer Scientist', 'P1/-'],
    ['entry inside a title is not', 'Data Entry Clerk', 'none'],
    ['one-word mid-level', 'AI-ML Engineer (MidLevel)', 'P2/ai-ml'],
    ['an abbreviation run into the next word', 'Sr.Manager, Machine Learning', 'M3/ai-ml'],
    ['a C-level acronym', 'Co-founder & CTO (AI startup)', 'M6/ai-ml'],
    ['dotted initials are not a numeral', 'A.I. Engineer', 'P2/ai-ml'],
  ])('%s: %s -> %s', (_why, title, expected) => {
    expect(level(title)).toBe(expected);
  });
});

describe('typos never turn a real word into a ladder word', () => {
  it.each([
    ['Senior Staff Machine Learning Engineer, Ads Targeting', 'P5/ai-ml'],
    ['Machine Learning Engineer, Analytical Platforms', 'P2/ai-ml'],
    ['Sensor Fusion Engineer', 'none'],
    ['Directory Services Engineer', 'none'],
    ['Mechanical Lead Engineer', 'P4/-'],
    ['Staff Stuff Engineer', 'P4/-'],
    ['Machine Leaning Engineer', 'P2/ai-ml'],
    ['SENOR SOFTWARE DEVELOPMENT ENGINEER', 'P3/software-engineering'],
    ['Principle Data Scientist', 'P5/data-science'],
  ])('%s -> %s', (title, expected) => {
    expect(level(title)).toBe(expected);
  });
});

describe('the family follows the role, not its topic', () => {
  it.each([
    ['Software Engineer - Machine Learning', 'P2/ai-ml'],
    ['ML Platform Engineer', 'P2/ai-ml'],
    ['Research Scientist, Machine Learning', 'P2/research-science'],
    ['Machine Learning Researcher', 'P2/research-science'],
    ['Senior Data Scientist / Machine Learning', 'P3/data-science'],
    ['Product Manager, AI', 'P2/product-management'],
    ['Didactica AI: Full Stack Engineer', 'P2/software-engineering'],
    ['DevOps Engineer Weekday AI', 'P2/software-engineering'],
    ['Director of Data Science', 'M4/data-science'],
    ['VP Engineering', 'M6/software-engineering'],
    ['Head of AI', 'M4/ai-ml'],
    ['Engineer', 'none'],
    ['Senior Business Analyst | Data', 'P3/-'],
    ['Marketing Data Analyst', 'P2/data-analytics'],
    ['Technical Lead', 'P4/-'],
    ['Engineering Manager, ML', 'M2/ai-ml'],
    ['Scientist, Machine Learning', 'P2/research-science'],
    ['Principal Scientist, ML', 'P5/research-science'],
    ['Medical Laboratory Scientist', 'none'],
    ['Cientista de Dados Sênior', 'P3/data-science'],
    ['Ingeniero de Datos', 'P2/data-engineering'],
    ['Expert développeur DevOps/MLOPS', 'P2/ai-ml'],
    ['Director of Engineering, AI', 'M4/ai-ml'],
    ['VP Engineering, Data Platform', 'M6/data-engineering'],
    ['Engineering Manager', 'M2/software-engineering'],
    ['Program Manager (Technical)', 'P2/product-management'],
    ['Program Manager', 'none'],
    ['Deep Learning Compiler Developer', 'P2/ai-ml'],
    ['NLP Engineer', 'P2/ai-ml'],
    ['Computer Vision Engineer II', 'P2/ai-ml'],
    ['MLOps Engineer', 'P2/ai-ml'],
    ['Sales Director, AI', 'M4/-'],
    ['Product Manager, Machine Learning', 'P2/product-management'],
    ['Senior Product Manager - AI', 'P3/product-management'],
    ['Customer Success Manager, AI Platform', 'none'],
    ['Senior Data Scientist, Machine Learning', 'P3/data-science'],
    ['AI Trainer', 'none'],
  ])('%s -> %s', (title, expected) => {
    expect(level(title)).toBe(expected);
  });
});

describe('unknown families still level; nothing to go on is no match', () => {
  it.each([
    ['Senior Accountant', undefined, 'P3/-'],
    ['Junior Recruiter', undefined, 'P1/-'],
    ['Director of Finance', undefined, 'M4/-'],
    ['Registered Nurse', undefined, 'none'],
    ['Registered Nurse', 6, 'P3/-'],
    ['asdfgh qwerty', undefined, 'none'],
    ['', undefined, 'none'],
  ])('%j with %s years -> %s', (title, years, expected) => {
    expect(level(title, years)).toBe(expected);
  });
});

describe('typos in family words and markers', () => {
  it.each([
    ['Machine Lerning Engineer', 'P2/ai-ml'],
    ['Senoir Machine Learning Engineer', 'P3/ai-ml'],
    ['Junoir Deep Learning Engineer', 'P1/ai-ml'],
    ['Principle ML Engineer', 'P5/ai-ml'],
    ['Machine Learning Manger', 'M2/ai-ml'],
    ['Directory Services Engineer', 'none'],
  ])('%s -> %s', (title, expected) => {
    expect(level(title)).toBe(expected);
  });

  it('says which words it corrected, and trusts a corrected title less', () => {
    const typo = matcher.match('Senoir Machine Learning Engineer');
    const clean = matcher.match('Senior Machine Learning Engineer');
    expect(said(typo)).toContain('read "Senoir" as "senior" (typo)');
    expect(typo.match!.confidence).toBeLessThan(clean.match!.confidence);
  });
});

describe('years of experience', () => {
  it.each([
    [0, 'P1'],
    [1.9, 'P1'],
    [2, 'P2'],
    [4.5, 'P2'],
    [5, 'P3'],
    [8, 'P4'],
    [12, 'P5'],
    [15, 'P6'],
    [40, 'P6'],
  ])('with no marker, %s years pick %s', (years, expected) => {
    expect(level('Machine Learning Engineer', years)).toBe(`${expected}/ai-ml`);
  });

  it('with no marker and no years, a known family is P2 with low confidence', () => {
    const r = matcher.match('Machine Learning Engineer');
    expect(r.match?.level).toBe('P2');
    expect(r.match!.confidence).toBeLessThan(0.6);
    expect(said(r).join('\n')).toMatch(/default/);
  });

  it('a marker wins over years outside its band, with lower confidence and a reason', () => {
    const inBand = matcher.match('Senior Machine Learning Engineer', { years: 6 });
    const outside = matcher.match('Senior Machine Learning Engineer', { years: 1 });
    expect(outside.match?.level).toBe('P3');
    expect(outside.match!.confidence).toBeLessThan(inBand.match!.confidence);
    expect(said(outside).join('\n')).toMatch(/1 year is outside P3's band \(5–8 yrs\)/);
    expect(said(inBand).join('\n')).toMatch(/6 years fit P3's band/);
  });

  it('the further outside the band, the lower the confidence', () => {
    const near = matcher.match('Senior Machine Learning Engineer', { years: 4 }).match!.confidence;
    const far = matcher.match('Senior Machine Learning Engineer', { years: 0 }).match!.confidence;
    expect(far).toBeLessThan(near);
  });
});

describe('the answer', () => {
  it('carries the card of the level for the family', () => {
    const m = matcher.match('Associate ML').match!;
    expect(m).toMatchObject({ level: 'P1', levelName: 'Entry-Level Professional', track: 'professional', family: 'ai-ml', familyName: 'AI/ML Engineering', role: 'Entry-Level AI/ML Engineer' });
    expect(m.tasks.length).toBeGreaterThan(0);
    expect(m.dimensions.scope).toBe('Own tasks within a defined component');
  });

  it('has no family card fields without a family', () => {
    const m = matcher.match('Senior Accountant').match!;
    expect(m).toMatchObject({ family: null, familyName: null, role: null, summary: null, tasks: [], soc: null });
    expect(m.meaning).toMatch(/proficient/);
  });

  it('keeps confidence within [0, 1]', () => {
    for (const t of ['Associate ML', 'Senior Accountant', 'Machine Learning Engineer', 'Senoir ML Manger']) {
      const c = matcher.match(t, { years: 30 }).match!.confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('lists up to --top alternatives, best first, never the answer itself', () => {
    const r = matcher.match('Sr. ML Engineer II', { top: 2 });
    expect(r.alternatives).toHaveLength(2);
    expect(r.alternatives[0]).toEqual({ level: 'P2', family: 'ai-ml', confidence: expect.any(Number) });
    expect(r.alternatives[0]!.confidence).toBeGreaterThanOrEqual(r.alternatives[1]!.confidence);
    expect(r.alternatives.some((a) => a.level === 'P3' && a.family === 'ai-ml')).toBe(false);
    expect(matcher.match('Sr. ML Engineer II', { top: 0 }).alternatives).toEqual([]);
  });

  it('answers the first of two roles, and offers the second with its family', () => {
    const r = matcher.match('Data Scientist / ML Engineer');
    expect(r.match).toMatchObject({ level: 'P2', family: 'data-science' });
    expect(r.alternatives).toContainEqual(expect.objectContaining({ level: 'P2', family: 'ai-ml' }));
    expect(said(r)).toContain('also names the role "ml engineer" of ai-ml: an alternative');
  });

  it('explains aliases, the marker, outranked markers and the family', () => {
    const r = matcher.match('Sr. ML Engineer II');
    expect(said(r)).toEqual([
      'read "Sr" as "senior"',
      'marker "senior" → P3 Career Professional',
      'the word marker "senior" outranks the numeral "II" (P2)',
      'family ai-ml (AI/ML Engineering) from the role "ml engineer"',
    ]);
  });

  it('explains a numeral it did not take as a level', () => {
    expect(said(matcher.match('Machine Learning Engineer x 2')).join('\n')).toMatch(/"2" follows "x": a count or a name, not a level/);
  });

  it('uses a family given by the caller instead of detecting one', () => {
    const r = matcher.match('Senior Accountant', { family: 'ai-ml' });
    expect(r.match).toMatchObject({ level: 'P3', family: 'ai-ml', role: 'Senior AI/ML Engineer' });
  });
});

describe('graduate hiring is the entry level, in a title or alone', () => {
  it.each([
    ['College Hire', 'P1/-'],
    ['New College Grad', 'P1/-'],
    ['Software Engineer - New College Grad', 'P1/software-engineering'],
    ['Software Engineer (Campus Hire)', 'P1/software-engineering'],
    ['Data Scientist, University Graduate 2026', 'P1/data-science'],
    ['University Hire - Machine Learning Engineer', 'P1/ai-ml'],
    ['Class of 2026 Data Analyst', 'P1/data-analytics'],
    ['Undergrad Data Engineering Intern', 'P1/data-engineering'],
    // Not a class of hires: "class" inside a title.
    ['World Class Data Engineer', 'P2/data-engineering'],
  ])('%j is %s', (title, expected) => {
    expect(level(title)).toBe(expected);
  });
});
