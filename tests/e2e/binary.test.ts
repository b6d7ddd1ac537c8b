// The built binary, spawned as a user runs it (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const leveler = (args: string[], env: Record<string, string> = {}, cwd = ROOT) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });

const temp = mkdtempSync(join(tmpdir(), 'leveler-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the leveler binary', () => {
  it('levels a title from any working directory, with the shipped ladder', () => {
    const r = leveler(['match', 'Associate ML'], {}, temp);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^level\tP1\n/);
    expect(r.stdout).toContain('family\tai-ml\n');
  });

  it('prints JSON a script can parse', () => {
    const r = leveler(['match', 'Sr. ML Engineer', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).match).toMatchObject({ level: 'P3', family: 'ai-ml' });
  });

  it('levels a title of no family by its O*NET occupation, and shows an occupation card', () => {
    const r = leveler(['match', 'Line Cook', '--json'], {}, temp);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout).match;
    expect(m).toMatchObject({ track: 'support', family: null, occupation: { source: 'onet', code: expect.stringMatching(/^35-\d{4}\.\d\d$/) } });
    const show = leveler(['show', 'S2', '--occupation', m.occupation.code]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain(`occupation\t${m.occupation.code} — `);
    const csv = join(temp, 'jobs.csv');
    writeFileSync(csv, 'title\nRegistered Nurse\nSenior Data Scientist\nasdfgh\n');
    const batch = leveler(['batch', csv, '-q']);
    expect(batch.stdout.split('\n').slice(0, 4)).toEqual([
      'title,level,level_name,track,family,role,confidence,soc_code,occupation',
      'Registered Nurse,P2,Developing Professional,professional,,Registered Nurses,0.50,29-1141,Registered Nurses',
      'Senior Data Scientist,P3,Career Professional,professional,data-science,Senior Data Scientist,0.95,15-2051,Data Scientists',
      'asdfgh,,,,,,,,',
    ]);
  });

  it('says what a level pays, from the shipped pay table', () => {
    const r = leveler(['pay', '--family', 'ai-ml', '--json'], {}, temp);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.levels.map((l: { level: string }) => l.level).slice(0, 3)).toEqual(['P1', 'P2', 'P3']);
    for (const l of out.levels) expect(l.median === null || l.n >= 30).toBe(true);
    const m = JSON.parse(leveler(['match', 'Staff Data Engineer', '--json', '--region', 'us']).stdout).match;
    expect(m.marketPay.region).toBe('US');
    expect(m.marketPay.oews).toMatchObject({ source: 'BLS OEWS', period: 'May 2024' });
  });

  it('scores the acceptance titles with eval, and fails a team\'s CI below its bar', () => {
    const ok = leveler(['eval', join(ROOT, 'tests', 'fixtures', 'acceptance-ai-ml.csv'), '--min-level', '100', '--min-family', '100'], { FORCE_COLOR: '0' }, temp);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^.*acceptance-ai-ml\.csv: 101 rows, 101 right\nlevel\t100\.0%\t101 of 101 scored\n/);
    const gold = join(temp, 'gold.csv');
    writeFileSync(gold, 'title,level\nRegistered Nurse,P4\n');
    const low = leveler(['eval', gold, '--min-level', '50']);
    expect(low.status).toBe(1);
    expect(low.stderr).toBe('leveler: below the minimum: level 0.0% (min 50%), family —\n');
  });

  it('triages a file: the counts add up to the rows', () => {
    const file = join(temp, 'triage.csv');
    writeFileSync(file, 'title\nEngineer\nasdfgh\nSenior Data Scientist\nEngineer\n');
    const r = leveler(['triage', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok + out.unmatched + out.lowConfidence + out.noFamily).toBe(out.rows);
    expect(out.rows).toBe(4);
    expect(out.titles[0]).toMatchObject({ title: 'Engineer', rows: 2 });
  });

  it('ships a cache of family titles\' occupations that gives, title by title, what the word table gives', async () => {
    const lib = await import(join(ROOT, 'dist', 'internal.js'));
    const dir = lib.shippedDataDir();
    const loaded = await lib.loadLadder(dir, ROOT);
    const cache = loaded.familyOccupations;
    expect(cache.stamp).toBe(lib.tableStamp(join(dir, 'occupation-words.tsv')));
    expect(Object.keys(cache.table).length).toBeGreaterThan(100);
    // The same matcher with the cache (counting how often it reads the word table) and without.
    const source = lib.occupationSource(dir, ROOT, cache);
    let reads = 0;
    const counted = { ...source, model: () => (reads++, source.model()) };
    const cached = (await lib.createMatcher(loaded.ladder, loaded.lexicon)).useOccupations(counted);
    const fresh = (await lib.createMatcher(loaded.ladder, loaded.lexicon)).useOccupations(lib.occupationSource(dir, ROOT));
    let titles = 0;
    for (const family of loaded.ladder.families) {
      const commonTitles = Object.values(family.cards as Record<string, { commonTitles: string[] }>).flatMap((c) => c.commonTitles);
      for (const title of [...family.roles, ...family.vocabulary, ...commonTitles] as string[]) {
        if (cached.readTitle(title).fam.family?.id !== family.id) continue;
        titles++;
        expect(cached.match(title).match?.occupation, title).toEqual(fresh.match(title).match?.occupation);
      }
    }
    expect(titles).toBeGreaterThan(100);
    expect(reads).toBe(0);
  });

  it('reads the overrides of a ladder folder', () => {
    const r = leveler(['match', 'Engineer IV (Band 62)', '--data', join(ROOT, 'tests', 'fixtures', 'ladders', 'with-overrides')], {}, temp);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^level\tMG\n/);
    expect(r.stdout).toContain('confidence\t1.00\n');
    expect(r.stdout).toContain('reason\toverride: "Engineer IV (Band 62)" is MG (overrides.yaml, line 3)\n');
  });

  it.each([
    [['pay', '--family', 'nope'], 2],
    [['show', 'S2', '--occupation', '99-9999'], 2],
    [['match', 'asdfgh qwerty'], 1],
    [['match', 'ML', '--years', 'many'], 2],
    [['show', 'P9'], 2],
    [['match', 'ML', '--data', 'no/such/dir'], 3],
  ])('exits %j with %i and one line on stderr, no stack trace', (args, code) => {
    const r = leveler(args);
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(/^leveler: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('uses an edited copy of the shipped ladder, not the prebuilt snapshot', () => {
    const dir = join(temp, 'edited');
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    const ladder = join(dir, 'ladder.yaml');
    writeFileSync(ladder, readFileSync(ladder, 'utf8').replace('        - trainee\n', '        - trainee\n        - rookie\n'));
    expect(leveler(['match', 'Rookie ML Engineer', '--data', dir]).stdout).toMatch(/^level\tP1\n/);
    expect(leveler(['match', 'Rookie ML Engineer']).stdout).toMatch(/^level\tP2\n/);
  });

  it('exits 3 naming file and line for a broken ladder given by LEVELER_DATA', () => {
    const r = leveler(['list'], { LEVELER_DATA: join(ROOT, 'tests/fixtures/ladders/broken-yaml') });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/ladder\.yaml:5: YAML: /);
  });

  it('validates the shipped ladder', () => {
    expect(leveler(['validate']).status).toBe(0);
  });
});

