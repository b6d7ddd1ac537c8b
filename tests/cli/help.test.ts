// The command line as people read it: help, usage errors, widths.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { run } from '../helpers.js';

describe('help', () => {
  it.each([...COMMANDS.map((c) => c.name), 'leveler'])('%s: every example on one line, in a pipe and at 60 columns', async (name) => {
    const args = name === 'leveler' ? ['--help'] : [name, '--help'];
    const spec = COMMANDS.find((c) => c.name === name);
    const examples = spec ? spec.examples : COMMANDS.map((c) => c.examples[0]!);
    for (const options of [{}, { tty: true, columns: 60 }]) {
      const r = await run(args, options);
      expect(r.code).toBe(0);
      for (const example of examples) expect(r.stdout).toContain(`\n  $ ${example}\n`);
    }
  });

  it('shows a command\'s examples before its options', async () => {
    const r = await run(['batch', '--help']);
    expect(r.stdout.indexOf('Examples:')).toBeLessThan(r.stdout.indexOf('Options:'));
    expect(r.stdout.indexOf('Examples:')).toBeGreaterThan(0);
  });

  it.each([
    ['list', 'roles'],
    ['show', 'card'],
    ['pay', 'pay'],
  ])('%s says --family picks the %s to show, not a family detected from a title', async (name, what) => {
    const r = await run([name, '--help']);
    expect(r.stdout).not.toContain('detected from the title');
    expect(r.stdout).toMatch(new RegExp(`--family <id>\\s+the family whose ${what} to show`));
  });

  it('help COMMAND shows that command\'s help', async () => {
    const r = await run(['help', 'batch']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: leveler batch /);
  });

  it('help of an unknown command says so (exit 2)', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leveler: unknown command "nope"; the commands are match, batch, list, show, families, occupations, pay, eval, triage, companies, crosswalk, validate, completion; see `leveler --help`\n');
  });
});

describe('usage errors', () => {
  it('point at the help of the command they happened in', async () => {
    const r = await run(['batch', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("leveler: unknown option '--nope'; see `leveler batch --help`\n");
  });

  it.each([[['match', '']], [['match', '   ']]])('%j: an empty title is a usage error (exit 2)', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leveler: the title is empty; give a job title, such as: leveler match "Senior Data Scientist"\n');
  });

  it.each([['-'], ['()'], [' - / ']])('%j: a title of no letter or digit is a usage error too (exit 2)', async (title) => {
    const r = await run(['match', title]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`leveler: the title "${title}" has no words; give a job title, such as: leveler match "Senior Data Scientist"\n`);
  });

  it('--color takes auto, always or never', async () => {
    const always = await run(['list', '--color', 'always'], { tty: true });
    expect(always.stdout).toContain('\u001b[');
    const never = await run(['list', '--color', 'never'], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(never.stdout).not.toContain('\u001b[');
    const bad = await run(['list', '--color', 'sometimes']);
    expect(bad.code).toBe(2);
  });
});

describe('widths', () => {
  it('list fits a 60-column terminal', async () => {
    const r = await run(['list', '--no-color'], { tty: true, columns: 60 });
    const widest = Math.max(...r.stdout.trimEnd().split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(60);
  });
});

describe('the pager', () => {
  it('takes a card taller than the terminal, so its top stays in view', async () => {
    const r = await run(['show', 'P1', '--no-color', '--family', 'ai-ml'], { tty: true, rows: 40, pager: true });
    expect(r.stdout).toBe('');
    expect(r.paged).toHaveLength(1);
    expect(r.paged[0]).toMatch(/^P1 Entry-Level Professional · AI\/ML Engineering\n/);
  });

  it('is skipped for a table that fits, with --no-pager, and in a pipe', async () => {
    expect((await run(['list', '--no-color'], { tty: true, rows: 100, pager: true })).paged).toEqual([]);
    const noPager = await run(['show', 'P1', '--no-color', '--no-pager', '--family', 'ai-ml'], { tty: true, rows: 40, pager: true });
    expect(noPager.paged).toEqual([]);
    expect(noPager.stdout).toMatch(/^P1 Entry-Level Professional/);
    expect((await run(['show', 'P1'], { rows: 40, pager: true })).paged).toEqual([]);
  });
});

describe('did you mean', () => {
  it.each([
    [['match', 'ML Engineer', '--family', 'datascience'], 'leveler: unknown family "datascience"; did you mean data-science? families in this ladder: '],
    [['list', '--family', 'ai_ml'], 'leveler: unknown family "ai_ml"; did you mean ai-ml? families in this ladder: '],
    [['match', 'ML Engineer', '--family', 'zzz'], 'leveler: unknown family "zzz"; families in this ladder: '],
  ])('%j names the near family', async (args, start) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(start), r.stderr).toBe(true);
  });

  it('names the column a --column nearly names', async () => {
    const r = await run(['batch', '-', '--column', 'Job Title', '-q'], { stdin: 'job_title,years\nSenior ML Engineer,3\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leveler: no column "Job Title" in stdin; did you mean "job_title"? its columns are "job_title", "years"; pick one with --column NAME (or its number)\n');
  });
});

describe('-q on every command that writes to stderr', () => {
  it.each([
    [['list'], 0],
    [['show', 'P3'], 0],
    [['match', 'asdfgh'], 1],
  ])('%j: notes and hints go with -q, the exit status stays', async (args, code) => {
    const loud = await run(args);
    const hushed = await run([...args, '-q']);
    expect(loud.stderr).not.toBe('');
    expect(hushed.stderr).toBe('');
    expect(hushed.code).toBe(code);
    expect(hushed.stdout).toBe(loud.stdout);
  });

  it('keeps errors', async () => {
    const r = await run(['match', '', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leveler: the title is empty/);
  });
});

describe('--color always in a pipe', () => {
  it('pay: the chart a terminal shows (it has no colours), not the tab-separated lines', async () => {
    const r = await run(['pay', '--family', 'ai-ml', '--color', 'always']);
    expect(r.stdout).toMatch(/^AI\/ML Engineering: annual pay by level, US, in USD\n/);
    expect(r.stdout).toContain('█');
    expect((await run(['pay', '--family', 'ai-ml'])).stdout).toMatch(/^P1\t/);
  });

  it.each([
    [['match', 'Senior ML Engineer']],
    [['list']],
    [['families']],
    [['show', 'P3', '--family', 'ai-ml']],
    [['occupations', 'nurse']],
    [['companies', 'google']],
    [['crosswalk', 'google', 'meta']],
    [['triage', '-'], 'title\nSenior ML Engineer\nasdfgh\n'],
    [['eval', '-'], 'title,level\nSenior ML Engineer,P2\n'],
    [['match', 'Associate ML', '--brief']],
  ] as [string[], string?][])('%j shows what a terminal shows, in colour', async (args, stdin) => {
    const r = await run([...args, '--color', 'always', '--no-pager'], stdin === undefined ? {} : { stdin });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    const plain = await run(args, stdin === undefined ? {} : { stdin });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});
