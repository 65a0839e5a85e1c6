import { ConfigurationError } from '../errors.js';
import { parseConfig } from './parse.js';
import type { ConfigPosition, HelmChartConfig } from './types.js';

/**
 * The action's `helm` input: YAML holding a list shaped like the config's `helm:` key, validated by the same
 * schema, paths relative to `baseDir` (the workspace). Its entries are reported at the top of `declaredIn`
 * (the workflow file), since lines inside an input do not map to lines of that file.
 */
export function parseHelmInput(text: string, declaredIn: string, baseDir: string): HelmChartConfig[] {
  const wrapped = ['helm:', ...text.split(/\r?\n/).map((line) => `  ${line}`)].join('\n');
  let helm: HelmChartConfig[];
  try {
    helm = parseConfig(wrapped, declaredIn, baseDir).helm ?? [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    // Positions there are in the wrapped text; the key path (helm[0].chart) is what names the problem.
    throw new ConfigurationError(`input "helm": ${error.message.replace(/^(\s*)\S+:\d+:\d+: /gm, '$1')}`);
  }
  const top: ConfigPosition = { line: 1, column: 1 };
  return helm.map((entry) => ({
    ...entry,
    position: top,
    set: entry.set.map((s) => ({ ...s, position: top })),
  }));
}
