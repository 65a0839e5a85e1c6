import { describe, expect, test } from 'vitest';
import { type TarEntry, TarReader } from '../../src/deep/tar.js';
import { type TarSpec, tar } from './fixtures.js';

/** Every entry (and the first 8 bytes of each file), fed in chunks of `size` bytes to cross every boundary. */
function read(
  bytes: Buffer,
  size: number,
): { entries: TarEntry[]; heads: Record<string, string>; end: unknown } {
  const entries: TarEntry[] = [];
  const heads: Record<string, string> = {};
  const reader = new TarReader(
    (e) => {
      entries.push(e);
      return { head: 8 };
    },
    (e, head) => {
      heads[e.path] = Buffer.from(head).toString();
      return 'continue';
    },
  );
  let end: unknown = 'more';
  for (let at = 0; at < bytes.length && end === 'more'; at += size)
    end = reader.push(bytes.subarray(at, at + size));
  return { entries, heads, end };
}

const long = `opt/${'very-long-directory-name/'.repeat(6)}bin/server`;
const specs: TarSpec[] = [
  { path: './usr/', dir: true },
  { path: 'usr/bin/app', file: 'APPBYTES and more' },
  { path: 'bin', symlink: 'usr/bin' },
  { path: 'usr/bin/app2', hardlink: './usr/bin/app' },
  { path: long, file: 'LONGNAME' },
  { path: 'link-to-long', symlink: `/${long}` },
];

describe.each(['pax', 'gnu'] as const)('%s long names', (format) => {
  test.each([1, 7, 512, 100_000])('in chunks of %i bytes', (size) => {
    const { entries, heads, end } = read(tar(specs, format), size);
    expect(end).toBe('ended');
    expect(entries.map((e) => [e.path, e.type, e.linkTarget])).toEqual([
      ['usr', 'dir', ''],
      ['usr/bin/app', 'file', ''],
      ['bin', 'symlink', 'usr/bin'],
      ['usr/bin/app2', 'hardlink', 'usr/bin/app'],
      [long, 'file', ''],
      ['link-to-long', 'symlink', `/${long}`],
    ]);
    expect(heads).toEqual({
      'usr/bin/app': 'APPBYTES',
      [long]: 'LONGNAME',
      usr: '',
      bin: '',
      'usr/bin/app2': '',
      'link-to-long': '',
    });
  });
});

test('ustar names longer than 100 bytes use the prefix field', () => {
  const bytes = tar([{ path: 'x', file: 'ok' }]);
  // Rewrite the one header as name "x" with prefix "deep/dir", fixing its checksum.
  bytes.write('deep/dir', 345);
  bytes.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of bytes.subarray(0, 512)) sum += b;
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  expect(read(bytes, 512).entries.map((e) => e.path)).toEqual(['deep/dir/x']);
});

test('the reader stops when told, without reading further', () => {
  const reader = new TarReader(
    (e) => (e.path === 'b' ? 'stop' : 'skip'),
    () => 'continue',
  );
  const bytes = tar([
    { path: 'a', file: 'x'.repeat(5000) },
    { path: 'b', file: 'y' },
    { path: 'c', file: 'z' },
  ]);
  expect(reader.push(bytes)).toBe('stopped');
});

test.each([
  ['garbage', Buffer.alloc(512, 0x41), { error: 'not a tar archive (header checksum mismatch)' }],
  [
    'a huge PAX record',
    (() => {
      const b = tar([{ path: 'p'.repeat(150), file: '' }]);
      b.write('77777777777\0', 124);
      b.fill(0x20, 148, 156);
      let sum = 0;
      for (const x of b.subarray(0, 512)) sum += x;
      b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      return b;
    })(),
    { error: 'a tar x record of 8589934591 bytes' },
  ],
])('%s is an error value', (_name, bytes, expected) => {
  expect(read(bytes, 512).end).toEqual(expected);
});
