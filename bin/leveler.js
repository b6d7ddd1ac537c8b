#!/usr/bin/env node
// The leveler command: runs the built CLI (loaded by dist/boot.cjs, see src/boot.ts) with this
// process's streams. CommonJS (bin/package.json): an ES module entry would start Node's module
// loader, a tenth of a cold start.
'use strict';
const { load } = require('../dist/boot.cjs');

const { main, processIo, stdoutFailure } = load().exports;
// A reader that stops early (`leveler ... | head`) is not an error; any other failure to write
// stdout (a full disk, a closed stdout) is one line and exit status 74, never a stack trace.
const io = processIo();
io.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(stdoutFailure(e));
  process.exit(74);
});
// Messages are not worth dying for: a closed stderr (`2>&1 | head -1`) must not stop the work.
process.stderr.on('error', () => {});

main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
