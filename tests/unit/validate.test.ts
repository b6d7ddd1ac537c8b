import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../src/core/lexicon.js';
import { createMatcher } from '../../src/io/matcher.js';
import { DataError } from '../../src/errors.js';
import { checkLadderFiles, formatProblem, loadLadder, readLadderFiles } from '../../src/io/ladder.js';
import { FIXTURES, ROOT } from '../helpers.js';

const ladders = join(FIXTURES, 'ladders');
const problemsOf = async (name: string) => {
  const { problems } = await checkLadderFiles(readLadderFiles(join(ladders, name), ROOT));
  return problems.map(formatProblem);
};

describe('validating a ladder', () => {
  it('accepts a minimal ladder', async () => {
    const { ladder, problems } = await checkLadderFiles(readLadderFiles(join(ladders, 'minimal'), ROOT));
    expect(problems).toEqual([]);
    expect(ladder?.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'MG']);
    expect(ladder?.families.map((f) => f.id)).toEqual(['baking']);
  });

  it('reports bad YAML with its line', async () => {
    expect(await problemsOf('broken-yaml')).toEqual([expect.stringMatching(/^tests\/fixtures\/ladders\/broken-yaml\/ladder\.yaml:5: YAML: Flow sequence/)]);
  });

  it('reports every problem at once, each with file, line and what to fix', async () => {
    const dir = 'tests/fixtures/ladders/many-problems';
    // A file with unknown fields is still checked for the rest; a file that cannot be read as a
    // ladder (cooking.yaml misses a summary) is reported for its shape only.
    expect(await problemsOf('many-problems')).toEqual([
      `${dir}/ladder.yaml:5: defaultLevel "L9" is not a level code`,
      `${dir}/ladder.yaml:25: level L2 (from 3 years) overlaps L1 (to 4) on the default track; bands there must not overlap`,
      `${dir}/ladder.yaml:29: marker "Entry Level" is claimed by both L1 and L2; keep it on one level`,
      `${dir}/ladder.yaml:30: level code L1 is used twice (also level #1); codes must be unique`,
      `${dir}/ladder.yaml:32: level L1 is on unknown track "icc"; use one of: ic`,
      `${dir}/ladder.yaml:37: levels[2].colour: unknown field; check its spelling against the README's data format`,
      `${dir}/families/cooking.yaml:13: cards.L2.summary: missing (required)`,
    ]);
  });

  it('reports every unknown field of a mapping, not only the first', async () => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) =>
      f.name === 'ladder.yaml' ? { ...f, text: f.text.replace('version: 1\n', 'version: 1\ncolour: blue\nshade: dark\nsize: big\n') } : f,
    );
    expect((await checkLadderFiles(files)).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "3: colour: unknown field; check its spelling against the README's data format",
      "4: shade: unknown field; check its spelling against the README's data format",
      "5: size: unknown field; check its spelling against the README's data format",
    ]);
  });

  it.each([
    ['a track default on another track', (t: string) => t.replace('{ id: ic, name: Individual contributor, priority: 1 }', '{ id: ic, name: Individual contributor, priority: 1, defaultLevel: MG }'), /defaultLevel MG of track ic is on track mgmt; pick a level of ic$/],
    ['a marker read as an unknown level', (t: string) => t.replace('{ id: mgmt, name: Management, priority: 2 }', '{ id: mgmt, name: Management, priority: 2, readsMarkers: { L1: L9 } }'), /readsMarkers of track mgmt: "L9" is not a level code/],
    ['a marker read as a level of another track', (t: string) => t.replace('{ id: mgmt, name: Management, priority: 2 }', '{ id: mgmt, name: Management, priority: 2, readsMarkers: { L1: L2 } }'), /reads L1 as L2, a level of track ic; map to a level of mgmt$/],
    ['an occupation track that is not a track', (t: string) => t.replace('defaultLevel: L2\n', 'defaultLevel: L2\noccupationTracks: { 1: support }\n'), /occupationTracks: "support" is not a track/],
    ['a Job Zone that is not one', (t: string) => t.replace('defaultLevel: L2\n', 'defaultLevel: L2\noccupationTracks: { 7: ic }\n'), /occupationTracks: "7" is not a Job Zone; use 1 to 5$/],
    ['a level hint read as no level', (t: string) => t.replace('defaultLevel: L2\n', 'defaultLevel: L2\nlevelHints: { se: L9 }\n'), /level hint "se" reads as "L9", which is not a level code; use one of: L1, L2, L3, MG$/],
  ])('reports %s with its line', async (_case, edit, message) => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) => (f.name === 'ladder.yaml' ? { ...f, text: edit(f.text) } : f));
    const problems = (await checkLadderFiles(files)).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\d+: /);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ['an alias bomb', (t: string) => `bomb: &a [x, x, x, x, x, x, x, x, x]\nb2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nb3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nb4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n${t}`, /^2: YAML: Excessive alias count/],
    ['a __proto__ key', (t: string) => t.replace('  sr: senior', '  __proto__: senior\n  sr: senior'), /: "__proto__" cannot be used as a key; rename it$/],
    ['a constructor key', (t: string) => t.replace('  sr: senior', '  constructor: senior\n  sr: senior'), /: "constructor" cannot be used as a key; rename it$/],
    ['a NUL in a value', (t: string) => t.replace('  sr: senior', '  sr: "sen\\0ior"'), /: a control character \(U\+0000\) in text; remove it$/],
  ])('reports %s with its line, never a crash', async (_case, edit, message) => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) => (f.name === 'ladder.yaml' ? { ...f, text: edit(f.text) } : f));
    const problems = (await checkLadderFiles(files)).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('then reports the ladder-wide problems once the files have the right shape', async () => {
    // Same fixture with the two shape problems mended: the semantic checks run on a well-formed ladder.
    const files = readLadderFiles(join(ladders, 'many-problems'), ROOT).map((f) => ({
      ...f,
      text: f.text.replace('    colour: blue\n', '').replace('    role: Cook\n', '    role: Cook\n    summary: A cook.\n'),
    }));
    const dir = 'tests/fixtures/ladders/many-problems';
    expect((await checkLadderFiles(files)).problems.map(formatProblem)).toEqual([
      `${dir}/ladder.yaml:5: defaultLevel "L9" is not a level code`,
      `${dir}/ladder.yaml:25: level L2 (from 3 years) overlaps L1 (to 4) on the default track; bands there must not overlap`,
      `${dir}/ladder.yaml:29: marker "Entry Level" is claimed by both L1 and L2; keep it on one level`,
      `${dir}/ladder.yaml:30: level code L1 is used twice (also level #1); codes must be unique`,
      `${dir}/ladder.yaml:32: level L1 is on unknown track "icc"; use one of: ic`,
      `${dir}/families/cooking.yaml:1: family id "kitchen" does not match the file name; rename the file to kitchen.yaml or change the id`,
      `${dir}/families/cooking.yaml:5: card for unknown level L7; the ladder's levels are L1, L2, L1`,
    ]);
  });

  it.each([
    ['unsorted bands', (t: string) => t.replace('years: { min: 6 }', 'years: { min: 1 }'), /ladder\.yaml:\d+: level L3 starts at 1 years, below L2 \(3\); list a track's levels from junior to senior$/],
    ['an open band before the last level', (t: string) => t.replace('years: { min: 3, max: 6 }', 'years: { min: 3 }'), /level L2 has no upper bound but L3 comes after it on track ic; only the last level may be open-ended$/],
    ['a role noun that is also a marker', (t: string) => t.replace('levels:', 'roleNouns: [senior]\nlevels:'), /"senior" is both a role noun and a marker of L3; keep it in one list$/],
    ['an alias of two words', (t: string) => t.replace('sr: senior', 'sr: senior\n  big boss: manager'), /alias "big boss" must be a single word$/],
  ])('reports %s', async (_case, edit, message) => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) => (f.name === 'ladder.yaml' ? { ...f, text: edit(f.text) } : f));
    const problems = (await checkLadderFiles(files)).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reads defaultLevel in any case, and the matcher finds it', async () => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) =>
      f.name === 'ladder.yaml' ? { ...f, text: f.text.replace(/defaultLevel: (\S+)/, (_m, code: string) => `defaultLevel: ${code.toLowerCase()}`) } : f,
    );
    const { ladder, problems } = await checkLadderFiles(files);
    expect(problems).toEqual([]);
    const original = (await checkLadderFiles(readLadderFiles(join(ladders, 'minimal'), ROOT))).ladder!;
    expect(ladder!.defaultLevel).toBe(original.defaultLevel);
    const matcher = await createMatcher(ladder!, compileLexicon(ladder!));
    expect(matcher.match('Baker').match?.level).toBe(original.defaultLevel);
  });

  it('takes confidence factors and count words from the ladder, with the shipped values as defaults', async () => {
    const plain = (await checkLadderFiles(readLadderFiles(join(ladders, 'minimal'), ROOT))).ladder!;
    expect(plain.confidence.word).toBe(0.95);
    expect(plain.counts.after).toContain('years');
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) =>
      f.name === 'ladder.yaml' ? { ...f, text: f.text.replace('version: 1\n', 'version: 1\nconfidence:\n  word: 0.8\ncounts:\n  before: [batch]\n') } : f,
    );
    const { ladder, problems } = await checkLadderFiles(files);
    expect(problems).toEqual([]);
    const matcher = await createMatcher(ladder!, compileLexicon(ladder!));
    const senior = matcher.match('Senior Baker').match!;
    expect(senior.confidence).toBe(0.8);
    const bad = files.map((f) => (f.name === 'ladder.yaml' ? { ...f, text: f.text.replace('word: 0.8', 'word: 1.5') } : f));
    expect((await checkLadderFiles(bad)).problems.map((p) => p.message)).toEqual(['confidence.word: must be from 0 to 1']);
  });

  it('reports a claim that borrows the topics of an unknown family', async () => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) =>
      f.name === 'baking.yaml' ? { ...f, text: f.text.replace('vocabulary:', 'claims:\n  - role: chef\n    topicsOf: [pastry-arts]\nvocabulary:') } : f,
    );
    expect((await checkLadderFiles(files)).problems.map((p) => p.message)).toEqual([
      'claim "chef" borrows the topics of unknown family "pastry-arts"; families: baking',
    ]);
  });

  it.each([
    ['a family language the ladder does not declare', '', "languages:\n  fr: { boulanger: baker }\n", /^\d+: language "fr" is not declared in .*ladder\.yaml; add it under languages \(with its name\) or use one of: de$/],
    ['a phrase with two meanings', '', "languages:\n  de: { bäcker: pastry }\n", /^\d+: "bäcker" \(de\) means "pastry" here but "baker" in .*ladder\.yaml; a phrase has one meaning$/],
    ['a phrase that means no words', '      hilfe: "-"\n', '', /^\d+: "hilfe" means no words; write the English word or phrase it stands for$/],
  ])('reports %s with its line', async (_case, ladderWords, familyText, message) => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) => {
      if (f.name === 'ladder.yaml') return { ...f, text: f.text.replace('levels:\n', `languages:\n  de:\n    name: German\n    words:\n      bäcker: baker\n${ladderWords}levels:\n`) };
      if (f.name === 'baking.yaml') return { ...f, text: f.text.replace('vocabulary:', `${familyText}vocabulary:`) };
      return f;
    });
    const problems = (await checkLadderFiles(files)).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('accepts the same phrase with the same meaning in the ladder and a family', async () => {
    const files = readLadderFiles(join(ladders, 'minimal'), ROOT).map((f) => {
      if (f.name === 'ladder.yaml') return { ...f, text: f.text.replace('levels:\n', 'languages:\n  de: { name: German, words: { bäcker: baker } }\nlevels:\n') };
      if (f.name === 'baking.yaml') return { ...f, text: f.text.replace('vocabulary:', 'languages:\n  de: { Bäcker: Baker }\nvocabulary:') };
      return f;
    });
    expect((await checkLadderFiles(files)).problems).toEqual([]);
  });

  it('says where the ladder should be when the folder has none', () => {
    expect(() => readLadderFiles(join(ladders, 'no-ladder-file'), ROOT)).toThrow(DataError);
    expect(() => readLadderFiles(join(ladders, 'no-ladder-file'), ROOT)).toThrow(/ladder\.yaml: not found/);
  });

  it('refuses to load an invalid ladder, naming the first problem and how to see them all', async () => {
    const load = loadLadder(join(ladders, 'many-problems'), ROOT);
    await expect(load).rejects.toThrow(DataError);
    await expect(load).rejects.toThrow(/invalid ladder: tests\/fixtures\/ladders\/many-problems\/ladder\.yaml:5: defaultLevel "L9" is not a level code \(and 6 more\)/);
  });
});

