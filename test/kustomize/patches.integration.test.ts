import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check, FIXTURES, where } from './support.js';

const K = path.join(FIXTURES, 'kustomize');

/** `file:line:column` of `needle` in a fixture file, relative to test/fixtures/kustomize. */
function at(file: string, needle: string): string {
  const lines = readFileSync(path.join(K, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${file}:${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}

/** Each container of the report's workloads as `name file:line:column`, its own file when it has one. */
function containers(report: Awaited<ReturnType<typeof check>>['report']): string[] {
  return report.workloads.flatMap((w) =>
    w.containers.map((c) => `${c.name} ${c.file ?? w.file}:${c.line}:${c.column}`),
  );
}

describe('an image set by a kustomize patch is annotated where the patch sets it', () => {
  test.each([
    {
      scenario: 'json6902-inline',
      why: 'inline JSON6902 patches: one-line JSON in a quoted string, and a YAML block',
      expected: [
        ['api', at('json6902-inline/kustomization.yaml', '"ghcr.io/acme/api:2.0"')],
        ['migrate', at('json6902-inline/kustomization.yaml', 'ghcr.io/acme/migrate:2.0')],
        ['worker', at('json6902-inline/kustomization.yaml', 'ghcr.io/acme/worker:2.0')],
      ],
    },
    {
      scenario: 'json6902-file',
      why: 'JSON6902 patch files in JSON and YAML; an image no patch changes stays at the base',
      expected: [
        ['api', at('json6902-file/api-image.json', '"ghcr.io/acme/api:2.0"')],
        ['migrate', at('json6902-file/worker-images.yaml', 'ghcr.io/acme/migrate:2.0')],
        ['worker', at('json6902-file/deployments.yaml', 'ghcr.io/acme/worker:1.0')],
        ['sidecar', at('json6902-file/worker-images.yaml', 'ghcr.io/acme/sidecar:0.3')],
      ],
    },
    {
      scenario: 'json6902-legacy',
      why: 'legacy patchesJson6902, a file and an inline patch with a quoted value',
      expected: [
        ['api', at('json6902-legacy/api-image.yaml', 'ghcr.io/acme/api:2.0')],
        ['migrate', at('json6902-legacy/deployments.yaml', 'ghcr.io/acme/migrate:1.0')],
        ['worker', at('json6902-legacy/kustomization.yaml', '"ghcr.io/acme/worker:2.0"')],
      ],
    },
    {
      scenario: 'smp-file',
      why: 'a strategic-merge patch file (patchesStrategicMerge)',
      expected: [
        ['api', at('smp-file/deployments.yaml', 'ghcr.io/acme/api:1.0')],
        ['migrate', at('smp-file/deployments.yaml', 'ghcr.io/acme/migrate:1.0')],
        ['worker', at('smp-file/worker-image.yaml', 'ghcr.io/acme/worker:2.0')],
      ],
    },
  ])('$scenario: $why', async ({ scenario, expected }) => {
    const { report } = await check(K, [scenario]);
    const findings = report.findings.map((f) => `${f.rule} ${f.container} ${where(f.location)}`);
    expect(findings.sort()).toEqual(expected.map(([c, w]) => `image-arch-mismatch ${c} ${w}`).sort());
    expect(containers(report).sort()).toEqual(expected.map(([c, w]) => `${c} ${w}`).sort());
  });

  test('a container whose image is in another file than its workload names that file in the JSON report', async () => {
    const { report } = await check(K, ['json6902-file']);
    const worker = report.workloads.find((w) => w.name === 'worker');
    expect(worker?.file).toBe('json6902-file/deployments.yaml');
    expect(worker?.containers.map((c) => [c.name, c.file])).toEqual([
      ['migrate', 'json6902-file/worker-images.yaml'],
      ['worker', undefined],
      ['sidecar', 'json6902-file/worker-images.yaml'],
    ]);
  });
});

describe('a file named on its own is checked alone, as a loose manifest', () => {
  test.each([
    {
      scenario: 'beside a kustomization that does not build',
      paths: ['named-file/broken/deploy.yaml'],
      expected: [`image-arch-mismatch web ${at('named-file/broken/deploy.yaml', 'ghcr.io/acme/web:1.0')}`],
      workloads: ['Deployment/web'],
    },
    {
      scenario: 'beside a kustomization that builds more (and renames it)',
      paths: ['named-file/working/web.yaml'],
      expected: [`image-arch-mismatch web ${at('named-file/working/web.yaml', 'ghcr.io/acme/web:1.0')}`],
      workloads: ['Deployment/web'],
    },
    {
      scenario: 'its directory, named instead, is built as before',
      paths: ['named-file/working'],
      expected: [
        `image-arch-mismatch api ${at('named-file/working/deployments.yaml', 'ghcr.io/acme/api:1.0')}`,
        `image-arch-mismatch migrate ${at('named-file/working/deployments.yaml', 'ghcr.io/acme/migrate:1.0')}`,
        `image-arch-mismatch worker ${at('named-file/working/deployments.yaml', 'ghcr.io/acme/worker:1.0')}`,
        `image-arch-mismatch web ${at('named-file/working/web.yaml', 'ghcr.io/acme/web:1.0')}`,
      ],
      workloads: ['Deployment/prod-api', 'Deployment/prod-web', 'Deployment/prod-worker'],
    },
  ])('$scenario', async ({ paths, expected, workloads }) => {
    const { report } = await check(K, paths);
    const findings = report.findings.map((f) => `${f.rule} ${f.container} ${where(f.location)}`);
    expect(findings.sort()).toEqual([...expected].sort());
    expect(report.workloads.map((w) => `${w.kind}/${w.name}`).sort()).toEqual(workloads);
  });
});
