#!/usr/bin/env node
// The leveler command: runs the built CLI with this process's streams.
import { main, processIo } from '../dist/cli.js';

// A reader that stops early (`leveler ... | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), processIo());
