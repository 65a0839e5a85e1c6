#!/usr/bin/env node
import { main } from './cli/main.js';
import { errorMessage } from './errors.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`archcheck: ${errorMessage(error)}\n`);
    process.exitCode = 3;
  },
);
