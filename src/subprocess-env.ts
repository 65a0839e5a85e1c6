// The environment every program archcheck starts gets (kustomize, kubectl, helm, docker credential helpers).
// The job's environment holds the workflow's token (INPUT_GITHUB-TOKEN), the runner's own tokens (ACTIONS_*)
// and whatever secrets the workflow exported; the programs run on files the pull request wrote, so they get
// only what they need to work. SECURITY.md ("Subprocess environments") lists the choices and why.

export type Env = Record<string, string | undefined>;

/** Which extra variables a program may see, on top of {@link BASE}. */
export interface EnvAllowance {
  /** Exact names (compared case-insensitively, as Windows does). */
  names?: readonly string[];
  /** Name prefixes such as `HELM_`. */
  prefixes?: readonly string[];
}

/**
 * What any program needs to start and reach the network the way the workflow set it up: the search path, a home
 * and temp directory, the locale, proxies and CA bundles (both spellings: curl and Go read the lowercase ones),
 * and on Windows the variables the C runtime and DNS resolver need. XDG_* are the config/cache/data dirs that
 * kustomize, helm and the credential helpers read.
 */
const BASE: Required<EnvAllowance> = {
  names: [
    'PATH',
    'HOME',
    'TMPDIR',
    'TEMP',
    'TMP',
    'LANG',
    'LANGUAGE',
    'TZ',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    // Windows
    'SYSTEMROOT',
    'WINDIR',
    'PATHEXT',
    'COMSPEC',
    'USERPROFILE',
    'APPDATA',
    'LOCALAPPDATA',
  ],
  prefixes: ['LC_', 'XDG_'],
};

/** `kubectl kustomize` / `kustomize build`: the base only (no KUBECONFIG: building reads no cluster). */
export const KUSTOMIZE_ENV: EnvAllowance = {};

/** `helm template`: helm's own settings (HELM_CACHE_HOME, HELM_CONFIG_HOME, HELM_REGISTRY_CONFIG, ...). */
export const HELM_ENV: EnvAllowance = { prefixes: ['HELM_'] };

/**
 * `docker-credential-<name> get`: the docker config dir, the session bus (secretservice, pass), and the cloud
 * SDK variables the cloud helpers read for their identity (ecr-login: AWS_*; gcloud: GOOGLE_*, CLOUDSDK_*;
 * acr-env: AZURE_*). Those are the workflow's own cloud credentials, put there for exactly this.
 */
export const CREDENTIAL_HELPER_ENV: EnvAllowance = {
  names: ['DOCKER_CONFIG', 'DBUS_SESSION_BUS_ADDRESS'],
  prefixes: ['AWS_', 'GOOGLE_', 'CLOUDSDK_', 'AZURE_'],
};

/**
 * The environment for a child process: the variables of `env` that {@link BASE} or `allow` name, nothing else.
 * Unset values are dropped (`spawn` would pass the text "undefined").
 */
export function subprocessEnv(env: Env, allow: EnvAllowance): Record<string, string> {
  const names = new Set([...BASE.names, ...(allow.names ?? [])].map((n) => n.toUpperCase()));
  const prefixes = [...BASE.prefixes, ...(allow.prefixes ?? [])];
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (names.has(upper) || prefixes.some((p) => upper.startsWith(p))) out[name] = value;
  }
  return out;
}
