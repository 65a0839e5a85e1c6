/**
 * Strings that stand where an image will be once some tool has run: templates, environment variables,
 * printf formats, ko import paths. They are not references, and saying "invalid reference format" about
 * them would send the user looking in the wrong place, so each gets its own kind and remediation.
 * None of `{`, `$`, `%`, `*`, `?` is allowed anywhere in the reference grammar, so these checks never claim a
 * string that would have parsed.
 */

export type PlaceholderKind = 'template' | 'env' | 'parameter' | 'printf' | 'pattern' | 'ko';

export interface Placeholder {
  kind: PlaceholderKind;
  reason: string;
}

/** ko's `StrictScheme` for "build this Go import path": https://github.com/ko-build/ko/blob/v0.15.2/pkg/build/strict.go */
const KO_PREFIX = 'ko://';

/** `{{ ... }}`: Helm and Go text/template, also Argo Workflows parameters and mustache. */
const TEMPLATE = /\{\{[\s\S]*?\}\}|\{\{/;

/**
 * Tekton variables, set by each TaskRun/PipelineRun: `$(params.x)`, `$(params["x"])`, `$(context.taskRun.name)`,
 * `$(tasks.build.results.url)`. https://tekton.dev/docs/pipelines/variables/ The closing `)` is optional, as in
 * ENV below: a match then never fails after scanning, so unclosed openings cannot make the search quadratic.
 */
const PARAMETER = /\$\((?:params|context|tasks|steps|workspaces|results|inputs)[.[][^)]*\)?/;

/** `${VAR}`, `$VAR` (POSIX shell, envsubst) and `$(VAR)` (kustomize vars, Makefiles). */
const ENV = /\$\{[^}]*\}?|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$[A-Za-z_][A-Za-z0-9_]*/;

/** A Go/C printf verb: `%s`, `%d`, `%v`, `%q`, with optional explicit index, flags, width. */
const PRINTF = /%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[sdvq]/;

/** Policy engines' wildcards (Kyverno's `*` and `?`): a pattern that matches images, not one image. */
const PATTERN = /[*?]/;

/** Shortens what we quote back so a huge value does not flood the report. */
function excerpt(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/**
 * The placeholder `image` is, if it is one. Checked in this order because a Helm chart may well contain
 * `${...}` inside its `{{ }}` and the template is what must be dealt with first.
 */
export function detectPlaceholder(image: string): Placeholder | undefined {
  if (image.startsWith(KO_PREFIX)) {
    return {
      kind: 'ko',
      reason:
        `${excerpt(image)} is a ko build-time import path, not an image reference: it is resolved when ` +
        '`ko` builds and publishes the image (`ko resolve` / `ko apply`); check the manifests ko resolves instead',
    };
  }
  const template = TEMPLATE.exec(image);
  if (template) {
    return {
      kind: 'template',
      reason:
        `${excerpt(template[0])} is an unrendered Helm/Go template, not an image reference; render the chart ` +
        'first (`helm template`, or the tool that fills it in) and check the rendered manifests',
    };
  }
  const parameter = PARAMETER.exec(image);
  if (parameter) {
    return {
      kind: 'parameter',
      reason:
        `${excerpt(parameter[0])} is a pipeline parameter, set by each run: the image is not known until then; ` +
        'give the parameter a default (spec.params[].default) to have that image checked',
    };
  }
  const env = ENV.exec(image);
  if (env) {
    return {
      kind: 'env',
      reason:
        `${excerpt(env[0])} is an environment variable placeholder: environment substitution was not done; ` +
        'run it first (`envsubst` or your deploy tooling) and check the substituted manifests',
    };
  }
  const printf = PRINTF.exec(image);
  if (printf) {
    return {
      kind: 'printf',
      reason:
        `${excerpt(printf[0])} in ${excerpt(image)} is a printf format verb: this is a format string that a ` +
        'program fills in (for example with the account and region), not an image; check the manifest it generates',
    };
  }
  if (PATTERN.test(image)) {
    return {
      kind: 'pattern',
      reason: `${excerpt(image)} is a wildcard pattern (as policies write to match images), not an image reference`,
    };
  }
  return undefined;
}
