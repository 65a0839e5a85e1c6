import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DEEP_BUDGETS, type DeepBudgets } from '../../src/deep/budget.js';
import type { Report } from '../../src/engine/report.js';
import { runArchcheck } from '../../src/engine/run.js';
import { toCheckAnnotation } from '../../src/action/annotations.js';
import { formatSummary } from '../../src/reporters/summary.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { formatText } from '../../src/reporters/text.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { RecordingLogger } from '../../src/logger.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { writeOciLayout } from '../support/images.js';
import { pushDistribution } from '../support/push.js';
import { type RunningRegistry, startRegistry } from '../support/registry.js';
import { isolatedEnv } from '../registry-http/harness.js';
import { USES, type Use, manifests, scenarioImages } from './scenarios.js';

const DEEP_RULES = new Set(['image-platform-mislabeled', 'binary-arch-mismatch', 'deep-check-incomplete']);

let dir: string;
let registry: RunningRegistry;
let proxy: FaultProxy;
let layouts: string;
const images = scenarioImages();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-deep-'));
  registry = await startRegistry({ root: path.join(dir, 'storage'), dir });
  for (const [repo, top] of Object.entries(images)) await pushDistribution(registry.host, repo, '1', top);
  proxy = await startFaultProxy({ upstream: registry.url });
  layouts = path.join(dir, 'layouts');
  for (const [repo, top] of Object.entries(images))
    await writeOciLayout(path.join(layouts, repo), { '1': top });
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface RunOptions {
  deep: boolean;
  cacheDir?: string;
  budgets?: DeepBudgets;
  uses?: readonly Use[];
  host?: string;
  mirrors?: Record<string, string>;
  /** `.archcheck.yaml` text. */
  config?: string;
}

async function run(opts: RunOptions): Promise<{ report: Report; lines: Record<string, number> }> {
  const cwd = await mkdtemp(path.join(dir, 'repo-'));
  const { text, lines } = manifests(opts.host ?? proxy.host, opts.uses ?? USES);
  await writeFile(path.join(cwd, 'deploy.yaml'), text);
  if (opts.config) await writeFile(path.join(cwd, '.archcheck.yaml'), opts.config);
  const cacheDir = opts.cacheDir ?? (await mkdtemp(path.join(dir, 'cache-')));
  const report = await runArchcheck(
    {
      cwd,
      paths: ['.'],
      architectures: ['amd64', 'arm64'],
      ...(opts.mirrors ? { registryMirrors: opts.mirrors } : {}),
      deep: { enabled: opts.deep, budgets: opts.budgets ?? DEFAULT_DEEP_BUDGETS },
      cacheDir,
    },
    { logger: new RecordingLogger(), env: await isolatedEnv() },
  );
  return { report, lines };
}

/** [rule, workload, line, column, pools] of every deep finding, in report order. */
function deepFindings(report: Report): [string, string, number, number, string[]][] {
  return report.findings
    .filter((f) => DEEP_RULES.has(f.rule))
    .map((f) => [f.rule, f.workload?.name ?? '', f.location.line, f.location.column, f.nodePools ?? []]);
}

