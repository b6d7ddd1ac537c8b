// Random overrides files, for the line reader against the YAML parser it stands in for: plain,
// double- and single-quoted titles, escapes, the mapping form, comments, duplicates after
// normalisation, control characters, words YAML reads as other types, and LF, CRLF and CR ends.
import { seeded } from './csv-reference.js';

const WORDS = ['MTS', 'Engineer', 'Band', '62', 'C++', 'Nurse', 'Staff', 'Sénior', 'Grade', 'II', '(Lead)', 'R&D', 'Ops/QA', 'Analyst,', '研究员'];
/** Words with quotes in them: a quoted title then needs an escape or a doubled quote. */
const QUOTEY = ["it's", 'say "hi"', 'back\\slash'];
const ODD_TITLES = ['null', 'true', 'No', '123', '1e3', '0x1F', '~', '.inf', '1.50', 'Lead #1', 'a: b', 'x'.repeat(1100), 'Tab\there', 'Esc\u001b]0;x\u0007', 'Nul\u0000', '-dash', '[br]', 'Line\u2028Sep', '   '];
const VALUES = ['P3', 'p4 software-engineering', 'S2 35-2014.00', 'P2 29-1141 ai-ml', 'M1', 'Q9', 'P2 bakery', 'P2 99-9999.99', 'null', '1.50', 'P3 # a comment', '', 'P2 Data_Science'];

/** A title written as YAML: plain, "double" (with escapes where needed) or 'single'. */
function written(title: string, random: () => number): string {
  const k = random();
  // eslint-disable-next-line no-control-regex -- control characters are written as YAML escapes
  if (k < 0.3) return `"${title.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
  if (k < 0.45) return `'${title.replaceAll("'", "''")}'`;
  return title;
}

/** `odd`: how often an entry is of an unusual kind (1: as often as generated; 0.1: rarely). */
export function randomOverrides(seed: number, entries: number, odd = 1): string {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const titles: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) {
    const k = random();
    if (k < 0.05) lines.push(pick(['# a comment', '', '   # indented comment', '  ']));
    let title: string;
    if (k > 1 - 0.1 * odd) title = pick(ODD_TITLES);
    else if (k > 0.82 && titles.length > 0) title = pick(titles).toUpperCase().replaceAll(' ', '  ');
    else title = Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.15 * odd ? pick(QUOTEY) : pick(WORDS))).join(' ');
    titles.push(title);
    const v = random();
    const value =
      v < 0.06 * odd ? `{ level: ${pick(['P3', 'S2', 'Q9'])}${random() < 0.5 ? ', family: ai-ml' : ''} }` : v < 0.5 * odd ? pick(VALUES) : pick(VALUES.slice(0, 5));
    lines.push(`${written(title, random)}:${value === '' ? '' : ' '}${value}`);
  }
  const end = pick(['\n', '\r\n', '\r']);
  return lines.join(end) + (random() < 0.8 ? end : '');
}
