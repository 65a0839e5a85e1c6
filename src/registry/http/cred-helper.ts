import { spawn } from 'node:child_process';
import { CREDENTIAL_HELPER_ENV, subprocessEnv } from '../../subprocess-env.js';

/** What a credential helper answered for one server. */
export type HelperAnswer =
  | { kind: 'found'; username: string; secret: string }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string };

/** docker-credential-helpers `credentials.ErrCredentialsNotFound` text, printed on a miss. */
const NOT_FOUND = 'credentials not found in native keychain';
/** Helper names come from config files: only a plain name may become a program to run. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_OUTPUT = 64 * 1024;

/**
 * Runs `docker-credential-<name> get` as the docker CLI does (docker/docker-credential-helpers
 * client/client.go `Get`): the server URL on stdin, JSON `{ServerURL, Username, Secret}` on stdout; a miss
 * exits non-zero printing "credentials not found in native keychain". A `Username` of `<token>` means
 * `Secret` is an identity token (docker/cli credentials/native_store.go). The program is looked up on
 * `env.PATH`. Never throws; the helper's output never reaches a message, only its exit status.
 */
export function runCredentialHelper(
  name: string,
  serverUrl: string,
  opts: { env: Record<string, string | undefined>; timeoutMs: number },
): Promise<HelperAnswer> {
  if (!HELPER_NAME.test(name)) {
    return Promise.resolve({
      kind: 'error',
      message: `credential helper name ${JSON.stringify(name)} is not a plain name`,
    });
  }
  const program = `docker-credential-${name}`;
  return new Promise((resolve) => {
    const env = subprocessEnv(opts.env, CREDENTIAL_HELPER_ENV);
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: opts.timeoutMs });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString();
    });
    child.stderr.resume();
    child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'is not on PATH' : `could not run (${error.code ?? 'error'})`;
      resolve({ kind: 'error', message: `${program} ${why}` });
    });
    child.on('close', (code, signal) => {
      if (code !== 0) {
        if (stdout.includes(NOT_FOUND)) return resolve({ kind: 'not-found' });
        const how = signal
          ? `was stopped by ${signal} (timeout ${opts.timeoutMs} ms?)`
          : `exited with status ${code}`;
        return resolve({ kind: 'error', message: `${program} get ${how}` });
      }
      try {
        const parsed = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
        const username = typeof parsed.Username === 'string' ? parsed.Username : '';
        const secret = typeof parsed.Secret === 'string' ? parsed.Secret : '';
        if (!secret) return resolve({ kind: 'not-found' });
        resolve({ kind: 'found', username, secret });
      } catch {
        resolve({ kind: 'error', message: `${program} get printed something that is not JSON` });
      }
    });
    child.stdin.on('error', () => {
      // A helper that exits without reading stdin is judged by its exit status above.
    });
    child.stdin.end(serverUrl);
  });
}
