import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

const ESC = '\u001b[';
const stripAnsi = (s: string) => s.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^[0-9;]*m/, ''))).join('');

describe('leveler match', () => {
  it('prints key<TAB>value lines in a pipe', async () => {
    const r = await run(['match', 'Associate', 'ML']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'level\tP1',
      'level_name\tEntry-Level Professional',
      'track\tprofessional',
      'family\tai-ml',
      'family_name\tAI/ML Engineering',
      'role\tEntry-Level AI/ML Engineer',
      "occupation\t15-1252.00 — Software Developers (the family's)",
      'confidence\t0.95',
    ]);
    expect(lines.filter((l) => l.startsWith('task\t'))).toHaveLength(12);
    expect(r.stdout).not.toContain(ESC);
  });

  it('prints the JSON contract with --json', async () => {
    const r = await run(['match', 'Sr. ML Engineer', '--years', '6', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['query', 'match', 'alternatives', 'reasons']);
    expect(out.query).toEqual({ title: 'Sr. ML Engineer', years: 6 });
    expect(Object.keys(out.match)).toEqual([
      'level', 'levelName', 'track', 'family', 'familyName', 'role', 'summary', 'meaning', 'years', 'dimensions',
      'tasks', 'skills', 'qualifications', 'commonTitles', 'pay', 'soc', 'marketPay', 'confidence', 'occupation', 'language',
    ]);
    expect(out.match).toMatchObject({ level: 'P3', family: 'ai-ml', years: { min: 5, max: 8 }, occupation: { code: '15-1252.00', title: 'Software Developers', source: 'family' } });
    expect(out.alternatives.length).toBeLessThanOrEqual(3);
    expect(out.alternatives[0]).toEqual({ level: expect.any(String), family: 'ai-ml', confidence: expect.any(Number) });
    expect(out.reasons).toContain('6 years fit P3\'s band (5–8 yrs)');
  });

  it('takes --top and --family', async () => {
    const r = JSON.parse((await run(['match', 'Senior Accountant', '--family', 'ai-ml', '--top', '1', '--json'])).stdout);
    expect(r.match.family).toBe('ai-ml');
    expect(r.alternatives).toHaveLength(1);
  });

  it('exits 1 with a one-line reason when nothing matches', async () => {
    const r = await run(['match', 'asdfgh qwerty']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('leveler: no match for "asdfgh qwerty": nothing to go on: no known job family or occupation, no level marker and no years\n');
  });

  it('prints match: null in JSON when nothing matches, and exits 1', async () => {
    const r = await run(['match', 'asdfgh qwerty', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ match: null, alternatives: [] });
  });

  it.each([
    ['4,5', 4.5],
    ['5 yrs', 5],
    ['10+', 10],
    ['3-5', 3],
  ])('reads --years %j as %d', async (text, years) => {
    const r = await run(['match', 'ML Engineer', '--years', text, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).query.years).toBe(years);
  });

  it.each([
    [['match', 'ML Engineer', '--years', 'abc'], /--years <n>.*'abc' is invalid.*number of years/],
    [['match', 'ML Engineer', '--years', '-1'], /"-1" is negative; years run from 0/],
    [['match', 'ML Engineer', '--years', '90'], /"90" is out of range: years run from 0 to 80/],
    [['match', 'ML Engineer', '--years', '0x10'], /"0x10" is not a number of years/],
    [['match', 'ML Engineer', '--years', '1e1'], /"1e1" is not a number of years/],
    [['match', 'ML Engineer', '--top', '0x3'], /whole number/],
    [['match', 'ML Engineer', '--top', '2.5'], /whole number/],
    [['match'], /missing required argument 'title'/],
    [['match', 'ML', '--colour'], /unknown option '--colour'/],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names the families when --family is unknown', async () => {
    const r = await run(['match', 'ML Engineer', '--family', 'cooking']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leveler: unknown family "cooking"; families in this ladder: ai-ml, data-analytics, data-engineering, data-science, product-management, research-science, software-engineering\n');
  });

  it('draws a coloured table on a terminal', async () => {
    const r = await run(['match', 'Associate ML'], { tty: true, columns: 100 });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${ESC}1m${ESC}36mP1`)).toBe(true);
    expect(r.stdout).toContain('┌');
    expect(r.stdout).toContain('Entry-Level AI/ML Engineer');
    expect(Math.max(...stripAnsi(r.stdout).split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it.each([
    ['NO_COLOR', ['match', 'Associate ML'], { NO_COLOR: '1' }],
    ['--no-color', ['match', 'Associate ML', '--no-color'], {}],
    ['--no-color before the command', ['--no-color', 'match', 'Associate ML'], {}],
  ])('draws the table without colour with %s', async (_why, args, env) => {
    const r = await run(args, { tty: true, env });
    expect(r.stdout).toContain('┌');
    expect(r.stdout).not.toContain(ESC);
  });

  it('reads the ladder from LEVELER_DATA, and --data wins over it', async () => {
    const minimal = 'tests/fixtures/ladders/minimal';
    expect((await run(['match', 'Senior Baker'], { env: { LEVELER_DATA: minimal } })).stdout).toMatch(/^level\tL3\n/);
    const r = await run(['match', 'Senior Baker', '--data', 'data'], { env: { LEVELER_DATA: minimal } });
    expect(r.stdout).toMatch(/^level\tS3\n/);
  });

  it('exits 3 with one line naming the file and line when the ladder is invalid', async () => {
    const r = await run(['match', 'ML Engineer', '--data', 'tests/fixtures/ladders/many-problems']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^leveler: invalid ladder: tests\/fixtures\/ladders\/many-problems\/ladder\.yaml:5: defaultLevel "L9" is not a level code \(and 6 more\); run `leveler validate --data tests\/fixtures\/ladders\/many-problems` to list every problem\n$/);
  });

  it('exits 3 when the ladder folder does not exist', async () => {
    const r = await run(['match', 'ML Engineer', '--data', 'no/such/folder']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^leveler: cannot read the ladder: no\/such\/folder\/ladder\.yaml: not found; point --data/);
  });
});

describe('leveler match, in the order people read it', () => {
  it('puts the pay before the card, and --brief stops there with the level\'s meaning', async () => {
    const full = await run(['match', 'Associate ML']);
    const keys = full.stdout.split('\n').map((l) => l.split('\t')[0]);
    expect(keys.indexOf('pay')).toBeGreaterThan(keys.indexOf('alternative'));
    expect(keys.indexOf('pay')).toBeLessThan(keys.indexOf('summary'));
    const brief = await run(['match', 'Associate ML', '--brief']);
    const briefKeys = [...new Set(brief.stdout.trim().split('\n').map((l) => l.split('\t')[0]))];
    expect(briefKeys).toEqual(['level', 'level_name', 'track', 'family', 'family_name', 'role', 'occupation', 'confidence', 'reason', 'alternative', 'pay', 'meaning']);
  });

  it.each([80, 100])('--brief fits a terminal of 24 rows at %i columns', async (columns) => {
    for (const title of ['Associate ML', 'Registered Nurse', 'Senior Cook']) {
      const r = await run(['match', title, '--brief', '--no-color'], { tty: true, columns });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.length, r.stdout).toBeLessThanOrEqual(23);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
    }
  });

  it('gives one occupation answer: the family\'s SOC group is labelled as the family\'s, an O*NET card has no second line', async () => {
    const family = await run(['match', 'Associate ML']);
    expect(family.stdout).toMatch(/^occupation\t15-1252\.00 — Software Developers \(the family's\)$/m);
    expect(family.stdout).toMatch(/^family_group\t15-0000 — Computer & Mathematical Occupations \(inferred\)$/m);
    const nurse = await run(['match', 'Registered Nurse']);
    expect(nurse.stdout.match(/^(occupation|soc|family_group)\t.*$/gm)).toEqual(['occupation\t29-1141.00 — Registered Nurses (O*NET, Job Zone 4)']);
  });
});

describe('leveler match, executives', () => {
  // A chief officer, general counsel or president leads a function: the top of the management track,
  // and the managers' occupation of what it leads (ladder.yaml occupationChoice.leaders, managersOf).
  it.each([
    ['General Counsel', 'M6', '11-9199.00'],
    ['Chief Nursing Officer', 'M6', '11-9111.00'],
    ['Chief Dental Officer', 'M6', '11-9111.00'],
    ['President, Nursing', 'M6', '11-9111.00'],
    ['Chief Financial Officer', 'M6', '11-3031.00'],
    ['Director of Nursing', 'M4', '11-9111.00'],
    // Not leaders: a role noun, an assistant or advisor to one, a vice president's rank.
    ['Associate General Counsel', 'P2', '23-1011.00'],
    ['Senior Advisor to the President', 'P3', null],
    ['Assistant to President', 'P2', '43-6011.00'],
  ] as [string, string, string | null][])('%s is %s, occupation %s', async (title, level, code) => {
    const out = JSON.parse((await run(['match', title, '--json'])).stdout);
    expect(out.match.level).toBe(level);
    if (code !== null) expect(out.match.occupation.code).toBe(code);
  });

  it('says which field a leader leads', async () => {
    const out = JSON.parse((await run(['match', 'Chief Nursing Officer', '--json'])).stdout);
    expect(out.reasons).toContain("occupation 11-9111.00 Medical and Health Services Managers (O*NET): the title leads what its words name (29-1141.00 Registered Nurses), so it is the managers' occupation of it");
  });
});

describe('leveler match, a bare company code', () => {
  it('says which companies have the code, and how to read it on one; nothing changes with --company or in JSON', async () => {
    const r = await run(['match', 'E5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('leveler: "E5" is a level code at DoorDash E5 (P3, Senior), Meta E5 (P3, Senior), Plaid E5 (P3, Senior); read it on one with --company NAME, e.g. `leveler match "E5" --company DoorDash`\n');
    const json = await run(['match', 'E5', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ match: null, alternatives: [] });
    expect(json.stderr).toBe('');
    const meta = await run(['match', 'E5', '--company', 'meta', '--json']);
    expect(JSON.parse(meta.stdout).match.level).toBe('P3');
    expect((await run(['match', 'asdfgh'])).stderr).not.toContain('level code');
  });
});
