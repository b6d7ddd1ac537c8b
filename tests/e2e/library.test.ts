// The library as a TypeScript user meets it: the packed tarball installed into a project of its own
// with nothing but @types/node beside it; the README's example compiled with `tsc --strict` and run;
// and createLeveler() giving, title for title, what the installed CLI's --json gives.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, readCsvFixture, ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-library-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const project = join(temp, 'consumer');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The README's library example: its ts code block. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library\n'));
  return /```ts\n([\s\S]*?)```/.exec(section)![1]!;
}

let installedAlone: string[] = [];

beforeAll(() => {
  mkdirSync(project, { recursive: true });
  // `npm test` has just built dist/: pack it as is, and install it with nothing else.
  const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', temp], ROOT))[0] as { filename: string };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', join(temp, packed.filename)], project);
  installedAlone = spawnSync('ls', [join(project, 'node_modules')], { encoding: 'utf8' }).stdout.trim().split('\n');
  // @types/node, as npm installs it: with the types it depends on.
  cpSync(join(ROOT, 'node_modules', '@types', 'node'), join(project, 'node_modules', '@types', 'node'), { recursive: true });
  cpSync(join(ROOT, 'node_modules', 'undici-types'), join(project, 'node_modules', 'undici-types'), { recursive: true });
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], outDir: 'out', rootDir: '.' }, include: ['*.ts'] }),
  );
}, 120_000);

describe('the library from the packed tarball', () => {
  it('installs alone: no dependency comes with it', () => {
    expect(installedAlone).toEqual(['job-leveler']);
    expect(existsSync(join(project, 'node_modules', 'job-leveler', 'node_modules'))).toBe(false);
  });

  it("compiles the README's example with tsc --strict, and it prints what the README says", () => {
    const example = readmeExample();
    writeFileSync(join(project, 'example.ts'), example);
    const compiled = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const run = spawnSync(process.execPath, [join(project, 'out', 'example.js')], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // Each console.log's comment in the README is what it prints.
    const promised = [...example.matchAll(/console\.log\([^\n]*\); \/\/ (.*)$/gm)].map((m) => m[1]!);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(promised[0]);
    expect(lines.at(-1)).toBe(promised.at(-1));
    expect(lines.slice(1, -1)).toEqual(['Line Cook S2 Cooks, Restaurant', 'Registered Nurse P2 Registered Nurses']);
  }, 60_000);

  it('gives, title for title, what the CLI of the same package gives with --json', () => {
    const acceptance = [...readCsvFixture(join(FIXTURES, 'acceptance-families.csv')), ...readCsvFixture(join(FIXTURES, 'acceptance-ai-ml.csv'))].map((r) => ({
      title: r.title!,
      years: r.years ? Number(r.years) : null,
    }));
    const filed = readCsvFixture(join(FIXTURES, 'filed-titles.csv')).map((r) => ({ title: r.title!, years: null }));
    // 500 LinkedIn titles, read where the project's measurement data is (never copied here).
    const linkedin = join(ROOT, '..', 'shared', 'eval-data', 'linkedin-ds-jobs-2024', 'job_postings.csv');
    const postings = existsSync(linkedin) ? readCsvFixture(linkedin).slice(0, 500).map((r) => ({ title: r.job_title!, years: null })) : [];
    const rows = [...acceptance, ...filed, ...postings];
    // The acceptance and filed titles always; the postings where the measurement data is at hand.
    expect(acceptance.length + filed.length).toBeGreaterThanOrEqual(840);
    if (existsSync(linkedin)) expect(postings).toHaveLength(500);
    writeFileSync(join(project, 'rows.json'), JSON.stringify(rows));
    writeFileSync(
      join(project, 'many.mjs'),
      "import { readFileSync } from 'node:fs';\nimport { createLeveler } from 'job-leveler';\n" +
        "const leveler = await createLeveler();\nconst out = [];\n" +
        "for await (const a of leveler.matchMany(JSON.parse(readFileSync('rows.json', 'utf8')))) out.push(JSON.stringify(a));\n" +
        "for (const r of JSON.parse(readFileSync('rows.json', 'utf8')).slice(0, 40)) out.push(JSON.stringify(await leveler.match(r.title, { years: r.years })));\n" +
        "process.stdout.write(out.join('\\n') + '\\n');\n",
    );
    const library = spawnSync(process.execPath, ['many.mjs'], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(library.stderr).toBe('');
    const csv = ['title,years', ...rows.map((r) => `"${r.title.replaceAll('"', '""')}",${r.years ?? ''}`)].join('\n') + '\n';
    const bin = join(project, 'node_modules', 'job-leveler', 'bin', 'leveler.js');
    const cli = spawnSync(process.execPath, [bin, 'batch', '-', '-q', '--format', 'ndjson', '--years-column', 'years'], { cwd: project, input: csv, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(cli.status).toBe(0);
    const fromCli = cli.stdout.trimEnd().split('\n').map((l) => {
      const { row: _row, ...answer } = JSON.parse(l) as Record<string, unknown>;
      return answer;
    });
    const fromLibrary = library.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromLibrary.slice(0, rows.length)).toEqual(fromCli);
    // match() gives what matchMany() gives, and what `leveler match --json` prints.
    expect(fromLibrary.slice(rows.length)).toEqual(fromCli.slice(0, 40));
    const one = spawnSync(process.execPath, [bin, 'match', rows[0]!.title, '--json', ...(rows[0]!.years === null ? [] : ['--years', String(rows[0]!.years)])], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(one.stdout)).toEqual(fromCli[0]);
  }, 120_000);
});
