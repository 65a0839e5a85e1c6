#!/usr/bin/env node
// `npm run bundle`: the action (dist/) and the CLI (dist/cli/) with ncc, after compiling the config schema
// (build-schema-validator.mjs).
//
// What the code imports on demand (the engine behind the CLI's --version, undici behind oci:-only runs) ncc
// writes as numbered chunks beside index.js. Its licence file is written per chunk group, and with one file name
// each group overwrites the last: the entry's packages went missing. So each group writes its own file here, and
// they are merged into the one licenses.txt the bundle ships, one entry per package, sorted as ncc sorts them.
// Then each file is made faster to load (issue 14, npm run bench -- startup): every module's factory becomes a
// parenthesized function expression (eagerFactories), comments and whitespace go (compact), and the CLI's chunks
// become scripts that src/cli/chunks.ts compiles with V8's code cache (cachedChunks).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const ncc = path.join(root, 'node_modules/.bin/ncc');
// The action runs once per job on a fresh runner, where a code cache would never be read again.
const BUNDLES = [
  ['src/index.ts', 'dist', { cachedChunks: false }],
  ['src/cli.ts', 'dist/cli', { cachedChunks: true }],
];

execFileSync(process.execPath, [path.join(root, 'scripts/build-schema-validator.mjs')], { stdio: 'inherit' });

for (const [entry, outDir, { cachedChunks }] of BUNDLES) {
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
  for (const name of readdirSync(out).filter((n) => n.endsWith('.js'))) {
    const file = path.join(out, name);
    const code = compact(eagerFactories(readFileSync(file, 'utf8'), file));
    const chunk = /^\d+\.index\.js$/.test(name);
    writeFileSync(file, !cachedChunks ? code : chunk ? chunkScript(code, file) : loadChunksWith(code, file));
  }
}

/**
 * ncc writes each module as an arrow function, `/***\/ ((module, exports, require) => {`, run when the module is
 * first required. V8 pre-parses a function it has not run (to find where it ends), then parses it again in full
 * when it is first called: every module the run loads was parsed twice (for the engine's chunk, the bulk of it,
 * 14 ms of a 110 ms demo). A function expression in parentheses is V8's hint to compile it at once
 * (https://v8.dev/blog/preparser, "PIFE"), so each factory is parsed once: the demo went from 2.36x to 2.15x of
 * `node -e 0`. `this` and
 * `arguments` are not used by arrow factories (ncc writes a function where a module needs them), and the
 * factories run in strict mode either way. Every module must be rewritten or already a function: a format
 * change in ncc fails the build here instead of shipping a slower bundle.
 */
function eagerFactories(code, file) {
  const modules = code.match(/^\/\*\*\*\/ \d+:$/gm)?.length ?? 0;
  let factories = code.match(/^\/\*\*\*\/ \(function\([\w, ]*\) \{$/gm)?.length ?? 0;
  const rewritten = code.replace(/^\/\*\*\*\/ \(\(([\w, ]*)\) => \{$/gm, (_, params) => {
    factories++;
    return `/***/ (function(${params}) {`;
  });
  if (factories !== modules)
    throw new Error(`${file}: ${modules} modules but ${factories} factories in the expected form`);
  return rewritten;
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

/**
 * A chunk as ncc writes it is an ES module, `export { id, ids, modules }`, which Node compiles without a code
 * cache before Node 22. As a script that evaluates to the same object, `vm.Script` can compile it with one
 * (src/cli/chunks.ts), strict as the module was. A chunk never imports (its modules reach Node's through the
 * entry's require): a chunk that does fails the build, since a script could not.
 */
function chunkScript(code, file) {
  const tail = ';export{id,ids,modules};\n';
  if (!/^const id=\d+;const ids=\[[\d,]+\];const modules=\{/.test(code) || !code.endsWith(tail))
    throw new Error(`${file}: not the chunk format scripts/bundle.mjs knows`);
  if (/\bimport\s*\(|\bimport\.meta\b/.test(code)) throw new Error(`${file}: a chunk imports`);
  const script = `(function(){"use strict";${code.slice(0, -tail.length)};return{id,ids,modules}})();\n`;
  // Compiled here once, so a chunk that is not a valid script (a top-level await) fails the build, not a run.
  new Script(script, { filename: file });
  return script;
}

/** The entry's chunk loading, from `import()` to the loader src/cli/chunks.ts installs as LOAD_CHUNK. */
function loadChunksWith(code, file) {
  const load = 'import("./"+__nccwpck_require__.u(chunkId))';
  if (code.split(load).length !== 2) throw new Error(`${file}: ncc's chunk loading is not where it was`);
  return code.replace(load, 'globalThis[Symbol.for("archcheck.loadChunk")](__nccwpck_require__.u(chunkId))');
}

/**
 * Without comments and indentation: V8 reads every byte of a file it loads, and the bundle is 40% smaller
 * (`npx archcheck` downloads less). Names are kept, so a stack trace in a bug report still reads; so are licence
 * comments. ncc's own --minify leaves the chunks as they are.
 */
function compact(code) {
  return transformSync(code, {
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    legalComments: 'inline',
  }).code;
}
