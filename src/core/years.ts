// Reading years of experience as people write them: strict where a misreading would matter
// (no hexadecimal, no exponents), forgiving of how people write a number of years.
//   3   4.5   4,5 (decimal comma)   5 yrs   5 years   10+ (read as 10)   3-5 / 3 to 5 (the lower bound)

/** Years run from 0 to this (inclusive). */
export const MAX_YEARS = 80;

export type YearsReading = { years: number } | { error: string };

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d+)?)`;
const UNIT = String.raw`(?:\s*(?:years?|yrs?|y)\.?)?`;
const YEARS = new RegExp(String.raw`^${NUMBER}(?:${UNIT}\s*(\+)|${UNIT}\s*(?:-|–|—|to)\s*${NUMBER})?${UNIT}$`, 'i');

const number = (text: string) => Number(text.replace(',', '.'));

export const YEARS_FORMS = 'such as 3, 4.5, 5 yrs, 10+ or 3-5';

/** Years from text; an error says why not. Blank text is the caller's business (no years). */
export function readYears(text: string): YearsReading {
  const trimmed = text.trim();
  const m = YEARS.exec(trimmed);
  if (!m) {
    return { error: /^-\s*\d/.test(trimmed) ? 'is negative; years run from 0' : `is not a number of years (${YEARS_FORMS})` };
  }
  const low = number(m[1]!);
  if (m[3] !== undefined && number(m[3]) < low) return { error: 'is a range that goes down; write the smaller number first' };
  if (low > MAX_YEARS) return { error: `is out of range: years run from 0 to ${MAX_YEARS}` };
  return { years: low };
}
