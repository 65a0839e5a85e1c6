import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ASSUMED_CLUSTER_NOTICE } from '../../src/engine/clusters.js';
import type { EngineOptions } from '../../src/engine/options.js';
import { runArchcheck } from '../../src/engine/run.js';
import { ConfigurationError } from '../../src/errors.js';
import { RecordingLogger } from '../../src/logger.js';
import { formatText } from '../../src/reporters/text.js';
import { imageTable } from './fake-source.js';

const fixtures = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));

async function run(options: Partial<EngineOptions> & { cwd: string }, logger = new RecordingLogger()) {
  return runArchcheck({ paths: ['.'], ...options }, { logger, imageSource: imageTable() });
}

/** `file:line:col rule severity [cluster]` per finding. */
const brief = (
  findings: {
    rule: string;
    severity: string;
    location: { file: string; line: number; column: number };
    cluster?: string;
  }[],
) =>
  findings.map(
    (f) =>
      `${f.location.file}:${f.location.line}:${f.location.column} ${f.rule} ${f.severity}${f.cluster ? ` ${f.cluster}` : ''}`,
  );

describe('cluster paths', () => {
  test('globs are relative to the config directory; a file of two clusters is checked against each', async () => {
    // Run from the parent directory: reported files gain a `paths/` prefix, the globs still match.
    const report = await run({ cwd: fixtures, paths: ['paths'], configPath: 'paths/.archcheck.yaml' });
    // The workload no cluster covers is a finding: coverage lost is never silent.
    expect(brief(report.findings)).toEqual([
      'paths/other/app.yaml:1:1 workload-not-checked warning',
      'paths/shared/app.yaml:9:18 image-arch-mismatch error arm',
      'paths/staging/app.yaml:9:18 image-arch-mismatch error arm',
    ]);
    expect(report.unmatchedFiles).toEqual(['paths/other/app.yaml']);
    expect(formatText(report, { color: false })).toContain(
      "Deployment other-app is in no cluster's paths, so it was not checked against any node pool.",
    );
    expect(report.matrix.filter((c) => c.image === 'example.com/amd64-only:1.0')).toEqual([
      { image: 'example.com/amd64-only:1.0', cluster: 'amd', nodePool: 'x86', verdict: 'runs' },
      {
        image: 'example.com/amd64-only:1.0',
        cluster: 'arm',
        nodePool: 'graviton',
        verdict: 'exec-format-error',
      },
    ]);
    // Every workload is still listed and its image still resolved, checked against no pool.
    expect(report.workloads.map((w) => w.name)).toEqual([
      'other-app',
      'prod-app',
      'shared-app',
      'staging-app',
    ]);
    expect(report.stats).toMatchObject({ files: 5, workloads: 4, images: 1 });
  });

  test('--arch replaces the declared clusters with one plain pool per architecture', async () => {
    const report = await run({ cwd: path.join(fixtures, 'paths'), architectures: ['arm64'] });
    expect(report.clusters).toEqual([
      { name: 'cluster', assumed: false, nodePools: [{ name: 'linux/arm64', platform: 'linux/arm64' }] },
    ]);
    expect(brief(report.findings)).toEqual([
      'other/app.yaml:9:18 image-arch-mismatch error cluster',
      'prod/app.yaml:9:18 image-arch-mismatch error cluster',
      'shared/app.yaml:9:18 image-arch-mismatch error cluster',
      'staging/app.yaml:9:18 image-arch-mismatch error cluster',
    ]);
    expect(report.unmatchedFiles).toEqual([]);
    expect(report.notices).toEqual([]);
  });

  test('--arch with an unknown architecture is a configuration error', async () => {
    await expect(
      run({ cwd: path.join(fixtures, 'noconfig'), architectures: ['amd64', 'amd46'] }),
    ).rejects.toThrow(ConfigurationError);
  });
});