describe('leveler completion', () => {
  /** Completes `line` (words so far, the last one being typed) with the bash script, as bash would. */
  function completeBash(words: string[]): string[] {
    const script = leveler(['completion', 'bash']).stdout;
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(leveler ${quoted}); COMP_CWORD=${words.length}; _leveler; printf '%s\\n' "\${COMPREPLY[@]}"`], {
      cwd: temp,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout.trim().split('\n').filter(Boolean);
  }

  it('bash: completes commands, each command\'s flags and a flag\'s choices', () => {
    expect(completeBash(['ba'])).toEqual(['batch']);
    expect(completeBash(['batch', '--for'])).toEqual(['--format']);
    expect(completeBash(['batch', '--format', 'nd'])).toEqual(['ndjson']);
    expect(completeBash(['match', '--y'])).toEqual(['--years']);
    expect(completeBash(['list', '--color', 'al'])).toEqual(['always']);
  });

  it('bash: completes level codes for show, family ids for --family, companies, shells and commands; a title is not a file', () => {
    expect(completeBash(['show', 'P'])).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(completeBash(['show', 's'])).toEqual([]);
    expect(completeBash(['match', 'x', '--family', 'data'])).toEqual(['data-analytics', 'data-engineering', 'data-science']);
    expect(completeBash(['list', '--family', 'ai'])).toEqual(['ai-ml']);
    expect(completeBash(['match', 'x', '--company', 'goo'])).toEqual(['google']);
    expect(completeBash(['crosswalk', 'met'])).toEqual(['meta']);
    expect(completeBash(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(completeBash(['help', 'ba'])).toEqual(['batch']);
    expect(completeBash(['he'])).toEqual(['help']);
    writeFileSync(join(temp, 'titles-for-completion.csv'), 'title\n');
    expect(completeBash(['match', 'titles-for'])).toEqual([]);
    expect(completeBash(['batch', 'titles-for'])).toEqual(['titles-for-completion.csv']);
  });

  it("bash: a ladder's own words with --data", () => {
    const own = join(temp, 'completion-ladder');
    cpSync(join(ROOT, 'tests', 'fixtures', 'ladders', 'minimal'), own, { recursive: true });
    const script = leveler(['completion', 'bash', '--data', own]).stdout;
    const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(leveler show ''); COMP_CWORD=2; _leveler; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['L1', 'L2', 'L3', 'MG']);
  });

  it('zsh: leaves compinit to the user, and says so when it has not run', () => {
    const r = leveler(['completion', 'zsh']);
    // No line runs compinit (a comment and the message may name it).
    expect(r.stdout.split('\n').filter((l) => /^\s*(autoload\b.*&&\s*)?compinit\b/.test(l) || /^autoload .*\bcompinit$/.test(l))).toEqual([]);
    expect(r.stdout).toContain("if (( $+functions[compdef] )); then");
    expect(r.stdout).toContain('autoload -U +X bashcompinit && bashcompinit');
  });

  const hasZsh = spawnSync('zsh', ['-fc', 'true']).status === 0;
  it.skipIf(!hasZsh)('zsh (where installed): loads after compinit, and without it says so and lets the rest of ~/.zshrc run', () => {
    const script = join(temp, 'leveler.zsh');
    writeFileSync(script, leveler(['completion', 'zsh']).stdout);
    const ok = spawnSync('zsh', ['-fc', `autoload -Uz compinit && compinit -u; eval "$(cat ${script})"; whence -w _leveler`], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe('_leveler: function');
    const without = spawnSync('zsh', ['-fc', `eval "$(cat ${script})"; echo still running`], { encoding: 'utf8' });
    expect(without.stdout.trim()).toBe('still running');
    expect(without.stderr).toMatch(/needs compinit first/);
  });

  it.each(['zsh', 'fish'])('%s: a script naming every command and flag', (shell) => {
    const r = leveler(['completion', shell]);
    expect(r.status).toBe(0);
    for (const word of ['match', 'batch', 'list', 'show', 'validate', 'format', 'years-column', 'no-header']) expect(r.stdout).toContain(word);
  });

  it('refuses an unknown shell (exit 2)', () => {
    const r = leveler(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leveler: unknown shell "tcsh"; use one of: bash, zsh, fish\n');
  });
});

describe('the pager, on a real terminal', () => {
  it('sends a card taller than the screen through $LEVELER_PAGER, and nothing through it with --no-pager', () => {
    const paged = join(temp, 'paged.txt');
    const onTerminal = (flags: string) =>
      spawnSync('script', ['-qc', `stty rows 30 cols 100; "${process.execPath}" "${BIN}" show P1 --family ai-ml --no-color ${flags}`, '/dev/null'], {
        cwd: temp,
        encoding: 'utf8',
        env: { ...process.env, LEVELER_PAGER: `cat > "${paged}"`, NO_COLOR: '1' },
      });
    expect(onTerminal('').status).toBe(0);
    expect(readFileSync(paged, 'utf8')).toMatch(/^P1 Entry-Level Professional · AI\/ML Engineering\n/);
    rmSync(paged);
    const direct = onTerminal('--no-pager');
    expect(direct.stdout).toContain('P1 Entry-Level Professional');
    expect(() => readFileSync(paged)).toThrow();
  });
});
