import { findOnPath } from '../../src/sources/exec.js';

/**
 * How to install each system tool the integration tests run. Debian and Ubuntu package all but kubectl;
 * kubectl (for `kubectl kustomize`) is preinstalled on GitHub's ubuntu-latest runners and otherwise comes
 * from Kubernetes' own packages.
 */
export const SYSTEM_TOOLS: Readonly<Record<string, string>> = {
  'docker-registry': 'install it with: sudo apt-get install -y docker-registry',
  skopeo: 'install it with: sudo apt-get install -y skopeo',
  htpasswd: 'install it with: sudo apt-get install -y apache2-utils',
  openssl: 'install it with: sudo apt-get install -y openssl',
  zstd: 'install it with: sudo apt-get install -y zstd',
  kubectl: 'install it from https://kubernetes.io/docs/tasks/tools/ (it includes kustomize)',
};

function installHint(name: string): string {
  return SYSTEM_TOOLS[name] ?? `install it with: sudo apt-get install -y ${name}`;
}

/** One line per tool of SYSTEM_TOOLS missing from `env.PATH`, naming how to install it. */
export function missingTools(env: Record<string, string | undefined>): string[] {
  return Object.keys(SYSTEM_TOOLS)
    .filter((name) => !findOnPath(name, env))
    .map((name) => `${name} is not on PATH; ${installHint(name)}`);
}

/**
 * Fails (never skips) when a binary the integration tests need is missing, naming the install command:
 * these tests must run against the real registry or not pass at all.
 */
export function requireBinary(name: string): string {
  const found = findOnPath(name, process.env);
  if (found) return found;
  throw new Error(`${name} is not on PATH; ${installHint(name)}`);
}