describe('nothing declared', () => {
  test('assumes linux/amd64 + linux/arm64, says so and how to declare', async () => {
    const logger = new RecordingLogger();
    const report = await run({ cwd: path.join(fixtures, 'noconfig') }, logger);
    expect(report.clusters).toEqual([
      {
        name: 'default',
        assumed: true,
        nodePools: [
          { name: 'linux/amd64', platform: 'linux/amd64' },
          { name: 'linux/arm64', platform: 'linux/arm64' },
        ],
      },
    ]);
    expect(report.notices).toEqual([ASSUMED_CLUSTER_NOTICE]);
    expect(ASSUMED_CLUSTER_NOTICE).toMatch(/\.archcheck\.yaml.*--arch/);
    expect(logger.lines).toContainEqual({ level: 'info', message: ASSUMED_CLUSTER_NOTICE });
    expect(formatText(report, { color: false })).toContain(`\nnote: ${ASSUMED_CLUSTER_NOTICE}\n`);
    expect(
      report.findings.map((f) => [f.rule, f.location.line, f.location.column, f.nodePools, f.platforms]),
    ).toEqual([['image-arch-mismatch', 9, 18, ['linux/arm64'], ['linux/arm64']]]);
  });
});

describe('rule levels from config', () => {
  test('off drops a rule; a level overrides its default severity', async () => {
    const report = await run({ cwd: path.join(fixtures, 'rules'), configPath: '../configs/levels.yaml' });
    const rules = report.findings.map((f) => [f.rule, f.severity]);
    expect(rules).not.toContainEqual(['mutable-image-tag', 'notice']);
    expect(rules.filter(([rule]) => rule === 'mutable-image-tag')).toEqual([]);
    expect(brief(report.findings).filter((f) => /unresolved|deprecated|eligible/.test(f))).toEqual([
      'deploy/images.yaml:6:5 deprecated-arch-label notice',
      'deploy/images.yaml:13:14 image-unresolved error',
      'deploy/images.yaml:17:14 image-unresolved error',
      'deploy/pending.yaml:8:9 no-eligible-nodes warning prod',
    ]);
    // The config file lives outside the scanned tree, so the rules fixture's own .archcheck.yaml is read as a
    // (non-Kubernetes) document this time.
    expect(report.stats).toMatchObject({
      files: 7,
      skippedDocuments: 1,
      findings: { error: 6, warning: 1, notice: 1 },
    });
  });
});

describe('failures that do not stop the run', () => {
  test('a file that cannot be read is a yaml-parse-error at 1:1; the other files are checked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-engine-'));
    try {
      const pod =
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "example.com/amd64-only:1.0"}]\n';
      await writeFile(path.join(dir, 'a-vanishes.yaml'), pod);
      await writeFile(path.join(dir, 'b-stays.yaml'), pod);
      // The file disappears between discovery and reading (a checkout switching branches, a generator cleaning up).
      const logger = new (class extends RecordingLogger {
        override async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
          if (name === 'Parse manifests') await rm(path.join(dir, 'a-vanishes.yaml'));
          return super.group(name, fn);
        }
      })();
      const report = await run({ cwd: dir, architectures: ['arm64'] }, logger);
      expect(
        report.findings.map((f) => [f.location.file, f.location.line, f.location.column, f.rule, f.message]),
      ).toEqual([
        ['a-vanishes.yaml', 1, 1, 'yaml-parse-error', 'YAML parse error: cannot read file: ENOENT'],
        ['b-stays.yaml', 5, 33, 'image-arch-mismatch', expect.stringContaining('has no linux/arm64 build')],
      ]);
      expect(report.stats).toMatchObject({ files: 2, documents: 1, workloads: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a path that does not exist is a configuration error', async () => {
    await expect(run({ cwd: path.join(fixtures, 'noconfig'), paths: ['nope/'] })).rejects.toThrow(
      new ConfigurationError('path not found: nope/'),
    );
  });
});
