import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A deployment repository as issue 14 measured it: 25% Deployments, 5% DaemonSets, 10% CronJobs (quoted cron
 * schedules), 5% StatefulSets, 25% Services, 28% ConfigMaps and 2% CustomResourceDefinitions of about 17 KB,
 * ten documents a file, a hundred files a directory. Returns the total size in bytes.
 */
export function generateRepo(dir: string, documents: number): number {
  let bytes = 0;
  for (let f = 0; f * 10 < documents; f++) {
    const docs: string[] = [];
    for (let n = f * 10; n < Math.min(documents, f * 10 + 10); n++) docs.push(generateDocument(n));
    const sub = path.join(dir, `team-${Math.floor(f / 100)}`);
    mkdirSync(sub, { recursive: true });
    const text = docs.join('---\n');
    writeFileSync(path.join(sub, `app-${f}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function generateDocument(n: number): string {
  const r = n % 100;
  if (r < 25) return controller('apps/v1', 'Deployment', n, '  replicas: 3\n');
  if (r < 30) return controller('apps/v1', 'DaemonSet', n, '');
  if (r < 40) return cronJob(n);
  if (r < 45) return controller('apps/v1', 'StatefulSet', n, `  serviceName: app-${n}\n  replicas: 3\n`);
  if (r < 70) return service(n);
  if (r < 98) return configMap(n);
  return crd(n);
}

const metadata = (n: number, name: string) => `metadata:
  name: ${name}
  namespace: team-${n % 20}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
`;

/** A pod spec at `pad`: two containers, probes, resources, env and mounts, as real ones carry. */
function podSpec(n: number, pad: string): string {
  const lines = [
    'nodeSelector:',
    `  kubernetes.io/arch: ${n % 2 ? 'amd64' : 'arm64'}`,
    'containers:',
    '  - name: app',
    `    image: ghcr.io/acme/app-${n % 50}:1.${n % 7}.0`,
    '    ports:',
    '      - containerPort: 8080',
    '        name: http',
    '    env:',
    '      - name: MODE',
    '        value: production',
    `      - {name: SHARD, value: "${n % 16}"}`,
    '    resources:',
    '      requests: {cpu: 100m, memory: 128Mi}',
    '      limits: {memory: 256Mi}',
    '    readinessProbe:',
    '      httpGet: {path: /healthz, port: http}',
    '    volumeMounts:',
    '      - {name: config, mountPath: /etc/app}',
    '  - name: proxy',
    '    image: docker.io/envoyproxy/envoy:v1.31.0',
    '    args: ["--config-path", "/etc/envoy/envoy.yaml"]',
    'volumes:',
    `  - {name: config, configMap: {name: cfg-${n}}}`,
  ];
  return lines.map((l) => `${pad}${l}\n`).join('');
}

function controller(apiVersion: string, kind: string, n: number, extra: string): string {
  return `apiVersion: ${apiVersion}
kind: ${kind}
${metadata(n, `app-${n}`)}spec:
${extra}  selector:
    matchLabels: {app.kubernetes.io/name: app-${n}}
  template:
    metadata:
      labels: {app.kubernetes.io/name: app-${n}}
    spec:
${podSpec(n, '      ')}`;
}

function cronJob(n: number): string {
  return `apiVersion: batch/v1
kind: CronJob
${metadata(n, `job-${n}`)}spec:
  schedule: "${n % 60} * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
${podSpec(n, '          ')}`;
}

function service(n: number): string {
  return `apiVersion: v1
kind: Service
${metadata(n, `app-${n}`)}spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: app-${n}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(n: number): string {
  return `apiVersion: v1
kind: ConfigMap
${metadata(n, `cfg-${n}`)}data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout,search"
  app.yaml: |
    server:
      port: 8080
      image: not-a-container:${n}
    upstreams:
      - https://api.example.com/v1
      - https://backup.example.com/v1
`;
}

/** About 17 KB: a schema of 120 documented properties. */
function crd(n: number): string {
  const properties = Array.from(
    { length: 120 },
    (_, i) => `                field${i}:
                  description: Field number ${i} of the widget, as its controller reads it on every reconcile.
                  type: ${i % 3 ? 'string' : 'integer'}
`,
  ).join('');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets${n}.example.com
spec:
  group: example.com
  names: {kind: Widget${n}, plural: widgets${n}}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
${properties}`;
}
