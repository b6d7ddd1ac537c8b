// CSV text: quoting only where the format needs it.

/** One field, quoted only when it must be. */
export function csvField(value: string, delimiter: string): string {
  if (value === '') return value;
  if (value.includes('"')) return `"${value.replaceAll('"', '""')}"`;
  if (value.includes(delimiter) || value.includes('\n') || value.includes('\r')) return `"${value}"`;
  return value;
}

export function csvLine(fields: string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : delimiter) + csvField(fields[i]!, delimiter);
  return line;
}
