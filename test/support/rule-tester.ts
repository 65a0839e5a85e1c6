import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { knownLabelKeys } from '../../src/clusters/pools.js';
import { placePod } from '../../src/clusters/scheduling.js';
import { emptyConfig } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/parse.js';
import { parseManifestFile } from '../../src/documents/parse.js';
import type { ChildFact, DeepFacts, ProgramFact } from '../../src/deep/facts.js';
import { childKey, programKey } from '../../src/deep/facts.js';
import { chooseClusters, clusterMatcher } from '../../src/engine/clusters.js';
import { canonicalImage, parseImageReference } from '../../src/images/reference.js';
import { parsePlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';
import type { Resolution, ResolutionCause } from '../../src/registry/source.js';
import type { Finding, RuleLevel, Severity } from '../../src/rules/finding.js';
import { RULES, runChecks } from '../../src/rules/index.js';
import type { CheckContext, Rule } from '../../src/rules/rule.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import type { RenderProblem, Workload } from '../../src/workloads/workload.js';

/**
 * One input to a rule, built from small snippets the way the pipeline builds it: the manifest is parsed and its
 * workloads extracted, placed on the clusters of `config` (default: one cluster of an amd64 and an arm64 pool,
 * as archcheck assumes without a config), and their images resolved from `images`.
 */
export interface RuleCase {
  /** What the case shows, as the test's title. */
  name: string;
  /** The manifest text, read as `file` (default `w.yaml`). */
  manifest?: string;
  file?: string;
  /** `.archcheck.yaml` text: `clusters:` (a cluster's `paths` match `file`) and `rules:` levels. */
  config?: string;
  /**
   * What each image (as the manifest writes it) resolves to: its platforms (`os/arch[/variant]`), or a failed
   * resolution (`unresolved`). Images not listed are not in the resolutions at all.
   */
  images?: Record<string, string[] | Resolution>;
  /** What rendering Helm charts and kustomizations reported. */
  renderProblems?: RenderProblem[];
  /** What deep verification read inside the images; without it, deep mode did not run. */
  deep?: DeepCase;
}

/**
 * Deep facts by image (as the manifest writes it), then by the build's platform (`os/arch[/variant]`) as the
 * index claims it (or as a single image's config states it).
 */
export interface DeepCase {
  /** What each build's config says. */
  children?: Record<string, Record<string, ChildFact>>;
  /** What each build's program is, for every container of that image (with its own command and args). */
  programs?: Record<string, Record<string, ProgramFact>>;
}

/** One finding the rule must report, in report order. */
export interface ExpectedFinding {
  rule: string;
  line: number;
  column: number;
  /** A part of the message. */
  message?: string;
  severity?: Severity;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

/** A Pod of one container `c` whose image is at line 7, column 14; `spec` lines go above `containers:`. */
export const pod = (image: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n    - name: c\n      image: ${image}\n`;

/** A failed resolution, as image sources report it. */
export function unresolved(cause: ResolutionCause, reason: string): Resolution {
  return { kind: 'error', cause, reason };
}

function platformOf(spec: string): Platform {
  const p = parsePlatform(spec);
  if ('error' in p) throw new Error(`test case platform ${spec}: ${p.error}`);
  return p;
}

function resolutionOf(value: string[] | Resolution): Resolution {
  if (!Array.isArray(value)) return value;
  const platforms = value.map(platformOf);
  return { kind: 'index', digest: `sha256:${'a'.repeat(64)}`, platforms };
}

/** The check context of a case, and the configured rule levels. */
export function contextOf(c: RuleCase): { ctx: CheckContext; levels: Record<string, RuleLevel> } {
  const config = c.config === undefined ? emptyConfig() : parseConfig(c.config, '/repo/.archcheck.yaml');
  const { clusters } = chooseClusters(config, undefined);
  const parsed = parseManifestFile(c.file ?? 'w.yaml', c.manifest ?? '');
  const workloads = parsed.objects.flatMap(extractWorkloads);
  const resolutions = new Map<string, Resolution>();
  for (const [image, value] of Object.entries(c.images ?? {})) {
    resolutions.set(canonicalOf(image), resolutionOf(value));
  }
  // Clusters without `paths` take every file, as in a real run; the config's globs are relative to /repo.
  const clustersOf = clusterMatcher(clusters, config.baseDir ?? '/repo');
  const ctx: CheckContext = {
    parseProblems: parsed.problems,
    workloads,
    placements: clustersOf(path.posix.join('/repo', c.file ?? 'w.yaml')).flatMap((cluster) => {
      const keys = knownLabelKeys(cluster.nodePools);
      return workloads.map((workload) => ({
        workload,
        cluster,
        pools: placePod(workload.scheduling, cluster.nodePools, keys),
      }));
    }),
    resolutions,
    ...(c.renderProblems ? { renderProblems: c.renderProblems } : {}),
    ...(c.deep ? { deep: deepFactsOf(c.deep, workloads) } : {}),
  };
  return { ctx, levels: config.rules };
}

function canonicalOf(image: string): string {
  const ref = parseImageReference(image);
  if (!ref.ok) throw new Error(`test case image ${image}: ${ref.reason}`);
  return canonicalImage(ref.ref);
}

/** The deep stage's value for a case: program facts keyed by each container's command and args, as it keys them. */
function deepFactsOf(deep: DeepCase, workloads: readonly Workload[]): DeepFacts {
  const children = new Map<string, ChildFact>();
  for (const [image, byPlatform] of Object.entries(deep.children ?? {})) {
    for (const [spec, fact] of Object.entries(byPlatform)) {
      children.set(childKey(canonicalOf(image), platformOf(spec)), fact);
    }
  }
  const programs = new Map<string, ProgramFact>();
  for (const container of workloads.flatMap((w) => w.containers)) {
    const byPlatform = deep.programs?.[container.image];
    if (!byPlatform) continue;
    const override = {
      ...(container.command ? { command: container.command } : {}),
      ...(container.args ? { args: container.args } : {}),
    };
    for (const [spec, fact] of Object.entries(byPlatform)) {
      programs.set(programKey(canonicalOf(container.image), platformOf(spec), override), fact);
    }
  }
  return { children, programs };
}

/** The findings of `rule` alone on a case, through the same runner (levels, order, dedupe) as a real run. */
export function findingsOf(rule: Rule, c: RuleCase): Finding[] {
  const { ctx, levels } = contextOf(c);
  const others = Object.fromEntries(
    RULES.filter((r) => r.meta.id !== rule.meta.id).map((r): [string, RuleLevel] => [r.meta.id, 'off']),
  );
  return runChecks(ctx, { ...levels, ...others });
}

/**
 * ESLint's RuleTester for archcheck rules: every `valid` case reports nothing; every `invalid` case reports
 * exactly its `errors`, each asserted by rule id, line and column (and message part and severity when given).
 */
export const ruleTester = {
  run(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      test('is in the rule list', () => expect(RULES).toContain(rule));
      if (cases.valid.length > 0) {
        test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
          expect(findingsOf(rule, c).map(brief)).toEqual([]);
        });
      }
      test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const found = findingsOf(rule, c);
        expect(found.map(brief)).toEqual(c.errors.map(brief));
        c.errors.forEach((e, i) => {
          if (e.message !== undefined) expect(found[i]?.message).toContain(e.message);
          if (e.severity !== undefined) expect(found[i]?.severity).toBe(e.severity);
        });
      });
    });
  },
};

function brief(f: { rule: string; line?: number; column?: number; location?: Finding['location'] }): string {
  const line = f.location?.line ?? f.line;
  const column = f.location?.column ?? f.column;
  return `${f.rule} ${line}:${column}`;
}
