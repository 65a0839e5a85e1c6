import type { Rule } from './rule.js';

export const yamlParseError: Rule = {
  meta: {
    id: 'yaml-parse-error',
    defaultSeverity: 'error',
    description: 'A YAML or JSON document cannot be parsed.',
    impact: 'kubectl apply rejects the file, and archcheck cannot check the workloads in that document.',
    remediation:
      'Fix the syntax at the reported line (indentation, an unclosed quote or bracket, a duplicate key).',
  },
  check: (ctx) =>
    ctx.parseProblems.map((p) => ({ message: `YAML parse error: ${p.message}`, location: p.location })),
};
