import type { SourceLocation } from '../../documents/location.js';

/**
 * Lines of a chart template, for findings that no values line explains. Templates are Go text/template, not
 * YAML (they rarely parse), so this reads lines: the n-th `image:` key for the n-th image of a rendered
 * document, and the first `nodeSelector:`, `affinity:`, `tolerations:` or `kind:` line for the others.
 */
export class TemplateLines {
  readonly #lines: string[];

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.#lines = text.split(/\r?\n/);
  }

  /** The `index`-th `image:` key (0-based), the last one when the template has fewer (a `range` loop). */
  image(index: number): SourceLocation {
    const found = this.#keyLines('image');
    return found[Math.min(index, found.length - 1)] ?? this.kind();
  }

  /** The first line with `key:`, else the object's `kind:` line. */
  key(key: string): SourceLocation {
    return this.#keyLines(key)[0] ?? this.kind();
  }

  /** The `kind:` line, else line 1. */
  kind(): SourceLocation {
    return this.#keyLines('kind')[0] ?? { file: this.file, line: 1, column: 1 };
  }

  #keyLines(key: string): SourceLocation[] {
    const pattern = new RegExp(`^(\\s*(?:-\\s+)?)["']?${key}["']?\\s*:`);
    const found: SourceLocation[] = [];
    this.#lines.forEach((line, i) => {
      const m = pattern.exec(line);
      if (m) found.push({ file: this.file, line: i + 1, column: (m[1]?.length ?? 0) + 1 });
    });
    return found;
  }
}