describe.each([
  ['the registry over HTTP', undefined],
  ['an oci: mirror', 'mirror.test'],
])('deep mode reading %s', (_name, mirrorHost) => {
  let report: Report;
  let lines: Record<string, number>;
  beforeAll(async () => {
    const host = mirrorHost ?? proxy.host;
    const mirrors = mirrorHost ? { [mirrorHost]: `oci:${layouts}` } : undefined;
    ({ report, lines } = await run({ deep: true, host, ...(mirrors ? { mirrors } : {}) }));
  }, 60_000);

  test('finds each fault at the image line, for the pools that pull the faulty build', () => {
    const at = (rule: string, name: string, pools: string[]) => [rule, name, lines[name]!, 18, pools];
    expect(deepFindings(report)).toEqual([
      at('binary-arch-mismatch', 'pod-command', ['linux/arm64']),
      at('binary-arch-mismatch', 'wrong-entry', ['linux/arm64']),
      at('image-platform-mislabeled', 'mislabeled', ['linux/arm64']),
      at('binary-arch-mismatch', 'script', ['linux/arm64']),
      at('binary-arch-mismatch', 'symlink', ['linux/arm64']),
      at('deep-check-incomplete', 'whiteout', []),
      at('deep-check-incomplete', 'whiteout', []),
      at('binary-arch-mismatch', 'zstd', ['linux/arm64']),
    ]);
  });

  test.each([
    [
      'pod-command',
      /runs \/usr\/local\/bin\/tool-x86 \(the pod's command "\/usr\/local\/bin\/tool-x86"\), an ELF 64-bit LSB x86-64 binary for linux\/amd64\. pool linux\/arm64 \(linux\/arm64\)/,
    ],
    [
      'wrong-entry',
      /the linux\/arm64 build of image .*\/deep\/wrong-entry:1 runs \/usr\/local\/bin\/app \(the image's Entrypoint/,
    ],
    [
      'mislabeled',
      /lists a linux\/arm64 build, but that build's config says linux\/amd64\. pool linux\/arm64 \(linux\/arm64\)/,
    ],
    [
      'script',
      /runs \/entrypoint\.sh \(the image's Entrypoint "\/entrypoint\.sh"\), whose interpreter \/bin\/bash is an ELF 64-bit LSB x86-64 binary/,
    ],
    [
      'symlink',
      /runs \/opt\/server\/bin\/server \(the image's Entrypoint "app"\), an ELF 64-bit LSB x86-64 binary/,
    ],
    [
      'whiteout',
      /the linux\/(amd|arm)64 build of .* was not fully checked: the program is not in the image: \/usr\/local\/bin\/app does not exist/,
    ],
    ['zstd', /\/deep\/zstd:1 runs \/usr\/local\/bin\/app/],
  ])('%s says what and where', (name, message) => {
    const finding = report.findings.find((f) => f.workload?.name === name && DEEP_RULES.has(f.rule));
    expect(finding?.message).toMatch(message);
  });
});

test('every reporter carries the deep findings, and the matrix agrees with them', async () => {
  const { report, lines } = await run({ deep: true, uses: USES.slice(0, 3) });
  const image = (repo: string) => `${proxy.host}/${repo}:1`;
  const cell = (repo: string, pool: string) =>
    report.matrix.find((c) => c.image === image(repo) && c.nodePool === pool)?.verdict;
  expect([
    cell('deep/honest', 'linux/arm64'),
    cell('deep/wrong-entry', 'linux/arm64'),
    cell('deep/wrong-entry', 'linux/amd64'),
  ]).toEqual(['exec-format-error', 'exec-format-error', 'runs']);
  expect(formatText(report, { color: false })).toMatch(/binary-arch-mismatch/);
  expect(formatSummary(report, { rules: RULE_METAS })).toMatch(/binary-arch-mismatch/);
  const sarif = toSarif(report, { rules: RULE_METAS });
  const results = sarif.runs[0]!.results!.filter((r) => r.ruleId === 'binary-arch-mismatch');
  expect(results.map((r) => r.locations![0]!.physicalLocation!.region!.startLine)).toEqual([
    lines['pod-command'],
    lines['wrong-entry'],
  ]);
  const mismatch = report.findings.find((f) => f.rule === 'binary-arch-mismatch')!;
  expect(toCheckAnnotation(mismatch)).toMatchObject({
    start_line: lines['pod-command'],
    annotation_level: 'failure',
  });
}, 60_000);

describe('cost', () => {
  test('without --deep no layer is requested; a warm deep run sends exactly the requests of a run without it', async () => {
    const layerDigests = Object.values(images).flatMap((top) =>
      top.children.flatMap((c) => c.layers.map((l) => l.digest)),
    );
    const cacheDir = await mkdtemp(path.join(dir, 'cache-'));

    proxy.requests.length = 0;
    const plain = await run({ deep: false });
    const plainRequests = proxy.requests.map((r) => `${r.method} ${r.path}`).sort();
    expect(plainRequests.filter((r) => layerDigests.some((d) => r.includes(d)))).toEqual([]);
    expect(proxy.requests.filter((r) => r.headers.range)).toEqual([]);
    expect(deepFindings(plain.report)).toEqual([]);

    proxy.requests.length = 0;
    const cold = await run({ deep: true, cacheDir });
    const ranged = proxy.requests.filter((r) => r.headers.range);
    expect(ranged.length).toBeGreaterThan(0);
    expect(cold.report.notices.join('\n')).toMatch(
      /deep verification read 14 image build\(s\), downloading \d/,
    );

    // With the registry's cache warm too, a run without --deep HEADs each tag; a warm deep run adds nothing.
    proxy.requests.length = 0;
    await run({ deep: false, cacheDir });
    const warmPlain = proxy.requests.map((r) => `${r.method} ${r.path}`).sort();
    proxy.requests.length = 0;
    const warm = await run({ deep: true, cacheDir });
    expect(proxy.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(warmPlain);
    expect(proxy.requests.filter((r) => r.headers.range)).toEqual([]);
    expect(warm.report.notices.join('\n')).toMatch(/downloading 0 B/);
    expect(deepFindings(warm.report)).toEqual(deepFindings(cold.report));
  }, 60_000);

  test("the repository's config may turn deep mode on", async () => {
    const { report } = await run({
      deep: false,
      config: 'deep: true\n',
      uses: [{ name: 'wrong-entry', repo: 'deep/wrong-entry' }],
    });
    expect(deepFindings(report).map(([rule]) => rule)).toEqual(['binary-arch-mismatch']);
  }, 60_000);

  test('a spent byte budget is a notice naming the setting, never a wrong verdict', async () => {
    const { report } = await run({
      deep: true,
      budgets: { imageBytes: 300, runBytes: DEFAULT_DEEP_BUDGETS.runBytes },
      uses: [{ name: 'wrong-entry', repo: 'deep/wrong-entry' }],
    });
    const rules = report.findings.filter((f) => DEEP_RULES.has(f.rule));
    expect(rules.map((f) => f.rule)).toEqual(['deep-check-incomplete', 'deep-check-incomplete']);
    for (const f of rules) {
      expect(f.severity).toBe('notice');
      expect(f.message).toMatch(/byte budget per image \(300 B\) is spent; raise --deep-image-budget/);
    }
  }, 60_000);

  test('the run budget applies across images', async () => {
    const cacheDir = await mkdtemp(path.join(dir, 'cache-'));
    await mkdir(cacheDir, { recursive: true });
    const { report } = await run({
      deep: true,
      cacheDir,
      budgets: { imageBytes: DEFAULT_DEEP_BUDGETS.imageBytes, runBytes: 4000 },
    });
    const spent = report.findings.filter((f) =>
      /byte budget per run \(3\.9 KiB\) is spent; raise --deep-run-budget/.test(f.message),
    );
    expect(spent.length).toBeGreaterThan(0);
    expect(spent.every((f) => f.severity === 'notice')).toBe(true);
  }, 60_000);
});
