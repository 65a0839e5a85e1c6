import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseByteSize } from '../documents/read.js';
import { runArchcheck } from '../engine/run.js';
import { parseFailOn, shouldFail, type FailOn } from '../engine/gate.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { formatJson } from '../reporters/json.js';
import { formatText } from '../reporters/text.js';
import { VERSION } from '../version.js';

const USAGE = `Usage: archcheck [paths...] [options]

Finds Kubernetes workloads whose images will not run on the node pools they can land on
(exec format error), and selectors that match no node (Pending), before deploy.

Options:
  --config FILE              config file (default: .archcheck.yaml, .archcheck.yml, .github/archcheck.yaml)
  --arch LIST                check against one cluster with these architectures, e.g. amd64,arm64
  --format text|json         output format (default: text)
  --output FILE              write the report to FILE instead of stdout
  --fail-on LEVEL            error|warning|notice|never: exit 1 when a finding reaches LEVEL (default: error)
  --registry-mirror HOST=URL read HOST's images from URL (oci:DIR, https://..., http://...); repeatable
  --max-file-size SIZE       skip (and report) files larger than SIZE: BYTES, NkB or NMB (default: 16MB)
  --quiet                    no progress lines on stderr
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage or configuration error,
3 internal error (a bug: please report it).`;

/** The CLI shell: parse arguments, run the engine, print, and return the exit status. */
export async function main(
  argv: string[],
  io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        arch: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'registry-mirror': { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`archcheck: ${errorMessage(error)}\n\n${USAGE}\n`);
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
    if (values.format !== 'text' && values.format !== 'json') {
      throw new ConfigurationError(`--format must be text or json, not "${values.format}"`);
    }
    const sizeFlag = values['max-file-size'];
    const maxFileSize = sizeFlag === undefined ? undefined : parseByteSize(sizeFlag);
    if (sizeFlag !== undefined && maxFileSize === undefined) {
      throw new ConfigurationError(`--max-file-size must be BYTES, NkB or NMB, not "${sizeFlag}"`);
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
        ...(maxFileSize ? { maxFileSize } : {}),
        ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
      },
      { logger: stderrLogger(io.stderr, values.quiet) },
    );
    const color = !values.output && values.format === 'text' && useColor(io.stdout);
    const text = values.format === 'json' ? formatJson(report) : formatText(report, { color });
    if (values.output) await writeFile(path.resolve(cwd, values.output), text);
    else io.stdout.write(text);
    return exitStatus(report.stats.findings, failOn);
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

function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** Progress on stderr so stdout stays the report; `ARCHCHECK_DEBUG=1` adds debug lines. */
function stderrLogger(stderr: NodeJS.WritableStream, quiet: boolean): Logger {
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
