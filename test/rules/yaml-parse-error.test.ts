import { yamlParseError } from '../../src/rules/yaml-parse-error.js';
import { pod, ruleTester } from '../support/rule-tester.js';

ruleTester.run(yamlParseError, {
  valid: [
    { name: 'a well-formed manifest', manifest: pod('app:1') },
    { name: 'an empty file', manifest: '' },
  ],
  invalid: [
    {
      name: 'an unclosed flow sequence in the second document',
      manifest: `${pod('app:1')}---\nkind: [broken\n`,
      errors: [
        { rule: 'yaml-parse-error', line: 10, column: 1, severity: 'error', message: 'YAML parse error:' },
      ],
    },
    {
      name: 'a tab used for indentation',
      manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n',
      errors: [{ rule: 'yaml-parse-error', line: 4, column: 1 }],
    },
  ],
});
