// What the benchmarks share: a command run with stdout thrown away, timed, its peak memory read.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

/** Runs a command with stdout to /dev/null; wall time, and peak RSS read from /proc while it runs. */
export function measure(argv) {
  return new Promise((done, fail) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // exited, or not Linux
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) fail(new Error(`${argv.join(' ')} exited ${code}: ${stderr}`));
      else done({ seconds, peak });
    });
  });
}

