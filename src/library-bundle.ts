// What dist/leveler.cjs is built from: the CLI, the library's internals beside it, and the public
// API as a namespace of its own, so that dist/index.js exports just those names from the same bundle
// and no code ships twice (scripts/build.mjs, src/boot.ts).
export * from './cli.js';
export * from './internal.js';
export * as publicApi from './index.js';
