// Builds dist/: the CLI and the library as one CommonJS bundle loaded by dist/boot.cjs (src/boot.ts);
// a snapshot of the shipped ladder so that a `match` need not parse YAML at start-up (see
// src/io/ladder.ts); last, V8's code cache of the bundle (scripts/code-cache.mjs).
//
// Everything is written to a fresh folder beside dist/ and swapped in at the end: a failed build
// leaves the previous dist/ whole, and no dist/ ever mixes two builds. Each build has an id, compiled
// into the code and written into the snapshot, so a snapshot is only used by the code built with it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const fresh = join(root, `.dist-${process.pid}`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const buildId = `${pkg.version}+${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;

try {
  await buildInto(fresh);
  swapIn(fresh);
} catch (e) {
  rmSync(fresh, { recursive: true, force: true });
  console.error(`build: failed; dist/ is unchanged: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
// Last, in dist/ itself (V8 keeps the bundle's path in the cache, for stack traces): the code cache,
// made by running the new build. Without it dist/ works the same, only slower to start.
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), dist], { cwd: root, stdio: 'inherit' });
} catch {
  console.error('build: dist/ is built, but its code cache could not be made (see above): a cold start compiles the code');
  process.exit(1);
}

function swapIn(folder) {
  const old = join(root, `.dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(folder, dist);
  rmSync(old, { recursive: true, force: true });
}

async function buildInto(out) {
  // commander requires node:child_process at load, for executable subcommands leveler never uses;
  // loading it costs about 5% of a cold start. Give commander a handle that loads it on first use.
  const lazyChildProcess = {
    name: 'lazy-child-process',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes(`node_modules${sep}commander${sep}`) ? { path: 'lazy-child-process', namespace: 'leveler' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'leveler' }, () => ({
        contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
        loader: 'js',
      }));
    },
  };

  // CommonJS, both files: the bundle is compiled by dist/boot.cjs with V8's code cache (src/boot.ts),
  // and the bin requires boot.cjs (an ES module entry costs a tenth of a cold start). The sources find
  // their files beside themselves through import.meta.url: the file's own URL.
  const cjs = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "const __levelerUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  // One bundle for everything: the bin, the library's entries and batch's helpers all run this file.
  await build({
    ...cjs,
    plugins: [lazyChildProcess],
    entryPoints: ['src/library-bundle.ts'],
    outfile: join(out, 'leveler.cjs'),
    define: { __LEVELER_BUILD__: JSON.stringify(buildId), 'import.meta.url': '__levelerUrl' },
    sourcemap: false,
    minifyWhitespace: true,
    minifySyntax: true,
  });
  // The bundle runs as a script (src/boot.ts): an import() left in it would fail when it is reached.
  const left = /\bimport\((["'`][^"'`]*["'`])\)/.exec(readFileSync(join(out, 'leveler.cjs'), 'utf8'));
  if (left) throw new Error(`the bundle has import(${left[1]}), which cannot run in it: load it with createRequire instead`);
  await build({ ...cjs, entryPoints: ['src/boot.ts'], outfile: join(out, 'boot.cjs'), define: { 'import.meta.url': '__levelerUrl' } });
  // The library's two entries take their names from the bundle: index.js the public API only (the
  // names of src/index.ts), internal.js everything (src/internal.ts).
  const bundle = createRequire(import.meta.url)(join(out, 'boot.cjs')).load().exports;
  const entry = (comment, from, names) =>
    `// ${comment}\nimport boot from './boot.cjs';\nconst bundle = boot.load().exports${from};\nexport const { ${names.join(', ')} } = bundle;\n`;
  writeFileSync(join(out, 'index.js'), entry("The library (see scripts/build.mjs): the public API of src/index.ts, from leveler's bundle.", '.publicApi', Object.keys(bundle.publicApi).sort()));
  writeFileSync(join(out, 'internal.js'), entry("job-leveler/internal (see src/internal.ts): the parts, from leveler's bundle; not a contract.", '', Object.keys(bundle).sort()));
  // What a helper thread of batch runs (src/io/helpers.ts): the same bundle's code.
  writeFileSync(join(out, 'helper.cjs'), "// A helper thread of leveler batch (see src/io/helpers.ts), from leveler's bundle.\nrequire('./boot.cjs').load().exports.runHelper();\n");

  // Type declarations for library users (dist/types), from the TypeScript compiler.
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(out, 'types')], {
    cwd: root,
    stdio: 'inherit',
  });

  const lib = await import(join(out, 'internal.js'));
  // The shipped ladder inherits nothing: it must set every setting a ladder of one's own inherits.
  const { ladder, problems } = await lib.checkLadderFiles(lib.readLadderFiles(lib.shippedDataDir(), root), null);
  if (ladder === null) {
    for (const p of problems) console.error(`${p.file}:${p.line ?? ''}: ${p.message}`);
    console.error('build: the shipped ladder is invalid');
    throw new Error('the shipped ladder is invalid');
}
  // The English dictionary the typo guard reads (src/io/dictionary.ts), sorted, one word a line.
  writeFileSync(join(out, lib.DICTIONARY_FILE), lib.buildDictionary().join('\n') + '\n');
  // The shipped word table packed for batches (src/core/occupation-pack.ts): read whole in one go, nothing parsed.
  writeFileSync(join(out, lib.OCCUPATION_PACK_FILE), lib.packWordTable(join(lib.shippedDataDir(), 'occupation-words.tsv')));
  writeFileSync(join(out, lib.SNAPSHOT_FILE), lib.serializeSnapshot(lib.shippedDataDir(), root, ladder, await familyOccupations(lib, ladder)));
  console.log(`build: dist/ written (${buildId}), with a snapshot of the shipped ladder (${ladder.levels.length} levels, ${ladder.families.length} families)`);
}

/**
 * The occupations of common family titles (each family's roles, topics and cards' common titles),
 * worked out now from the shipped word table and kept in the snapshot with the table's stamp: a
 * cold `leveler match "Senior Data Scientist"` then reads no word table (src/io/occupations.ts).
 */
async function familyOccupations(lib, ladder) {
  const dir = lib.shippedDataDir();
  const stamp = lib.tableStamp(join(dir, 'occupation-words.tsv'));
  if (stamp === null) return undefined;
  // Worked out by the matcher itself, with no cache, so that the cache gives what it would.
  const matcher = (await lib.createMatcher(ladder)).useOccupations(lib.occupationSource(dir, root));
  const table = {};
  for (const family of ladder.families) {
    const titles = [...family.roles, ...family.vocabulary, ...Object.values(family.cards).flatMap((c) => c.commonTitles)];
    for (const title of titles) {
      const reading = matcher.readTitle(title);
      if (reading.fam.family?.id !== family.id) continue;
      const words = matcher.occupationWordsOf(title);
      if (words.length === 0) continue;
      table[`${family.id}\t${lib.occupationPartsKey(words)}`] = reading.occupation?.ref.code ?? '';
    }
  }
  // Where each occupation's record lies in occupations.json: a cold match parses only the one it shows.
  const spans = lib.occupationSpans(readFileSync(join(dir, lib.OCCUPATIONS_FILE)));
  if (spans === null) throw new Error(`${lib.OCCUPATIONS_FILE}: its records could not be found by their braces (see occupationSpans)`);
  return { stamp, table, spans };
}
