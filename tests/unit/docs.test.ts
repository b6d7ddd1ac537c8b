// What the README and the help say of the header names a column is found by: the code's own lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_HEADERS, TITLE_HEADERS, YEARS_HEADERS } from '../../src/core/batch.js';
import { options } from '../../src/commands/options.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
/** The names in backquotes in the README's sentence that starts with `lead`, up to its first full stop or semicolon. */
function listed(lead: string): string[] {
  const at = readme.indexOf(lead);
  expect(at, lead).toBeGreaterThanOrEqual(0);
  const sentence = readme.slice(at + lead.length, readme.indexOf('(', at + lead.length));
  return [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

describe('the column names the docs give are the ones the code reads', () => {
  it.each([
    ['title', TITLE_HEADERS, 'else the first header named', options.column()],
    ['years', YEARS_HEADERS, 'else a column named', options.yearsColumn()],
    ['company', COMPANY_HEADERS, 'alone takes the column named one of', options.companyColumn()],
  ] as const)('%s: README and --help name each, in order', (_name, names, lead, flag) => {
    expect(listed(lead)).toEqual([...names]);
    expect(flag.option.description).toContain(`${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);
  });
});
