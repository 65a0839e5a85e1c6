import { describe, expect, test } from 'vitest';
import { formatJson } from '../../src/reporters/json.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { formatSummary } from '../../src/reporters/summary.js';
import { formatText } from '../../src/reporters/text.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { CLUSTER, deployment, scan } from './scan.js';

const RULE = 'image-arch-mismatch';

describe('inline and annotation suppressions silence the finding they point at', () => {
  test.each([
    [
      'a comment on the line above the image',
      deployment('web', { above: `# archcheck:ignore ${RULE} -- vendor ships arm64 in Q3` }),
      'inline',
      'vendor ships arm64 in Q3',
    ],
    [
      'a comment at the end of the image line',
      deployment('web', { trailing: `# archcheck:ignore ${RULE},no-eligible-nodes -- pinned by policy` }),
      'inline',
      'pinned by policy',
    ],
    [
      'the workload annotations',
      deployment('web', {
        metadata: `  annotations:\n    archcheck.io/ignore: "${RULE}"\n    archcheck.io/ignore-reason: runs on x86 only`,
      }),
      'inline',
      'runs on x86 only',
    ],
  ])('%s', async (_name, manifest, kind, reason) => {
    const { report } = await scan({ '.archcheck.yaml': CLUSTER, 'deploy/web.yaml': manifest });
    expect(report.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(report.suppressed?.map((f) => [f.rule, f.suppressed])).toEqual([[RULE, { kind, reason }]]);
    expect(report.stats.findings.error).toBe(0);
    expect(report.stats.suppressed).toBe(1);
  });

  test.each([
    [
      'a comment two lines above',
      deployment('web', { above: `# archcheck:ignore ${RULE} -- x\n          # another comment` }),
    ],
    [
      'a comment naming another rule',
      deployment('web', { above: '# archcheck:ignore mutable-image-tag -- x' }),
    ],
    [
      'an annotation naming another rule',
      deployment('web', {
        metadata:
          '  annotations:\n    archcheck.io/ignore: mutable-image-tag\n    archcheck.io/ignore-reason: x',
      }),
    ],
  ])('%s does not', async (_name, manifest) => {
    const { report } = await scan({ '.archcheck.yaml': CLUSTER, 'deploy/web.yaml': manifest });
    expect(report.findings.map((f) => [f.rule, f.location.line])).toEqual([
      [RULE, manifest.split('\n').findIndex((l) => l.includes('image:')) + 1],
    ]);
    expect(report.suppressed).toBeUndefined();
  });

  test('an annotation on one overlay does not silence the same workload elsewhere', async () => {
    const annotated = deployment('web', {
      metadata: `  annotations:\n    archcheck.io/ignore: ${RULE}\n    archcheck.io/ignore-reason: x`,
    });
    const { report } = await scan({
      '.archcheck.yaml': CLUSTER,
      'a/web.yaml': annotated,
      'b/web.yaml': deployment('web'),
    });
    expect(report.findings.map((f) => f.location.file).sort()).toEqual(['a/web.yaml', 'b/web.yaml']);
  });

  test.each([
    [
      'a comment without a reason',
      deployment('web', { above: `# archcheck:ignore ${RULE}` }),
      /deploy\/web\.yaml:10:11: archcheck:ignore image-arch-mismatch has no reason/,
    ],
    [
      'a comment with an unknown rule',
      deployment('web', { above: '# archcheck:ignore image-arch-missmatch -- typo' }),
      /unknown rule "image-arch-missmatch"/,
    ],
    [
      'an annotation without a reason',
      deployment('web', { metadata: `  annotations:\n    archcheck.io/ignore: ${RULE}` }),
      /deploy\/web\.yaml:6:26: archcheck\.io\/ignore has no reason/,
    ],
  ])('%s is a warning', async (_name, manifest, warning) => {
    const { warnings, report } = await scan({ '.archcheck.yaml': CLUSTER, 'deploy/web.yaml': manifest });
    expect(warnings).toEqual([expect.stringMatching(warning)]);
    expect(report.notices).toEqual([expect.stringMatching(warning)]);
  });

  test('--no-ignore counts everything and warns about nothing', async () => {
    const manifest = deployment('web', { above: `# archcheck:ignore ${RULE}` });
    const { report, warnings } = await scan(
      { '.archcheck.yaml': CLUSTER, 'deploy/web.yaml': manifest },
      { noIgnore: true },
    );
    expect(report.findings.map((f) => f.rule)).toEqual([RULE]);
    expect(report.suppressed).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('config ignore: entries', () => {
  const config = (entries: string) => `${CLUSTER}ignore:\n${entries}`;
  test.each([
    ['by workload glob', `  - { rule: ${RULE}, workload: "Deployment/*/web", reason: accepted }`],
    [
      'by namespace in the workload glob',
      `  - { rule: ${RULE}, workload: "Deployment/shop/*", reason: accepted }`,
    ],
    ['by image glob (as written)', `  - { rule: ${RULE}, image: "example.com/amd64-*", reason: accepted }`],
    [
      'by image glob (canonical)',
      `  - { rule: ${RULE}, image: "example.com/amd64-only:*", reason: accepted }`,
    ],
    ['by paths', `  - { rule: ${RULE}, paths: ["deploy/**"], reason: accepted }`],
    ['by every rule', `  - { rule: "*", workload: "*/*/web", reason: accepted }`],
    [
      'until its expiry day included',
      `  - { rule: ${RULE}, paths: ["deploy/**"], reason: accepted, expires: "2026-06-15" }`,
    ],
  ])('%s', async (_name, entries) => {
    const manifest = deployment('web', { metadata: '  namespace: shop' });
    const { report, warnings } = await scan({
      '.archcheck.yaml': config(entries),
      'deploy/web.yaml': manifest,
    });
    expect(report.findings).toEqual([]);
    expect(report.suppressed?.map((f) => f.suppressed)).toEqual([{ kind: 'config', reason: 'accepted' }]);
    expect(warnings).toEqual([]);
  });

  test.each([
    [
      'expired',
      `  - { rule: ${RULE}, paths: ["deploy/**"], reason: r, expires: "2026-06-14" }`,
      /\.archcheck\.yaml:7:5: ignore\[0\] \(rule image-arch-mismatch, paths deploy\/\*\*\) expired on 2026-06-14/,
      1,
    ],
    [
      'stale (matches nothing)',
      `  - { rule: ${RULE}, workload: "Deployment/*/other", reason: r }`,
      /ignore\[0\] \(rule image-arch-mismatch, workload Deployment\/\*\/other\) matched no finding/,
      1,
    ],
    ['without a reason', `  - { rule: ${RULE}, image: "example.com/**" }`, /ignore\[0\] .* has no reason/, 0],
  ])('an entry %s is a warning naming it', async (_name, entries, warning, counted) => {
    const { report, warnings } = await scan({
      '.archcheck.yaml': config(entries),
      'deploy/web.yaml': deployment('web'),
    });
    expect(warnings).toEqual([expect.stringMatching(warning)]);
    expect(report.findings).toHaveLength(counted);
  });

  test.each([
    [
      'a bad expiry date',
      `  - { rule: ${RULE}, expires: "next year" }`,
      /ignore\[0\]\.expires: must match pattern/,
    ],
    ['an unknown key', `  - { rule: ${RULE}, file: x }`, /ignore\[0\]: unknown key "file"/],
    ['no rule', '  - { reason: x }', /ignore\[0\]: missing required key "rule"/],
  ])('%s is a configuration error', async (_name, entries, message) => {
    await expect(
      scan({ '.archcheck.yaml': config(entries), 'deploy/web.yaml': deployment('web') }),
    ).rejects.toThrow(message);
  });
});

describe('suppressed findings stay visible to reviewers', () => {
  const files = {
    '.archcheck.yaml': CLUSTER,
    'deploy/web.yaml': deployment('web', { above: `# archcheck:ignore ${RULE} -- <b>vendor</b> | later` }),
  };

  test('JSON keeps them, marked', async () => {
    const { report } = await scan(files);
    const json = JSON.parse(formatJson(report)) as {
      findings: Record<string, unknown>[];
      stats: Record<string, unknown>;
    };
    expect(json.findings).toEqual([
      expect.objectContaining({
        rule: RULE,
        line: 11,
        column: 18,
        suppressed: { kind: 'inline', reason: '<b>vendor</b> | later' },
      }),
    ]);
    expect(json.stats).toMatchObject({ findings: { error: 0, warning: 0, notice: 0 }, suppressed: 1 });
  });

  test('SARIF has a suppressions entry', async () => {
    const { report } = await scan(files);
    const results = toSarif(report, { rules: RULE_METAS }).runs[0]?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.suppressions])).toEqual([
      [RULE, [{ kind: 'inSource', justification: '<b>vendor</b> | later' }]],
    ]);
  });

  test('the summary shows a collapsed count, escaped; text a line', async () => {
    const { report } = await scan(files);
    const summary = formatSummary(report, { rules: RULE_METAS, failOn: 'error' });
    expect(summary).toContain('# Not counted: 1 suppressed');
    expect(summary).toContain('<details>');
    expect(summary).toContain('suppressed (inline): \\<b\\>vendor\\</b\\> \\| later');
    expect(formatText(report, { color: false })).toContain('not counted: 1 suppressed');
  });
});

describe('comments in files a render reads (kustomization images:, read only when a finding points there)', () => {
  const web =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app\n';
  const kustomization = (tagLine: string) =>
    `resources: [web.yaml]\nimages:\n  - name: app\n    newName: example.com/amd64-only\n${tagLine}\n`;
  test.each([
    [
      'trailing the newTag line',
      `    newTag: "1.0" # archcheck:ignore ${RULE} -- arm64 image next quarter`,
      1,
    ],
    [
      'above the newTag line',
      `    # archcheck:ignore ${RULE} -- arm64 image next quarter\n    newTag: "1.0"`,
      1,
    ],
    [
      'above another line',
      `    # archcheck:ignore ${RULE} -- arm64 image next quarter\n\n    newTag: "1.0"`,
      0,
    ],
  ])('%s', async (_name, tagLine, suppressed) => {
    const { report } = await scan({
      '.archcheck.yaml': CLUSTER,
      'app/kustomization.yaml': kustomization(tagLine),
      'app/web.yaml': web,
    });
    expect(report.suppressed?.length ?? 0).toBe(suppressed);
    expect(report.findings.length).toBe(1 - suppressed);
    expect([...report.findings, ...(report.suppressed ?? [])][0]?.location.file).toBe(
      'app/kustomization.yaml',
    );
  });
});
