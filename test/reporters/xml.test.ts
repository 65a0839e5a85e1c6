import { expect, test } from 'vitest';
import { attributes, XML_DECLARATION, xmlText } from '../../src/reporters/xml.js';
import { parseXml } from './xml-parser.js';

/** Writes `<r a="value">value</r>` and reads it back the way a consumer does. */
function roundTrip(value: string): { attribute: string; text: string } {
  const root = parseXml(`${XML_DECLARATION}\n<r${attributes({ a: value })}>${xmlText(value)}</r>\n`);
  return { attribute: root.attributes.a ?? '', text: root.text };
}

test.each([
  ['markup', '<img src="x" onerror=\'y\'> & </r>', '<img src="x" onerror=\'y\'> & </r>'],
  ['a CDATA end', 'a]]>b', 'a]]>b'],
  ['an entity-looking string', '&amp; &#60;', '&amp; &#60;'],
  ['newlines, tabs and CR survive attribute normalization', 'a\nb\tc\r\nd', 'a\nb\tc\r\nd'],
  ['ANSI escapes and NUL, which XML 1.0 forbids', 'red\u001b[31m\u0000!', 'red\\u001b[31m\\u0000!'],
  ['a lone surrogate', 'x\ud800y', 'x\\ud800y'],
  ['U+FFFE', 'x\ufffey', 'x\\ufffey'],
  ['astral characters, allowed', 'ship 🚢 \u{10ffff}', 'ship 🚢 \u{10ffff}'],
  ['DEL and C1 controls, allowed', 'a\u007f\u0085b', 'a\u007f\u0085b'],
])('%s', (_name, value, read) => {
  expect(roundTrip(value)).toEqual({ attribute: read, text: read });
});

test.each([
  ['a raw control character', '<r>\u0001</r>'],
  ['a raw &', '<r>a & b</r>'],
  ['a raw < in an attribute', '<r a="<"/>'],
  ['mismatched tags', '<r><a></r></a>'],
  ['a duplicate attribute', '<r a="1" a="2"/>'],
  ['two roots', '<r/><r/>'],
])('the test parser rejects %s', (_name, body) => {
  expect(() => parseXml(`${XML_DECLARATION}\n${body}\n`)).toThrow();
});
