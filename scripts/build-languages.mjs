#!/usr/bin/env node
// Builds data/esco-labels.tsv: ESCO's occupation labels in eleven languages, each read as the English
// label of its occupation, so that a German, French, Polish … title reaches the O*NET occupation the
// occupation stage finds for the English words ("Kellner" -> waiter, "Magazijnmedewerker" ->
// warehouse worker). From ESCO v1.0.8 (CC BY 4.0, European Commission) in ../shared/esco.
//
// What is kept: every preferred and alternative label of 1 to 6 words, its gender forms read away
// as a title's are, with a word that is not English: not in ESCO's English labels, O*NET's
// titles, the ladder's words or the English dictionary (a label of English words alone, such as German "Data Scientist"
// or "Manager", is read by the English pipeline already, and an English title never takes a
// foreign reading). Where one label belongs to
// several occupations, the occupation it is the preferred label of wins, then the one most
// languages give it to, then the more general (the shorter ESCO code).
//
// Usage: npm run build && node scripts/build-languages.mjs [--esco DIR] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecordsWithBreaks as records, option } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const escoDir = option(args, '--esco', join(root, '..', 'shared', 'esco'));
const onetDir = option(args, '--onet', join(root, '..', 'shared', 'onet'));
const outFile = option(args, '--out', join(root, 'data', 'esco-labels.tsv'));
const LANGUAGES = ['de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'da', 'cs', 'ro'];
const MAX_WORDS = 6;
const INDEX_EVERY = 64;

const lib = await import(join(root, 'dist', 'internal.js')).catch(() => {
  console.error('build-languages: no built leveler in dist/; run npm run build first');
  process.exit(2);
});
const { tokenize, withoutGenderForms, compileLexicon, loadLadder, shippedDataDir, buildDictionary, LABELS_FILE } = lib;
const { ladder } = await loadLadder(shippedDataDir(), root);
/** English words: the dictionary's, the ladder's and ESCO's English labels' (below). */
const english = new Set([...buildDictionary(), ...compileLexicon(ladder).knownWords.flatMap((w) => w.split(' '))]);

/** A label's words as a title's are read, or null when it is not one a title would carry whole. */
function words(label) {
  if (/[,()]/.test(label)) return null;
  const tokens = tokenize(withoutGenderForms(label));
  if (tokens.length === 0 || tokens.length > MAX_WORDS || tokens.some((t) => t.kind !== 'word' || t.seg !== 0)) return null;
  return tokens.map((t) => t.text);
}

/** The English label a concept is read as: its preferred label, the first of "waiter/waitress". */
function englishOf(label) {
  const one = /^[^\s/]+\/[^\s/]+$/.test(label) ? label.split('/')[0] : label;
  const w = words(one) ?? words(one.split('/')[0]);
  return w && w.length > 0 ? w.join(' ') : null;
}

/** A label's forms: "Kellner/Kellnerin" both, "conductor de autobús/conductora de autobús" both, else the label. */
function variants(label) {
  const parts = label.split('/').map((p) => p.trim());
  if (parts.length > 1 && parts.every((p) => p !== '' && (!p.includes(' ') || p.split(/\s+/).length >= 2)) && (parts.every((p) => !p.includes(' ')) || parts.every((p) => p.includes(' ')))) return parts;
  return [label];
}

// O*NET's occupation, alternate and reported titles are English titles' words ("Periodontist").
for (const [file, column] of [['Occupation Data.txt', 1], ['Alternate Titles.txt', 1], ['Sample of Reported Titles.txt', 1]]) {
  for (const line of readFileSync(join(onetDir, file), 'utf8').split('\n').slice(1)) {
    const title = line.split('\t')[column];
    if (title) for (const t of tokenize(title)) english.add(t.text);
  }
}

const concepts = new Map();
for (const r of records(join(escoDir, 'occupations_en.csv'))) {
  const to = englishOf(r.preferredLabel);
  if (to) concepts.set(r.conceptUri, { to, code: r.code });
  for (const label of [r.preferredLabel, ...r.altLabels.split('\n'), ...r.hiddenLabels.split('\n')]) for (const t of tokenize(label)) english.add(t.text);
}

// Where the occupation stage reads an English label into another SOC major group than the ESCO to
// O*NET crosswalk (Nesta, MIT) gives for the concept, the concept is read as the crosswalk's O*NET
// title instead, in the first form the stage reads into that group ("secretary general" -> chief
// executive). O*NET-SOC 2010 codes are compared by major group, which the 2019 revision kept.
const leveler = await lib.createLeveler();
const groupOf = async (title) => (await leveler.match(title)).match?.occupation?.code.slice(0, 2) ?? null;
let reread = 0;
const crosswalk = new Map(records(join(escoDir, 'esco_onet_crosswalk_Nov2020.csv')).map((r) => [r.concept_uri, r]));
for (const [uri, concept] of concepts) {
  const x = crosswalk.get(uri);
  if (!x || (await groupOf(concept.to)) === x.onet_code.slice(0, 2)) continue;
  for (const form of onetForms(x.onet_occupation)) {
    if ((await groupOf(form)) !== x.onet_code.slice(0, 2)) continue;
    concept.to = form;
    reread++;
    break;
  }
}

/** An O*NET title as a title's words: its first part, its head noun singular ("chief executive"), then as written. */
function onetForms(title) {
  const first = title.split(',')[0].trim();
  const head = first.split(' of ')[0].split(' ');
  const one = (w) => w.replace(/ies$/, 'y').replace(/(ss|us)$/, '$1_').replace(/s$/, '').replace(/_$/, '');
  const singular = [...head.slice(0, -1), one(head.at(-1))].join(' ') + first.slice(head.join(' ').length);
  return [...new Set([singular, first])].map((f) => words(f)?.join(' ')).filter((f) => f);
}

// label words -> candidates by English target: score, languages, code.
const labels = new Map();
for (const language of LANGUAGES) {
  for (const r of records(join(escoDir, `occupations_${language}.csv`))) {
    const concept = concepts.get(r.conceptUri);
    if (!concept) continue;
    const forms = [...variants(r.preferredLabel).map((l) => [l, 2]), ...r.altLabels.split('\n').flatMap(variants).map((l) => [l, 1])];
    for (const [label, weight] of forms) {
      const w = label.trim() === '' ? null : words(label.trim());
      if (!w) continue;
      const key = w.join(' ');
      // A word of three letters or less alone is an abbreviation in English titles ("AIO", "PT").
      if (key === concept.to || w.every((x) => english.has(x)) || (w.length === 1 && w[0].length < 4)) continue;
      let byTarget = labels.get(key);
      if (!byTarget) labels.set(key, (byTarget = new Map()));
      let c = byTarget.get(concept.to);
      if (!c) byTarget.set(concept.to, (c = { score: 0, languages: new Set(), code: concept.code }));
      c.score += weight;
      c.languages.add(language);
      if (concept.code.length < c.code.length) c.code = concept.code;
    }
  }
}

// One target per label; lines by the label's first word. The English labels are numbered: a line names its target's number.
const lines = new Map();
const targets = [];
const targetNumber = new Map();
for (const [key, byTarget] of labels) {
  const [to, c] = [...byTarget.entries()].sort((a, b) => b[1].score - a[1].score || b[1].languages.size - a[1].languages.size || a[1].code.length - b[1].code.length || (a[1].code < b[1].code ? -1 : 1))[0];
  const [first, ...rest] = key.split(' ');
  const langs = LANGUAGES.filter((l) => c.languages.has(l));
  const list = lines.get(first) ?? [];
  if (!targetNumber.has(to)) targetNumber.set(to, targets.push(to) - 1);
  list.push(`${rest.join(' ')}|${targetNumber.get(to)}|${langs.join(',')}`);
  lines.set(first, list);
}
const keys = [...lines.keys()].sort();
const body = keys.map((k) => `${k}\t${lines.get(k).sort().join(';')}\n`);
const index = [];
let offset = 0;
body.forEach((line, i) => {
  if (i % INDEX_EVERY === 0) index.push([keys[i], offset]);
  offset += Buffer.byteLength(line, 'utf8');
});
// The first words alone, one a line, so that a word no label starts with is told without reading the body.
const wordBlock = `\n${keys.join('\n')}\n`;
const head = `leveler esco labels\t1\tESCO v1.0.8 occupations (CC BY 4.0, European Commission)\t${LANGUAGES.join(',')}\n${JSON.stringify({ index, targets })}\nwords ${Buffer.byteLength(wordBlock, 'utf8')}${wordBlock}`;
writeFileSync(outFile, head + body.join(''));
console.log(`build-languages: ${reread} occupations read as their O*NET title; ${labels.size} labels under ${keys.length} first words in ${LANGUAGES.length} languages -> ${outFile} (${LABELS_FILE}, ${(Buffer.byteLength(head + body.join('')) / 1e6).toFixed(1)} MB)`);
