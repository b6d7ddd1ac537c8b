// Output never destroys what it points at: devices, FIFOs, symlinks, file modes, the input arriving
// on stdin, signals, full disks and closed streams, with the built binary as a user runs it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const temp = mkdtempSync(join(tmpdir(), 'leveler-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const at = (name: string) => join(temp, name);
const leveler = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: temp, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
/** Runs a shell line in the temp folder, with L the leveler command. */
const sh = (line: string) => spawnSync('bash', ['-c', `L() { "${process.execPath}" "${BIN}" "$@"; }; ${line}`], { cwd: temp, encoding: 'utf8' });
const leftovers = () => readdirSync(temp).filter((f) => f.endsWith('.tmp'));

const INPUT = 'title\nSenior ML Engineer\nJunior ML\n';
const EXPECTED = 'title,level,level_name,track,family,role,confidence,soc_code,occupation\n';
writeFileSync(at('in.csv'), INPUT);

describe('-o onto what is not a regular file', () => {
  it('writes through a FIFO to its reader, and the FIFO stays a FIFO', async () => {
    execFileSync('mkfifo', [at('fifo')]);
    const reader = spawn('cat', [at('fifo')]);
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    const closed = new Promise((r) => reader.on('close', r));
    const r = leveler(['batch', 'in.csv', '-q', '-o', 'fifo']);
    await closed;
    expect(r.status).toBe(0);
    expect(got.startsWith(EXPECTED)).toBe(true);
    expect(got.trimEnd().split('\n')).toHaveLength(3);
    expect(statSync(at('fifo')).isFIFO()).toBe(true);
  });

  it('writes to a device through a symlink and leaves both as they were (/dev/null)', () => {
    symlinkSync('/dev/null', at('null-link'));
    const r = leveler(['batch', 'in.csv', '-q', '-o', 'null-link']);
    expect(r.status).toBe(0);
    expect(lstatSync(at('null-link')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('fails with one line and exit 74 when the device is full (/dev/full)', () => {
    symlinkSync('/dev/full', at('full-link'));
    const r = leveler(['batch', 'in.csv', '-q', '-o', 'full-link']);
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/^leveler: cannot write full-link: no space left on the device; [^\n]+\n$/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes to a process substitution, >(cmd), and its reader gets every row', () => {
    const r = sh(`L batch in.csv -q -o >(cat > substituted.csv); sleep 0.3`);
    expect(r.status).toBe(0);
    expect(readFileSync(at('substituted.csv'), 'utf8').startsWith(EXPECTED)).toBe(true);
  });
});

describe('-o onto a file', () => {
  it('replaces the target of a symlink and keeps the link', () => {
    writeFileSync(at('target.csv'), 'old\n');
    symlinkSync('target.csv', at('link.csv'));
    expect(leveler(['batch', 'in.csv', '-q', '-o', 'link.csv']).status).toBe(0);
    expect(readlinkSync(at('link.csv'))).toBe('target.csv');
    expect(readFileSync(at('target.csv'), 'utf8').startsWith(EXPECTED)).toBe(true);
  });

  it('creates the target of a dangling symlink', () => {
    symlinkSync('made.csv', at('dangling.csv'));
    expect(leveler(['batch', 'in.csv', '-q', '-o', 'dangling.csv']).status).toBe(0);
    expect(lstatSync(at('dangling.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('made.csv'), 'utf8').startsWith(EXPECTED)).toBe(true);
  });

  it('keeps the mode of the file it replaces (0600 stays private)', () => {
    writeFileSync(at('private.csv'), 'old\n');
    chmodSync(at('private.csv'), 0o600);
    expect(leveler(['batch', 'in.csv', '-q', '-o', 'private.csv']).status).toBe(0);
    expect(statSync(at('private.csv')).mode & 0o777).toBe(0o600);
    expect(readFileSync(at('private.csv'), 'utf8').startsWith(EXPECTED)).toBe(true);
  });

  it('refuses a read-only file and leaves it as it was (exit 74)', () => {
    writeFileSync(at('readonly.csv'), 'keep me\n');
    chmodSync(at('readonly.csv'), 0o444);
    const r = leveler(['batch', 'in.csv', '-q', '-o', 'readonly.csv']);
    expect(r.status).toBe(74);
    expect(r.stderr).toBe('leveler: cannot write readonly.csv: the file is read-only; make it writable (chmod u+w), or pick another file\n');
    expect(readFileSync(at('readonly.csv'), 'utf8')).toBe('keep me\n');
  });

  it('refuses to write over the file arriving on stdin', () => {
    writeFileSync(at('stdin.csv'), INPUT);
    const r = sh('L batch - -q -o stdin.csv < stdin.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^leveler: -o stdin.csv is the input file;/);
    expect(readFileSync(at('stdin.csv'), 'utf8')).toBe(INPUT);
  });

  it.each([
    ['a name ending in a slash', 'newfile.csv/', '-o newfile.csv/ ends in a slash: it names a folder, which does not exist; give a file name, such as newfile.csv'],
    ['an empty name', '', '-o needs a file name; give one, such as -o out.csv (or - for stdout)'],
  ])('refuses %s, creating nothing (exit 2)', (_name, target, message) => {
    const before = readdirSync(temp).sort();
    const r = leveler(['batch', 'in.csv', '-q', '-o', target]);
    expect(r.stderr).toBe(`leveler: ${message}\n`);
    expect(r.status).toBe(2);
    expect(readdirSync(temp).sort()).toEqual(before);
  });

  it('gives a new file the mode the umask allows, as > would', () => {
    const r = sh('umask 027; L batch in.csv -q -o masked.csv');
    expect(r.status).toBe(0);
    expect(statSync(at('masked.csv')).mode & 0o777).toBe(0o640);
  });
});

describe('signals and broken streams', () => {
  const big = at('big.csv');
  writeFileSync(big, 'title\n' + Array.from({ length: 400_000 }, (_, i) => `Senior ML Engineer ${i % 40_000}`).join('\n') + '\n');

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('on %s stops, writes no file and leaves no temporary file (exit %i)', async (signal, code) => {
    const out = `${signal}.csv`;
    const child = spawn(process.execPath, [BIN, 'batch', big, '-q', '-o', out], { cwd: temp });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    for (let waited = 0; leftovers().length === 0 && waited < 15_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(leftovers()).toHaveLength(1);
    child.kill(signal);
    expect(await new Promise((r) => child.on('close', r))).toBe(code);
    expect(stderr).toBe(`leveler: stopped by ${signal}; ${out} was not written\n`);
    expect(existsSync(at(out))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('after kill -9, leaves a temporary file that the next run to the same place removes', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', big, '-q', '-o', 'killed.csv'], { cwd: temp });
    for (let waited = 0; leftovers().length === 0 && waited < 15_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    expect(leftovers()).toHaveLength(1);
    expect(existsSync(at('killed.csv'))).toBe(false);
    // Another file's writer does not touch it; the next run to the same file does.
    expect(leveler(['batch', 'in.csv', '-q', '-o', 'elsewhere.csv']).status).toBe(0);
    expect(leftovers()).toHaveLength(1);
    expect(leveler(['batch', 'in.csv', '-q', '-o', 'killed.csv']).status).toBe(0);
    expect(leftovers()).toEqual([]);
    expect(readFileSync(at('killed.csv'), 'utf8')).toMatch(/^title,level,/);
  });

  it('finishes the file when stderr is closed early (2>&1 | head -1)', () => {
    writeFileSync(at('ragged.csv'), 'title,x\n' + 'Senior ML Engineer\n'.repeat(50_000));
    const r = sh('L batch ragged.csv -o from-ragged.csv 2>&1 | head -1');
    expect(r.stdout).toMatch(/^leveler: warning: ragged\.csv: row 1 /);
    expect(readFileSync(at('from-ragged.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(50_001);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['match', 'match "Senior ML Engineer"'],
    ['batch', 'batch in.csv -q'],
  ])('%s: a full disk on stdout is one line and exit 74, not a stack trace', (_name, args) => {
    const r = sh(`L ${args} > /dev/full`);
    expect(r.status).toBe(74);
    expect(r.stderr).toBe('leveler: cannot write stdout: no space left on the device; the output is incomplete; check where stdout goes\n');
  });

  it.each([
    ['match', 'match "Senior ML Engineer"'],
    ['batch', 'batch in.csv -q'],
  ])('%s: a closed stdout (>&-) is /dev/null opened read-write, as a discarding caller gives it: exit 0', (_name, args) => {
    const r = sh(`L ${args} >&-`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes to stdout redirected to /dev/null as asked (exit 0)', () => {
    expect(sh('L match "Senior ML Engineer" > /dev/null').status).toBe(0);
  });
});

describe('callers that discard stdout', () => {
  const commands = [
    ['match', 'Senior ML Engineer'],
    ['batch', 'in.csv', '-q'],
    ['list'],
  ];
  it.each(commands.map((c) => [c[0]!, c]))("%s with Node's stdio 'ignore': exit 0", (_name, args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: temp, stdio: 'ignore' });
    expect(r.status).toBe(0);
  });

  it.each(commands.map((c) => [c[0]!, c]))('%s into 1<>/dev/null: exit 0, no complaint', (_name, args) => {
    const r = sh(`L ${args.map((a) => `'${a}'`).join(' ')} 1<>/dev/null`);
    expect(r.stderr).not.toMatch(/cannot write/);
    expect(r.status).toBe(0);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python).each(commands.map((c) => [c[0]!, c]))("%s with Python's subprocess.DEVNULL: exit 0", (_name, args) => {
    const script = `import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode)`;
    const r = spawnSync('python3', ['-c', script, process.execPath, BIN, ...args], { cwd: temp, encoding: 'utf8' });
    expect(r.status).toBe(0);
  });
});

describe('stdout that is the input file', () => {
  const fresh = () => writeFileSync(at('self.csv'), INPUT);
  it.each([
    ['batch FILE >> FILE', 'L batch self.csv -q >> self.csv', 'stdout is the input file self.csv; write the output to another file (> other.csv, or -o other.csv); the input is never overwritten'],
    ['batch < FILE >> FILE', 'L batch -q < self.csv >> self.csv', 'stdout and stdin are the same file; write the output to another file (> other.csv, or -o other.csv); the input is never overwritten'],
    ['batch 1<>FILE < FILE', 'L batch -q 1<>self.csv < self.csv', 'stdout and stdin are the same file; write the output to another file (> other.csv, or -o other.csv); the input is never overwritten'],
    ['triage FILE >> FILE', 'L triage self.csv >> self.csv', 'stdout is the input file self.csv; write the output to another file (> other.csv); the input is never overwritten'],
    ['eval FILE >> FILE', 'L eval self.csv >> self.csv', 'stdout is the input file self.csv; write the output to another file (> other.csv); the input is never overwritten'],
  ])('%s is refused, as cat refuses, and the file is left as it was (exit 2)', (_name, line, message) => {
    fresh();
    const r = sh(`timeout 20 bash -c 'L() { "${process.execPath}" "${BIN}" "$@"; }; ${line}'`);
    expect(r.stderr).toBe(`leveler: ${message}\n`);
    expect(r.status).toBe(2);
    expect(readFileSync(at('self.csv'), 'utf8')).toBe(INPUT);
  });

  it('batch FILE -o other >> FILE writes the other file: stdout is not written', () => {
    fresh();
    const r = sh('L batch self.csv -q -o other.csv >> self.csv');
    expect(r.status).toBe(0);
    expect(readFileSync(at('other.csv'), 'utf8')).toMatch(/^title,level,/);
    expect(readFileSync(at('self.csv'), 'utf8')).toBe(INPUT);
  });
});