describe('the settings a ladder of your own inherits', () => {
  const minimal = join(FIXTURES, 'ladders', 'minimal');
  it('takes each setting it leaves out from the shipped ladder', async () => {
    const { ladder: own } = await checkLadderFiles(readLadderFiles(minimal, ROOT));
    const { ladder: shipped } = await checkLadderFiles(readLadderFiles(join(ROOT, 'data'), ROOT), null);
    expect(own!.confidence).toEqual(shipped!.confidence);
    expect(own!.counts).toEqual(shipped!.counts);
    expect(own!.occupationChoice).toEqual(shipped!.occupationChoice);
  });

  it('keeps the values it sets, field by field', async () => {
    const files = readLadderFiles(minimal, ROOT);
    files[0] = { ...files[0]!, text: files[0]!.text.replace('defaultLevel: L2\n', 'defaultLevel: L2\nconfidence:\n  word: 0.8\noccupationChoice:\n  familyOdds: 5\n') };
    const { ladder, problems } = await checkLadderFiles(files);
    expect(problems).toEqual([]);
    expect(ladder!.confidence.word).toBe(0.8);
    expect(ladder!.confidence.numeral).toBe(0.9);
    expect(ladder!.occupationChoice).toMatchObject({ familyOdds: 5, outsideFamily: 0.5 });
  });

  it('is inherited by no ladder from nowhere: the shipped ladder sets every one, and one left out is a problem', async () => {
    const files = readLadderFiles(join(ROOT, 'data'), ROOT);
    expect((await checkLadderFiles(files, null)).problems).toEqual([]);
    files[0] = { ...files[0]!, text: files[0]!.text.replace(/^ {2}low: .*\n/m, '') };
    const { problems } = await checkLadderFiles(files, null);
    expect(problems.map((p) => p.message)).toEqual(['confidence.low: missing; a ladder that inherits no settings sets every one']);
  });
});
