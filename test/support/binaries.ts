import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The Debian package that ships each binary the registry tests run (CI installs them in .ci/run). */
const PACKAGES: Readonly<Record<string, string>> = {
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  htpasswd: 'apache2-utils',
  openssl: 'openssl',
};

/** Full path of `name` on PATH, or undefined. */
export function findBinary(name: string, pathVar = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Fails (never skips) when a binary the integration tests need is missing, naming the install command:
 * these tests must run against the real registry or not pass at all.
 */
export function requireBinary(name: string): string {
  const found = findBinary(name);
  if (found) return found;
  const pkg = PACKAGES[name] ?? name;
  throw new Error(`${name} is not on PATH; install it with: sudo apt-get install -y ${pkg}`);
}
