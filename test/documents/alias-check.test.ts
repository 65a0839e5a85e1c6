import { describe, expect, test } from 'vitest';
import { mayHaveAlias, parseYamlDocument } from '../../src/documents/problems.js';

describe('mayHaveAlias: a `*` where a node can start', () => {
  test.each([
    ['a quoted cron schedule', 'schedule: "5 * * * *"', false],
    ['a single-quoted cron schedule starting with *', "schedule: '*/5 * * * *'", false],
    ['a plain cron schedule inside the value', 'schedule: 0 3 * * 1', false],
    ['a glob in a value', 'paths: src/**/*.ts', false],
    ['a comment', '# * * *', false],
    ['no star at all', 'a: b', false],
    ['a value', 'a: *x', true],
    ['a value after several spaces', 'a:    *x', true],
    ['a sequence item', '- *x', true],
    ['a line start', '*x : 1', true],
    ['an indented line start', 'a:\n  *x', true],
    ['a flow sequence', 'a: [b, *x]', true],
    ['a flow sequence start', 'a: [*x]', true],
    ['a flow mapping value, JSON style', '{"a":*x}', true],
    ['an explicit key', '? *x', true],
    ['after an anchor', 'a: &y *x', true],
    ['after a tag in a flow sequence', 'a: [!t *x]', true],
    ['an unquoted cron schedule, which YAML reads as an alias', 'schedule: */5 * * * *', true],
  ])('%s', (_name, text, expected) => {
    expect(mayHaveAlias(text)).toBe(expected);
  });
});

describe('dangling aliases are still reported, cron schedules are not', () => {
  test.each([
    ['a quoted schedule', 'schedule: "5 * * * *"\n', undefined],
    ['a plain schedule', 'schedule: 0 3 * * *\n', undefined],
    ['an alias to an anchor that comes later', 'a: *x\nb: &x 1\n', [1, 4, 'Aliased anchor not found: x']],
    ['an alias in a flow sequence', 'a: [1, *nope]\n', [1, 8, 'Aliased anchor not found: nope']],
    ['an alias after an anchor, an error of its own', 'a: &y *nope\n', [1, 7]],
  ])('%s', (_name, text, expected) => {
    const { problem } = parseYamlDocument(text);
    if (expected === undefined) expect(problem).toBeUndefined();
    else
      expect(
        [problem?.location.line, problem?.location.column, problem?.message].slice(0, expected.length),
      ).toEqual(expected);
  });
});
