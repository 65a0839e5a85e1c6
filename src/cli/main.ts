import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheRoot } from '../cache-root.js';
import { VERSION } from '../version.js';
import { describeArgsError } from './args-error.js';
import { chunkLoader, LOAD_CHUNK } from './chunks.js';
import { guarded } from './streams.js';

/** The help text; `formats` lists the output formats (only `--help` loads the reporters to say them). */
function usage(formats: string): string {
  return `Usage: archcheck [paths...] [options]

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
  --cache-dir DIR            keep registry answers (manifests, configs, tag digests; DIR/registry/), deep
                             mode's results (DIR/deep/) and archcheck's own compiled code (DIR/compile/)
                             between runs (default: $ARCHCHECK_CACHE_DIR, else $XDG_CACHE_HOME/archcheck,
                             else ~/.cache/archcheck); cached content is re-verified by digest, tags are
                             re-checked
  --no-cache                 read everything from the registries again and keep nothing
  --max-file-size SIZE       skip (and report) files larger than SIZE, e.g. 16MiB or 50MB (default: 16MiB)
  --quiet                    no progress lines on stderr
  -h, --help                 show this help
  -v, --version              show the version

Formats:
${formats}

Example: archcheck --format sarif --output archcheck.sarif --format text

Exit status: 0 nothing reached --fail-on, 1 something did (or coverage was lost with --fail-on-unresolved), 2 usage or configuration error,
3 internal error (a bug: please report it).`;
}

const OPTIONS = {
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
} as const;

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

/** The parsed command line, as the run stage receives it. */
export type CliArgs = ReturnType<typeof parse>;

/**
 * The CLI shell: parse arguments, answer `--help` and `--version`, else run the engine, print, and return the
 * exit status. The engine (and the config schema, YAML, registry clients) is imported only when a scan runs,
 * so `--version` and `--help` start as fast as Node itself (issue 14; test/cli/startup.integration.test.ts).
 */
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
  let args: CliArgs;
  try {
    args = parse(argv);
  } catch (error) {
    // The help text names every option, so suggestions never drift from what the CLI accepts.
    const names = [...new Set([...usage('').matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1] ?? ''))];
    io.stderr.write(`archcheck: ${describeArgsError(error, names)}\nRun archcheck --help for usage.\n`);
    return 2;
  }
  // In the bundle, what is imported below comes from chunks (chunks.ts); `--no-cache` keeps no compiled code either.
  const cacheDir = args.values['no-cache'] ? undefined : cacheRoot(process.env, args.values['cache-dir']);
  const chunks = chunkLoader(BUNDLE_DIR, cacheDir && path.join(cacheDir, 'compile'));
  (globalThis as Record<symbol, unknown>)[LOAD_CHUNK] = chunks.load;
  try {
    if (args.values.help) {
      const { FORMAT_IDS, REPORTERS } = await import('../reporters/index.js');
      const formats = FORMAT_IDS.map((id) => `  ${id.padEnd(27)}${REPORTERS[id].description}`).join('\n');
      io.stdout.write(`${usage(formats)}\n`);
      return 0;
    }
    if (args.values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const { runCli } = await import('./run.js');
    return await runCli(args, io, streams.stdin);
  } finally {
    await chunks.save();
  }
}

/** Where the bundle's chunks sit: beside its index.js, which this module is part of. */
const BUNDLE_DIR = path.dirname(fileURLToPath(import.meta.url));
