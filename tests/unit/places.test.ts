import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cutPlace, cutPlaceRead, indexPlaces } from '../../src/core/stages/places.js';
import { parsePlaces, placeSource, readPlaces } from '../../src/io/places.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DataError } from '../../src/errors.js';
import { DATA } from '../helpers.js';

const shipped = indexPlaces(readPlaces(join(DATA, 'places.tsv'), DATA));

describe('a place at the end of a title is cut', () => {
  it.each([
    ['Senior Machine Learning Engineer - Austin, TX', 'Senior Machine Learning Engineer', 'Austin, TX'],
    ['Data Engineer (Remote)', 'Data Engineer', 'Remote'],
    ['Lead Data Engineer - New York, NY', 'Lead Data Engineer', 'New York, NY'],
    ['Data Analyst, London - Hybrid', 'Data Analyst', 'London - Hybrid'],
    ['Physician Assistant - Pittsburgh, PA', 'Physician Assistant', 'Pittsburgh, PA'],
    ['Data Engineer | Greater London Area', 'Data Engineer', 'Greater London Area'],
    ['Data Engineer - London-based', 'Data Engineer', 'London-based'],
    ['Data Engineer - Remote, US only', 'Data Engineer', 'Remote, US only'],
    ['Data Engineer - Austin, TX, USA', 'Data Engineer', 'Austin, TX, USA'],
    ['Data Engineer - Remote/Hybrid', 'Data Engineer', 'Remote/Hybrid'],
    ['ML Engineer (on-site in Philadelphia, PA)', 'ML Engineer', 'on-site in Philadelphia, PA'],
    ['Data Engineer - St. Louis', 'Data Engineer', 'St. Louis'],
    ['Data Engineer - Remote (U.S.)', 'Data Engineer', 'Remote (U.S.)'],
    ['Ingénieur Données - Paris', 'Ingénieur Données', 'Paris'],
    ['Data Engineer - São Paulo', 'Data Engineer', 'São Paulo'],
    ['Entwickler (m/w/d) - Berlin', 'Entwickler (m/w/d)', 'Berlin'],
    ['Data Engineer - Berlin (m/w/d)', 'Data Engineer', 'Berlin (m/w/d)'],
    ['Data Engineer&nbsp;- Remote', 'Data Engineer', 'Remote'],
    ['Data Engineer - Remote Sensing, Austin', 'Data Engineer - Remote Sensing', 'Austin'],
    ['Розробник - Київ', 'Розробник', 'Київ'],
    ['Data Engineer - EMEA', 'Data Engineer', 'EMEA'],
  ])('%s', (title, core, place) => {
    expect(cutPlace(shipped, title)).toEqual({ core: core.trimEnd(), place });
  });
});

describe('what is not a place is read', () => {
  it.each([
    // A weak place alone: an abbreviation of the job, or a code that is also a word.
    'Physician Assistant - PA',
    'Medical Assistant - MA',
    'Nurse - OR',
    'Engineer - In Office Hours',
    // "US" alone: in U.S. filings, one employer's mark, which the occupation model reads.
    'Technology Lead - US',
    'Data Engineer - US only',
    // The first part is never cut, nor a title left without words.
    'Remote',
    'London',
    'Austin, TX',
    '(Remote)',
    // A part with other words is no place.
    'Software Engineer - Mobile',
    'Engineer, Remote Sensing',
    'Data Engineer - Hybrid 3 days',
    'Remote Data Engineer',
    'Director of Remote',
    'Head of EMEA Sales',
    '',
  ])('%s', (title) => {
    expect(cutPlace(shipped, title)).toBeNull();
  });
});

