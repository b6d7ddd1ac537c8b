// The code cache (src/boot.ts) is an aid, never a difference: the built package gives the same bytes
// and exit codes with its cache, with none, and with one V8 rejects; a bundle edited since the build
// runs as edited; and the shipped cache is one V8 accepts, or it would only cost start-up time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptanceFile, copyBuiltPackage, ROOT } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'leveler-boot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the built package (bin/ and dist/, the shipped data beside them), its cache as `cache` says. */
function copy(name: string, cache: 'shipped' | 'none' | 'corrupt'): string {
  const root = copyBuiltPackage(join(temp, name));
  const file = join(root, 'dist', 'leveler.cache');
  if (cache === 'none') rmSync(file);
  if (cache === 'corrupt') {
    const bytes = readFileSync(file);
    for (let i = 0; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(file, bytes);
  }
  return root;
}

const cacheUse = (root: string) =>
  spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(join(root, 'dist', 'boot.cjs'))}).load().cache)`], { encoding: 'utf8' }).stdout;

/** A seeded draw, so a failure can be run again. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('the code cache', () => {
  const shipped = copy('shipped', 'shipped');
  const none = copy('none', 'none');
  const corrupt = copy('corrupt', 'corrupt');

  it('is used as shipped; a missing one is none, a damaged one rejected', () => {
    expect(cacheUse(ROOT)).toBe('used');
    expect(cacheUse(shipped)).toBe('used');
    expect(cacheUse(none)).toBe('none');
    expect(cacheUse(corrupt)).toBe('rejected');
  });

  it('is not used for a bundle edited since the build, even one of the same length', () => {
    const edited = copy('edited', 'shipped');
    const file = join(edited, 'dist', 'leveler.cjs');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"level_name"');
    writeFileSync(file, text.replaceAll('"level_name"', '"LEVEL_NAME"'));
    expect(cacheUse(edited)).toBe('rejected');
    const r = spawnSync(process.execPath, [join(edited, 'bin', 'leveler.js'), 'match', 'Associate ML'], { cwd: temp, encoding: 'utf8' });
    expect(r.stdout).toContain('LEVEL_NAME\tEntry-Level Professional');
  });

  it('loads no Node module a cold match of a family title does not need (node:crypto costs 7 ms, child_process 5%)', () => {
    const script = join(temp, 'modules.cjs');
    writeFileSync(
      script,
      `const { main, processIo } = require(${JSON.stringify(join(ROOT, 'dist', 'boot.cjs'))}).load().exports;\n` +
        "main(['match', 'Associate ML'], processIo()).then(() => process.stderr.write(process.moduleLoadList.join('\\n')));\n",
    );
    const loaded = spawnSync(process.execPath, [script], { encoding: 'utf8' }).stderr.split('\n');
    expect(loaded).toContain('NativeModule fs');
    for (const name of ['crypto', 'child_process', 'zlib']) expect(loaded, name).not.toContain(`NativeModule ${name}`);
  });

  it('changes nothing: random commands give the same bytes and exit codes with it, without it, and rejected', () => {
    const titles = readFileSync(acceptanceFile(), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]!).filter(Boolean);
    const rnd = random(17);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const commands: string[][] = [['show', 'P3'], ['match', 'asdfgh qwerty'], ['match', 'ML', '--years', 'many'], ['list']];
    for (let i = 0; i < 12; i++) {
      const title = pick(titles);
      commands.push(pick([['match', title], ['match', title, '--json'], ['match', title, '--years', String(Math.floor(rnd() * 20))], ['match', title, '--explain']]));
    }
    const csv = join(temp, 'titles.csv');
    writeFileSync(csv, `title\n${titles.slice(0, 300).map((t) => JSON.stringify(t)).join('\n')}\n`);
    commands.push(['batch', csv, '--format', 'ndjson', '-q']);
    for (const args of commands) {
      const run = (root: string) => spawnSync(process.execPath, [join(root, 'bin', 'leveler.js'), ...args], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const seen = (r: ReturnType<typeof run>) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });
      const [a, b, c] = [seen(run(shipped)), seen(run(none)), seen(run(corrupt))];
      expect(a.stdout.length + a.stderr.length, args.join(' ')).toBeGreaterThan(0);
      expect(b, args.join(' ')).toEqual(a);
      expect(c, args.join(' ')).toEqual(a);
    }
  });
});
