import { describe, expect, test } from 'vitest';
import { imageRef, runCli } from './harness.js';

/** `helm template` output: each document under the `# Source:` comment naming its chart template. */
const rendered = `---
# Source: cert-manager/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cert-manager
---
# Source: cert-manager/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cert-manager
  namespace: cert-manager
spec:
  selector:
    matchLabels: { app: cert-manager }
  template:
    metadata:
      labels: { app: cert-manager }
    spec:
      containers:
        - name: controller
          image: ${imageRef('controller')}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: plain
spec:
  selector:
    matchLabels: { app: plain }
  template:
    metadata:
      labels: { app: plain }
    spec:
      containers:
        - name: main
          image: ${imageRef('controller')}
`;

describe('the Helm template in the JSON report', () => {
  test('workloads and their findings carry the template; others carry none', async () => {
    const { report, error } = await runCli({
      objects: rendered,
      config: {},
      images: [{ name: 'controller', platforms: [{ os: 'linux', architecture: 'amd64' }] }],
      args: ['--arch', 'amd64,arm64'],
    });
    expect(error).toBeUndefined();
    const workloads = report!.workloads.map((w) => [w.name, w.line, w.template]);
    expect(workloads).toEqual([
      ['cert-manager', 9, 'cert-manager/templates/deployment.yaml'],
      ['plain', 25, undefined],
    ]);
    const findings = report!.findings.map((f) => [f.rule, f.workload?.name, f.line, f.column, f.template]);
    expect(findings).toEqual([
      ['image-arch-mismatch', 'cert-manager', 23, 18, 'cert-manager/templates/deployment.yaml'],
      ['image-arch-mismatch', 'plain', 38, 18, undefined],
    ]);
  });
});
