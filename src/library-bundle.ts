// What dist/cli.js is built from: the CLI, and the library API beside it, so that dist/index.js can
// re-export the same bundle and no chunk ships twice (scripts/build.mjs).
export * from './cli.js';
export * from './index.js';
