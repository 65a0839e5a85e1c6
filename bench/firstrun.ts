/**
 * The first run on a repository-shaped fixture (test/fixtures/firstrun/shop), as `npx archcheck .` runs it:
 * offline (inside `unshare -n`: its images name public hosts) against the same run with every image in an
 * `oci:` mirror. Goal: the offline run within 1.5x of the mirrored one.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { image, index, writeOciLayout } from '../test/support/images.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli.ts');
// Resolved here: the runs' cwd is a temp copy of the fixture, where a bare `--import tsx` finds no package.
const TSX = import.meta.resolve('tsx');
// The images the fixture names, by registry host and repository.
const IMAGES: [string, string, string][] = [
  ['registry.example.com', 'shop/frontend', '1.4.0'],
  ['registry.example.com', 'shop/cart', '1.4.0'],
  ['registry.example.com', 'shop/checkout', '1.4.0'],
  ['registry.example.com', 'shop/api', '1.4.0'],
  ['registry.example.com', 'shop/api', '1.4.1'],
  ['docker.io', 'library/redis', '7.2'],
];

/** Wall time of one CLI run in an empty network namespace (nothing but loopback). */
function timed(cwd: string, extra: string[]): { ms: number; status: number | null; lines: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    'unshare',
    ['-n', '--', process.execPath, '--import', TSX, CLI, '--fail-on', 'error', ...extra, '.'],
    { cwd, encoding: 'utf8' },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: result.status, lines: result.stdout.split('\n').length - 1 };
}

export async function benchFirstRun(): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), 'archcheck-bench-firstrun-'));
  try {
    const repo = path.join(work, 'shop');
    await cp(path.join(ROOT, 'test/fixtures/firstrun/shop'), repo, { recursive: true });
    const templates = path.join(repo, 'charts/web/templates');
    await rename(path.join(templates, 'deployment.yaml.tmpl'), path.join(templates, 'deployment.yaml'));
    const hosts = new Set(IMAGES.map(([host]) => host));
    // One layout per repository, holding all of its tags.
    const layouts = new Map<string, string[]>();
    for (const [host, repository, tag] of IMAGES)
      layouts.set(path.join(host, repository), [...(layouts.get(path.join(host, repository)) ?? []), tag]);
    for (const [dir, tags] of layouts) {
      const arches = ['amd64', 'arm64'].map((architecture) => image({ os: 'linux', architecture }));
      await writeOciLayout(
        path.join(work, 'mirror', dir),
        Object.fromEntries(tags.map((tag) => [tag, index(arches)])),
      );
    }
    const mirrors = [...hosts].flatMap((h) => [
      '--registry-mirror',
      `${h}=oci:${path.join(work, 'mirror', h)}`,
    ]);
    const probe = spawnSync('unshare', ['-n', '--', 'true']);
    if (probe.status !== 0) return '  first run: unshare -n is not available here, not measured';
    const offline = timed(repo, []);
    const mirrored = timed(repo, mirrors);
    return [
      `  offline (unshare -n, no mirror): ${offline.ms.toFixed(0)} ms, exit ${offline.status}, ${offline.lines} lines`,
      `  every image in an oci: mirror:   ${mirrored.ms.toFixed(0)} ms, exit ${mirrored.status}, ${mirrored.lines} lines`,
      `  ratio offline/mirror: ${(offline.ms / mirrored.ms).toFixed(2)}x (goal: within 1.5x)`,
    ].join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
