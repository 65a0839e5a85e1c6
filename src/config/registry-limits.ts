import type { ErrorObject } from 'ajv';

/**
 * Why `.archcheck.yaml` may only name `ARCHCHECK_*` variables in `registries.credentials`: the file is written
 * by whoever opens the pull request, and any other name would let it send ACTIONS_RUNTIME_TOKEN or a deploy key
 * to a registry of its choosing. The schema's pattern enforces it; this says why and how to fix it.
 */
function credentialEnvMessage(value: unknown): string {
  const name = typeof value === 'string' ? value : String(value);
  const suggestion = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? `ARCHCHECK_${name.toUpperCase()}`
    : 'ARCHCHECK_REGISTRY_PASSWORD';
  return (
    `${JSON.stringify(name)} is not allowed: .archcheck.yaml may only name environment variables that start ` +
    `with ARCHCHECK_, so a pull request cannot hand the workflow's other secrets to a registry; rename the secret ` +
    `to ${suggestion} in the workflow's env (env: ${suggestion}: \${{ secrets.... }})`
  );
}

/**
 * The message for a schema error under `registries` that needs more than ajv's words: a credential variable
 * outside ARCHCHECK_, or a timeout past what Node's timers hold (2^31-1 ms; a larger delay fires at once).
 * Undefined for every other error.
 */
export function registryLimitMessage(
  segments: (string | number)[],
  e: ErrorObject,
  value: unknown,
): string | undefined {
  if (segments[0] !== 'registries') return undefined;
  if (e.keyword === 'pattern' && segments[1] === 'credentials') return credentialEnvMessage(value);
  if (e.keyword === 'maximum' && /Seconds$/.test(String(segments[1]))) {
    const limit = String((e.params as { limit?: unknown }).limit);
    return `must be at most ${limit} seconds (about 24.8 days): Node's timers hold at most 2^31-1 ms, and a larger value would make every request time out at once`;
  }
  return undefined;
}
