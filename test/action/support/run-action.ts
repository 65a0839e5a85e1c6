import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist/index.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/action');

/** A parsed workflow command line: `::name key=value,key=value::message`. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  /** `error`/`warning`/`notice` commands that carry a file: the annotations on the diff. */
  annotations: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  workspace: string;
  /** Inputs by their action.yml names. */
  inputs: Record<string, string>;
  eventName: string;
  payload: unknown;
  apiUrl?: string;
  sha?: string;
  /** Extra environment variables (the hostile tests plant secrets here). */
  env?: Record<string, string>;
}

/**
 * Runs the bundled action the way the runner does: `node dist/index.js` in GITHUB_WORKSPACE, inputs as
 * INPUT_<NAME> (the runner upper-cases the name and turns spaces into `_`, keeping `-`), the event payload in
 * a file named by GITHUB_EVENT_PATH, and fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run "npm run bundle" first`);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-runner-'));
  try {
    const files = {
      event: path.join(temp, 'event.json'),
      output: path.join(temp, 'output'),
      summary: path.join(temp, 'summary.md'),
    };
    await writeFile(files.event, JSON.stringify(options.payload));
    await writeFile(files.output, '');
    await writeFile(files.summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_SHA: options.sha ?? '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_RUN_ID: '1658821493',
      GITHUB_JOB: 'archcheck',
      GITHUB_ACTION: 'check',
      RUNNER_TEMP: temp,
      NO_PROXY: '127.0.0.1',
      ...options.env,
    };
    for (const [name, value] of Object.entries(options.inputs))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (done) => {
        execFile(
          process.execPath,
          [DIST],
          { cwd: options.workspace, env, maxBuffer: 64 * 1024 * 1024 },
          (error, out, err) => {
            const status = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
            done({ code: status, stdout: out, stderr: err });
          },
        );
      },
    );
    const commands = stdout.split(/\r?\n/).flatMap((line) => parseCommand(line) ?? []);
    return {
      exitCode: code,
      stdout,
      stderr,
      commands,
      annotations: commands.filter(
        (c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file,
      ),
      outputs: parseOutputs(await readFile(files.output, 'utf8')),
      summary: await readFile(files.summary, 'utf8'),
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The runner's parser: data unescapes %25 %0D %0A; property values also %3A and %2C. */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, message: unescapeData(match[3]!) };
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

/** GITHUB_OUTPUT's heredoc form: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

let mirror: Promise<string> | undefined;

/** The example mirror, built once per test file by the committed script. */
function buildMirror(): Promise<string> {
  mirror ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-mirror-'));
    await new Promise<void>((done, fail) =>
      execFile(process.execPath, [path.join(ROOT, 'scripts/build-example-mirror.mjs'), dir], (error) =>
        error ? fail(error) : done(),
      ),
    );
    return dir;
  })();
  return mirror;
}

/** A fresh workspace: the fixture's files, extra files, and the mirror at `mirror/`. */
export async function makeWorkspace(fixture: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `archcheck-ws-${fixture}-`));
  await cp(path.join(FIXTURES, fixture), dir, { recursive: true });
  await cp(await buildMirror(), path.join(dir, 'mirror'), { recursive: true });
  for (const [file, text] of Object.entries(extra)) await writeFile(path.join(dir, file), text);
  return dir;
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
