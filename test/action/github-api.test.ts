import { expect, test } from 'vitest';
import { validateRequest } from './support/github-api.js';

// The loopback API is only as good as its validation: it must reject what GitHub's description rejects.
const annotation = {
  path: 'deploy/a.yaml',
  start_line: 3,
  end_line: 3,
  annotation_level: 'failure',
  message: 'm',
};
const q = (s = '') => new URLSearchParams(s);

test.each([
  [
    'POST',
    '/repos/acme/shop/check-runs',
    '',
    { name: 'archcheck', head_sha: 'abc', output: { title: 't', summary: 's', annotations: [annotation] } },
  ],
  [
    'PATCH',
    '/repos/acme/shop/check-runs/42',
    '',
    { output: { title: 't', summary: 's', annotations: [annotation] } },
  ],
  ['GET', '/repos/acme/shop/pulls/7/files', 'per_page=100&page=2', undefined],
  ['GET', '/repos/acme/shop/issues/7/comments', 'per_page=100', undefined],
  ['POST', '/repos/acme/shop/issues/7/comments', '', { body: 'hello' }],
  ['PATCH', '/repos/acme/shop/issues/comments/99', '', { body: 'hello' }],
  ['DELETE', '/repos/acme/shop/issues/comments/99', '', undefined],
])('accepts %s %s', (method, path, query, body) => {
  expect(validateRequest(method, path, q(query), body).problems).toEqual([]);
});

test.each([
  ['an unknown path', 'GET', '/repos/acme/shop/nonsense', '', undefined, 'no such operation'],
  ['a wrong method', 'PUT', '/repos/acme/shop/check-runs', '', {}, 'no such operation'],
  [
    'a non-numeric id',
    'PATCH',
    '/repos/acme/shop/issues/comments/abc',
    '',
    { body: 'x' },
    'path parameter comment_id',
  ],
  [
    'an undeclared query parameter',
    'GET',
    '/repos/acme/shop/pulls/7/files',
    'limit=5',
    undefined,
    'undeclared query parameter limit',
  ],
  ['a missing body', 'POST', '/repos/acme/shop/issues/7/comments', '', undefined, 'request body required'],
  ['a check run without head_sha', 'POST', '/repos/acme/shop/check-runs', '', { name: 'a' }, 'head_sha'],
  [
    '51 annotations in one request',
    'POST',
    '/repos/acme/shop/check-runs',
    '',
    {
      name: 'a',
      head_sha: 'b',
      output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) },
    },
    'maxItems',
  ],
  [
    'an annotation level the API does not have',
    'PATCH',
    '/repos/acme/shop/check-runs/1',
    '',
    { output: { summary: 's', annotations: [{ ...annotation, annotation_level: 'error' }] } },
    'enum',
  ],
  [
    'completed without a conclusion',
    'PATCH',
    '/repos/acme/shop/check-runs/1',
    '',
    { status: 'completed' },
    'conclusion',
  ],
])('rejects %s', (_name, method, path, query, body, problem) => {
  const { problems } = validateRequest(method, path, q(query), body);
  expect(problems.join('\n')).toContain(problem);
});
