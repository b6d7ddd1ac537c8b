import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { CsvReader } from '../../src/io/csv.js';

/** Reads `chunks` as a stream would deliver them; returns the header and every record. */
async function read(chunks: (string | Buffer)[], options: Partial<ConstructorParameters<typeof CsvReader>[0]> = {}) {
  const reader = new CsvReader({ source: 'test.csv', ...options });
  const rows: string[][] = [];
  for await (const batch of reader.batches(chunks)) rows.push(...(batch as string[][]));
  return { header: reader.header, rows, delimiter: reader.delimiter };
}

describe('CsvReader', () => {
  it('joins a record split across chunks, wherever the cut falls', async () => {
    const text = 'id,title\n1,"Senior, ML"\n2,Staff ML Engineer\n';
    for (let cut = 1; cut < text.length; cut++) {
      const { header, rows } = await read([text.slice(0, cut), text.slice(cut)]);
      expect(header).toEqual(['id', 'title']);
      expect(rows).toEqual([['1', 'Senior, ML'], ['2', 'Staff ML Engineer']]);
    }
  });

  it('decodes a character cut between two chunks', async () => {
    const bytes = Buffer.from('title\nIngénieur Sénior\n', 'utf8');
    const at = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    expect((await read([bytes.subarray(0, at), bytes.subarray(at)])).rows).toEqual([['Ingénieur Sénior']]);
  });

  it('reads a long quoted field that closes many chunks later', async () => {
    const long = 'x'.repeat(64 * 1024);
    const chunks = ['title,n\n"', ...Array.from({ length: 40 }, () => long), '",1\nML,2\n'];
    const { rows } = await read(chunks);
    expect(rows.map((r) => [r[0]!.length, r[1]])).toEqual([[40 * long.length, '1'], [2, '2']]);
  });

  it('stops at an open quote once the record passes the limit, naming the line it started on', async () => {
    const chunks = ['title\nML\n"open\n', ...Array.from({ length: 64 }, () => 'Senior ML Engineer\n'.repeat(3000))];
    const failure = read(chunks, { maxRecordChars: 2 * 1024 * 1024 });
    await expect(failure).rejects.toThrow(DataError);
    await expect(failure).rejects.toThrow('test.csv: line 3: a record longer than 2 MB');
  });

  it('keeps the header when the file is only a header', async () => {
    expect(await read(['id;title\n'])).toEqual({ header: ['id', 'title'], rows: [], delimiter: ';' });
  });

  it('has no header for an empty input', async () => {
    expect((await read([])).header).toBeNull();
  });
});
