import { describe, expect, test } from 'vitest';
import { detachStrings } from '../../src/sources/detach.js';

describe('detachStrings', () => {
  test.each([
    ['short and long strings', { a: 'x', b: 'ghcr.io/acme/app-1:1.0.0' }],
    [
      'nested arrays and objects',
      { list: [['registry.example.com/a/b', 1, null], { deep: { s: 'a'.repeat(40) } }] },
    ],
    ['lone surrogates and escapes', { s: `image-\ud800-${'"\\\n'.repeat(5)}` }],
    ['numbers, booleans and missing values', { n: 1, t: true, u: undefined }],
  ])('%s keep their values', (_name, value) => {
    const copy = structuredClone(value);
    expect(detachStrings(value)).toBe(value);
    expect(value).toEqual(copy);
  });

  test('leaves objects that are not plain data as they are', () => {
    const inner = new Map([['k', 'registry.example.com/a/b']]);
    class Holder {
      s = 'registry.example.com/a/b';
    }
    const holder = new Holder();
    const value = { inner, holder, date: new Date(0) };
    detachStrings(value);
    expect(value.inner).toBe(inner);
    expect(value.holder).toBe(holder);
    expect(value.date).toEqual(new Date(0));
  });
});
