import { parseByteSize } from '../documents/read.js';
import { parseFailOn, type FailOn } from '../engine/gate.js';
import { ConfigurationError } from '../errors.js';

/** `changed`: on pull requests, report only findings located in files the PR changes. */
export type Scope = 'all' | 'changed';

/** Every input of action.yml, read once and typed (docker/metadata-action's `Inputs` shape). */
export interface Inputs {
  paths: string[];
  config?: string;
  architectures?: string[];
  failOn: FailOn;
  scope: Scope;
  annotations: boolean;
  summary: boolean;
  comment: boolean;
  sarifFile?: string;
  jsonFile?: string;
  githubToken?: string;
  /** YAML list of Helm releases to render, shaped like `.archcheck.yaml`'s `helm:` (validated by the engine). */
  helm?: string;
  /** Per-file size cap in bytes (`max-file-size`: BYTES, NkB or NMB). */
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
  const paths = list(value('paths'), /[\n,]/);
  const architectures = list(value('architectures'), /[\s,]+/);
  const optional = (name: string) => value(name) || undefined;
  const sizeText = value('max-file-size');
  const maxFileSize = sizeText ? parseByteSize(sizeText) : undefined;
  if (sizeText && maxFileSize === undefined) throw invalid('max-file-size', sizeText, 'BYTES, NkB or NMB');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: optional('config'),
    architectures: architectures.length > 0 ? architectures : undefined,
    failOn,
    scope: scopeText,
    annotations: bool(value, 'annotations', true),
    summary: bool(value, 'summary', true),
    comment: bool(value, 'comment', false),
    sarifFile: optional('sarif-file'),
    jsonFile: optional('json-file'),
    githubToken: optional('github-token'),
    // Not trimmed at the start: leading spaces are YAML indentation.
    helm: read('helm').trimEnd() || undefined,
    maxFileSize,
  };
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
