// What the data scripts share: their flags, and reading the CSV files they build from.
import { readFileSync } from 'node:fs';

/** The value of `--name VALUE` in `args` (taken out of it), else `fallback`. */
export function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
}

/** The fields of one CSV line (quoted as the source files quote: "" for a quote, no line breaks). */
export function csvFields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** A CSV file's lines, without line-break characters or blank lines. */
export function csvLines(file) {
  return readFileSync(file, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l !== '');
}

/** A CSV file's rows as objects by its header. */
export function csvRecords(file) {
  const [head, ...body] = csvLines(file).map(csvFields);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** The records of a CSV file whose quoted fields may hold commas, quotes ("") and line breaks (ESCO's), by header. */
export function csvRecordsWithBreaks(file) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
