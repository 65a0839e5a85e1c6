import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseByteSize } from '../byte-size.js';
import { DEFAULT_DEEP_BUDGETS } from '../deep/budget.js';
import { runArchcheck } from '../engine/run.js';
import { coverageLost, parseFailOn, shouldFail, type FailOn } from '../engine/gate.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { FORMAT_IDS, REPORTERS } from '../reporters/index.js';
import { safeTerminalText } from '../reporters/untrusted.js';
import { RULE_METAS } from '../rules/index.js';
import { VERSION } from '../version.js';
import { describeArgsError } from './args-error.js';
import { planOutputs, writeOutputs } from './outputs.js';
import { STDIN_ARG } from '../sources/stdin.js';

const USAGE = `Usage: archcheck [paths...] [options]

Finds Kubernetes workloads whose images will not run on the node pools they can land on
(exec format error), and selectors that match no node (Pending), before deploy.
Paths are files or directories (default .): a directory is searched and its kustomizations are built;
a file named alone is checked as written; - reads manifests from standard input (reported as <stdin>),
e.g. helm template . | archcheck -

Options:
  --config FILE              config file (default: .archcheck.yaml, .archcheck.yml, .github/archcheck.yaml)
  --arch LIST                check against one cluster with these platforms, e.g. amd64,arm64 or
                             arm64/v8,linux/arm/v7,windows/amd64 (each read like a config pool's arch)
  --format FORMAT            output format, one of the formats below (default: text); repeatable
  --output FILE              write the matching --format to FILE (- is stdout); repeatable: the n-th
                             --output writes the n-th --format, and at most one format goes to stdout
  --fail-on LEVEL            error|warning|notice|never: exit 1 when a finding reaches LEVEL (default: error)
  --fail-on-unresolved       also exit 1 when coverage was lost: an image could not be inspected, or a
                             workload matched no cluster's paths (an outage is never green)
  --registry-mirror HOST=URL read HOST's images from URL (oci:DIR, https://..., http://...); repeatable;
                             an http(s) mirror named here may be on a private address
  --allow-private-registry HOST|CIDR
                             let registries on loopback/private addresses be contacted, e.g. localhost:5000,
                             registry.corp or 10.0.0.0/8 (link-local needs a CIDR such as 169.254.1.2/32);
                             repeatable; also ARCHCHECK_ALLOW_PRIVATE_REGISTRIES=a,b
  --registry-mirror HOST=URL read HOST's images from URL (oci:DIR, https://..., http://...); repeatable
  --baseline FILE            an earlier --format json report: findings it has are marked "baseline" and
                             do not count toward --fail-on (fail only on what is new)
  --no-ignore                ignore every suppression (# archcheck:ignore comments, archcheck.io/ignore
                             annotations, the config's ignore: entries): an audit of everything
  --kustomize-load-restrictor rootOnly|none
                             none lets kustomizations read files outside their root (default: rootOnly);
                             only here: the config file may not turn it off (see SECURITY.md)
  --deep                     deep verification: read the image build each node pool pulls (its config, and
                             the ELF header or #! line of the program the container runs) to catch builds
                             labelled with the wrong platform and binaries built for another CPU; also
                             turned on by deep: true in the config
  --deep-image-budget SIZE   most bytes deep mode downloads per image, e.g. 64MiB (default 64MiB)
  --deep-run-budget SIZE     most bytes deep mode downloads in the run (default 512MiB)
  --cache-dir DIR            keep registry answers (manifests, configs, tag digests; DIR/registry/) and deep
                             mode's results (DIR/deep/) between runs (default: $ARCHCHECK_CACHE_DIR, else
                             $XDG_CACHE_HOME/archcheck, else ~/.cache/archcheck); cached content is
                             re-verified by digest, tags are re-checked
  --no-cache                 read everything from the registries again and keep nothing
  --max-file-size SIZE       skip (and report) files larger than SIZE, e.g. 16MiB or 50MB (default: 16MiB)
  --quiet                    no progress lines on stderr
  -h, --help                 show this help
  -v, --version              show the version

Formats:
${FORMAT_IDS.map((id) => `  ${id.padEnd(27)}${REPORTERS[id].description}`).join('\n')}

Example: archcheck --format sarif --output archcheck.sarif --format text

Exit status: 0 nothing reached --fail-on, 1 something did (or coverage was lost with --fail-on-unresolved), 2 usage or configuration error,
3 internal error (a bug: please report it).`;

/** The CLI shell: parse arguments, run the engine, print, and return the exit status. */
export async function main(
  argv: string[],
  streams: {
    stdout: NodeJS.WriteStream;
    stderr: NodeJS.WriteStream;
    /** What `-` reads (default: process.stdin). */
    stdin?: AsyncIterable<Uint8Array>;
  } = {
    stdout: process.stdout,
    stderr: process.stderr,
  },
): Promise<number> {
  const io = { stdout: guarded(streams.stdout), stderr: guarded(streams.stderr) };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        arch: { type: 'string' },
        format: { type: 'string', multiple: true },
        output: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'error' },
        'fail-on-unresolved': { type: 'boolean', default: false },
        'registry-mirror': { type: 'string', multiple: true },
        'allow-private-registry': { type: 'string', multiple: true },
        baseline: { type: 'string' },
        'no-ignore': { type: 'boolean', default: false },
        'kustomize-load-restrictor': { type: 'string' },
        deep: { type: 'boolean', default: false },
        'deep-image-budget': { type: 'string' },
        'deep-run-budget': { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // The help text names every option, so suggestions never drift from what the CLI accepts.
    const names = [...new Set([...USAGE.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1] ?? ''))];
    io.stderr.write(`archcheck: ${describeArgsError(error, names)}\nRun archcheck --help for usage.\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
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
        ...(positionals.includes(STDIN_ARG) ? { stdin: streams.stdin ?? process.stdin } : {}),
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

function useColor(stream: { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** The one place the CLI writes to a terminal or a CI log. */
interface GuardedStream {
  /** Whether color escapes (SGR only) may pass: the stream is a terminal or FORCE_COLOR says so. */
  color: boolean;
  write(text: string): void;
}

/**
 * Every write passes {@link safeTerminalText}: reports and log lines quote names, images and file names from the
 * scanned tree, and a `run:` step's log reads `::error ...` lines as workflow commands. Color escapes survive
 * only where colors are on; no other escape sequence ever does.
 */
function guarded(stream: NodeJS.WriteStream): GuardedStream {
  const color = useColor(stream);
  return { color, write: (text) => void stream.write(safeTerminalText(text, color)) };
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
