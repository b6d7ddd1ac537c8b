import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

describe('leveler list', () => {
  it('prints one tab-separated line per level in a pipe', async () => {
    const r = await run(['list', '--family', 'ai-ml']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual(['P1', 'Entry-Level Professional', 'professional', '0–2 yrs', 'Entry-Level AI/ML Engineer']);
    expect(rows[11]).toEqual(['M6', 'Vice President', 'management', '15+ yrs', 'Vice President of AI/ML Engineering']);
  });

  it('prints the ladder as JSON', async () => {
    const out = JSON.parse((await run(['list', '--json', '--family', 'ai-ml'])).stdout);
    expect(out.family).toEqual({ id: 'ai-ml', name: 'AI/ML Engineering' });
    expect(out.tracks).toEqual([
      { id: 'professional', name: 'Professional (individual contributor)' },
      { id: 'management', name: 'Management' },
      { id: 'support', name: 'Support and technical' },
    ]);
    expect(out.levels.map((l: { level: string }) => l.level)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'S1', 'S2', 'S3', 'S4']);
    expect(out.levels[5]).toEqual({
      level: 'P6', levelName: 'Principal Professional', track: 'professional', years: { min: 15, max: null },
      meaning: expect.any(String), role: 'Distinguished AI/ML Engineer',
    });
  });

  it('lists what each level means without --family, and says how to see a family\'s roles', async () => {
    const r = await run(['list']);
    expect(r.stdout.split('\n')[0]).toMatch(/^P1\tEntry-Level Professional\tprofessional\t0–2 yrs\tNew to role or field/);
    expect(r.stderr).toBe("leveler: each level's meaning; for a family's roles add --family ID, e.g. `leveler list --family ai-ml` (`leveler families` lists 7)\n");
  });

  it.each([80, 100])('draws a table grouped by track on a terminal, a line per level, in %i columns and 25 lines', async (columns) => {
    const r = await run(['list', '--no-color', '-q'], { tty: true, columns });
    expect(r.stdout).toMatch(/│\s+│ Professional\s+│/);
    expect(r.stdout).toMatch(/│\s+│ Management\s+│/);
    expect(r.stdout).toMatch(/│ M3\s+│ Senior Manager\s+│ 8–12 yrs/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
  });
});

describe('leveler show', () => {
  it('prints the whole card, level code in any case', async () => {
    const r = await run(['show', 'm2', '--family', 'ai-ml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^level\tM2\nlevel_name\tManager\n/);
    expect(r.stdout).toContain('role\tAI/ML Engineering Manager\n');
    expect(r.stdout).toContain('occupation\t15-1252.00 — Software Developers (the family\'s)\n');
    // One occupation answer a card: the family's SOC group is labelled as the family's.
    expect(r.stdout).toContain('family_group\t15-0000 — Computer & Mathematical Occupations (inferred)\n');
    expect(r.stdout).not.toMatch(/^soc\t/m);
  });

  it('prints the card as JSON', async () => {
    const card = JSON.parse((await run(['show', 'P1', '--json', '--family', 'ai-ml'])).stdout);
    expect(card).toMatchObject({ level: 'P1', family: 'ai-ml', role: 'Entry-Level AI/ML Engineer' });
    expect(card.tasks).toHaveLength(12);
    expect(card).not.toHaveProperty('confidence');
  });

  it('shows the level alone on a ladder of several families, and names the families with a card', async () => {
    const r = await run(['show', 'P3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^level\tP3\nlevel_name\tCareer Professional\n/);
    expect(r.stdout).toContain('meaning\t');
    expect(r.stdout).not.toContain('role\t');
    expect(r.stderr).toMatch(/^leveler: the level without a family's card; families with a card for P3: ai-ml[^\n]*; add --family ID, e.g. `leveler show P3 --family ai-ml`\n$/);
  });

  it.each([
    ['P7', 'leveler: unknown level "P7"; did you mean P6? levels: P1, P2, P3, P4, P5, P6, M1, M2, M3, M4, M5, M6, S1, S2, S3, S4\n'],
    ['M0', 'leveler: unknown level "M0"; did you mean M1? levels: P1, P2, P3, P4, P5, P6, M1, M2, M3, M4, M5, M6, S1, S2, S3, S4\n'],
  ])('suggests the closest level for %s (exit 2)', async (code, message) => {
    const r = await run(['show', code]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
});

describe('leveler validate', () => {
  it('says ok for the shipped ladder', async () => {
    const r = await run(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*data: 3 tracks, 16 levels, 7 families, \d+ cards, \d+ companies\n$/);
  });

  it('lists every problem, one per line, and exits 1', async () => {
    const r = await run(['validate', '--data', 'tests/fixtures/ladders/many-problems']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.replace(/: .*/, ''))).toEqual(
      ['ladder.yaml:5', 'ladder.yaml:25', 'ladder.yaml:29', 'ladder.yaml:30', 'ladder.yaml:32', 'ladder.yaml:37', 'families/cooking.yaml:13'].map(
        (at) => `tests/fixtures/ladders/many-problems/${at}`,
      ),
    );
    expect(r.stderr).toBe('leveler: 7 problems in tests/fixtures/ladders/many-problems\n');
  });

  it('reports problems as JSON', async () => {
    const out = JSON.parse((await run(['validate', '--json', '--data', 'tests/fixtures/ladders/broken-yaml'])).stdout);
    expect(out).toEqual({ ok: false, problems: [{ file: 'tests/fixtures/ladders/broken-yaml/ladder.yaml', line: 5, message: expect.stringMatching(/^YAML: /) }] });
  });

  it('exits 3 when the folder cannot be read', async () => {
    expect((await run(['validate', '--data', 'nowhere'])).code).toBe(3);
  });
});

describe('help and usage', () => {
  it('leads the help with examples that work as written', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:\n  $ leveler match "Associate ML"\n');
    for (const command of ['match', 'list', 'show', 'validate']) expect(r.stdout).toContain(`\n  ${command}`);
  });

  it('shows examples first in a command help', async () => {
    const r = await run(['match', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('Examples:')).toBeLessThan(r.stdout.indexOf('Options:'));
  });

  it.each([['--version'], ['-V'], ['-v']])('%s prints the version first, then the data it answers from', async (flag) => {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(['ladder', 'occupations', 'pay', 'companies', 'node']);
    expect(r.stdout).toMatch(/occupations: O\*NET 30\.0 Database/);
  });

  it('treats an unknown command as a usage error, with a suggestion', async () => {
    const r = await run(['mach', 'ML']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'mach'.*Did you mean match\?/s);
  });

  it('shows the help on stderr and exits 2 with no command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: leveler');
  });
});

describe('leveler families', () => {
  it('lists every family with its occupation and cards, a tab-separated line each in a pipe', async () => {
    const r = await run(['families']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(['ai-ml', 'data-analytics', 'data-engineering', 'data-science', 'product-management', 'research-science', 'software-engineering']);
    expect(rows[0]).toEqual(['ai-ml', 'AI/ML Engineering', '15-0000', 'Computer & Mathematical Occupations', 'all 12 of professional, management']);
    expect(rows[3]!.slice(0, 4)).toEqual(['data-science', 'Data Science', '15-2051.00', 'Data Scientists']);
  });

  it('prints JSON with each family\'s roles and the levels it has cards for', async () => {
    const out = JSON.parse((await run(['families', '--json'])).stdout);
    const ds = out.families.find((f: { id: string }) => f.id === 'data-science');
    expect(ds).toMatchObject({ name: 'Data Science', soc: { code: '15-2051.00', title: 'Data Scientists', inferred: false } });
    expect(ds.roles).toContain('data scientist');
    expect(out.families[0].cards).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6']);
  });

  it('draws a table on a terminal', async () => {
    const r = await run(['families', '--no-color'], { tty: true });
    expect(r.stdout).toMatch(/│ data-science\s+│ Data Science\s+│ 15-2051\.00 Data Scientists/);
  });
});

describe('leveler occupations', () => {
  it.each([80, 100])('on a terminal of %i columns shows each share of the vote, and a Matched column only when a row has one', async (columns) => {
    const r = await run(['occupations', 'nurse', '--no-color'], { tty: true, columns });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/Code .*Occupation .*Zone .*Share .*Matched/);
    expect(lines[2]).toMatch(/29-1141\.00 .*Registered Nurses .*│ +\d+% │ nurse/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
    const all = await run(['occupations', '--no-color', '--top', '3'], { tty: true, columns });
    expect(all.stdout.split('\n')[1]).not.toMatch(/Share|Matched/);
  });

  it('finds an occupation by a title people use, best first, a tab-separated line each in a pipe', async () => {
    const r = await run(['occupations', 'registered', 'nurse']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^29-1141\.00\tRegistered Nurses\t4\t(registered nurse|nurse)\t(0\.9\d|1\.00)$/);
  });

  it('prints JSON with the card of each occupation and the O*NET source', async () => {
    const out = JSON.parse((await run(['occupations', 'cashier', '--json', '--top', '2'])).stdout);
    expect(out.source).toMatch(/^O\*NET 30\.0 Database/);
    expect(out.occupations).toHaveLength(2);
    expect(out.occupations[0]).toMatchObject({ code: '41-2011.00', title: 'Cashiers', jobZone: 2, matched: 'cashier' });
    expect(out.occupations[0].tasks.length).toBeGreaterThan(0);
  });

  it('lists every occupation without a query, and says so when nothing matches (exit 1)', async () => {
    expect((await run(['occupations'])).stdout.trimEnd().split('\n')).toHaveLength(1016);
    const none = await run(['occupations', 'asdfgh']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('leveler: no occupation matches "asdfgh"; try fewer or other words\n');
  });
});

describe('leveler show --occupation', () => {
  it('shows a level with an O*NET occupation: its description, tasks, technologies, Job Zone and education', async () => {
    const out = JSON.parse((await run(['show', 's2', '--occupation', '41-2011.00', '--json'])).stdout);
    expect(out).toMatchObject({ level: 'S2', track: 'support', family: null, role: 'Cashiers', soc: { code: '41-2011.00', title: 'Cashiers', inferred: false } });
    expect(out.summary).toMatch(/money/i);
    expect(out.tasks.length).toBeGreaterThan(0);
    expect(out.qualifications).toContain('O*NET Job Zone 2: some preparation needed');
  });

  it('takes a 6-digit SOC code for its main occupation', async () => {
    const r = await run(['show', 'P2', '--occupation', '29-1141']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('occupation\t29-1141.00 — Registered Nurses (O*NET, Job Zone 4)\n');
    expect(r.stdout).not.toMatch(/^(soc|family_group)\t/m);
  });

  it.each([
    [['show', 'P2', '--occupation', '12-3456'], 'leveler: unknown occupation "12-3456"; find codes with: leveler occupations registered nurse\n'],
    [['show', 'P2', '--occupation', '15-1252.99'], 'leveler: unknown occupation "15-1252.99"; did you mean 15-1252.00? find codes with: leveler occupations registered nurse\n'],
    [['show', 'P2', '--occupation', '15-1252-1'], expect.stringMatching(/^leveler: option '--occupation <code>' argument '15-1252-1' is invalid\. "15-1252-1" is not an occupation code; give an O\*NET-SOC code \(29-1141\.00\) or a SOC code \(29-1141\); see `leveler show --help`\n$/)],
    [['pay', '--occupation', '15-1252.99'], 'leveler: unknown occupation "15-1252.99"; did you mean 15-1252.00? find codes with: leveler occupations registered nurse\n'],
    [['pay', '--family', 'ai-ml', '--occupation', '15-1252'], 'leveler: --family and --occupation both name whose pay to show; give one of them\n'],
    [['pay', '--family', 'ai-ml', '--region', 'XX'], expect.stringMatching(/^leveler: unknown region "XX": the pay survey has no response from it; the regions with responses are AD, AE, .*, GB, .*\(\d+ in all\)\n$/)],
    [['match', 'Senior ML Engineer', '--region', 'ZZ'], expect.stringMatching(/^leveler: unknown region "ZZ"/)],
    [['batch', '--region', 'ZZ'], expect.stringMatching(/^leveler: unknown region "ZZ"/)],
    [['show', 'P2', '--occupation', '29-1141', '--family', 'ai-ml'], 'leveler: --family and --occupation both name a card; give one of them\n'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args, { stdin: 'title\nML\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(message);
  });
});

describe('leveler match: a title of no family', () => {
  it('names its O*NET occupation in the table, the pipe and JSON', async () => {
    const plain = await run(['match', 'Cashier']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^level\tS2\nlevel_name\tSkilled Support\ntrack\tsupport\nrole\tCashiers\noccupation\t41-2011\.00 — Cashiers \(O\*NET, Job Zone 2\)\n/);
    const table = await run(['match', 'Cashier', '--no-color'], { tty: true });
    expect(table.stdout).toMatch(/Occupation\s+│ 41-2011\.00 — Cashiers \(O\*NET, Job Zone 2\)/);
    const json = JSON.parse((await run(['match', 'Cashier', '--json'])).stdout);
    expect(json.match.occupation).toEqual({ code: '41-2011.00', title: 'Cashiers', source: 'onet', jobZone: 2, education: expect.any(String) });
  });
});

describe('leveler pay', () => {
  it('prints a family\'s pay by level: P1 up, then M1 up, a tab-separated line each in a pipe, and OEWS for its occupation', async () => {
    const r = await run(['pay', '--family', 'data-science']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', '15-2051']);
    expect(rows[2]).toEqual(['P3', 'Career Professional', '6014', '132000', '165000', '207000']);
    expect(rows[12]).toEqual(['15-2051', 'Data Scientists', '', '82630', '112590', '155810']);
  });

  it('draws a bar per level on a terminal, in 80 columns, with no number from fewer than 30 responses', async () => {
    const r = await run(['pay', '--family', 'ai-ml', '--no-color'], { tty: true });
    const lines = r.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^P3 {4}Career Professional +4,116 +\$[\d,]+ +\$[\d,]+ +\$[\d,]+ +█+/m);
    expect(r.stdout).toMatch(/^P4 {4}Advanced Professional +13 too few responses$/m);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('prints JSON with the source, years, region and each level\'s n and percentiles', async () => {
    const out = JSON.parse((await run(['pay', '--family', 'data-science', '--region', 'gb', '--json'])).stdout);
    expect(out).toMatchObject({ family: { id: 'data-science' }, region: 'GB', survey: { source: 'aijobs.net salary survey', years: [2020, 2024], minimum: 30 } });
    expect(out.levels[2]).toMatchObject({ level: 'P3', n: expect.any(Number) });
    expect(out.oews).toMatchObject({ code: '15-2051', median: 112590 });
  });

  it('shows an occupation\'s OEWS wages, the top code as "or more"', async () => {
    const r = await run(['pay', '--occupation', '11-1011']);
    expect(r.stdout).toBe('11-1011\tChief Executives\t\t126080\t206420\t239200 or more\n');
  });

  it.each([
    [['pay'], 'leveler: pay needs --family ID or --occupation CODE; such as: leveler pay --family ai-ml (leveler families lists them)\n'],
    [['pay', '--occupation', '15-0000'], 'leveler: no OEWS wages for "15-0000"; give a detailed 2018 SOC code, such as 29-1141 (leveler occupations lists them)\n'],
    [['pay', '--family', 'ai-ml', '--region', 'USA'], 'leveler: option \'--region <code>\' argument \'USA\' is invalid. "USA" is not a country code; give two letters, such as US, GB or DE; see `leveler pay --help`\n'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(message);
  });
});

describe('what a card pays', () => {
  it('shows the survey\'s figures for the family and level in the region, and OEWS for the occupation', async () => {
    const out = JSON.parse((await run(['match', 'Senior Data Scientist', '--json'])).stdout);
    expect(out.match.marketPay).toEqual({
      region: 'US',
      survey: { source: 'aijobs.net salary survey', region: 'US', years: [2020, 2024], n: 6014, p25: 132000, median: 165000, p75: 207000, note: null },
      oews: expect.objectContaining({ code: '15-2051', median: 112590, topCoded: [] }),
    });
    expect(out.match.pay).toMatch(/aijobs\.net salary survey/);
    const plain = await run(['match', 'Senior Data Scientist']);
    expect(plain.stdout).toContain('pay\tUS, aijobs.net salary survey 2020–2024, n = 6,014: median $165,000 (P25 $132,000 – P75 $207,000)\n');
  });

  it('says "too few responses" rather than a number below 30', async () => {
    const plain = await run(['match', 'Senior Data Scientist', '--region', 'DE']);
    expect(plain.stdout).toMatch(/^pay\tDE, aijobs\.net salary survey 2020–2024: too few responses \(n = \d\)$/m);
  });

  it('gives an occupation card OEWS\'s range', async () => {
    const plain = await run(['match', 'Chief Executive Officer']);
    expect(plain.stdout).toContain('pay\tUS, BLS OEWS May 2024, 11-1011 Chief Executives: median $206,420 (P10 $73,710 – P90 $239,200 or more)\n');
  });

  it('appends pay_p25, pay_median, pay_p75 and pay_n in batch --pay', async () => {
    const r = await run(['batch', '--pay', '-q'], { stdin: 'title\nSenior Data Scientist\nChief Executive Officer\nasdfgh\n' });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'title,level,level_name,track,family,role,confidence,soc_code,occupation,pay_p25,pay_median,pay_p75,pay_n',
      'Senior Data Scientist,P3,Career Professional,professional,data-science,Senior Data Scientist,0.95,15-2051,Data Scientists,132000,165000,207000,6014',
      expect.stringMatching(/^Chief Executive Officer,M6,Vice President,management,,Chief Executives,[\d.]+,11-1011,Chief Executives,126080,206420,239200 or more,$/),
      'asdfgh,,,,,,,,,,,,',
    ]);
  });
});

describe('overrides.yaml', () => {
  const dir = 'tests/fixtures/ladders/with-overrides';

  it('pins a title to its level: it wins, says so, and keeps confidence 1', async () => {
    const out = JSON.parse((await run(['match', 'm.t.s.  3', '--data', dir, '--years', '1', '--json'])).stdout);
    expect(out.match).toMatchObject({ level: 'L3', confidence: 1 });
    expect(out.reasons[0]).toBe('override: "MTS 3" is L3 (overrides.yaml, line 2)');
    expect(out.alternatives).toEqual([]);
    expect(JSON.parse((await run(['match', 'engineer iv (band 62)', '--data', dir, '--json'])).stdout).match.level).toBe('MG');
  });

  it('is used by batch, with and without years', async () => {
    const r = await run(['batch', '--data', dir, '--years-column', 'years', '-q', '--fields', 'level,confidence'], { stdin: 'title,years\nMTS 3,1\nMTS 3,\nAnalyst - Grade 2,30\nSenior Baker,\n' });
    expect(r.stdout.split('\n').slice(1, 5)).toEqual(['MTS 3,1,L3,1.00', 'MTS 3,,L3,1.00', 'Analyst - Grade 2,30,L2,1.00', 'Senior Baker,,L3,0.95']);
  });

  it('is checked by validate, every problem with file and line; match stops on one (exit 3)', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'leveler-ov-'));
    try {
      cpSync(dir, temp, { recursive: true });
      writeFileSync(join(temp, 'overrides.yaml'), 'MTS 3: L3\nmts 3: L2\nChef: Q9\n');
      const v = await run(['validate', '--data', temp]);
      expect(v.code).toBe(1);
      expect(v.stdout.split('\n').filter(Boolean).map((l) => l.replace(temp, 'DIR'))).toEqual([
        'DIR/overrides.yaml:2: override "mts 3": the same title as line 1 ("MTS 3") once case, dots, spacing and accents are set aside; keep one',
        'DIR/overrides.yaml:3: override "Chef": unknown level "Q9"; the ladder\'s levels are L1, L2, L3, MG',
      ]);
      // The first problem stops it, whichever it is: a title pinned twice too.
      const m = await run(['match', 'Chef', '--data', temp]);
      expect(m.code).toBe(3);
      expect(m.stderr).toMatch(/^leveler: invalid overrides: .*overrides\.yaml:2: override "mts 3": the same title as line 1 .*\(and 1 more\); run `leveler validate/);
      // Any YAML form reads the same: a mapping under "overrides:", with a level, a family, an occupation.
      writeFileSync(join(temp, 'overrides.yaml'), 'overrides:\n  "MTS 3": { level: L3 }\n  Chef de Cuisine: L2\n');
      expect((await run(['validate', '--data', temp])).stdout).toMatch(/, 2 overrides(, \d+ companies)?\n$/);
      expect(JSON.parse((await run(['match', 'Chef de Cuisine', '--data', temp, '--json'])).stdout).match.level).toBe('L2');
      writeFileSync(join(temp, 'overrides.yaml'), 'overrides:\n  "MTS 3": { level: L3, band: 7 }\n');
      expect((await run(['validate', '--data', temp])).stdout).toMatch(/overrides\.yaml:2: override "MTS 3": unknown field "band"; use level, family, occupation/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('leveler eval', () => {
  const gold = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'leveler-eval-'));
    const file = join(dir, 'gold.csv');
    writeFileSync(file, text);
    return file;
  };

  it.each([80, 100])('lines its columns up with spaces on a terminal of %i columns, and breaks long lines between words', async (columns) => {
    const file = gold('title,level,family\nSenior Data Scientist,P2,data-science\nStaff Machine Learning Engineer working on the very long platform things of the company,P3,ai-ml\n');
    const r = await run(['eval', file, '--no-color'], { tty: true, columns });
    const lines = r.stdout.trimEnd().split('\n');
    expect(r.stdout).not.toContain('\t');
    expect(lines.find((l) => l.startsWith('per level'))).toBe('per level  precision  recall  labelled');
    expect(lines.find((l) => l.startsWith('P3 '))).toMatch(/^P3 {14}0\.0% {4}0\.0% {9}1$/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
  });

  it('agrees with the acceptance file, in JSON', async () => {
    const out = JSON.parse((await run(['eval', 'tests/fixtures/acceptance-families.csv', '--json'])).stdout);
    expect(out).toMatchObject({ rows: 240, rowsRight: 240, level: { accuracy: 1 }, family: { accuracy: 1 }, misses: [] });
    expect(out.confusion.labels[0]).toBe('P1');
  });

  it('prints accuracy, per-level precision and recall, the matrix and the misses with reasons, and reports bad labels by row', async () => {
    const file = gold('title,years,level,family,soc\nSenior Data Scientist,,P3,data-science,15-2051\nRegistered Nurse,,P3,,29-1141\nChef,,Q9,,\nML Engineer,lots,P2,nope,\n');
    const r = await run(['eval', file, '--occupation-column', 'soc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('level\t66.7%\t2 of 3 scored, 1 not scored\n');
    expect(r.stdout).toContain('occupation\t100.0%\t2 of 2 scored, 2 not scored\n');
    expect(r.stdout).toContain('P3\t100.0%\t50.0%\t2\n');
    expect(r.stdout).toMatch(/expected \\ given\n\tP2\tP3\nP2\t1\t0\nP3\t1\t1\n/);
    expect(r.stdout).toMatch(/row 2\t"Registered Nurse"\twant P3\/none\/29-1141\tgot P2\/none\/29-1141 \(0\.\d\d\)\n\t\tno level marker and no years/);
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^leveler: .*?gold\.csv: /, ''))).toEqual([
      'row 3: level "Q9" is not one of the ladder\'s; not scored',
      'row 4: years "lots" is not a number of years (such as 3, 4.5, 5 yrs, 10+ or 3-5); read without years',
      'row 4: family "nope" is not one of the ladder\'s; not scored',
    ]);
  });

  it('exits 1 below --min-level or --min-family, naming both', async () => {
    const file = gold('title,level,family\nRegistered Nurse,P3,\nSenior Data Scientist,P3,data-science\n');
    const r = await run(['eval', file, '--min-level', '90']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('leveler: below the minimum: level 50.0% (min 90%), family 100.0%\n');
    expect((await run(['eval', file, '--min-level', '50', '--min-family', '100'])).code).toBe(0);
  });

  it.each([
    ['title,grade\nX,P1\n', [], /^leveler: no column "level" in .*gold\.csv; its columns are "title", "grade"; name one with --level-column\n$/, 2],
    ['name,level\nX,P1\n', [], /^leveler: no title column in .*gold\.csv; its columns are "name", "level"; pick one with --column NAME \(or its number\)\n$/, 2],
    ['title,level\nX,P1\n', ['--family-column', 'fam'], /^leveler: no column "fam" in .*gold\.csv; its columns are "title", "level"; name one with --family-column\n$/, 2],
    ['', [], /^leveler: .*gold\.csv is empty: no header row; the first line must name the columns/, 3],
  ])('a bad gold file is one line and an exit code: %j', async (text, args, message, code) => {
    const r = await run(['eval', gold(text), ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('leveler triage', () => {
  const csv = 'id,title\n1,Engineer\n2,Engineer\n3,asdfgh\n4,Senior Data Scientist\n5,Senior Accountant\n6,Engineer\n7,asdfgh\n';

  it('lists the troubled titles by rows with the running share and what leveler read; the counts add up', async () => {
    const r = await run(['triage', '-'], { stdin: csv });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('stdin: 7 rows, 4 distinct titles: 1 fine, 2 unmatched, 3 low-confidence, 1 without a family');
    expect(lines[1]).toBe('These 3 titles are 100% of the 6 troubled rows; the top 3 unmatched titles, 100% of the 2 unmatched.');
    expect(lines.slice(3, 6).map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['3', '0.500', 'low-confidence'],
      ['2', '0.833', 'unmatched'],
      ['1', '1.000', 'no-family'],
    ]);
    expect(lines[4]).toMatch(/\tasdfgh\t\t\t0\.00\tno match: nothing to go on/);
  });

  it.each([80, 100])('breaks its lines between words on a terminal of %i columns, a title\'s row continuing under its title', async (columns) => {
    const long = 'Principal Staff Engineer for the Distributed Quantum Widget Platform Team in the Office of the Chief Technology Officer';
    const r = await run(['triage', '-', '--no-color'], { stdin: `title\n${long}\n${long}\nasdfgh\n`, tty: true, columns });
    const lines = r.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
    const row = lines.findIndex((l) => l.includes('Principal Staff'));
    expect(lines[row + 1]).toMatch(/^ {32}\S/);
    expect(r.stdout.replace(/\n +/g, ' ')).toContain('low-confidence');
  });

  it('prints JSON, and writes a starter overrides file that validates once its unmatched lines are left out', async () => {
    const out = JSON.parse((await run(['triage', '--json', '--top', '2'], { stdin: csv })).stdout);
    expect(out).toMatchObject({ rows: 7, ok: 1, unmatched: 2, lowConfidence: 3, noFamily: 1, distinct: 4 });
    expect(out.titles.map((t: { title: string }) => t.title)).toEqual(['Engineer', 'asdfgh']);
    const dir = mkdtempSync(join(tmpdir(), 'leveler-triage-'));
    try {
      cpSync('tests/fixtures/ladders/minimal', dir, { recursive: true });
      const r = await run(['triage', '--write-overrides', join(dir, 'overrides.yaml'), '--data', dir], { stdin: csv });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^leveler: note: .* has no occupation-words.tsv of its own: occupations are read with the shipped model .*\nleveler: wrote \d titles to .*overrides\.yaml: correct them/);
      const text = readFileSync(join(dir, 'overrides.yaml'), 'utf8');
      expect(text).toMatch(/^# "asdfgh": LEVEL {3}# 2 rows; unmatched$/m);
      expect((await run(['validate', '--data', dir])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a years column as batch does: the rows a marker-less title has years for are fine', async () => {
    const out = JSON.parse((await run(['triage', '--json'], { stdin: 'title,years\nData Scientist,\nData Scientist,6\nData Scientist,many\n' })).stdout);
    expect(out).toMatchObject({ rows: 3, ok: 1, lowConfidence: 2 });
    const noYears = JSON.parse((await run(['triage', '--json', '--no-years-column'], { stdin: 'title,years\nData Scientist,\nData Scientist,6\n' })).stdout);
    expect(noYears).toMatchObject({ rows: 2, ok: 0, lowConfidence: 2 });
  });

  it('never writes the starter file over its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leveler-triage-'));
    try {
      const file = join(dir, 'titles.csv');
      writeFileSync(file, csv);
      const r = await run(['triage', file, '--write-overrides', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`leveler: --write-overrides ${file} exists; write to a new file, or pass --force to replace this one\n`);
      // Not even with --force: it is the input.
      const forced = await run(['triage', file, '--write-overrides', file, '--force']);
      expect(forced.code).toBe(2);
      expect(forced.stderr).toBe(`leveler: --write-overrides ${file} is the input file; write the output to another file; the input is never overwritten\n`);
      expect(readFileSync(file, 'utf8')).toBe(csv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never replaces an existing overrides file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leveler-triage-'));
    try {
      const target = join(dir, 'overrides.yaml');
      writeFileSync(target, '# hand-edited\nMTS 3: P3\n');
      const r = await run(['triage', '-', '--write-overrides', target], { stdin: csv });
      expect(r.code).toBe(2);
      expect(readFileSync(target, 'utf8')).toBe('# hand-edited\nMTS 3: P3\n');
      const forced = await run(['triage', '-', '--write-overrides', target, '--force'], { stdin: csv });
      expect(forced.code).toBe(0);
      expect(readFileSync(target, 'utf8')).toMatch(/^# Starter overrides/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the columns when the title column is missing (exit 2)', async () => {
    const r = await run(['triage', '-'], { stdin: 'id,name\n1,x\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leveler: no title column in stdin; its columns are "id", "name"; pick one with --column NAME (or its number)\n');
  });
});

describe('a ladder of your own without a word table', () => {
  it('says once, on stderr, that it reads occupations with the shipped model', async () => {
    const r = await run(['batch', '-q', '--data', 'tests/fixtures/ladders/minimal'], { stdin: 'title\nRegistered Nurse\nLine Cook\nAccountant\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('leveler: note: tests/fixtures/ladders/minimal has no occupation-words.tsv of its own: occupations are read with the shipped model (O*NET and U.S. filings)\n');
    // The shipped ladder has its own: nothing to say.
    expect((await run(['batch', '-q'], { stdin: 'title\nRegistered Nurse\n' })).stderr).toBe('');
  });
});

describe('show --json', () => {
  it("carries the occupation match gives the family's titles, or the --occupation's", async () => {
    const json = async (args: string[]) => JSON.parse((await run([...args, '--json'])).stdout);
    const show = await json(['show', 'P3', '--family', 'ai-ml']);
    const match = await json(['match', 'Senior ML Engineer']);
    expect(show.occupation).toEqual(match.match.occupation);
    expect((await json(['show', 'S2', '--occupation', '35-2014.00'])).occupation).toMatchObject({ code: '35-2014.00', source: 'onet', jobZone: 2 });
  });
});

describe('the level text, true for every occupation', () => {
  // The professional track reads for a nurse, an accountant or a teacher; the families' cards keep
  // their technical text (ladder.yaml familyDimensions).
  const TECHNICAL = /\b(component|components|design choices|design decisions|sprint|architecture|systems the team runs|technical)\b/i;
  const dimensionLines = (out: string) => out.split('\n').filter((l) => /^(scope|autonomy|complexity|impact|decision_rights|leadership)\t/.test(l));

  it.each(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6'])('%s reads without technical words on an occupation\'s card', async (level) => {
    for (const code of ['29-1141.00', '13-2011.00', '25-2021.00']) {
      const r = await run(['show', level, '--occupation', code]);
      expect(r.code).toBe(0);
      expect(dimensionLines(r.stdout).filter((l) => TECHNICAL.test(l))).toEqual([]);
    }
  });

  it("keeps the families' own text on their cards", async () => {
    const r = await run(['show', 'P2', '--family', 'ai-ml']);
    expect(r.stdout).toContain('scope\tFeatures or workstreams within a component\n');
    expect(r.stdout).toContain('decision_rights\tDecides how to do own work; escalates design choices\n');
    const m1 = await run(['show', 'M1', '--family', 'software-engineering']);
    expect(m1.stdout).toContain('sets sprint priorities');
  });
});
