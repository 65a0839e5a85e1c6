import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigPosition, HelmChartConfig } from '../../config/types.js';
import type { SourceLocation } from '../../documents/location.js';
import { parseManifestFile, type KubeObject } from '../../documents/parse.js';
import { mapLimit } from '../../map-limit.js';
import { extractWorkloads } from '../../workloads/extract.js';
import { moveWorkload } from '../../workloads/move.js';
import type { RenderProblem, Workload } from '../../workloads/workload.js';
import type { RenderOutcome, SourceUnit } from '../unit.js';
import { MESSAGE_LIMIT, cap } from '../../reporters/untrusted.js';
import { HELM_ENV } from '../../subprocess-env.js';
import { execText, findOnPath } from '../exec.js';
import { helmTemplateOf, nameTemplate } from './source-comment.js';
import { TemplateLines } from './template-lines.js';
import { imageValueLocation, MergedValues, selectorValueLocation } from './values.js';
import { posixRelative } from '../../paths.js';

export interface HelmInput {
  cwd: string;
  charts: readonly HelmChartConfig[];
  /** Absolute paths of the files discovery found: those inside a chart are its, not loose manifests. */
  files: readonly string[];
  env: Record<string, string | undefined>;
  /** Per chart (default 120 s). */
  timeoutMs?: number;
}

/**
 * The Helm source: renders each configured release with `helm template` (no shell) and maps every workload
 * to the line a person edits: the values line that sets an image (values files, the chart's defaults, or the
 * config's `set:`), else the template's line. No helm on PATH, or a chart that fails to render, is a finding
 * naming the chart; the other charts still run.
 */
export async function renderHelmCharts(input: HelmInput): Promise<RenderOutcome> {
  const outcome: RenderOutcome = { units: [], problems: [], claimed: new Set() };
  if (input.charts.length === 0) return outcome;
  const reportName = (abs: string) => posixRelative(input.cwd, abs);
  // Positions of an entry's keys are in the file that declares it (the config, or the workflow for the input).
  const atFor =
    (entry: HelmChartConfig) =>
    (p: ConfigPosition): SourceLocation => ({
      file: reportName(entry.declaredIn),
      line: p.line,
      column: p.column,
    });
  for (const entry of input.charts) {
    if (entry.local)
      for (const f of input.files) if (f.startsWith(`${entry.chart}${path.sep}`)) outcome.claimed.add(f);
    for (const v of entry.values) outcome.claimed.add(v);
  }
  const helm = findOnPath('helm', input.env);
  if (!helm) {
    for (const entry of input.charts) {
      outcome.problems.push({
        cause: 'tool-missing',
        message: `${describe(entry, reportName)} was not rendered or checked: helm is not on PATH; install it (https://helm.sh/docs/intro/install/).`,
        location: atFor(entry)(entry.position),
      });
    }
    return outcome;
  }
  const results = await mapLimit([...input.charts], 4, (entry) =>
    renderOne(helm, entry, input, reportName, atFor(entry)),
  );
  for (const r of results) {
    if ('unit' in r) outcome.units.push(r.unit);
    else outcome.problems.push(r.problem);
  }
  return outcome;
}

function describe(entry: HelmChartConfig, reportName: (abs: string) => string): string {
  return `chart ${entry.local ? reportName(entry.chart) || '.' : entry.chart} (release ${entry.release})`;
}

/** `helm template` arguments; string `set:` values go through `--set-string` so helm does not retype them. */
export function helmArguments(entry: HelmChartConfig): string[] {
  const args = ['template', entry.release, entry.chart];
  if (entry.namespace) args.push('--namespace', entry.namespace);
  if (entry.version) args.push('--version', entry.version);
  for (const v of entry.values) args.push('--values', v);
  for (const s of entry.set) {
    // helm's strvals splits on commas and reads backslash escapes.
    const value = s.value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
    args.push(s.string ? '--set-string' : '--set', `${s.key}=${value}`);
  }
  return args;
}

async function renderOne(
  helm: string,
  entry: HelmChartConfig,
  input: HelmInput,
  reportName: (abs: string) => string,
  at: (p: ConfigPosition) => SourceLocation,
): Promise<{ unit: SourceUnit } | { problem: RenderProblem }> {
  const run = await execText(helm, helmArguments(entry), {
    cwd: input.cwd,
    env: input.env,
    allow: HELM_ENV,
    timeoutMs: input.timeoutMs ?? 120_000,
  });
  if (!run.ok)
    return { problem: await renderFailure(entry, run.stderr || run.error, input.cwd, reportName, at) };

  const name = entry.local ? reportName(entry.chart) || '.' : reportName(entry.declaredIn);
  const parsed = parseManifestFile(name, run.stdout);
  // The rendered stream is in no file: its YAML errors belong to the release's config entry.
  for (const p of parsed.problems) p.location = at(entry.position);
  const values = await mergedValues(entry, reportName, at);
  const templates = new Map<string, Promise<TemplateLines | undefined>>();
  const workloads: Workload[] = [];
  for (const obj of parsed.objects) {
    const found = nameTemplate(obj, extractWorkloads(obj));
    if (found.length === 0) continue;
    const lines = await templateOf(obj, entry, templates, reportName);
    workloads.push(...placeWorkloads(found, values, lines, at(entry.position)));
  }
  const source = { path: entry.local ? entry.chart : entry.declaredIn, file: name };
  const unit: SourceUnit = { source, file: parsed, workloads };
  if (entry.cluster) unit.clusters = [entry.cluster];
  return { unit };
}

