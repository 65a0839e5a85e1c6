import path from 'node:path/posix';

/** The parts of an image config that decide what a container runs (OCI image spec config.md, `config`). */
export interface RuntimeConfig {
  entrypoint: string[];
  cmd: string[];
  env: string[];
  workingDir: string;
}

/** The pod's override, as written in the container spec. */
export interface CommandOverride {
  command?: string[];
  args?: string[];
}

/** Where the program came from, for messages. */
export type ProgramSource = 'command' | 'Entrypoint' | 'Cmd';

/** The program a container starts: the file candidates in lookup order, or why it cannot be told. */
export type Program =
  | { kind: 'program'; written: string; source: ProgramSource; candidates: string[] }
  | { kind: 'none'; reason: string };

/**
 * The PATH containerd gives a process whose image sets none (containerd oci.WithDefaultPathEnv, the same
 * default runc and Docker use).
 */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** The runtime part of an image config blob; missing or malformed fields are empty, as the runtime treats them. */
export function parseRuntimeConfig(bytes: Uint8Array): RuntimeConfig {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    doc = {};
  }
  const config = (doc as { config?: Record<string, unknown> } | null)?.config ?? {};
  return {
    entrypoint: strings(config.Entrypoint),
    cmd: strings(config.Cmd),
    env: strings(config.Env),
    workingDir: typeof config.WorkingDir === 'string' ? config.WorkingDir : '',
  };
}

/**
 * The argv a container starts with, as the kubelet builds it
 * (https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#notes):
 * `command` replaces the Entrypoint and drops the image's Cmd; `args` replace the Cmd. Empty lists count
 * as unset, as they do in the kubelet.
 */
export function argvOf(
  override: CommandOverride,
  config: RuntimeConfig,
): { argv: string[]; source: ProgramSource } {
  const command = override.command?.length ? override.command : undefined;
  const args = override.args?.length ? override.args : undefined;
  if (command) return { argv: [...command, ...(args ?? [])], source: 'command' };
  const tail = args ?? config.cmd;
  if (config.entrypoint.length > 0) return { argv: [...config.entrypoint, ...tail], source: 'Entrypoint' };
  return { argv: tail, source: 'Cmd' };
}

/**
 * The files the runtime may execute for a program name: a name with a slash is a path (relative ones start
 * at WorkingDir, `/` by default); a bare name is looked up along the image's PATH (Go's exec.LookPath, which
 * runc uses), containerd's default when the image sets none.
 */
export function candidatesFor(program: string, config: RuntimeConfig): string[] {
  const cwd = path.resolve('/', config.workingDir || '/');
  if (program.includes('/')) return [path.resolve(cwd, program)];
  const pathVar = [...config.env].reverse().find((e) => e.startsWith('PATH='));
  const dirs = (pathVar === undefined ? DEFAULT_PATH : pathVar.slice('PATH='.length)).split(':');
  return [...new Set(dirs.map((dir) => path.resolve(cwd, dir || '.', program)))];
}

/** What the container runs, resolved against the image config; `$(VAR)` references cannot be resolved here. */
export function programOf(override: CommandOverride, config: RuntimeConfig): Program {
  const { argv, source } = argvOf(override, config);
  const written = argv[0];
  if (written === undefined || written === '') {
    return { kind: 'none', reason: 'neither the pod nor the image config names a program to run' };
  }
  if (source === 'command' && /\$\([A-Za-z_][A-Za-z0-9_.-]*\)/.test(written)) {
    return {
      kind: 'none',
      reason: `the command "${written}" is expanded from environment variables when the pod starts`,
    };
  }
  return { kind: 'program', written, source, candidates: candidatesFor(written, config) };
}
