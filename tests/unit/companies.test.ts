import { describe, expect, it } from 'vitest';
import { checkCompanies, CompanyIndex, nameKey, type BandDef, type Company, type CompanyFile, type CompanyLevel } from '../../src/core/companies.js';
import { said, shippedMatcher } from '../helpers.js';

const band = (id: string, reads: string, track: 'ic' | 'management' = 'ic'): BandDef => ({ id, name: id[0]!.toUpperCase() + id.slice(1), track, reads });
const BANDS = [band('entry', 'Entry Level Engineer'), band('engineer', 'Engineer II'), band('senior', 'Senior Engineer'), band('staff', 'Staff Engineer'), band('manager', 'Engineering Manager', 'management')];
const LEVEL_OF: Record<string, string> = { entry: 'P1', engineer: 'P2', senior: 'P3', staff: 'P4', manager: 'M2' };

function level(code: string, bandId: string, titles: string[] = [], more: Partial<CompanyLevel> = {}): CompanyLevel {
  const b = BANDS.find((x) => x.id === bandId)!;
  return { code, also: [], titles, track: b.track, band: b, level: LEVEL_OF[bandId]!, years: null, sources: ['https://example.org/ladder'], disputed: null, ...more };
}

/** A company made up for the tests: its codes and titles are this file's, not any real company's. */
const ACME: Company = {
  id: 'acme',
  name: 'Acme Robotics',
  aliases: ['Acme'],
  file: 'companies/acme.yaml',
  levels: [
    level('T1', 'entry', ['Software Engineer']),
    level('T2', 'engineer', ['Senior Software Engineer', 'Member of Technical Staff']),
    level('T3', 'senior', ['Staff Software Engineer'], { also: ['Band 7'] }),
    level('T4', 'staff', ['Senior Staff Software Engineer']),
    level('T3', 'manager', ['Engineering Manager']),
  ],
};

describe('company names', () => {
  it.each([
    ['Snap Inc.', 'snap'],
    ['SNAP', 'snap'],
    ['Meta Platforms, Inc.', 'meta'],
    ['Procter & Gamble Co.', 'procterandgamble'],
    ['Nestlé S.A.', 'nestle'],
    ['  amazon.com  ', 'amazoncom'],
    ['Inc', 'inc'],
    ['Amazon.com Services LLC', 'amazoncom'],
    ['Cisco Systems, Inc.', 'cisco'],
    ['Apple Leisure Group', 'appleleisuregroup'],
  ])('%j is looked up as %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('finds a company by id, name or alias in any case, and names the closest for a typo', () => {
    const index = new CompanyIndex([ACME], BANDS);
    for (const name of ['acme', 'ACME Robotics', 'Acme Robotics, Inc.', 'acme-robotics']) expect(index.find(name), name).toBe(ACME);
    expect(index.find('Acne Rob')).toBeUndefined();
    expect(index.closest('acne')).toEqual([ACME]);
    expect(index.closest('zzzzzz')).toEqual([]);
    expect(index.levels(ACME, 't3').map((l) => l.track)).toEqual(['ic', 'management']);
    expect(index.levels(ACME, 'band-7').map((l) => l.code)).toEqual(['T3']);
  });
});

describe('checkCompanies', () => {
  const file = (over: Partial<CompanyFile>): CompanyFile => ({ id: 'acme', name: 'Acme', aliases: [], sources: { s: 'https://example.org' }, levels: [{ code: 'T1', also: [], titles: [], track: 'ic', band: 'entry', sources: ['s'] }], ...over });
  const problems = (files: { name: string; company: CompanyFile }[]) =>
    checkCompanies(
      files.map((f) => ({ file: `companies/${f.name}.yaml`, expectedId: f.name, company: f.company })),
      BANDS,
      new Set(['P1', 'P2', 'M1']),
    ).map((p) => `${p.file} ${p.path.join('.')}: ${p.message}`);

  it('accepts a well-formed file', () => {
    expect(problems([{ name: 'acme', company: file({}) }])).toEqual([]);
  });

  it.each<[string, Partial<CompanyFile>, string]>([
    ['an id that is not the file name', { id: 'acme-inc' }, 'companies/acme.yaml id: id "acme-inc" does not match the file name; name the file acme-inc.yaml or the id acme'],
    ['a code twice on one track', { levels: [{ code: 'T1', also: [], titles: [], track: 'ic', band: 'entry', sources: [] }, { code: 't-1', also: [], titles: [], track: 'ic', band: 'engineer', sources: [] }] }, 'companies/acme.yaml levels.1.code: code "t-1" is listed twice on the ic track (levels[0] too); list each code once per track'],
    ['an unknown band', { levels: [{ code: 'T1', also: [], titles: [], track: 'ic', band: 'junior', sources: [] }] }, 'companies/acme.yaml levels.0.band: unknown band "junior"; the bands are entry, engineer, senior, staff, manager'],
    ['neither band nor level', { levels: [{ code: 'T1', also: [], titles: [], track: 'ic', sources: [] }] }, 'companies/acme.yaml levels.0.code: level "T1" names neither a band nor a level; give band: (one of entry, engineer, senior, staff, manager) or level: (a level of the ladder)'],
    ['both band and level', { levels: [{ code: 'T1', also: [], titles: [], track: 'ic', band: 'entry', level: 'P1', sources: [] }] }, 'companies/acme.yaml levels.0.level: level "T1" names both a band and a level; give one'],
    ['an unknown level', { levels: [{ code: '62', also: [], titles: [], track: 'ic', level: 'P9', sources: [] }] }, 'companies/acme.yaml levels.0.level: unknown level "P9"; the ladder\'s levels are P1, P2, M1'],
    ['an undefined source', { levels: [{ code: 'T1', also: [], titles: [], track: 'ic', band: 'entry', sources: ['nope'] }] }, 'companies/acme.yaml levels.0.sources.0: source "nope" is not defined; add it under sources: with its URL'],
  ])('reports %s', (_what, over, message) => {
    expect(problems([{ name: 'acme', company: file(over) }])).toEqual([message]);
  });

  it('accepts one code on both tracks, and a level of the ladder in any case', () => {
    const levels = [
      { code: 'T1', also: [], titles: [], track: 'ic' as const, band: 'entry', sources: [] },
      { code: 'T1', also: [], titles: [], track: 'management' as const, level: 'm1', sources: [] },
    ];
    expect(problems([{ name: 'acme', company: file({ levels }) }])).toEqual([]);
  });

  it('refuses a name or alias two companies share', () => {
    expect(problems([{ name: 'acme', company: file({ aliases: ['Widgets'] }) }, { name: 'widgets', company: file({ id: 'widgets', name: 'Widgets Inc.' }) }])).toEqual([
      'companies/widgets.yaml id: "widgets" also names company "acme"; a name or alias may name one company',
      'companies/widgets.yaml name: "Widgets Inc." also names company "acme"; a name or alias may name one company',
    ]);
  });
});

