import { describe, expect, test } from 'vitest';
import { RULE_METAS } from '../../src/rules/index.js';
import { REPOSITORY_URL } from '../../src/rules/docs.js';
import { FINGERPRINT_KEY, formatSarif, toSarif } from '../../src/reporters/sarif.js';
import {
  archMismatch,
  deprecatedLabel,
  movedDown,
  mutableTag,
  parseError,
  pending,
  reportOf,
} from './reports.js';
import { validateSarif } from './sarif-schema.js';

const options = {
  rules: RULE_METAS,
  toolVersion: '0.1.0',
  informationUri: 'https://github.com/acme/archcheck',
};

function fingerprints(findings: Parameters<typeof reportOf>[0]): string[] {
  return toSarif(reportOf(findings), options).runs[0]!.results!.map(
    (r) => r.partialFingerprints![FINGERPRINT_KEY]!,
  );
}

describe('formatSarif', () => {
  test.each([
    ['no findings', []],
    ['one arch mismatch', [archMismatch]],
    ['every severity', [archMismatch, pending, deprecatedLabel, mutableTag]],
    ['a parse error in a path with a space', [parseError]],
    ['a finding of a rule not in RULE_METAS', [{ ...mutableTag, rule: 'future-rule' }]],
  ])('%s: valid SARIF 2.1.0', (_name, findings) => {
    const log = JSON.parse(formatSarif(reportOf(findings), options));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results).toHaveLength(findings.length);
  });

  test('a result points at the image value, with its rule and level', () => {
    const run = toSarif(reportOf([archMismatch, deprecatedLabel, mutableTag]), options).runs[0]!;
    const [error, warning, note] = run.results!;
    expect(error).toMatchObject({
      ruleId: 'image-arch-mismatch',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'deploy/payments.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 22, startColumn: 18, endLine: 22, endColumn: 50 },
          },
        },
      ],
      properties: { cluster: 'prod', container: 'api', nodePools: ['graviton'], platforms: ['linux/arm64'] },
    });
    expect(run.tool.driver.rules![error!.ruleIndex!]!.id).toBe('image-arch-mismatch');
    expect([warning!.level, note!.level]).toEqual(['warning', 'note']);
    expect(run.tool.driver.rules![note!.ruleIndex!]!.id).toBe('mutable-image-tag');
  });

  test('rules carry descriptions, help and default levels from the rule metadata', () => {
    const rules = toSarif(reportOf([]), options).runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(RULE_METAS.map((r) => r.id));
    const mismatch = rules.find((r) => r.id === 'image-arch-mismatch')!;
    const meta = RULE_METAS.find((r) => r.id === 'image-arch-mismatch')!;
    expect(mismatch.name).toBe('ImageArchMismatch');
    expect(mismatch.shortDescription!.text).toBe(meta.description);
    expect(mismatch.help!.text).toContain(meta.remediation);
    expect(mismatch.help!.markdown).toContain('**How to fix:**');
    expect(mismatch.defaultConfiguration!.level).toBe('error');
  });

  test('every rule links its docs page; a rule the caller did not list links none', () => {
    const log = toSarif(reportOf([{ ...mutableTag, rule: 'from-elsewhere' }]), { rules: RULE_METAS });
    const driver = log.runs[0]!.tool.driver;
    expect(driver.informationUri).toBe('https://github.com/archcheck/archcheck');
    expect(driver.rules!.map((r) => [r.id, r.helpUri])).toEqual([
      ...RULE_METAS.map((r) => [
        r.id,
        `https://github.com/archcheck/archcheck/blob/main/docs/rules/${r.id}.md`,
      ]),
      ['from-elsewhere', undefined],
    ]);
    expect(toSarif(reportOf([]), options).runs[0]!.tool.driver.informationUri).toBe(options.informationUri);
  });

  test('a path with a space is a percent-encoded URI reference', () => {
    const uri = toSarif(reportOf([parseError]), options).runs[0]!.results![0]!.locations![0]!
      .physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('deploy/broken%20dir/bad.yaml');
  });
});

test("the driver names the project by default, for code scanning's tool link", () => {
  const { informationUri } = toSarif(reportOf([]), { rules: RULE_METAS }).runs[0]!.tool.driver;
  expect(informationUri).toBe(REPOSITORY_URL);
});

describe('partialFingerprints', () => {
  test('stay the same when the finding moves to another line', () => {
    expect(fingerprints([movedDown(archMismatch, 7), movedDown(pending, 3)])).toEqual(
      fingerprints([archMismatch, pending]),
    );
  });

  test.each([
    ['another container', { container: 'sidecar' }],
    ['another cluster', { cluster: 'staging' }],
    ['another image repository', { image: 'ghcr.io/acme/billing-api:2.4.1' }],
    ['another workload', { workload: { kind: 'Deployment', name: 'billing', namespace: 'shop' } }],
    ['another rule', { rule: 'image-not-found' }],
  ])('change with %s', (_name, change) => {
    expect(fingerprints([{ ...archMismatch, ...change }])).not.toEqual(fingerprints([archMismatch]));
  });

  test.each([
    ['a tag bump', { image: 'ghcr.io/acme/payments-api:2.5.0' }],
    ['a digest pin', { image: `ghcr.io/acme/payments-api@sha256:${'a'.repeat(64)}` }],
    ['a renamed file', { location: { ...archMismatch.location, file: 'deploy/other.yaml' } }],
  ])('stay the same across %s, so the alert stays open', (_name, change) => {
    expect(fingerprints([{ ...archMismatch, ...change }])).toEqual(fingerprints([archMismatch]));
  });

  test('findings alike in all but position are told apart by occurrence', () => {
    const second = { ...parseError, location: { ...parseError.location, line: 9 } };
    const [a, b] = fingerprints([parseError, second]);
    expect(a).not.toBe(b);
    expect(a!.split(':')[0]).toBe(b!.split(':')[0]);
    expect([a!.split(':')[1], b!.split(':')[1]]).toEqual(['1', '2']);
  });
});

test('the schema rejects what SARIF forbids (the validator is not vacuous)', () => {
  const log = toSarif(reportOf([mutableTag]), options);
  const bad = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
  bad.runs[0]!.results[0]!.level = 'notice';
  expect(validateSarif(bad)).toBe(false);
  expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
});