/** Copies of a rendered object's workloads pointing at values lines, else template lines, else the config entry. */
function placeWorkloads(
  workloads: Workload[],
  values: MergedValues,
  lines: TemplateLines | undefined,
  entry: SourceLocation,
): Workload[] {
  // The n-th image of the rendered document is most likely the n-th `image:` of its template.
  const order = workloads
    .flatMap((w) => w.containers)
    .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  const key = (k: string) => lines?.key(k) ?? entry;
  return workloads.map((w) =>
    moveWorkload(w, {
      workload: () => lines?.kind() ?? entry,
      container: (c) =>
        (c.image ? imageValueLocation(c.image, values) : undefined) ??
        lines?.image(order.indexOf(c)) ??
        entry,
      selector: (sel) => selectorValueLocation(sel.key, sel.value, values) ?? key('nodeSelector'),
      nodeSelector: () => key('nodeSelector'),
      affinity: () => key('affinity'),
      toleration: () => key('tolerations'),
    }),
  );
}

/** The template file a rendered object names (`# Source: <chart>/templates/x.yaml` is relative to the chart's parent). */
function templateOf(
  obj: KubeObject,
  entry: HelmChartConfig,
  cache: Map<string, Promise<TemplateLines | undefined>>,
  reportName: (abs: string) => string,
): Promise<TemplateLines | undefined> {
  const template = helmTemplateOf(obj);
  if (!template || !entry.local) return Promise.resolve(undefined);
  const file = path.join(entry.chart, ...template.split('/').slice(1));
  let lines = cache.get(file);
  if (!lines) {
    lines = readFile(file, 'utf8').then(
      (text) => new TemplateLines(reportName(file), text),
      () => undefined,
    );
    cache.set(file, lines);
  }
  return lines;
}

/** The chart's defaults (and its subcharts' under their names), the values files, then `set:`, as helm merges them. */
async function mergedValues(
  entry: HelmChartConfig,
  reportName: (abs: string) => string,
  at: (p: ConfigPosition) => SourceLocation,
): Promise<MergedValues> {
  const values = new MergedValues();
  const addFile = async (file: string, prefix: string[]) => {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) values.addFile(reportName(file), text, prefix);
  };
  if (entry.local) {
    // Subchart defaults first: the parent's values for a subchart override its own.
    for (const [dir, prefix] of await subcharts(entry.chart, []))
      await addFile(path.join(dir, 'values.yaml'), prefix);
    await addFile(path.join(entry.chart, 'values.yaml'), []);
  }
  for (const file of entry.values) await addFile(file, []);
  for (const s of entry.set) values.addSet(s.key, s.value, at(s.position));
  return values;
}

/** Unpacked subcharts under `charts/`, deepest first, with the values key each is configured under. */
async function subcharts(chart: string, prefix: string[]): Promise<[string, string[]][]> {
  const dir = path.join(chart, 'charts');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: [string, string[]][] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const sub = path.join(dir, e.name);
    const chartYaml = await readFile(path.join(sub, 'Chart.yaml'), 'utf8').catch(() => '');
    const name = /^name:\s*["']?([^"'\s#]+)/m.exec(chartYaml)?.[1] ?? e.name;
    found.push(...(await subcharts(sub, [...prefix, name])), [sub, [...prefix, name]]);
  }
  return found;
}

/** A failed render, at the template line helm names when it names one, else at the config entry. */
async function renderFailure(
  entry: HelmChartConfig,
  stderr: string,
  cwd: string,
  reportName: (abs: string) => string,
  at: (p: ConfigPosition) => SourceLocation,
): Promise<RenderProblem> {
  const error =
    stderr.split('\n').find((l) => l.startsWith('Error:')) ??
    stderr.split('\n').filter(Boolean).pop() ??
    'no error output';
  // helm quotes what it failed on (template lines, values): capped like any scanned text. It names files by the
  // absolute paths it was given: said relative to the working directory, as every report path is.
  const detail = error
    .replace(/^Error:\s*/, '')
    .split(`${cwd}${path.sep}`)
    .join('');
  const message = `helm template failed for ${describe(entry, reportName)}: ${cap(detail, MESSAGE_LIMIT)}`;
  let location = at(entry.position);
  const named =
    /template: ([^:\s]+\/templates\/[^:\s]+):(\d+)(?::(\d+))?/.exec(error) ??
    /YAML parse error on ([^:\s]+)/.exec(error);
  if (named?.[1] && entry.local) {
    const file = path.join(entry.chart, ...named[1].split('/').slice(1));
    const exists = await readFile(file, 'utf8').then(
      () => true,
      () => false,
    );
    if (exists)
      location = { file: reportName(file), line: Number(named[2] ?? 1), column: Number(named[3] ?? 1) };
  }
  return { cause: 'build-failed', message, location };
}
