/**
 * XML 1.0 escaping for the XML reporters (JUnit, Checkstyle). Twenty lines of our own instead of a builder
 * library: we only write elements and attributes, never parse, and every untrusted string passes here.
 */

// XML 1.0 §2.2 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Anything else
// (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed, so it is spelled out instead.
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// In attributes, parsers turn raw tabs and newlines into spaces (§3.3.3), so they are written as references.
const ATTRIBUTE: Record<string, string> = {
  ...TEXT,
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\t': '&#9;',
};

function visible(s: string): string {
  return s.replace(FORBIDDEN, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Character data: `&`, `<`, `>` escaped; characters XML forbids shown as `\uXXXX`. */
export function xmlText(s: string): string {
  return visible(s).replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}

/** An attribute value for a double-quoted attribute, whitespace kept through attribute normalization. */
export function xmlAttribute(s: string | number): string {
  return visible(String(s)).replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE[c] ?? c);
}

/** `name="value"` pairs, skipping undefined values, in the order given. */
export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttribute(v)}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
