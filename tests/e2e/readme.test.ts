// Every `leveler ...` command the README shows, run as written against the built binary, in a folder
// holding small files of the names it uses: the documented exit status, no stack trace, and output
// where output is promised. A pipe into another tool (jq, csvcut, head) is cut before the pipe:
// what is tested is leveler's part.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The commands: lines of code blocks, and inline code that is a whole command (no placeholders). */
function readmeCommands(): { command: string; output: string | null }[] {
  const found: { command: string; output: string | null }[] = [];
  for (const [, body] of README.matchAll(/```\w*\n([\s\S]*?)```/g)) {
    const lines = body!.split('\n');
    lines.forEach((line, i) => {
      const text = line.trim().replace(/^\$ /, '');
      if (!/^leveler /.test(text)) return;
      // A console block shows what follows: the next line when it is not another command.
      const next = line.trim().startsWith('$ ') && lines[i + 1] !== undefined && !lines[i + 1]!.startsWith('$ ') ? lines[i + 1]! : null;
      found.push({ command: withoutComment(text), output: next });
    });
  }
  for (const [, code] of README.matchAll(/`(leveler [^`]+)`/g)) {
    // Not a command to run: placeholders (LEVEL, <file>, [--top K], …), a bare command's name.
    if (/[<>[\]…\\|]|\.\.\.|\b[A-Z]{2,}\b| -$/.test(code!) || !/^leveler \S+ \S/.test(code!)) continue;
    found.push({ command: code!, output: null });
  }
  const seen = new Set<string>();
  return found.filter((c) => !seen.has(c.command) && seen.add(c.command));
}

/** Where in a line `stop` first holds outside quotes; the line's length if nowhere. */
function firstOutsideQuotes(line: string, stop: (c: string, before: string) => boolean): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (stop(c, line[i - 1] ?? ' ')) return i;
  }
  return line.length;
}

/** A line without its trailing `# comment` (a # inside quotes stays). */
const withoutComment = (line: string) => line.slice(0, firstOutsideQuotes(line, (c, before) => c === '#' && /\s/.test(before))).trimEnd();

/** The command up to its first pipe outside quotes. */
const beforePipe = (command: string) => command.slice(0, firstOutsideQuotes(command, (c) => c === '|')).trimEnd();

const temp = mkdtempSync(join(tmpdir(), 'leveler-readme-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const TITLES = ['Senior ML Engineer', 'Junior Data Analyst', 'Line Cook', 'Registered Nurse', 'Staff Data Scientist', 'asdfgh'];
const files: Record<string, string | Buffer> = {
  'titles.csv': `title,years\n${TITLES.map((t, i) => `${t},${i % 3 === 0 ? '' : i * 2}`).join('\n')}\n`,
  'postings.csv': `job_title,years,company\n${TITLES.map((t, i) => `${t},${i},Acme`).join('\n')}\n`,
  'job_postings.csv': `job_title,location\n${TITLES.map((t) => `${t},Austin`).join('\n')}\n`,
  'hris.csv': `id,title\n${TITLES.map((t, i) => `${i},${t}`).join('\n')}\n`,
  'export.csv': `${TITLES.map((t, i) => `${i},x,${t}`).join('\n')}\n`,
  'survey.csv': Buffer.from(`title;years\nSenior ML Engineer;5\n${'\u041a\u043e\u0440\u0435'};2\n`, 'latin1'),
  'gold.csv': 'title,level,family\nSenior ML Engineer,P3,ai-ml\nJunior Data Analyst,P1,data-analytics\nStaff Data Scientist,P4,data-science\n',
  'salaries.csv': `work_year,experience_level,job_title\n${TITLES.map((t, i) => `2024,${['EN', 'MI', 'SE', 'EX'][i % 4]},${t}`).join('\n')}\n`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text);
cpSync(join(ROOT, 'data'), join(temp, 'my-ladder'), { recursive: true });
// The README shows this one failing on a ladder with a misspelt field: it gets such a ladder.
const broken = join(temp, 'broken');
cpSync(join(ROOT, 'data'), join(broken, 'my-ladder'), { recursive: true });
writeFileSync(join(broken, 'my-ladder', 'ladder.yaml'), readFileSync(join(ROOT, 'data', 'ladder.yaml'), 'utf8').replace(/^(\s+)name: /m, '$1colour: red\n$1name: '));

describe('the README, run as written', () => {
  const commands = readmeCommands();

  it('shows a few dozen commands', () => {
    expect(commands.length).toBeGreaterThan(30);
  });

  it.each(commands.map((c) => [c.command, c] as const))('%s', (_name, { command, output }) => {
    const line = beforePipe(command);
    // What the README shows after it: an error line means the command fails, as shown.
    const fails = output !== null && output.startsWith('leveler: ');
    const cwd = fails && line.includes('my-ladder') ? broken : temp;
    const out = /(?:>|-o) (\S+)/.exec(line)?.[1];
    if (out) rmSync(join(cwd, out), { force: true });
    const r = spawnSync('bash', ['-c', `leveler() { "${process.execPath}" "${BIN}" "$@"; }; ${line}`], { cwd, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    if (fails) {
      expect(r.status).not.toBe(0);
      // The shown error as a shape: which line and which entry are the example's own.
      const shape = (text: string) => text.replace(/ \(and \d+ more\)/, '').replace(/:\d+:/g, ':N:').replace(/\w+\[\d+\]/g, 'X[N]');
      expect(shape(r.stderr.split('\n')[0]!)).toBe(shape(output!));
      return;
    }
    expect(r.status, r.stderr).toBe(0);
    if (out) expect(existsSync(join(cwd, out)) && statSync(join(cwd, out)).size > 0).toBe(true);
    else expect(r.stdout.length).toBeGreaterThan(0);
  });
});
