import { parseByteSize } from '../byte-size.js';
import { DEFAULT_DEEP_BUDGETS, type DeepBudgets } from '../deep/budget.js';
import { parseFailOn, type FailOn } from '../engine/gate.js';
import { ConfigurationError } from '../errors.js';
import { parseAllowList } from '../registry/http/allow-list.js';
import { actionFormats, type FormatId } from '../reporters/index.js';

/** `changed`: on pull requests, report only findings located in files the PR changes. */
export type Scope = 'all' | 'changed';

/** Every input of action.yml, read once and typed (docker/metadata-action's `Inputs` shape). */
export interface Inputs {
  paths: string[];
  config?: string;
  architectures?: string[];
  failOn: FailOn;
  /** Also fail when coverage was lost (`fail-on-unresolved`): unresolved images, workloads in no cluster. */
  failOnUnresolved: boolean;
  scope: Scope;
  annotations: boolean;
  summary: boolean;
  comment: boolean;
  /** Report files by format, from each format's `<format>-file` input (`json-file`, `sarif-file`, ...). */
  reportFiles: Partial<Record<FormatId, string>>;
  githubToken?: string;
  /** Hosts and CIDRs whose registries may be on non-public addresses (`allow-private-registries`). */
  allowPrivateRegistries?: string[];
  /** `none` builds kustomizations with `--load-restrictor LoadRestrictionsNone`: from the workflow only. */
  kustomizeLoadRestrictor: 'rootOnly' | 'none';
  /** YAML list of Helm releases to render, shaped like `.archcheck.yaml`'s `helm:` (validated by the engine). */
  helm?: string;
  /** Path of an earlier JSON report: findings it has do not count. */
  baseline?: string;
  /** Count suppressed findings as if no suppression existed. */
  noIgnore: boolean;
  /** Deep verification (`deep`), its byte budgets (`deep-image-budget`, `deep-run-budget`) and `cache-dir`. */
  deep: boolean;
  deepBudgets: DeepBudgets;
  /** Keep registry answers between runs, in `cacheDir` and the Actions cache (`cache`, default true). */
  cache: boolean;
  /** Where the cache lives on the runner (`cache-dir`; default ~/.cache/archcheck). */
  cacheDir?: string;
  /** Per-file size cap in bytes (`max-file-size`: e.g. 16MiB, 50MB, 1048576). */
  maxFileSize?: number;
}

/** Reads one input by its action.yml name; `''` when unset (what `core.getInput` returns). */
export type InputReader = (name: string) => string;

/**
 * Parses the action's inputs. Throws `ConfigurationError` naming the input and the values it takes, so the
 * user knows what to change in the workflow file.
 */
export function readInputs(read: InputReader): Inputs {
  const value = (name: string) => read(name).trim();
  const failOnText = value('fail-on') || 'error';
  const failOn = parseFailOn(failOnText);
  if (!failOn) throw invalid('fail-on', failOnText, 'error, warning, notice or never');
  const scopeText = value('scope') || 'all';
  if (scopeText !== 'all' && scopeText !== 'changed') throw invalid('scope', scopeText, 'all or changed');
  const restrictor = value('kustomize-load-restrictor');
  if (restrictor !== '' && restrictor !== 'rootOnly' && restrictor !== 'none')
    throw invalid('kustomize-load-restrictor', restrictor, 'rootOnly or none');
  const paths = list(value('paths'), /[\n,]/);
  const architectures = list(value('architectures'), /[\s,]+/);
  const allowPrivate = list(value('allow-private-registries'), /[\n,]/);
  const allowList = parseAllowList(allowPrivate, 'input "allow-private-registries"');
  if ('error' in allowList) throw new ConfigurationError(allowList.error);
  const optional = (name: string) => value(name) || undefined;
  const sizeText = value('max-file-size');
  const maxFileSize = sizeText ? parseByteSize(sizeText) : undefined;
  if (sizeText && !maxFileSize) throw invalid('max-file-size', sizeText, 'a size such as 16MiB or 50MB');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: optional('config'),
    architectures: architectures.length > 0 ? architectures : undefined,
    failOn,
    failOnUnresolved: bool(value, 'fail-on-unresolved', false),
    scope: scopeText,
    annotations: bool(value, 'annotations', true),
    summary: bool(value, 'summary', true),
    comment: bool(value, 'comment', false),
    reportFiles: Object.fromEntries(
      actionFormats().flatMap(({ id, input }) => {
        const file = optional(input);
        return file ? [[id, file]] : [];
      }),
    ),
    githubToken: optional('github-token'),
    allowPrivateRegistries: allowPrivate.length > 0 ? allowPrivate : undefined,
    baseline: optional('baseline'),
    noIgnore: bool(value, 'no-ignore', false),
    kustomizeLoadRestrictor: restrictor || 'rootOnly',
    // Not trimmed at the start: leading spaces are YAML indentation.
    helm: read('helm').trimEnd() || undefined,
    deep: bool(value, 'deep', false),
    deepBudgets: {
      imageBytes: size(value, 'deep-image-budget', DEFAULT_DEEP_BUDGETS.imageBytes),
      runBytes: size(value, 'deep-run-budget', DEFAULT_DEEP_BUDGETS.runBytes),
    },
    cache: bool(value, 'cache', true),
    cacheDir: optional('cache-dir'),
    maxFileSize,
  };
}

function size(value: (name: string) => string, name: string, fallback: number): number {
  const text = value(name);
  if (text === '') return fallback;
  const bytes = parseByteSize(text);
  if (bytes === undefined) throw invalid(name, text, 'a size such as 64MiB or 100MB');
  return bytes;
}

function list(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

// The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function bool(value: (name: string) => string, name: string, fallback: boolean): boolean {
  const text = value(name);
  if (text === '') return fallback;
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  throw invalid(name, text, 'true or false');
}

function invalid(name: string, text: string, allowed: string): ConfigurationError {
  return new ConfigurationError(`input "${name}" must be ${allowed}, not "${text}"`);
}
