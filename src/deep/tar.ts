/**
 * A streaming reader of tar headers: POSIX ustar (with its name prefix), GNU long names and long link names
 * (`L`, `K`), and PAX extended headers (`x`: `path`, `linkpath`, `size`). It never holds more than one header
 * and the head of one file; everything else is skipped as it streams by.
 * Formats: https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06 and GNU tar's
 * "Basic Tar Format" (https://www.gnu.org/software/tar/manual/html_node/Standard.html).
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** Normalized: no leading `./` or `/`, no trailing `/`. */
  path: string;
  type: EntryType;
  /** A symlink's target as written, or a hard link's path in the archive (normalized). */
  linkTarget: string;
  size: number;
}

/** What the visitor wants of an entry: nothing, to stop reading, or its first bytes. */
export type Visit = 'skip' | 'stop' | { head: number };

export type PushResult = 'more' | 'stopped' | 'ended' | { error: string };

const BLOCK = 512;
/** PAX and GNU long-name records are small; a huge one is a broken or hostile archive. */
const MAX_META = 1024 * 1024;

const TYPES: Readonly<Record<string, EntryType>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'dir',
};

/** `./usr//bin/` -> `usr/bin`. */
export function normalizeTarPath(name: string): string {
  return name
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

function text(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}

/** Octal, or GNU's base-256 when the high bit of the first byte is set. */
function number(block: Uint8Array, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if (field[0]! & 0x80) {
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const digits = text(block, start, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

function checksumOk(block: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === number(block, 148, 8);
}

/** PAX records: `<length> <key>=<value>\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (space < 0 || !Number.isSafeInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

interface Meta {
  type: string;
  left: number;
  chunks: Buffer[];
}

/** Push-fed: call `push` with each decompressed chunk until it answers something other than `more`. */
export class TarReader {
  readonly #visit: (entry: TarEntry) => Visit;
  readonly #onHead: (entry: TarEntry, head: Uint8Array) => 'continue' | 'stop';
  #header = Buffer.alloc(0);
  /** Bytes of the current entry (data and padding) still to pass. */
  #skip = 0;
  #capture: { entry: TarEntry; want: number; chunks: Buffer[]; got: number } | undefined;
  #meta: Meta | undefined;
  #pending: { path?: string; linkpath?: string; size?: number } = {};

  constructor(
    visit: (entry: TarEntry) => Visit,
    onHead: (entry: TarEntry, head: Uint8Array) => 'continue' | 'stop',
  ) {
    this.#visit = visit;
    this.#onHead = onHead;
  }

  push(chunk: Uint8Array): PushResult {
    let off = 0;
    while (off < chunk.length) {
      if (this.#skip > 0) {
        const n = Math.min(this.#skip, chunk.length - off);
        const slice = Buffer.from(chunk.buffer, chunk.byteOffset + off, n);
        if (this.#capture && this.#take(slice) === 'stop') return 'stopped';
        if (this.#meta) {
          const keep = slice.subarray(0, Math.min(n, this.#meta.left));
          this.#meta.chunks.push(Buffer.from(keep));
          this.#meta.left -= keep.length;
        }
        this.#skip -= n;
        off += n;
        if (this.#skip === 0 && this.#meta) this.#endMeta();
        continue;
      }
      const n = Math.min(BLOCK - this.#header.length, chunk.length - off);
      this.#header = Buffer.concat([this.#header, chunk.subarray(off, off + n)]);
      off += n;
      if (this.#header.length < BLOCK) continue;
      const block = this.#header;
      this.#header = Buffer.alloc(0);
      const result = this.#onBlock(block);
      if (result !== 'more') return result;
    }
    return 'more';
  }

  #take(slice: Buffer): 'continue' | 'stop' {
    const capture = this.#capture!;
    const part = slice.subarray(0, capture.want - capture.got);
    capture.chunks.push(Buffer.from(part));
    capture.got += part.length;
    if (capture.got < capture.want) return 'continue';
    this.#capture = undefined;
    return this.#onHead(capture.entry, Buffer.concat(capture.chunks));
  }

  #onBlock(block: Buffer): PushResult {
    if (block.every((b) => b === 0)) return 'ended';
    if (!checksumOk(block)) return { error: 'not a tar archive (header checksum mismatch)' };
    const type = String.fromCharCode(block[156]!);
    const size = this.#pending.size ?? number(block, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) return { error: 'a tar header with an invalid size' };
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
      if (size > MAX_META) return { error: `a tar ${type} record of ${size} bytes` };
      this.#meta = { type, left: size, chunks: [] };
      this.#skip = padded;
      if (padded === 0) this.#endMeta();
      return 'more';
    }
    const magic = text(block, 257, 6);
    const prefix = magic === 'ustar' && block[262] === 0 ? text(block, 345, 155) : '';
    const name = this.#pending.path ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    const link = this.#pending.linkpath ?? text(block, 157, 100);
    this.#pending = {};
    const entryType = TYPES[type] ?? 'other';
    const entry: TarEntry = {
      path: normalizeTarPath(name),
      type: entryType,
      linkTarget: entryType === 'hardlink' ? normalizeTarPath(link) : link,
      size,
    };
    // Links and directories carry no data, whatever their size field says.
    this.#skip = entryType === 'file' || entryType === 'other' ? padded : 0;
    const visit = this.#visit(entry);
    if (visit === 'stop') return 'stopped';
    if (visit !== 'skip') {
      const want = Math.min(visit.head, entryType === 'file' ? size : 0);
      if (want === 0) return this.#onHead(entry, new Uint8Array(0)) === 'stop' ? 'stopped' : 'more';
      this.#capture = { entry, want, chunks: [], got: 0 };
    }
    return 'more';
  }

  #endMeta(): void {
    const meta = this.#meta!;
    this.#meta = undefined;
    const data = Buffer.concat(meta.chunks);
    if (meta.type === 'L') this.#pending.path = text(data, 0, data.length);
    else if (meta.type === 'K') this.#pending.linkpath = text(data, 0, data.length);
    else if (meta.type === 'x') {
      const records = paxRecords(data);
      if (records.path !== undefined) this.#pending.path = records.path;
      if (records.linkpath !== undefined) this.#pending.linkpath = records.linkpath;
      const size = records.size === undefined ? undefined : Number(records.size);
      if (size !== undefined && Number.isSafeInteger(size)) this.#pending.size = size;
    }
  }
}
