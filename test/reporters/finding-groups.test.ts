import { expect, test } from 'vitest';
import { groupFindings, messageWithoutSubject } from '../../src/reporters/finding-groups.js';
import type { Finding } from '../../src/rules/finding.js';
import { archMismatch, deprecatedLabel, mutableTag, parseError } from './reports.js';

test.each<[string, Partial<Finding>, string]>([
  [
    'workload and container',
    { message: 'Deployment shop/payments, container "api": image x has no arm64 build' },
    'Image x has no arm64 build',
  ],
  [
    'workload then a verb',
    { message: 'Deployment shop/payments cannot be scheduled' },
    'Cannot be scheduled',
  ],
  ['container only', { message: 'container "api": image busybox has no tag' }, 'Image busybox has no tag'],
  [
    'another workload named: kept',
    { message: 'Deployment shop/other, container "api": x' },
    'Deployment shop/other, container "api": x',
  ],
  [
    'no workload: kept',
    { message: 'Deployment shop/payments x', workload: undefined, container: undefined },
    'Deployment shop/payments x',
  ],
])('messageWithoutSubject: %s', (_name, change, expected) => {
  expect(messageWithoutSubject({ ...archMismatch, ...change })).toBe(expected);
});

const at = (f: Finding, file: string, line: number, name?: string): Finding => ({
  ...f,
  location: { file, line, column: 1 },
  ...(name ? { workload: { kind: 'Deployment', name, namespace: 'shop' } } : {}),
});

test('groups: same rule and image anywhere, or the same message about another workload; most severe first', () => {
  const groups = groupFindings([
    at(mutableTag, 'a.yaml', 5, 'one'),
    at(deprecatedLabel, 'z.yaml', 1),
    at(archMismatch, 'm.yaml', 9, 'w1'),
    at(
      {
        ...deprecatedLabel,
        message:
          'Job shop/other selects on beta.kubernetes.io/arch,\nwhich is deprecated: use kubernetes.io/arch.',
        workload: { kind: 'Job', name: 'other', namespace: 'shop' },
      },
      'b.yaml',
      2,
    ),
    at(archMismatch, 'c.yaml', 3, 'w2'),
    at(parseError, 'p.yaml', 1),
    at(parseError, 'q.yaml', 1),
  ]);
  expect(groups.map((g) => [g.first.rule, g.first.location.file, g.members.length])).toEqual([
    ['image-arch-mismatch', 'c.yaml', 2],
    ['yaml-parse-error', 'p.yaml', 2],
    ['deprecated-arch-label', 'b.yaml', 2],
    ['mutable-image-tag', 'a.yaml', 1],
  ]);
});
