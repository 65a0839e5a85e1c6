import path from 'node:path';
import { parseByteSize } from '../byte-size.js';
import { DEFAULT_DEEP_BUDGETS } from '../deep/budget.js';
import { runArchcheck } from '../engine/run.js';
import { coverageLost, parseFailOn, shouldFail, type FailOn } from '../engine/gate.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { RULE_METAS } from '../rules/index.js';
import { VERSION } from '../version.js';
import type { CliArgs } from './main.js';
import { planOutputs, writeOutputs } from './outputs.js';
import { STDIN_ARG } from '../sources/stdin.js';
import type { GuardedStream } from './streams.js';

/** A scan from the command line: check the flags, run the engine, write the reports, return the exit status. */
export async function runCli(
  args: CliArgs,
  io: { stdout: GuardedStream; stderr: GuardedStream },
  /** What `-` reads (default: process.stdin). */
  stdin?: AsyncIterable<Uint8Array>,
): Promise<number> {
  const { values, positionals } = args;
  try {
    const cwd = process.cwd();
    const failOn = parseFailOn(values['fail-on']);
    if (!failOn)
      throw new ConfigurationError(
        `--fail-on must be error, warning, notice or never, not "${values['fail-on']}"`,
      );
    const targets = await planOutputs(values.format ?? [], values.output ?? [], cwd);
    const restrictor = values['kustomize-load-restrictor'];
    if (restrictor !== undefined && restrictor !== 'rootOnly' && restrictor !== 'none') {
      throw new ConfigurationError(
        `--kustomize-load-restrictor must be rootOnly or none, not "${restrictor}"`,
      );
    }
    const sizeFlag = values['max-file-size'];
    const maxFileSize = sizeFlag === undefined ? undefined : parseByteSize(sizeFlag);
    if (sizeFlag !== undefined && !maxFileSize) {
      throw new ConfigurationError(`--max-file-size must be a size such as 16MiB or 50MB, not "${sizeFlag}"`);
    }
    const report = await runArchcheck(
      {
        cwd,
        paths: positionals.length > 0 ? positionals : ['.'],
        ...(values.config ? { configPath: values.config } : {}),
        ...(values.arch ? { architectures: splitList(values.arch) } : {}),
        ...(values['registry-mirror']
          ? { registryMirrors: parseMirrors(values['registry-mirror'], cwd) }
          : {}),
        ...(values['allow-private-registry']
          ? { allowPrivateRegistries: values['allow-private-registry'] }
          : {}),
        ...(restrictor ? { kustomizeLoadRestrictor: restrictor } : {}),
        ...(maxFileSize ? { maxFileSize } : {}),
        ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
        ...(values.baseline ? { baseline: values.baseline } : {}),
        ...(values['no-ignore'] ? { noIgnore: true } : {}),
        deep: {
          enabled: values.deep,
          budgets: {
            imageBytes: byteSize(
              '--deep-image-budget',
              values['deep-image-budget'],
              DEFAULT_DEEP_BUDGETS.imageBytes,
            ),
            runBytes: byteSize('--deep-run-budget', values['deep-run-budget'], DEFAULT_DEEP_BUDGETS.runBytes),
          },
        },
        ...(values['cache-dir'] ? { cacheDir: path.resolve(cwd, values['cache-dir']) } : {}),
        ...(values['no-cache'] ? { noCache: true } : {}),
      },
      {
        logger: stderrLogger(io.stderr, values.quiet),
        // Only asked for when `-` is given: touching process.stdin otherwise would open it for nothing.
        ...(positionals.includes(STDIN_ARG) ? { stdin: stdin ?? process.stdin } : {}),
      },
    );
    const ctx = { color: io.stdout.color, rules: RULE_METAS, toolVersion: VERSION };
    await writeOutputs(report, targets, ctx, io.stdout);
    const lost = values['fail-on-unresolved'] ? coverageLost(report.findings).length : 0;
    if (lost > 0)
      io.stderr.write(`archcheck: coverage lost (${lost} finding(s)) and --fail-on-unresolved is set\n`);
    return lost > 0 ? 1 : exitStatus(report.stats.findings, failOn);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      io.stderr.write(`archcheck: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`archcheck: internal error: ${errorMessage(error)}\n`);
    if (process.env.ARCHCHECK_DEBUG && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
    return 3;
  }
}

function exitStatus(counts: Parameters<typeof shouldFail>[0], failOn: FailOn): number {
  return shouldFail(counts, failOn) ? 1 : 0;
}

/** A byte size flag (`64MiB`, `100MB`, `1048576`); throws ConfigurationError naming the flag. */
function byteSize(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const bytes = parseByteSize(value);
  if (bytes === undefined)
    throw new ConfigurationError(`${flag} must be a size such as 64MiB or 100MB, not "${value}"`);
  return bytes;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `HOST=URL` pairs; an `oci:` directory is relative to the working directory. */
function parseMirrors(values: string[], cwd: string): Record<string, string> {
  const mirrors: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1)
      throw new ConfigurationError(`--registry-mirror must be HOST=URL, not "${value}"`);
    const host = value.slice(0, eq);
    const target = value.slice(eq + 1);
    if (!/^(oci:.+|https?:\/\/.+)$/.test(target)) {
      throw new ConfigurationError(
        `--registry-mirror ${host}: URL must start with oci:, https:// or http://`,
      );
    }
    mirrors[host] = target.startsWith('oci:') ? `oci:${path.resolve(cwd, target.slice(4))}` : target;
  }
  return mirrors;
}

/** Progress on stderr so stdout stays the report; `ARCHCHECK_DEBUG=1` adds debug lines. */
function stderrLogger(stderr: GuardedStream, quiet: boolean): Logger {
  const debug = Boolean(process.env.ARCHCHECK_DEBUG);
  return {
    debug: (m) => {
      if (debug) stderr.write(`debug: ${m}\n`);
    },
    info: (m) => {
      if (!quiet) stderr.write(`${m}\n`);
    },
    warning: (m) => stderr.write(`warning: ${m}\n`),
    group: async (name, fn) => {
      if (!quiet) stderr.write(`== ${name}\n`);
      return fn();
    },
  };
}
