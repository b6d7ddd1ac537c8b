import { describe, expect, it } from 'vitest';
import { closestNames } from '../../src/core/closest.js';

describe('closestNames', () => {
  const families = ['ai-ml', 'data-analytics', 'data-engineering', 'data-science', 'product-management'];
  it.each([
    ['datascience', families, ['data-science']],
    ['Data Science', families, ['data-science']],
    ['data-scince', families, ['data-science']],
    ['aiml', families, ['ai-ml']],
    ['zzz', families, []],
    ['', families, []],
    ['Job Title', ['id', 'job_title', 'company'], ['job_title']],
    ['titel', ['title', 'tile', 'name'], ['title']],
  ])('%j among %j: %j', (wanted, names, expected) => {
    expect(closestNames(wanted, names)).toEqual(expected);
  });
});
