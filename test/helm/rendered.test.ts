import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { helmTemplateOf } from '../../src/sources/helm/source-comment.js';
import { check, CORPUS, where } from '../kustomize/support.js';
import { describeCorpus } from '../support/describe-corpus.js';

const RENDERED = path.join(CORPUS, 'helm-rendered');
const listRendered = () =>
  readdirSync(RENDERED, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(RENDERED, path.join(e.parentPath, e.name)))
    .sort();

/**
 * An independent reading of a helm stream: split on `---` lines, and in each chunk take the last `# Source:` line
 * before the first YAML line as the template of the chunk's top-level `kind:`.
 */
function oracle(text: string): { kind: string; source?: string }[] {
  return text.split(/^---[ \t]*\r?$/m).flatMap((chunk) => {
    const kind = /^kind:\s*(\S+)/m.exec(chunk)?.[1];
    if (!kind) return [];
    const header = chunk.split(/\r?\n/).filter((l) => l.trim() !== '');
    const firstYaml = header.findIndex((l) => !l.startsWith('#'));
    const sources = header.slice(0, firstYaml).flatMap((l) => /^# Source: (\S+)\s*$/.exec(l)?.[1] ?? []);
    const source = sources[sources.length - 1];
    return [source ? { kind, source } : { kind }];
  });
}

describeCorpus('Helm-rendered streams in the corpus', () => {
  const files = listRendered();
  test('the corpus holds the 18 files the README lists', () => {
    expect(files).toHaveLength(18);
  });

  test.each(files.filter((f) => !f.endsWith('template-with-invalid-yaml-debug.txt')))(
    '%s: every document maps to its # Source template',
    (file) => {
      const text = readFileSync(path.join(RENDERED, file), 'utf8');
      const parsed = parseManifestFile(file, text);
      expect(parsed.problems).toEqual([]);
      const got = parsed.objects.map((o) => {
        const source = helmTemplateOf(o);
        return source ? { kind: o.kind, source } : { kind: o.kind };
      });
      expect(got).toEqual(oracle(text));
      expect(got.some((g) => g.source)).toBe(true);
    },
  );

  test('the deliberately invalid golden file is a yaml-parse-error finding, not a crash', async () => {
    const file = 'helm-rendered/helm__helm/pkg/cmd/testdata/output/template-with-invalid-yaml-debug.txt';
    const { report } = await check(CORPUS, [file]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['yaml-parse-error']));
    expect(report.findings[0]?.location.file).toBe(file);
    expect(report.findings[0]?.location.line).toBe(12);
  });

  test('a finding stays at the rendered line and names the chart template', async () => {
    const file = 'helm-rendered/aws__amazon-vpc-cni-k8s/config/master/cni-metrics-helper.yaml';
    const { report } = await check(CORPUS, [file]);
    const mismatch = report.findings.find((f) => f.rule === 'image-arch-mismatch');
    expect(mismatch && where(mismatch.location)).toBe(`${file}:${positionOf(file, '"602401143452.dkr.ecr')}`);
    expect(mismatch?.message).toContain('(from cni-metrics-helper/templates/deployment.yaml)');
  });

  test('`helm install --dry-run` output: the NAME/STATUS header is skipped, the manifests are read', async () => {
    const file = 'helm-rendered/helm__helm/pkg/cmd/testdata/output/install-dry-run-with-secret.txt';
    const { report } = await check(CORPUS, [file]);
    expect(report.stats).toMatchObject({ documents: 3, skippedDocuments: 1 });
    expect(report.findings).toEqual([]);
  });
});

/** `line:column` (1-based) of the first occurrence of `needle` in a corpus file. */
function positionOf(file: string, needle: string): string {
  const lines = readFileSync(path.join(CORPUS, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}
