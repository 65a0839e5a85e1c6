import { Scalar, isScalar, type Document, type ParsedNode, type ScalarTag } from 'yaml';

/** A node as the composer leaves it: always with a range. */
export type Built = ParsedNode & { range: [number, number, number] };

/** Thrown inside fastCompose when the text leaves its subset; never escapes `fastCompose`. */
export class Outside extends Error {}

export const outside = (): never => {
  throw new Outside();
};

/** The `yaml` package's registry key of a schema's default string tag (`Symbol.for`, so shared with it). */
const SCALAR = Symbol.for('yaml.scalar');

/** A one-line quoted scalar without escapes (left to the parser); `end` is just past its closing quote. */
export function quoted(line: string, at: number): { value: string; end: number; type: Scalar.Type } {
  if (line[at] === '"') {
    const close = line.indexOf('"', at + 1);
    const escape = line.indexOf('\\', at + 1);
    if (close < 0 || (escape >= 0 && escape < close)) outside();
    return { value: line.slice(at + 1, close), end: close + 1, type: Scalar.QUOTE_DOUBLE };
  }
  let value = '';
  for (let from = at + 1; ;) {
    const close = line.indexOf("'", from);
    if (close < 0) outside();
    value += line.slice(from, close);
    // `''` is a quote inside the scalar.
    if (line[close + 1] !== "'") return { value, end: close + 1, type: Scalar.QUOTE_SINGLE };
    value += "'";
    from = close + 2;
  }
}

/**
 * Scalars as the library's composeScalar makes them for one document: a plain one resolved by the first default
 * tag of the document's schema whose test matches (null, booleans, numbers of the core schema), a quoted one a
 * string; `source`, `type` and the tag's `format` set as it sets them. Merge keys (`<<`) are left to the parser.
 */
export class Scalars {
  readonly #doc: Document;
  readonly #tags: ScalarTag[];
  readonly #string: ScalarTag;

  constructor(doc: Document) {
    this.#doc = doc;
    const { schema } = doc;
    this.#tags = schema.tags.filter((tag): tag is ScalarTag => tag.default === true && !tag.collection);
    this.#string = (schema as unknown as Record<symbol, ScalarTag>)[SCALAR] as ScalarTag;
  }

  make(source: string, type: Scalar.Type, range: [number, number, number], atKey: boolean): Built {
    if (atKey && source === '<<') outside();
    const tag =
      type === Scalar.PLAIN ? (this.#tags.find((t) => t.test?.test(source)) ?? this.#string) : this.#string;
    const value = tag.resolve(source, outside, this.#doc.options);
    const scalar = (isScalar(value) ? value : new Scalar(value)) as Scalar & Built;
    scalar.range = range;
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }
}
