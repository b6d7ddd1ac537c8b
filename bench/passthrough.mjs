#!/usr/bin/env node
// The pass-through baseline for bench/batch.mjs: the same file read, decoded and parsed the way
// `leveler batch` does it (same reader, same chunk size), and written back out, without matching.
// Usage: node bench/passthrough.mjs FILE > /dev/null
import { createReadStream } from 'node:fs';
import { CsvReader, csvLine } from '../dist/internal.js';

const file = process.argv[2];
const reader = new CsvReader({ source: file });
let header = false;
for await (const rows of reader.batches(createReadStream(file, { highWaterMark: 64 * 1024 }))) {
  let text = header ? '' : csvLine(reader.header, reader.delimiter) + '\n';
  header = true;
  text += rows.map((r) => (typeof r === 'string' ? r : csvLine(r, reader.delimiter))).join('\n') + '\n';
  if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
}
