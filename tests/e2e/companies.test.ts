// Company ladders in the built binary, as a user runs it: a ladder folder's own company file end to
// end (validate, match, batch), and the library giving what the CLI gives.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'leveler.js');
const leveler = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const temp = mkdtempSync(join(tmpdir(), 'leveler-e2e-companies-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const ladder = join(temp, 'hr-ladder');
mkdirSync(join(ladder, 'companies'), { recursive: true });
cpSync(join(DATA, 'ladder.yaml'), join(ladder, 'ladder.yaml'));
cpSync(join(DATA, 'families'), join(ladder, 'families'), { recursive: true });

describe("a user's own company file, in the built binary", () => {
  it('is checked by validate with file and line, then read by match and batch', () => {
    const file = join(ladder, 'companies', 'initech.yaml');
    writeFileSync(file, 'id: initech\nname: Initech LLC\naliases: [Initech Corp]\nlevels:\n  - code: Grade 9\n    track: ic\n    level: P3\n  - code: Grade 10\n    track: ic\n    band: principle\n');
    const bad = leveler(['validate', '--data', 'hr-ladder'], temp);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^hr-ladder\/companies\/initech\.yaml:10: unknown band "principle"; the bands are entry, engineer, /m);
    const stopped = leveler(['match', 'Grade 9', '--company', 'initech', '--data', 'hr-ladder'], temp);
    expect(stopped.status).toBe(3);
    expect(stopped.stderr).toMatch(/^leveler: invalid company ladder: hr-ladder\/companies\/initech\.yaml:10: unknown band "principle"/);

    writeFileSync(file, 'id: initech\nname: Initech LLC\naliases: [Initech Corp]\nlevels:\n  - code: Grade 9\n    titles: [Senior Programmer]\n    track: ic\n    level: P3\n  - code: Grade 10\n    track: ic\n    band: principal\n');
    const ok = leveler(['validate', '--data', 'hr-ladder'], temp);
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/companies\n$/);

    const m = leveler(['match', 'TPS Report Engineer (Grade 10)', '--company', 'initech corp.', '--data', 'hr-ladder', '--json'], temp);
    expect(m.status, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout).match).toMatchObject({ level: 'P5', company: { id: 'initech', code: 'Grade 10', standard: 'Principal' } });

    writeFileSync(join(temp, 'staff.csv'), 'name,company,title\nPeter,Initech,Grade 9 Software Engineer\nMilton,Initech,Senior Programmer\nBill,Google,Software Engineer III\nSamir,Chotchkies,Senior Programmer\n');
    const b = leveler(['batch', 'staff.csv', '--company-column', '--data', 'hr-ladder', '--fields', 'level,company_level', '-q'], temp);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toBe('name,company,title,level,company_level\nPeter,Initech,Grade 9 Software Engineer,P3,Grade 9\nMilton,Initech,Senior Programmer,P3,Grade 9\nBill,Google,Software Engineer III,P2,L4\nSamir,Chotchkies,Senior Programmer,P3,\n');
  });
});

describe('the library and the CLI on company ladders', () => {
  it('give the same answer, key for key', async () => {
    const lib = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
    const l = await lib.createLeveler({ cwd: temp });
    for (const [title, company] of [
      ['Software Engineer L5', 'Google'],
      ['Staff Data Scientist', 'LinkedIn'],
      ['E7', 'meta'],
      ['Nurse', 'amazon'],
    ]) {
      const cli = leveler(['match', title!, '--company', company!, '--json'], temp);
      expect(await l.match(title, { company }), `${title} at ${company}`).toEqual(JSON.parse(cli.stdout));
    }
    await expect(l.match('L5', { company: 'Gogle' })).rejects.toThrow(/unknown company "Gogle"/);
    const walk = leveler(['crosswalk', 'google:L6', 'meta', '--json'], temp);
    expect(await l.crosswalk('google:L6', ['meta'])).toEqual(JSON.parse(walk.stdout));
  });
});
