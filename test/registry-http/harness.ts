import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { afterAll } from 'vitest';
import path from 'node:path';
import type { RegistrySettings } from '../../src/config/types.js';
import { parseImageReference, type ImageRef } from '../../src/images/reference.js';
import { RecordingLogger } from '../../src/logger.js';
import {
  type ImageSourceOptions,
  type RunImageSource,
  createImageSource,
} from '../../src/registry/router.js';

/** Retries fast enough for a test suite, still bounded and still exponential. */
export const FAST_RETRY = {
  attempts: 3,
  connectAttempts: 2,
  connectRetryDelayMs: 10,
  rateLimitTrips: 3,
  rateLimitAttempts: 2,
  baseDelayMs: 20,
  maxDelayMs: 100,
  maxRetryAfterMs: 2_000,
};

export function ref(text: string): ImageRef {
  const parsed = parseImageReference(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.ref;
}

export function settings(overrides: Partial<RegistrySettings> = {}): RegistrySettings {
  return { mirrors: {}, credentials: {}, concurrency: 8, timeoutMs: 5_000, deadlineMs: 30_000, ...overrides };
}

/** Every test registry listens on loopback, which the network guard refuses unless told otherwise. */
export const ALLOW_LOOPBACK = '127.0.0.0/8,::1/128,localhost';

/**
 * An environment cut off from the developer's own docker login and proxies: a fresh HOME and
 * DOCKER_CONFIG, PATH as given (helper scripts first), loopback registries allowed explicitly (pass
 * `ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: undefined` to test the guard).
 */
const homes = mkdtempSync(path.join(os.tmpdir(), 'archcheck-homes-'));
// Registered while the importing test file is collected, so it runs when that file is done.
afterAll(() => rmSync(homes, { recursive: true, force: true }));

export async function isolatedEnv(
  extra: Record<string, string | undefined> = {},
): Promise<Record<string, string | undefined>> {
  const home = await mkdtemp(path.join(homes, 'home-'));
  return {
    HOME: home,
    DOCKER_CONFIG: path.join(home, '.docker'),
    PATH: process.env.PATH,
    ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: ALLOW_LOOPBACK,
    ...extra,
  };
}

/** Writes `config` as `$DOCKER_CONFIG/config.json`. */
export async function writeDockerConfig(
  env: Record<string, string | undefined>,
  config: object,
): Promise<void> {
  const dir = env.DOCKER_CONFIG!;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
}

export interface Harness {
  source: RunImageSource;
  logger: RecordingLogger;
}

export function harness(
  opts: Partial<ImageSourceOptions> & { env: Record<string, string | undefined> },
): Harness {
  const logger = new RecordingLogger();
  const source = createImageSource({ settings: settings(), retry: FAST_RETRY, logger, ...opts });
  return { source, logger };
}

export const basicAuth = (user: string, password: string) =>
  Buffer.from(`${user}:${password}`).toString('base64');
