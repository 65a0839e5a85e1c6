#!/usr/bin/env node
// `npm run bundle`: the action (dist/) and the CLI (dist/cli/) with ncc, after compiling the config schema
// (build-schema-validator.mjs).
//
// What the code imports on demand (the engine behind the CLI's --version, undici behind oci:-only runs) ncc
// writes as numbered chunks beside index.js. Its licence file is written per chunk group, and with one file name
// each group overwrites the last: the entry's packages went missing. So each group writes its own file here, and
// they are merged into the one licenses.txt the bundle ships, one entry per package, sorted as ncc sorts them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ncc = path.join(root, 'node_modules/.bin/ncc');
const BUNDLES = [
  ['src/index.ts', 'dist'],
  ['src/cli.ts', 'dist/cli'],
];

execFileSync(process.execPath, [path.join(root, 'scripts/build-schema-validator.mjs')], { stdio: 'inherit' });

for (const [entry, outDir] of BUNDLES) {
  const out = path.join(root, outDir);
  // ncc does not empty its output directory: chunks of an earlier build would be shipped beside the new ones.
  for (const name of readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name))
    if (/^\d+\.index\.js$|licenses\.txt$/.test(name)) rmSync(path.join(out, name));
  execFileSync(ncc, ['build', entry, '-o', outDir, '--license', '[name].licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  const parts = readdirSync(out).filter((name) => name.endsWith('.licenses.txt'));
  const entries = new Map();
  for (const part of parts) {
    for (const [name, text] of licenseEntries(readFileSync(path.join(out, part), 'utf8')))
      if (!entries.has(name)) entries.set(name, text);
    rmSync(path.join(out, part));
  }
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : 1));
  writeFileSync(path.join(out, 'licenses.txt'), `${names.map((n) => entries.get(n)).join('\n\n')}\n`);
}

/**
 * The entries of a licence file as license-webpack-plugin renders them: the package name on a line, its SPDX
 * expression on the next, then the licence text, entries separated by a blank line. A line that looks like a
 * package name after a blank line, followed by an SPDX-looking line, starts an entry.
 */
function licenseEntries(text) {
  const lines = text.replace(/\n+$/, '').split('\n');
  const starts = [];
  lines.forEach((line, i) => {
    const heading = /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(line);
    const spdx = /^\(?[A-Za-z0-9.+-]+( (OR|AND|WITH) [A-Za-z0-9.+-]+)*\)?$/.test(lines[i + 1] ?? '');
    if (heading && spdx && (i === 0 || lines[i - 1] === '')) starts.push(i);
  });
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : lines.length;
    return [lines[start], lines.slice(start, end).join('\n').replace(/\n+$/, '')];
  });
}
