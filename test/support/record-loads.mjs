// `node --import tsx --import ./record-loads.mjs ...`: appends the URL of every module the process resolves to
// the file named by RECORD_LOADS, so a test can say which modules a command line pulled in.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_LOADS } });
