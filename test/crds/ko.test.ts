import path from 'node:path';
import { expect, test } from 'vitest';
import { check, CORPUS, where } from '../kustomize/support.js';
import { describeCorpus } from '../support/describe-corpus.js';

const KNATIVE = 'manifests/knative__serving/test/test_images/multicontainer/service.yaml';

describeCorpus('ko:// build-time references', () => {
  test('are image-unresolved notices saying ko builds them at deploy time, never invalid-image-reference', async () => {
    const { report } = await check(CORPUS, [KNATIVE]);
    expect(report.findings.map((f) => `${f.rule} ${f.severity} ${where(f.location)}`)).toEqual([
      `image-unresolved notice ${KNATIVE}:24:16`,
      `image-unresolved notice ${KNATIVE}:27:16`,
    ]);
    expect(report.findings[0]?.message).toMatch(/built by ko at deploy time/);
    expect(report.findings[0]?.workload).toEqual({
      kind: 'Service',
      name: 'multi-container-test',
      namespace: 'default',
    });
  });

  test('take the configured level of image-unresolved when there is one', async () => {
    const { report } = await check(CORPUS, [KNATIVE], { config: 'rules:\n  image-unresolved: warning\n' });
    expect(report.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'image-unresolved warning',
      'image-unresolved warning',
    ]);
  });

  test('are dropped with the rule turned off', async () => {
    const { report } = await check(CORPUS, [path.join(CORPUS, KNATIVE)], {
      config: 'rules:\n  image-unresolved: off\n',
    });
    expect(report.findings).toEqual([]);
  });
});
