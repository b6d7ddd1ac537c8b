// The package as a user installs it: packed, installed globally from the tarball into a folder of
// its own with nothing else, and run from elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const npm = (args: string[], cwd = ROOT) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('the packed package', () => {
  // `npm test` has just built dist/: pack it as is.
  const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', temp]))[0] as { filename: string; files: { path: string }[] };
  const paths = packed.files.map((f) => f.path);

  it('is named job-leveler and has no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('job-leveler');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ leveler: 'bin/leveler.js' });
  });

  it('ships the bundle once, the shipped ladder, the licence and no sources or tests', () => {
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/leveler.js', 'bin/package.json', 'dist/boot.cjs', 'dist/leveler.cjs', 'dist/leveler.cache', 'dist/helper.cjs', 'dist/index.js', 'dist/ladder.snapshot.json', 'dist/occupation-words.pack', 'data/ladder.yaml']));
    expect(paths.filter((p) => /^(src|tests|bench|scripts)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('dist/lib/'))).toEqual([]);
  });

  it('installs globally with nothing else and levels a title', () => {
    const prefix = join(temp, 'global');
    npm(['install', '-g', '--offline', '--prefix', prefix, join(temp, packed.filename)], temp);
    const r = spawnSync(join(prefix, 'bin', 'leveler'), ['match', 'Associate ML'], { cwd: temp, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^level\tP1\n/);
    const installed = spawnSync('ls', [join(prefix, 'lib', 'node_modules')], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(installed).toEqual(['job-leveler']);
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'job-leveler', 'node_modules'))).toBe(false);
  });
});
