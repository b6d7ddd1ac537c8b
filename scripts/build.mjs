// Builds dist/: one ESM bundle per entry (code shared between them split into chunks, and modules
// that only some paths need loaded on demand), then a snapshot of the shipped ladder so that a
// `match` need not parse YAML at start-up (see src/io/ladder.ts).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
// The CLI and the library are built apart, so the CLI's hot path is one file (fewer module loads).
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

const common = {
  plugins: [lazyChildProcess],
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // commander and cli-table3 are CommonJS: give their require() of Node built-ins a real require.
  banner: { js: "import { createRequire as __levelerRequire } from 'node:module'; const require = __levelerRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: ['src/cli.ts'] });
await build({ ...common, entryPoints: ['src/index.ts'], entryNames: '[name]', chunkNames: 'lib/[name]-[hash]' });

// Type declarations for library users (dist/types), from the TypeScript compiler.
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const lib = await import(join(dist, 'index.js'));
const { ladder, problems } = await lib.checkLadderFiles(lib.readLadderFiles(lib.shippedDataDir(), root));
if (ladder === null) {
  for (const p of problems) console.error(`${p.file}:${p.line ?? ''}: ${p.message}`);
  console.error('build: the shipped ladder is invalid');
  process.exit(1);
}
const snapshot = lib.makeSnapshot(lib.shippedDataDir(), root, ladder);
writeFileSync(join(dist, lib.SNAPSHOT_FILE), JSON.stringify(snapshot));
console.log(`build: dist/ written, with a snapshot of the shipped ladder (${ladder.levels.length} levels, ${ladder.families.length} families)`);
