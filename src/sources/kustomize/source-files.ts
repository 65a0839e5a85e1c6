import { parseManifestFile, type ParsedFile } from '../../documents/parse.js';
import { DEFAULT_MAX_FILE_SIZE, readManifest } from '../../documents/read.js';

/** Source files read once per run, however many roots include them; one over `maxBytes` is not read. */
export class SourceFiles {
  readonly #cache = new Map<string, Promise<ParsedFile | undefined>>();

  constructor(
    private readonly reportName: (abs: string) => string,
    private readonly maxBytes = DEFAULT_MAX_FILE_SIZE,
  ) {}

  get(file: string): Promise<ParsedFile | undefined> {
    let entry = this.#cache.get(file);
    if (!entry) {
      const name = this.reportName(file);
      entry = readManifest(file, name, this.maxBytes).then((read) =>
        read.ok ? parseManifestFile(name, read.text) : undefined,
      );
      this.#cache.set(file, entry);
    }
    return entry;
  }
}
