import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeManifest } from '../../src/documents/decode.js';
import { parseManifestFile } from '../../src/documents/parse.js';
import { readManifest } from '../../src/documents/read.js';
import { extractWorkloads } from '../../src/workloads/extract.js';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n';

function utf32(text: string, littleEndian: boolean): Uint8Array {
  const cps = [0xfeff, ...[...text].map((ch) => ch.codePointAt(0) ?? 0)];
  const bytes = new Uint8Array(cps.length * 4);
  const view = new DataView(bytes.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return bytes;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const units = [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((u, i) => view.setUint16(i * 2, u, littleEndian));
  return bytes;
}

describe('encodings kubectl reads', () => {
  test.each([
    ['UTF-8', new TextEncoder().encode(POD)],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(POD)])],
    ['UTF-16 LE with a BOM', utf16(POD, true)],
    ['UTF-16 BE with a BOM', utf16(POD, false)],
    ['UTF-32 LE with a BOM', utf32(POD, true)],
    ['UTF-32 BE with a BOM', utf32(POD, false)],
  ])('%s: the Pod and its image position are found', (_name, bytes) => {
    const parsed = parseManifestFile('pod.yaml', decodeManifest(bytes));
    expect(parsed.problems).toEqual([]);
    const containers = parsed.objects.flatMap(extractWorkloads).flatMap((w) => w.containers);
    expect(containers.map((c) => [c.image, c.location.line, c.location.column])).toEqual([['nginx', 5, 33]]);
  });

  test('a UTF-32 file cut mid-character ends in a replacement character, not a throw', () => {
    const bytes = utf32('a: é', true);
    expect(decodeManifest(bytes.subarray(0, bytes.length - 1))).toBe('a: \ufffd');
  });
});

describe('readManifest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'archcheck-read-'));
    await writeFile(path.join(dir, 'small.yaml'), POD);
    await writeFile(path.join(dir, 'locked.yaml'), POD);
    await chmod(path.join(dir, 'locked.yaml'), 0o000);
    await mkdir(path.join(dir, 'dir.yaml'));
  });
  afterAll(async () => {
    await chmod(path.join(dir, 'locked.yaml'), 0o600);
    await rm(dir, { recursive: true, force: true });
  });

  test('a file within the cap is read', async () => {
    expect(await readManifest(path.join(dir, 'small.yaml'), 'small.yaml', POD.length)).toEqual({
      ok: true,
      text: POD,
    });
  });

  test.each([
    ['one byte over the cap', 'small.yaml', POD.length - 1, /^file is \d+ bytes, over the \d+-byte limit/],
    ['a directory', 'dir.yaml', 1e6, /^cannot read file: EISDIR$/],
    ['a missing file', 'gone.yaml', 1e6, /^cannot read file: ENOENT$/],
  ])('%s is a problem at line 1', async (_name, name, cap, message) => {
    const outcome = await readManifest(path.join(dir, name), name, cap);
    if (outcome.ok) throw new Error('read');
    expect(outcome.problem.location).toEqual({ file: name, line: 1, column: 1 });
    expect(outcome.problem.message).toMatch(message);
  });

  test.skipIf(process.getuid?.() === 0)('an unreadable file is a problem', async () => {
    const outcome = await readManifest(path.join(dir, 'locked.yaml'), 'locked.yaml', 1e6);
    expect(outcome.ok ? '' : outcome.problem.message).toBe('cannot read file: EACCES');
  });
});
