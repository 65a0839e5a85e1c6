import { readFile } from 'node:fs/promises';
import { parseManifestFile, type ParsedFile } from '../../documents/parse.js';

/** Source files read once per run, however many roots include them. */
export class SourceFiles {
  readonly #cache = new Map<string, Promise<ParsedFile | undefined>>();

  constructor(private readonly reportName: (abs: string) => string) {}

  get(file: string): Promise<ParsedFile | undefined> {
    let entry = this.#cache.get(file);
    if (!entry) {
      entry = readFile(file, 'utf8').then(
        (text) => parseManifestFile(this.reportName(file), text),
        () => undefined,
      );
      this.#cache.set(file, entry);
    }
    return entry;
  }
}
