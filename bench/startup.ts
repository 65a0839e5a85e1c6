/**
 * Start-up of the bundled CLI (dist/cli, as `npx archcheck` runs it), against `node -e 0` in the same run:
 * `--version`, and the whole demo (`npm run demo`: the bundled examples, images from their `oci:` mirror, so no
 * network). Goals (issue 14): `--version` within 1.5x of `node -e 0`, the demo within 2x. The demo runs as a user
 * runs it, with its compile cache (src/cli/chunks.ts) in a cache directory of the bench's own, written by the
 * warm-up round; and with `--no-cache`, which compiles everything every time (a first run, or a read-only home).
 * The commands run interleaved, round after round, so load from other processes falls on all of them alike;
 * medians and minimums are both reported, the minimum being the least disturbed run. On a busy machine wall
 * time says little: the CPU time the runs used (Linux: the children's times in /proc/self/stat) is reported too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli/index.js');
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 20);

const DEMO = ['--config', 'examples/.archcheck.yaml', '--fail-on', 'never', 'examples'];
const COMMANDS: [string, string[], string][] = [
  ['node -e 0', ['-e', '0'], ''],
  ['archcheck --version', [CLI, '--version'], '1.5x'],
  ['archcheck demo', [CLI, ...DEMO], '2x'],
  ['archcheck demo --no-cache', [CLI, '--no-cache', ...DEMO], ''],
];

/** Wall time of one run; a failing command stops the bench rather than time an error path. */
function timed(args: string[], cacheDir: string): number {
  const started = process.hrtime.bigint();
  const env = { ...process.env, ARCHCHECK_CACHE_DIR: cacheDir };
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** CPU milliseconds (user + system) of the waited-for children so far; undefined where /proc is absent. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // cutime and cstime are fields 16 and 17 of the line, in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function benchStartup(): Promise<string> {
  if (!existsSync(CLI)) return '  start-up: dist/cli/index.js is missing; run npm run bundle first';
  if (!existsSync(path.join(ROOT, 'examples/mirror')))
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-example-mirror.mjs')], { cwd: ROOT });
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'archcheck-bench-startup-'));
  const times = COMMANDS.map(() => [] as number[]);
  const cpu = COMMANDS.map(() => 0);
  try {
    // One warm-up round: the first runs read the files from disk, and the demo writes its compile cache.
    for (const [, args] of COMMANDS) timed(args, cacheDir);
    for (let round = 0; round < ROUNDS; round++) {
      COMMANDS.forEach(([, args], i) => {
        const before = childrenCpuMs() ?? 0;
        times[i]?.push(timed(args, cacheDir));
        cpu[i] = (cpu[i] ?? 0) + (childrenCpuMs() ?? 0) - before;
      });
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const [base = [], ...rest] = times;
  const cpuLine =
    childrenCpuMs() === undefined
      ? []
      : [
          `  CPU per run: ${COMMANDS.map(([name], i) => `${name} ${((cpu[i] ?? 0) / ROUNDS).toFixed(0)} ms`).join(', ')}` +
            ` (ratios ${cpu
              .slice(1)
              .map((c) => `${(c / (cpu[0] || 1)).toFixed(2)}x`)
              .join(', ')})`,
        ];
  return [
    `  ${ROUNDS} interleaved rounds; median (min)`,
    `  ${COMMANDS[0]?.[0]}: ${median(base).toFixed(0)} ms (${Math.min(...base).toFixed(0)} ms)`,
    ...rest.map((t, i) => {
      const goal = COMMANDS[i + 1]?.[2];
      const ratio = (median(t) / median(base)).toFixed(2);
      const best = (Math.min(...t) / Math.min(...base)).toFixed(2);
      return (
        `  ${COMMANDS[i + 1]?.[0]}: ${median(t).toFixed(0)} ms (${Math.min(...t).toFixed(0)} ms), ` +
        `${ratio}x of node -e 0 (${best}x by minimum; ${goal ? `goal: within ${goal}` : 'no compiled code kept: a first run'})`
      );
    }),
    ...cpuLine,
  ].join('\n');
}