describe('the company stage: a title read on a company ladder first', () => {
  const at = async (title: string, company: Company | null = ACME, years: number | null = null) => (await shippedMatcher()).match(title, { company, years });

  it.each([
    // A code, bare or inside the title, in any part of it.
    ['T3', 'P3', 'T3', 'code'],
    ['Software Engineer T2', 'P2', 'T2', 'code'],
    ['Senior Data Engineer (T4)', 'P4', 'T4', 'code'],
    ['Robotics Engineer - Band 7', 'P3', 'T3', 'code'],
    // Written in any case, spacing or punctuation.
    ['Data Engineer t-4', 'P4', 'T4', 'code'],
    ['Engineer (T 2)', 'P2', 'T2', 'code'],
    ['band7 Analyst', 'P3', 'T3', 'code'],
    // A title of the company's rank: the rank is the company's across its jobs.
    ['Senior Software Engineer', 'P2', 'T2', 'title'],
    ['Staff Data Scientist', 'P3', 'T3', 'title'],
    ['Sr. Staff ML Engineer', 'P4', 'T4', 'title'],
    // A title of the company's found whole decides before ranks, whatever markers it holds.
    ['Member of Technical Staff - Platform', 'P2', 'T2', 'title'],
    // No rank: the company's unranked title, in its own family only.
    ['Software Engineer', 'P1', 'T1', 'title'],
    // A manager's code and title, on the management track.
    ['Engineering Manager T3', 'M2', 'T3', 'code'],
  ])('%j is %s (%s, by its %s)', async (title, lvl, code, via) => {
    const r = await at(title);
    expect(r.match?.level, said(r).join(' | ')).toBe(lvl);
    expect(r.match?.company).toMatchObject({ id: 'acme', name: 'Acme Robotics', code });
    expect(r.reasons.find((x) => x.kind === 'company')).toMatchObject({ via, code });
  });

  it('leaves the standard markers to decide where the company names nothing', async () => {
    for (const title of ['Data Scientist', 'Principal Software Engineer', 'Registered Nurse']) {
      const r = await at(title);
      const plain = await at(title, null);
      expect(r.match?.company, title).toBeUndefined();
      expect({ ...r.match }, title).toEqual({ ...plain.match });
      expect(said(r)).toContain("no level code or title of Acme Robotics's in the title: the standard markers decide");
    }
  });

  it('keeps the family and occupation the title names', async () => {
    const r = await at('Staff Data Scientist');
    expect(r.match).toMatchObject({ family: 'data-science', level: 'P3' });
    expect(said(r)).toContain('T3 at Acme Robotics gives the title "Staff Software Engineer", of the same rank: the senior band, P3 (Career Professional)');
  });

  it('is less sure where the code and the rank disagree, or the years fall outside the band', async () => {
    const agree = await at('Staff Software Engineer T3');
    const disagree = await at('Senior Software Engineer T4');
    expect(disagree.match?.level).toBe('P4');
    expect(disagree.match!.confidence).toBeLessThan(agree.match!.confidence);
    expect(said(disagree)).toContain('the code "T4" decides over the title\'s rank "senior", which says P2');
    const far = await at('Staff Software Engineer T3', ACME, 30);
    expect(far.match!.confidence).toBeLessThan(agree.match!.confidence);
  });

  it('is less sure of a level its sources place in two bands', async () => {
    const disputed: Company = { ...ACME, levels: ACME.levels.map((l) => (l.code === 'T2' ? { ...l, disputed: { band: BANDS[2]!, level: 'P3', sources: [] } } : l)) };
    const sure = await at('T2');
    const unsure = await at('T2', disputed);
    expect(unsure.match!.confidence).toBeLessThan(sure.match!.confidence);
    expect(said(unsure).join(' ')).toContain('some sources place it in the senior band, P3');
  });
});
