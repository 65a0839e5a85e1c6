import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { discoverFiles } from '../../src/sources/discover.js';
import { readStdin } from '../../src/sources/stdin.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
async function* failing(): AsyncGenerator<Uint8Array> {
  yield Buffer.from('kind: ');
  throw Object.assign(new Error('pipe broke'), { code: 'EPIPE' });
}

test.each<[string, AsyncIterable<Uint8Array> | undefined, number, string | RegExp]>([
  ['whole input in chunks', chunks('kind: ', 'Pod\n'), 100, 'kind: Pod\n'],
  ['exactly at the cap', chunks('12345'), 5, '12345'],
  ['one byte over the cap, across chunks', chunks('123', '456'), 5, /over the 5-byte limit/],
  ['no standard input to read (the action)', undefined, 100, /not available here/],
  ['a read error', failing(), 100, 'cannot read standard input: EPIPE'],
  [
    'UTF-16 with a byte order mark, as kubectl reads it',
    Readable.from([Buffer.from('\ufeffkind: Pod', 'utf16le')]),
    100,
    'kind: Pod',
  ],
])('readStdin: %s', async (_name, stream, max, expected) => {
  const read = await readStdin(stream, max);
  const text = read.ok ? read.text : read.problem.message;
  if (typeof expected === 'string') expect(text).toBe(expected);
  else expect(text).toMatch(expected);
  if (!read.ok) expect(read.problem.location).toEqual({ file: '<stdin>', line: 1, column: 1 });
});

test('discoverFiles: - is one loose file named <stdin>, in the working directory, not excluded by globs', async () => {
  const found = await discoverFiles({
    cwd: '/work/tree',
    paths: ['-', '-'],
    include: [],
    exclude: ['**'],
    globBase: '/work/tree',
  });
  expect(found.files).toEqual([{ path: '/work/tree/<stdin>', file: '<stdin>', stdin: true }]);
});
