#!/usr/bin/env node
// Start-up benchmark: a cold `leveler match` against a bare `node -e 0`, measured side by side.
// Each round runs every case once, in a shuffled order, so machine noise hits all of them alike;
// prints the median of each and its ratio to the baseline. Targets (issue 17): "Associate ML"
// within 1.4x; a title of no family, which reads the occupation data, within 1.7x.
// Usage: node bench/startup.mjs [runs] [--against OTHER_ROOT]        (build first: npm run build)
//   --against: another checkout with its dist/ built (e.g. a git worktree of an older commit); each
//   case then runs on both builds in turns, and the ratio of this build's median to the other's is printed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'leveler.js');
if (!existsSync(join(root, 'dist', 'boot.cjs'))) {
  console.error('bench: no dist/ (run npm run build first)');
  process.exit(2);
}
const args = process.argv.slice(2);
const at = args.indexOf('--against');
const other = at >= 0 ? args.splice(at, 2)[1] : null;
if (other !== undefined && other !== null && !existsSync(join(other, 'dist'))) {
  console.error(`bench: ${other}: no dist/ (hint: npm run build there)`);
  process.exit(2);
}
const runs = Number(args[0] ?? 40);

const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['match "Associate ML"', [bin, 'match', 'Associate ML']],
  ['match "Sr. ML Engineer" --json', [bin, 'match', 'Sr. ML Engineer', '--json']],
  ['match "Senoir ML Engineer" (typo: measured, dictionary read)', [bin, 'match', 'Senoir ML Engineer']],
  ['show P3', [bin, 'show', 'P3']],
  // Titles of no family: the occupation stage reads the word table and one O*NET card. Target: 1.7x.
  ['match "Registered Nurse" (O*NET occupation)', [bin, 'match', 'Registered Nurse']],
  ['match "Lead Cook" --json (O*NET, support track)', [bin, 'match', 'Lead Cook', '--json']],
];

const times = cases.map(() => []);
const against = cases.map(() => []);
const env = { ...process.env, NO_COLOR: '1' };
// The CPU time of the runs too, where Linux gives it (/proc: the children's user and system time,
// in hundredths of a second): a shared machine's waits for a core add to the wall time, not to this.
const cpu = cases.map(() => 0);
const childCpu = () => {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return null;
  }
};
let lastCpu = 0;
const time = (argv) => {
  const c0 = childCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`bench: ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  lastCpu = c0 === null ? 0 : childCpu() - c0;
  return ms;
};
const otherBin = other ? join(other, 'bin', 'leveler.js') : null;
// Each round runs the cases in a new order: a process started right after another can be faster or
// slower on a shared machine, and a fixed order would hand that to the same case every time.
let seed = 7;
const order = () => {
  const ks = cases.map((_, k) => k);
  for (let j = ks.length - 1; j > 0; j--) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    const r = seed % (j + 1);
    [ks[j], ks[r]] = [ks[r], ks[j]];
  }
  return ks;
};
for (let i = 0; i < runs + 3; i++) {
  order().forEach((k) => {
    const argv = cases[k][1];
    const mine = () => {
      const ms = time(argv);
      if (i >= 3) cpu[k] += lastCpu;
      return ms;
    };
    const theirs = () => (otherBin && argv[0] === bin ? time([otherBin, ...argv.slice(1)]) : null);
    // In turns, so neither build always runs first.
    const [a, b] = i % 2 === 0 ? [mine(), theirs()] : [theirs(), mine()].reverse();
    if (i < 3) return; // the first rounds warm the disk cache
    times[k].push(a);
    if (b !== null) against[k].push(b);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
console.log(`leveler start-up, ${runs} runs each, in a shuffled order each round; ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
for (const [k, [name]] of cases.entries()) {
  const m = median(times[k]);
  const vs = against[k].length > 0 ? `   other build ${median(against[k]).toFixed(1).padStart(6)} ms, this/other ${(m / median(against[k])).toFixed(3)}` : '';
  const cpuText = cpu[0] > 0 ? `   cpu ${(cpu[k] / runs).toFixed(0).padStart(4)} ms ${(cpu[k] / cpu[0]).toFixed(2)}x` : '';
  console.log(`${name.padEnd(50)} median ${m.toFixed(1).padStart(6)} ms   ${(m / base).toFixed(2)}x baseline${cpuText}${vs}`);
}
