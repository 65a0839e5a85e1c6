import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import { shouldFail } from '../../src/engine/gate.js';
import { RecordingLogger } from '../../src/logger.js';
import { formatJson } from '../../src/reporters/json.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { imageTable } from '../engine/fake-source.js';
import { CLUSTER, deployment, tree } from './scan.js';

const RULE = 'image-arch-mismatch';

async function run(cwd: string, baseline?: string) {
  return runArchcheck(
    { cwd, paths: ['.'], ...(baseline ? { baseline } : {}) },
    { logger: new RecordingLogger(), imageSource: imageTable() },
  );
}

/** Scans the tree, saves the JSON report as the baseline, applies `change`, and scans again against it. */
async function compare(change: (cwd: string) => Promise<void>) {
  const cwd = await tree({ '.archcheck.yaml': CLUSTER, 'deploy/web.yaml': deployment('web') });
  await writeFile(path.join(cwd, 'base.json'), formatJson(await run(cwd)));
  await change(cwd);
  return run(cwd, 'base.json');
}

describe('--baseline: findings an earlier report had do not count', () => {
  test.each([
    ['nothing changed', async () => {}],
    [
      'lines moved',
      async (cwd: string) =>
        writeFile(path.join(cwd, 'deploy/web.yaml'), `# a comment\n\n${deployment('web')}`),
    ],
    [
      'the file renamed',
      async (cwd: string) =>
        rename(path.join(cwd, 'deploy/web.yaml'), path.join(cwd, 'deploy/frontend.yaml')),
    ],
  ])('%s', async (_name, change) => {
    const report = await compare(change);
    expect(report.findings).toEqual([]);
    expect(report.baseline?.map((f) => [f.rule, f.baseline])).toEqual([[RULE, true]]);
    expect(report.stats).toMatchObject({ findings: { error: 0 }, baseline: 1 });
    expect(shouldFail(report.stats.findings, 'error')).toBe(false);
  });

  test.each([
    ['a second workload with the same problem', (t: string) => `${t}---\n${deployment('api')}`, ['api']],
    [
      'the same workload in another namespace',
      (t: string) => t.replace('  name: web', '  name: web\n  namespace: other'),
      ['web'],
    ],
    ['a second copy of the same workload (a count, not a set)', (t: string) => `${t}---\n${t}`, ['web']],
  ])('%s is new', async (_name, edit, names) => {
    const report = await compare(async (cwd) =>
      writeFile(path.join(cwd, 'deploy/web.yaml'), edit(deployment('web'))),
    );
    expect(report.findings.map((f) => f.workload?.name)).toEqual(names);
    expect(report.stats.findings.error).toBe(1);
  });

  test('JSON marks them and SARIF sets baselineState', async () => {
    const report = await compare(async (cwd) =>
      writeFile(path.join(cwd, 'deploy/web.yaml'), `${deployment('web')}---\n${deployment('api')}`),
    );
    const json = JSON.parse(formatJson(report)) as {
      findings: { workload: { name: string }; baseline?: boolean }[];
    };
    expect(json.findings.map((f) => [f.workload.name, f.baseline])).toEqual([
      ['api', undefined],
      ['web', true],
    ]);
    const results = toSarif(report, { rules: RULE_METAS }).runs[0]?.results ?? [];
    expect(results.map((r) => r.baselineState)).toEqual(['new', 'unchanged']);
  });

  test.each([
    ['a missing file', 'nope.json', /--baseline nope\.json: cannot read a JSON report/],
    ['not a report', 'deploy/web.yaml', /--baseline deploy\/web\.yaml: cannot read a JSON report/],
    ['JSON without findings', '.archcheck.json', /not an archcheck JSON report/],
  ])('%s is a usage error', async (_name, file, message) => {
    const cwd = await tree({
      '.archcheck.yaml': CLUSTER,
      'deploy/web.yaml': deployment('web'),
      '.archcheck.json': '{"version": 1}',
    });
    await expect(run(cwd, file)).rejects.toThrow(message);
  });
});

test('odd field types in a baseline are read, not thrown', async () => {
  const cwd = await tree({
    '.archcheck.yaml': CLUSTER,
    'deploy/web.yaml': deployment('web'),
    'base.json': JSON.stringify({
      findings: [{ rule: RULE, platforms: 3, workload: 'web', image: 7 }, null, 'x'],
    }),
  });
  const report = await run(cwd, 'base.json');
  expect(report.findings.map((f) => f.rule)).toEqual([RULE]);
});
