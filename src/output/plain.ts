// Plain text for pipes: one `key<TAB>value` line per value, so `grep ^task | cut -f2` works.
import type { Row } from './rows.js';

export function renderPlain(rows: Row[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const values = typeof row.value === 'string' ? [row.value] : row.value;
    for (const v of values) lines.push(`${row.key}\t${oneLine(v)}`);
  }
  return lines.join('\n') + '\n';
}

/** Tab-separated lines, one record a line. */
export function renderTsv(records: string[][]): string {
  return records.map((r) => r.map(oneLine).join('\t')).join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}
