import type { RegistryCredentialEnv } from '../../config/types.js';
import type { Logger } from '../../logger.js';
import { runCredentialHelper } from './cred-helper.js';
import {
  type DockerAuthEntry,
  type DockerConfig,
  lookup,
  readDockerConfig,
  serverAddress,
} from './docker-config.js';
import { normalizeRegistryHost } from './endpoint.js';
import type { Secrets } from './secrets.js';

/**
 * A credential for one host, as docker's `AuthConfig` carries it: username/password (Basic, or Basic to a
 * token server), an identity token (OAuth2 refresh token for the token server), or a registry token sent
 * as-is as Bearer. `source` says where it came from, for messages; it never holds the secret.
 */
export type Credential =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'identity'; username: string; token: string; source: string }
  | { kind: 'registry'; token: string; source: string };

export interface CredentialOptions {
  env: Record<string, string | undefined>;
  settings: Record<string, RegistryCredentialEnv>;
  githubToken?: string;
  secrets: Secrets;
  logger: Logger;
  /** Time a credential helper may take. */
  timeoutMs: number;
}

/**
 * Usernames a token is paired with when registries.credentials names only a token: what each registry's
 * docs say to pass to `docker login` with a token (GCR/Artifact Registry: oauth2accesstoken; ACR: the
 * null GUID for `az acr login --expose-token`). Elsewhere the name is not checked (GHCR) or must be given.
 */
function tokenUsername(host: string): string {
  if (host === 'gcr.io' || host.endsWith('.gcr.io') || host.endsWith('-docker.pkg.dev'))
    return 'oauth2accesstoken';
  if (host.endsWith('.azurecr.io')) return '00000000-0000-0000-0000-000000000000';
  return 'archcheck';
}

/** docker/cli `decodeAuth` plus the token fields, in docker's precedence: registrytoken, identitytoken, user/password. */
function fromAuthEntry(entry: DockerAuthEntry, source: string): Credential | undefined {
  if (entry.registrytoken) return { kind: 'registry', token: entry.registrytoken, source };
  let { username, password } = entry;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  if (entry.identitytoken)
    return { kind: 'identity', username: username ?? '', token: entry.identitytoken, source };
  if (username && password !== undefined) return { kind: 'basic', username, password, source };
  return undefined;
}

/**
 * Finds the credential for a host once per run, in the order the issue and the docker CLI use: docker
 * config (`credHelpers`, then `credsStore`, then `auths`), then `registries.credentials` environment
 * variables, then, for ghcr.io only, the GitHub token. Problems (a broken config, a failing helper) are
 * warnings: the host is then tried anonymously.
 */
export class CredentialStore {
  readonly #opts: CredentialOptions;
  readonly #byHost = new Map<string, Promise<Credential | undefined>>();
  #config: Promise<DockerConfig | undefined> | undefined;

  constructor(opts: CredentialOptions) {
    this.#opts = opts;
  }

  get(host: string): Promise<Credential | undefined> {
    const key = normalizeRegistryHost(host);
    let found = this.#byHost.get(key);
    if (!found) {
      found = this.#find(key).then((credential) => {
        if (credential) this.#remember(credential);
        this.#opts.logger.debug(
          `registry credentials for ${key}: ${credential ? credential.source : 'none (anonymous)'}`,
        );
        return credential;
      });
      this.#byHost.set(key, found);
    }
    return found;
  }

  #remember(c: Credential): void {
    if (c.kind === 'basic') {
      this.#opts.secrets.add(c.password, Buffer.from(`${c.username}:${c.password}`).toString('base64'));
    } else {
      this.#opts.secrets.add(c.token);
    }
  }

  #dockerConfig(): Promise<DockerConfig | undefined> {
    this.#config ??= readDockerConfig(this.#opts.env).then((config) => {
      if (config && 'error' in config) {
        this.#opts.logger.warning(config.error);
        return undefined;
      }
      return config;
    });
    return this.#config;
  }

  async #find(host: string): Promise<Credential | undefined> {
    return (await this.#fromDockerConfig(host)) ?? this.#fromSettings(host) ?? this.#fromGitHub(host);
  }

  async #fromDockerConfig(host: string): Promise<Credential | undefined> {
    const config = await this.#dockerConfig();
    if (!config) return undefined;
    const helper = lookup(config.credHelpers, host) ?? config.credsStore;
    if (helper) {
      const source = `docker credential helper docker-credential-${helper}`;
      const answer = await runCredentialHelper(helper, serverAddress(host), this.#opts);
      if (answer.kind === 'found') {
        this.#opts.secrets.add(answer.secret);
        return answer.username === '<token>'
          ? { kind: 'identity', username: '', token: answer.secret, source }
          : { kind: 'basic', username: answer.username, password: answer.secret, source };
      }
      if (answer.kind === 'error') {
        this.#opts.logger.warning(`${answer.message} for ${host}; check the helper named in ${config.file}`);
      }
    }
    const entry = lookup(config.auths, host);
    return entry ? fromAuthEntry(entry, `docker config ${config.file}`) : undefined;
  }

  #fromSettings(host: string): Credential | undefined {
    const names = lookup(this.#opts.settings, host);
    if (!names) return undefined;
    const read = (name: string | undefined) => (name ? this.#opts.env[name] || undefined : undefined);
    const source = `registries.credentials for ${host}`;
    const username = read(names.usernameEnv);
    const password = read(names.passwordEnv) ?? read(names.tokenEnv);
    const missing = [names.usernameEnv, names.passwordEnv, names.tokenEnv].filter(
      (n) => n && !this.#opts.env[n],
    );
    if (missing.length > 0) {
      this.#opts.logger.warning(`${source}: environment variable ${missing.join(', ')} is not set or empty`);
    }
    if (password === undefined) return undefined;
    return { kind: 'basic', username: username ?? tokenUsername(host), password, source };
  }

  #fromGitHub(host: string): Credential | undefined {
    if (host !== 'ghcr.io') return undefined;
    const token = this.#opts.githubToken || this.#opts.env.GITHUB_TOKEN;
    if (!token) return undefined;
    // GHCR checks the token, not the user name; GITHUB_ACTOR is what docker/login-action's docs pass.
    const username = this.#opts.env.GITHUB_ACTOR || 'archcheck';
    return { kind: 'basic', username, password: token, source: 'the GitHub token (GITHUB_TOKEN)' };
  }
}
