import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOCKER_HUB, DOCKER_HUB_CONFIG_KEY, normalizeRegistryHost } from './endpoint.js';

/** One `auths` entry of docker's config.json (docker/cli cli/config/types/authconfig.go). */
export interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
}

export interface DockerConfig {
  file: string;
  auths: Record<string, DockerAuthEntry>;
  credHelpers: Record<string, string>;
  credsStore?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json` (docker/cli cli/config/config.go `Dir`). */
export function dockerConfigPath(env: Record<string, string | undefined>): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

/**
 * Reads docker's config file: undefined when there is none, an error (naming the file, never its content)
 * when it cannot be read or is not the JSON docker writes.
 */
export async function readDockerConfig(
  env: Record<string, string | undefined>,
): Promise<DockerConfig | undefined | { error: string }> {
  const file = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { error: `cannot read docker config ${file} (${code ?? 'error'})` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { error: `docker config ${file} is not valid JSON; fix it or point DOCKER_CONFIG elsewhere` };
  }
  if (!isObject(doc)) return { error: `docker config ${file} is not a JSON object` };
  const auths: Record<string, DockerAuthEntry> = {};
  if (isObject(doc.auths)) {
    for (const [key, value] of Object.entries(doc.auths)) {
      if (!isObject(value)) continue;
      const entry: DockerAuthEntry = {};
      for (const field of ['auth', 'username', 'password', 'identitytoken', 'registrytoken'] as const) {
        const v = str(value[field]);
        if (v !== undefined) entry[field] = v;
      }
      auths[key] = entry;
    }
  }
  const credHelpers: Record<string, string> = {};
  if (isObject(doc.credHelpers)) {
    for (const [key, value] of Object.entries(doc.credHelpers))
      if (str(value)) credHelpers[key] = value as string;
  }
  const config: DockerConfig = { file, auths, credHelpers };
  if (str(doc.credsStore)) config.credsStore = doc.credsStore as string;
  return config;
}

/**
 * The server address docker uses as the key for a host: Docker Hub's legacy index URL, else the host
 * itself (docker/cli registry `GetAuthConfigKey`). Credential helpers receive this string on stdin.
 */
export function serverAddress(host: string): string {
  return normalizeRegistryHost(host) === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : host;
}

/** docker/cli credentials/file_store.go `ConvertToHostname`: drop the scheme and any path. */
function keyHost(key: string): string {
  const stripped = key.replace(/^https?:\/\//i, '');
  return stripped.split('/')[0]!.toLowerCase();
}

/**
 * Does a config key (`auths` or `credHelpers`) name this host? Exact server address first, then the key's
 * hostname as docker's file store does; Docker Hub's aliases (`docker.io`, `index.docker.io`) count too, as
 * podman and go-containerregistry accept them.
 */
export function keyMatches(key: string, host: string): boolean {
  if (key === serverAddress(host)) return true;
  const h = keyHost(key);
  const wanted = normalizeRegistryHost(host);
  return h === host.toLowerCase() || (wanted === DOCKER_HUB && normalizeRegistryHost(h) === DOCKER_HUB);
}

/** The entry (or helper name) of `table` for `host`: an exact server-address key wins over a hostname match. */
export function lookup<T>(table: Record<string, T>, host: string): T | undefined {
  const exact = table[serverAddress(host)];
  if (exact !== undefined) return exact;
  const key = Object.keys(table).find((k) => keyMatches(k, host));
  return key === undefined ? undefined : table[key];
}
