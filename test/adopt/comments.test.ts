import { expect, test } from 'vitest';
import { findIgnoreComments } from '../../src/suppressions/comments.js';

test.each([
  ['no marker', 'image: a # just a comment\n', []],
  [
    'alone on a line: applies to the next',
    '  # archcheck:ignore r1 -- why not\n  image: a\n',
    [{ line: 1, column: 3, appliesTo: 2, rules: ['r1'], reason: 'why not' }],
  ],
  [
    'trailing: applies to its line',
    'image: a # archcheck:ignore r1,r2 -- x -- y\n',
    [{ line: 1, column: 10, appliesTo: 1, rules: ['r1', 'r2'], reason: 'x -- y' }],
  ],
  [
    'rules separated by spaces, no reason',
    'image: a #archcheck:ignore r1 r2\n',
    [{ line: 1, column: 10, appliesTo: 1, rules: ['r1', 'r2'] }],
  ],
  [
    'an empty reason',
    'image: a # archcheck:ignore r1 --\n',
    [{ line: 1, column: 10, appliesTo: 1, rules: ['r1'] }],
  ],
  [
    'CRLF line ends',
    'a: 1\r\n# archcheck:ignore r1 -- ok\r\nimage: a\r\n',
    [{ line: 2, column: 1, appliesTo: 3, rules: ['r1'], reason: 'ok' }],
  ],
  ['a # not after whitespace is no comment', 'image: a#archcheck:ignore r1\n', []],
  ['a longer word is not the marker', '# archcheck:ignored r1\n', []],
  [
    'no rule named',
    '# archcheck:ignore -- because\nimage: a\n',
    [{ line: 1, column: 1, appliesTo: 2, rules: [], reason: 'because' }],
  ],
])('%s', (_name, text, expected) => {
  expect(findIgnoreComments(text)).toEqual(expected);
});
