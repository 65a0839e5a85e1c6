import path from 'node:path';
import { parseYamlDocument } from '../documents/problems.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { configLocator } from './locate.js';
import { normalizeConfig, type RawConfig } from './normalize.js';
import type { Config } from './types.js';
import { validateConfig } from './validate.js';

/** Parses and validates config text against schema/archcheck.schema.json, then resolves paths. */
export function parseConfig(text: string, file: string, baseDir = path.dirname(file)): Config {
  const { doc, lines, problem } = parseYamlDocument(text);
  if (problem)
    throw new ConfigurationError(
      `${file}:${problem.location.line}:${problem.location.column}: invalid YAML: ${problem.message}`,
    );
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The library's alias-expansion limit (a "billion laughs" file) throws: that is the user's file, not a bug.
    throw new ConfigurationError(`${file}: invalid YAML: ${errorMessage(error)}`);
  }
  const at = configLocator(doc, lines, file);
  validateConfig(raw, at);
  return normalizeConfig(raw as RawConfig, at, baseDir);
}
