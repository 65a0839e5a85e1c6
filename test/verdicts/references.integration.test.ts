import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REFERENCE_CASES, expected, title } from './cases/index.js';
import { deployment, runCli } from './harness.js';

/**
 * distribution/reference's tables through the whole CLI: each input is the image of a Deployment. A valid one
 * is listed under its canonical name (and read from an empty mirror of its registry); an invalid one is an
 * `invalid-image-reference` finding.
 */
describe('distribution/reference verdicts, end to end', () => {
  // A safety net: were a case to reach the network after all, it would meet a closed loopback port.
  const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
  beforeAll(() => {
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    process.env.NO_PROXY = '';
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test.each(REFERENCE_CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const registry = c.canonical?.split('/')[0];
    const { report, error } = await runCli({
      objects: [deployment('app', c.input)],
      config: { clusters: [{ name: 'c', nodePools: [{ name: 'p', arch: 'amd64' }] }] },
      images: [],
      ...(registry ? { mirrorHosts: [registry] } : {}),
    });
    expect(error).toBeUndefined();
    const invalid = report!.findings.filter((f) => f.rule === 'invalid-image-reference');
    expect(invalid).toHaveLength(expected(c) ? 0 : 1);
    if (expected(c)) expect(report!.images.map((i) => i.canonical)).toEqual([c.canonical]);
  });
});
