/**
 * A strict parser for the XML subset our reporters write (declaration, elements, attributes, text,
 * character and the five predefined entity references), so tests read the output back as a consumer would.
 * It rejects what XML 1.0 forbids: characters outside `Char`, raw `<` or `&`, mismatched or unclosed tags,
 * duplicate attributes, content outside the root.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.-]*/y;

export function parseXml(xml: string): XmlElement {
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML 1.0`);
  // XML 1.0 §2.11: a parser turns raw CR LF and CR into LF before anything else.
  xml = xml.replace(/\r\n?/g, '\n');
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(xml[pos] ?? '')) pos++;
  };
  const name = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml) ?? fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const decode = (raw: string) => {
    if (/[<]/.test(raw)) fail('raw < in content');
    return raw.replace(/&([^;]*);|&/g, (ref: string, body?: string) => {
      if (body === undefined) return fail('raw & in content');
      const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
      if (num)
        return String.fromCodePoint(Number(body.startsWith('#x') ? `0${body.slice(1)}` : body.slice(1)));
      return ENTITIES[body] ?? fail(`unknown entity ${ref}`);
    });
  };
  const element = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected <');
    pos++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (xml[pos] === '>') break;
      const key = name();
      if (key in el.attributes) fail(`duplicate attribute ${key}`);
      if (xml[pos] !== '=' || xml[pos + 1] !== '"') fail('expected ="');
      const end = xml.indexOf('"', pos + 2);
      if (end < 0) fail('unterminated attribute');
      // Attribute-value normalization (XML 1.0 §3.3.3): raw whitespace becomes a space.
      el.attributes[key] = decode(xml.slice(pos + 2, end).replace(/[\t\n\r]/g, ' '));
      pos = end + 1;
    }
    pos++;
    for (;;) {
      const next = xml.indexOf('<', pos);
      if (next < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(pos, next));
      pos = next;
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (name() !== el.name) fail(`mismatched </...> for <${el.name}>`);
        if (xml[pos] !== '>') fail('expected >');
        pos++;
        return el;
      }
      el.children.push(element());
    }
  };
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml) ?? fail('no XML declaration');
  pos = declaration[0].length;
  const root = element();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

/** Every descendant named `name`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