describe('the cut', () => {
  it('is the longest run of place parts from the end, up to the first part that is not one', () => {
    expect(cutPlace(shipped, 'Data Engineer - Remote Sensing - Austin, TX')).toEqual({ core: 'Data Engineer - Remote Sensing', place: 'Austin, TX' });
    expect(cutPlace(shipped, 'Analyst - PA - Remote')).toEqual({ core: 'Analyst', place: 'PA - Remote' });
  });

  it('finds nothing more in what it leaves, and its shortcut agrees with reading every title whole (random titles)', () => {
    const words = ['Data', 'Engineer', 'Senior', 'Remote', 'Hybrid', 'London', 'PA', 'TX', 'Austin', 'New', 'York', 'in', 'US', 'only', 'Mobile',
      'Sr.', "O'Neil", 'U.S.', 'Berlin', 'm/w/d', 'ML', '3', 'Köln', 'on-site', 'Greater', 'Area', 'St.', 'Louis', 'AI/ML', '&', 'C++', 'Entwickler/in'];
    const breaks = [' ', ' ', ' ', ' - ', ', ', ' (', ') ', ' | ', ' / ', '-', ' – ', '/', '.', ' &nbsp;', '&amp;nbsp;', ' (m/w/d) ', '&amp;'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    const pick = (list: string[]) => list[rnd(list.length)]!;
    let cuts = 0;
    for (let i = 0; i < 6000; i++) {
      let title = '';
      const n = 1 + rnd(7);
      for (let k = 0; k < n; k++) title += (k > 0 ? pick(breaks) : '') + pick(words);
      if (rnd(3) === 0) title += pick(breaks);
      const cut = cutPlace(shipped, title);
      expect(cut, title).toEqual(cutPlaceRead(shipped, title));
      if (cut !== null) {
        cuts++;
        expect(cutPlace(shipped, cut.core), `${title} -> ${cut.core}`).toBeNull();
        expect(cut.core.length).toBeLessThan(title.length);
      }
    }
    // The draw makes both kinds of title.
    expect(cuts).toBeGreaterThan(200);
    expect(cuts).toBeLessThan(5800);
  });
});

describe('the places file', () => {
  it('is read line by line, and a line that is not a place is named', () => {
    expect(parsePlaces('leveler places 1\n# a note\n\nplace\tnew york\nweak\tpa\n', 'p.tsv')).toEqual([
      { words: ['new', 'york'], strong: true },
      { words: ['pa'], strong: false },
    ]);
    expect(() => parsePlaces('places\nplace\tx\n', 'p.tsv')).toThrow(/p\.tsv: line 1: not a places file/);
    expect(() => parsePlaces('leveler places 1\ncity\tparis\n', 'p.tsv')).toThrow(/p\.tsv: line 2: not a place: "city\\tparis"/);
    expect(() => parsePlaces('leveler places 1\nplace\tSt. Louis\n', 'p.tsv')).toThrow(DataError);
    expect(() => parsePlaces('leveler places 1\nplace\t\n', 'p.tsv')).toThrow(/line 2/);
  });

  it('ships every place in the form the title reader gives its words', () => {
    const entries = readPlaces(join(DATA, 'places.tsv'), DATA);
    expect(entries.length).toBeGreaterThan(800);
    for (const e of entries) for (const w of e.words) expect(w).toMatch(/^[\p{Ll}\p{Lo}]+$/u);
  });
});

describe('the places source', () => {
  it('answers which words end a place before it indexes the file, as the index does (shipped, CRLF, odd spaces)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leveler-places-'));
    try {
      const shippedText = readFileSync(join(DATA, 'places.tsv'), 'utf8');
      const files = [
        shippedText,
        shippedText.replaceAll('\n', '\r\n'),
        'leveler places 1\nplace\tsan  jose \nweak\tpa\nplace\tnew york',
        'leveler places 1\r\n# a  note \r\nplace\tlondon\r\nweak\tgreater',
      ];
      const words = ['london', 'york', 'new', 'jose', 'san', 'pa', 'greater', 'tx', 'remote', 'ml', 'engineer', 'note', 'places', 'place', 'weak', '1', 'area'];
      files.forEach((text, i) => {
        const sub = join(dir, String(i));
        mkdirSync(sub);
        writeFileSync(join(sub, 'places.tsv'), text);
        const index = indexPlaces(readPlaces(join(sub, 'places.tsv'), sub));
        for (const w of [...words, ...[...index.byFirst.keys()].slice(0, 50)]) {
          // A fresh source each time: its first question is asked before it has indexed the file.
          expect(placeSource(sub, sub)().lastWords.has(w), `${i}: ${w}`).toBe(index.lastWords.has(w));
        }
        const source = placeSource(sub, sub);
        expect(cutPlace(source(), 'Data Engineer - London')).toEqual(cutPlace(index, 'Data Engineer - London'));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
