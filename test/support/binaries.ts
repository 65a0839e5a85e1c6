import { findOnPath } from '../../src/sources/exec.js';

/** The Debian package that ships each binary the registry tests run (CI installs them in .ci/run). */
const PACKAGES: Readonly<Record<string, string>> = {
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  htpasswd: 'apache2-utils',
  openssl: 'openssl',
  zstd: 'zstd',
};

/**
 * Fails (never skips) when a binary the integration tests need is missing, naming the install command:
 * these tests must run against the real registry or not pass at all.
 */
export function requireBinary(name: string): string {
  const found = findOnPath(name, process.env);
  if (found) return found;
  const pkg = PACKAGES[name] ?? name;
  throw new Error(`${name} is not on PATH; install it with: sudo apt-get install -y ${pkg}`);
}
