import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { parseConfig } from '../../src/config/parse.js';
import { runArchcheck } from '../../src/engine/run.js';
import { ConfigurationError } from '../../src/errors.js';
import { RecordingLogger } from '../../src/logger.js';
import { isolatedEnv } from '../registry-http/harness.js';
import { runCliInProcess } from '../support/cli-in-process.js';
import { stubServer } from './network-servers.js';

let dir: string;
let stub: Awaited<ReturnType<typeof stubServer>>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-network-config-'));
  // Answers like a registry without the image: reaching it gives image-not-found, not a refusal.
  stub = await stubServer((_req, res) => {
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
  });
});
afterAll(async () => {
  await stub?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function repo(config?: string): Promise<string> {
  const cwd = await mkdtemp(path.join(dir, 'repo-'));
  if (config) await writeFile(path.join(cwd, '.archcheck.yaml'), config);
  await writeFile(
    path.join(cwd, 'pod.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "nginx:1.27"}\n',
  );
  return cwd;
}

test.each([
  ['on the command line (trusted): the private mirror is used', 'cli', 'image-not-found', /was not found/],
  [
    'in .archcheck.yaml (untrusted): the private mirror is refused',
    'config',
    'image-unresolved',
    /is a loopback address/,
  ],
])('an HTTP mirror on loopback %s', async (_, where, rule, message) => {
  const mirror = `http://${stub.host}`;
  const cwd = await repo(
    where === 'config' ? `registries:\n  mirrors:\n    docker.io: "${mirror}"\n` : undefined,
  );
  const before = stub.requests.length;
  const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: undefined });
  const report = await runArchcheck(
    {
      cwd,
      paths: ['.'],
      architectures: ['amd64'],
      ...(where === 'cli' ? { registryMirrors: { 'docker.io': mirror } } : {}),
    },
    { logger: new RecordingLogger(), env },
  );
  const found = report.findings.filter((f) => f.image === 'nginx:1.27');
  expect(found).toEqual([expect.objectContaining({ rule, message: expect.stringMatching(message) })]);
  expect(stub.requests.length > before).toBe(where === 'cli');
});

test('--allow-private-registry is repeatable and lets the named host be contacted', async () => {
  const cwd = await repo(`registries:\n  mirrors:\n    docker.io: "http://${stub.host}"\n`);
  const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: undefined });
  const report = await runArchcheck(
    { cwd, paths: ['.'], architectures: ['amd64'], allowPrivateRegistries: ['registry.corp', stub.host] },
    { logger: new RecordingLogger(), env },
  );
  expect(report.findings.map((f) => f.rule)).toContain('image-not-found');
});

test.each([
  ['*', /--allow-private-registry: "\*": wildcards are not accepted/],
  ['10.0.0.0/64', /--allow-private-registry: "10\.0\.0\.0\/64" is not a CIDR/],
])('the CLI refuses --allow-private-registry %s with exit 2', async (value, message) => {
  const { code, stderr: err } = await runCliInProcess([
    '--quiet',
    '--arch',
    'amd64',
    '--allow-private-registry',
    value,
    await repo(),
  ]);
  expect(code).toBe(2);
  expect(err).toMatch(message);
});

test('ARCHCHECK_ALLOW_PRIVATE_REGISTRIES with a wildcard stops the run before any work', async () => {
  const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: '*' });
  const run = runArchcheck({ cwd: await repo(), paths: ['.'] }, { logger: new RecordingLogger(), env });
  await expect(run).rejects.toThrow(ConfigurationError);
  await expect(run).rejects.toThrow(/ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: "\*": wildcards are not accepted/);
});

test.each([
  ['localhost:5000, 10.0.0.0/8\nregistry.corp', ['localhost:5000', '10.0.0.0/8', 'registry.corp']],
  ['', undefined],
])('the action input allow-private-registries %j', (text, expected) => {
  const inputs = readInputs((name) => (name === 'allow-private-registries' ? text : ''));
  expect(inputs.allowPrivateRegistries).toEqual(expected);
});

test('the action input allow-private-registries refuses wildcards, naming the input', () => {
  const read = () => readInputs((name) => (name === 'allow-private-registries' ? '0.0.0.0/0\n*' : ''));
  expect(read).toThrow(ConfigurationError);
  expect(read).toThrow(/input "allow-private-registries": "\*": wildcards are not accepted/);
});

test.each([
  ['timeoutSeconds: 0.0005', 'timeoutMs', 1],
  ['deadlineSeconds: 2147483', 'deadlineMs', 2_147_483_000],
])('registries.%s becomes whole milliseconds a Node timer takes', (line, key, ms) => {
  const config = parseConfig(`registries: {${line}}\n`, '/repo/.archcheck.yaml');
  expect(config.registries[key as 'timeoutMs' | 'deadlineMs']).toBe(ms);
});
