export const id = 259;
export const ids = [259,314];
export const modules = {

/***/ 3259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  layerLookup: () => (/* binding */ layerLookup),
  readChild: () => (/* binding */ readChild)
});

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var registry_manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/platforms/normalize.ts
var normalize = __webpack_require__(5143);
// EXTERNAL MODULE: ./src/platforms/match.ts
var match = __webpack_require__(2165);
// EXTERNAL MODULE: ./src/byte-size.ts
var byte_size = __webpack_require__(4303);
// EXTERNAL MODULE: ./src/deep/command.ts
var command = __webpack_require__(5171);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(8339);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/deep/overlay.ts
var overlay = __webpack_require__(3314);
;// CONCATENATED MODULE: ./src/deep/tar.ts
/**
 * A streaming reader of tar headers: POSIX ustar (with its name prefix), GNU long names and long link names
 * (`L`, `K`), and PAX extended headers (`x`: `path`, `linkpath`, `size`). It never holds more than one header
 * and the head of one file; everything else is skipped as it streams by.
 * Formats: https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06 and GNU tar's
 * "Basic Tar Format" (https://www.gnu.org/software/tar/manual/html_node/Standard.html).
 */
const BLOCK = 512;
/** PAX and GNU long-name records are small; a huge one is a broken or hostile archive. */
const MAX_META = 1024 * 1024;
const TYPES = {
    '0': 'file',
    '\0': 'file',
    '7': 'file',
    '1': 'hardlink',
    '2': 'symlink',
    '5': 'dir',
};
/** `./usr//bin/` -> `usr/bin`. */
function normalizeTarPath(name) {
    return name
        .split('/')
        .filter((s) => s !== '' && s !== '.')
        .join('/');
}
function tar_text(block, start, length) {
    const field = block.subarray(start, start + length);
    const nul = field.indexOf(0);
    return Buffer.from(nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}
/** Octal, or GNU's base-256 when the high bit of the first byte is set. */
function number(block, start, length) {
    const field = block.subarray(start, start + length);
    if (field[0] & 0x80) {
        let value = field[0] & 0x7f;
        for (const byte of field.subarray(1))
            value = value * 256 + byte;
        return value;
    }
    const digits = tar_text(block, start, length).trim();
    return digits === '' ? 0 : parseInt(digits, 8);
}
function checksumOk(block) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    return sum === number(block, 148, 8);
}
/** PAX records: `<length> <key>=<value>\n`. */
function paxRecords(data) {
    const out = {};
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const length = Number(data.subarray(at, space).toString('ascii'));
        if (space < 0 || !Number.isSafeInteger(length) || length <= 0)
            break;
        const record = data.subarray(space + 1, at + length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        at += length;
    }
    return out;
}
/** Push-fed: call `push` with each decompressed chunk until it answers something other than `more`. */
class TarReader {
    #visit;
    #onHead;
    #header = Buffer.alloc(0);
    /** Bytes of the current entry (data and padding) still to pass. */
    #skip = 0;
    #capture;
    #meta;
    #pending = {};
    constructor(visit, onHead) {
        this.#visit = visit;
        this.#onHead = onHead;
    }
    push(chunk) {
        let off = 0;
        while (off < chunk.length) {
            if (this.#skip > 0) {
                const n = Math.min(this.#skip, chunk.length - off);
                const slice = Buffer.from(chunk.buffer, chunk.byteOffset + off, n);
                if (this.#capture && this.#take(slice) === 'stop')
                    return 'stopped';
                if (this.#meta) {
                    const keep = slice.subarray(0, Math.min(n, this.#meta.left));
                    this.#meta.chunks.push(Buffer.from(keep));
                    this.#meta.left -= keep.length;
                }
                this.#skip -= n;
                off += n;
                if (this.#skip === 0 && this.#meta)
                    this.#endMeta();
                continue;
            }
            const n = Math.min(BLOCK - this.#header.length, chunk.length - off);
            this.#header = Buffer.concat([this.#header, chunk.subarray(off, off + n)]);
            off += n;
            if (this.#header.length < BLOCK)
                continue;
            const block = this.#header;
            this.#header = Buffer.alloc(0);
            const result = this.#onBlock(block);
            if (result !== 'more')
                return result;
        }
        return 'more';
    }
    #take(slice) {
        const capture = this.#capture;
        const part = slice.subarray(0, capture.want - capture.got);
        capture.chunks.push(Buffer.from(part));
        capture.got += part.length;
        if (capture.got < capture.want)
            return 'continue';
        this.#capture = undefined;
        return this.#onHead(capture.entry, Buffer.concat(capture.chunks));
    }
    #onBlock(block) {
        if (block.every((b) => b === 0))
            return 'ended';
        if (!checksumOk(block))
            return { error: 'not a tar archive (header checksum mismatch)' };
        const type = String.fromCharCode(block[156]);
        const size = this.#pending.size ?? number(block, 124, 12);
        if (!Number.isSafeInteger(size) || size < 0)
            return { error: 'a tar header with an invalid size' };
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
            if (size > MAX_META)
                return { error: `a tar ${type} record of ${size} bytes` };
            this.#meta = { type, left: size, chunks: [] };
            this.#skip = padded;
            if (padded === 0)
                this.#endMeta();
            return 'more';
        }
        const magic = tar_text(block, 257, 6);
        const prefix = magic === 'ustar' && block[262] === 0 ? tar_text(block, 345, 155) : '';
        const name = this.#pending.path ?? (prefix ? `${prefix}/${tar_text(block, 0, 100)}` : tar_text(block, 0, 100));
        const link = this.#pending.linkpath ?? tar_text(block, 157, 100);
        this.#pending = {};
        const entryType = TYPES[type] ?? 'other';
        const entry = {
            path: normalizeTarPath(name),
            type: entryType,
            linkTarget: entryType === 'hardlink' ? normalizeTarPath(link) : link,
            size,
        };
        // Links and directories carry no data, whatever their size field says.
        this.#skip = entryType === 'file' || entryType === 'other' ? padded : 0;
        const visit = this.#visit(entry);
        if (visit === 'stop')
            return 'stopped';
        if (visit !== 'skip') {
            const want = Math.min(visit.head, entryType === 'file' ? size : 0);
            if (want === 0)
                return this.#onHead(entry, new Uint8Array(0)) === 'stop' ? 'stopped' : 'more';
            this.#capture = { entry, want, chunks: [], got: 0 };
        }
        return 'more';
    }
    #endMeta() {
        const meta = this.#meta;
        this.#meta = undefined;
        const data = Buffer.concat(meta.chunks);
        if (meta.type === 'L')
            this.#pending.path = tar_text(data, 0, data.length);
        else if (meta.type === 'K')
            this.#pending.linkpath = tar_text(data, 0, data.length);
        else if (meta.type === 'x') {
            const records = paxRecords(data);
            if (records.path !== undefined)
                this.#pending.path = records.path;
            if (records.linkpath !== undefined)
                this.#pending.linkpath = records.linkpath;
            const size = records.size === undefined ? undefined : Number(records.size);
            if (size !== undefined && Number.isSafeInteger(size))
                this.#pending.size = size;
        }
    }
}

;// CONCATENATED MODULE: ./src/deep/layer-scan.ts





/**
 * Streams one layer blob through its decompressor and the tar reader, collecting what it says about
 * `target`, and stops reading (so no further range is requested) once the facts are settled. The format
 * is told by magic bytes, not the media type (registries and tools mislabel it): gzip (RFC 1952, 1f 8b),
 * zstd (RFC 8878, 28 b5 2f fd), else an uncompressed tar. Nothing is written to disk.
 */
async function scanLayer(chunks, target, maxExpandedBytes) {
    const source = new Counted(chunks);
    const collector = (0,overlay.collectFacts)(target);
    const reader = new TarReader(collector.visit, collector.onHead);
    let expanded = 0;
    try {
        const first = await source.peek();
        for await (const chunk of decompress(first, source.rest())) {
            // The byte budget counts compressed bytes; this bounds the work a decompression bomb can cause.
            expanded += chunk.length;
            if (expanded > maxExpandedBytes) {
                return {
                    kind: 'error',
                    reason: `it expands to more than ${maxExpandedBytes} bytes before the file is found`,
                };
            }
            const result = reader.push(chunk);
            if (result === 'more')
                continue;
            if (typeof result === 'object')
                return { kind: 'error', reason: result.error };
            return { kind: 'facts', facts: collector.facts };
        }
    }
    catch (error) {
        if (source.failure)
            return { kind: 'error', reason: source.failure };
        // A stream cut short (the byte allowance, a short blob) is incomplete; anything else is corrupt.
        if (!source.done || !truncated(error)) {
            return { kind: 'error', reason: `the layer cannot be decompressed: ${(0,errors/* errorMessage */.g)(error)}` };
        }
    }
    finally {
        await source.close();
    }
    if (source.failure)
        return { kind: 'error', reason: source.failure };
    return { kind: 'incomplete', bytes: source.bytes };
}
/** zlib's Z_BUF_ERROR ("unexpected end of file") and fzstd's end-of-input error mean the input stopped early. */
function truncated(error) {
    const { code, message } = (error ?? {});
    return (code === 'Z_BUF_ERROR' || (typeof message === 'string' && /unexpected EOF|end of file/i.test(message)));
}
function decompress(first, rest) {
    const all = prepend(first, rest);
    if (first && first[0] === 0x1f && first[1] === 0x8b)
        return gunzip(all);
    if (first && first[0] === 0x28 && first[1] === 0xb5 && first[2] === 0x2f && first[3] === 0xfd) {
        return unzstd(all);
    }
    return all;
}
async function* prepend(first, rest) {
    if (first)
        yield first;
    yield* rest;
}
/**
 * gzip through zlib, fed one compressed chunk at a time: the next chunk is pulled from the source (a ranged
 * request) only once zlib has taken the previous one and its output has been read, so nothing is fetched
 * ahead of what the tar reader consumes. zlib itself holds back when its output is not read.
 */
async function* gunzip(source) {
    const inflate = (0,external_node_zlib_.createGunzip)();
    let failure;
    let ended = false;
    let wake;
    const signal = () => {
        const resume = wake;
        wake = undefined;
        resume?.();
    };
    inflate.on('error', (error) => {
        failure = error;
        signal();
    });
    inflate.on('readable', signal);
    inflate.on('end', () => {
        ended = true;
        signal();
    });
    async function* drain(done) {
        for (;;) {
            if (failure)
                throw failure;
            for (let out = inflate.read(); out !== null; out = inflate.read()) {
                yield out;
            }
            if (done())
                return;
            await new Promise((resolve) => (wake = resolve));
        }
    }
    try {
        for await (const chunk of source) {
            let taken = false;
            inflate.write(chunk, () => {
                taken = true;
                signal();
            });
            yield* drain(() => taken);
        }
        inflate.end();
        yield* drain(() => ended);
    }
    finally {
        inflate.destroy();
    }
}
async function* unzstd(source) {
    const out = [];
    // fzstd may hand out views of its window, which later input overwrites: keep copies.
    const stream = new esm/* Decompress */.YM((data) => out.push(data.slice()));
    for await (const chunk of source) {
        stream.push(chunk);
        while (out.length > 0)
            yield out.shift();
    }
    stream.push(new Uint8Array(0), true);
    while (out.length > 0)
        yield out.shift();
}
/** The blob's bytes with a count, its failure kept aside, and the first chunk available to sniff. */
class Counted {
    bytes = 0;
    done = false;
    failure;
    #iterator;
    constructor(chunks) {
        this.#iterator = chunks[Symbol.asyncIterator]();
    }
    async peek() {
        return this.#next();
    }
    async *rest() {
        for (let chunk = await this.#next(); chunk; chunk = await this.#next())
            yield chunk;
    }
    /** Ends the blob reader early: no further range is requested, an open file is closed. */
    async close() {
        if (this.done)
            return;
        this.done = true;
        await this.#iterator.return?.();
    }
    async #next() {
        if (this.done)
            return undefined;
        const { value, done } = await this.#iterator.next();
        if (done || !(value instanceof Uint8Array)) {
            this.done = true;
            if (value && !(value instanceof Uint8Array))
                this.failure = value.reason;
            return undefined;
        }
        this.bytes += value.length;
        return value;
    }
}

;// CONCATENATED MODULE: ./src/deep/image-reader.ts







/** Real layers expand 2-10 times; a layer past this ratio of the allowance is not read further. */
const MAX_EXPANSION = 100;
/**
 * Reads the child of an image a pool pulls (for an index: the entry that claims `platform`): its manifest,
 * its config (the real platform and what it runs), and its layer list. Manifests and configs come from the
 * cache when it has them; nothing is downloaded twice across runs.
 */
async function readChild(deps, resolution, platform) {
    let digest = resolution.digest;
    if (resolution.kind === 'index') {
        const bytes = await cachedBlob(deps, resolution.digest, 'manifest');
        if ('error' in bytes)
            return bytes;
        const parsed = (0,registry_manifest/* parseManifest */.Ng)(bytes);
        if (parsed.kind !== 'index')
            return { error: `the index ${resolution.digest} cannot be read again` };
        const entry = parsed.manifests.find((d) => d.platform && !(0,registry_manifest/* isAttestation */.H3)(d) && (0,match/* samePlatform */.my)((0,normalize/* normalizePlatform */.FL)(d.platform), platform));
        if (!entry)
            return { error: `the index ${resolution.digest} has no entry for this platform` };
        digest = entry.digest;
    }
    const bytes = await cachedBlob(deps, digest, 'manifest');
    if ('error' in bytes)
        return bytes;
    const manifest = (0,registry_manifest/* parseManifest */.Ng)(bytes);
    if (manifest.kind !== 'manifest') {
        const what = manifest.kind === 'invalid' ? manifest.reason : `a ${manifest.kind} manifest`;
        return { error: `the manifest ${digest} is not an image manifest deep mode reads (${what})` };
    }
    const layers = layerDigests(bytes);
    if ('error' in layers)
        return { error: `the manifest ${digest}: ${layers.error}` };
    const configBytes = await cachedBlob(deps, manifest.config.digest, 'config');
    if ('error' in configBytes)
        return configBytes;
    const real = (0,registry_manifest/* platformFromConfig */.M3)(configBytes, manifest.config.mediaType);
    if ('error' in real)
        return { error: `the config of ${digest}: ${real.error}` };
    const variant = JSON.parse(Buffer.from(configBytes).toString('utf8')).variant;
    return {
        fact: { kind: 'read', real, variantDeclared: typeof variant === 'string' && variant !== '' },
        config: (0,command/* parseRuntimeConfig */.Kb)(configBytes),
        layers,
    };
}
/** `layers[].digest` of an image manifest, checked, reversed to top-first. */
function layerDigests(bytes) {
    const doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (!Array.isArray(doc.layers))
        return { error: 'no layers array' };
    const digests = [];
    for (const layer of doc.layers) {
        if (typeof layer?.digest !== 'string' || !(0,registry_digest/* parseDigest */.m)(layer.digest))
            return { error: 'a layer without a valid digest' };
        digests.push(layer.digest);
    }
    return digests.reverse();
}
function budgetSpent(deps) {
    const which = deps.meter.exhausted(deps.image);
    const limit = which === 'image' ? deps.meter.budgets.imageBytes : deps.meter.budgets.runBytes;
    const setting = which === 'image' ? '--deep-image-budget' : '--deep-run-budget';
    return {
        error: `deep mode's byte budget per ${which} (${(0,byte_size/* formatBytes */.z)(limit)}) is spent; raise ${setting} to read further`,
    };
}
/** A manifest or config by digest: from the cache (verified again) or the source, counted against the budget. */
async function cachedBlob(deps, digest, what) {
    const key = `blob ${digest}`;
    const hit = await deps.cache.get(key);
    if (hit && (0,registry_digest/* verifyDigest */.Ub)(hit, digest))
        return hit;
    if (deps.meter.allowance(deps.image) <= 0)
        return budgetSpent(deps);
    const got = what === 'manifest'
        ? await deps.content.manifest(digest, deps.signal)
        : await deps.content.blob(digest, deps.signal);
    if (!(got instanceof Uint8Array))
        return { error: got.reason };
    deps.meter.spend(deps.image, got.length);
    await deps.cache.set(key, got);
    return got;
}
/** Lookups over the child's layers: memoized for the run, cached across runs, streamed when neither has them. */
function layerLookup(deps, layers) {
    return (index, target) => {
        const digest = layers[index];
        const key = `layer ${digest} ${target}`;
        let shared = deps.memo.get(key);
        if (!shared) {
            shared = lookupLayer(deps, digest, key, target).then((result) => {
                // A budget or network failure belongs to this attempt; another image may still read the layer.
                if ('error' in result)
                    deps.memo.delete(key);
                return result;
            });
            deps.memo.set(key, shared);
        }
        return shared;
    };
}
async function lookupLayer(deps, digest, key, target) {
    const hit = await deps.cache.get(key);
    const cached = hit && decodeFacts(hit);
    if (cached)
        return cached;
    const allowance = deps.meter.allowance(deps.image);
    if (allowance <= 0)
        return budgetSpent(deps);
    const reading = { cut: false };
    const chunks = metered(deps, digest, allowance, reading);
    const result = await scanLayer(chunks, target, allowance * MAX_EXPANSION);
    switch (result.kind) {
        case 'facts':
            await deps.cache.set(key, encodeFacts(result.facts));
            return result.facts;
        case 'incomplete':
            return result.bytes >= allowance || reading.cut
                ? budgetSpent(deps)
                : { error: `the layer ${digest} ends before its tar archive does` };
        case 'error':
            return { error: `the layer ${digest}: ${result.reason}` };
        default: {
            const unreachable = result;
            return unreachable;
        }
    }
}
/**
 * The layer's chunks, each counted as it arrives. Images are read concurrently, so the run's budget can be
 * spent by another image meanwhile: reading stops there (`cut`), at most one chunk past the budget.
 */
async function* metered(deps, digest, allowance, reading) {
    for await (const item of deps.content.openBlob(digest, allowance, deps.signal)) {
        if (item instanceof Uint8Array)
            deps.meter.spend(deps.image, item.length);
        yield item;
        if (deps.meter.allowance(deps.image) <= 0) {
            reading.cut = true;
            return;
        }
    }
}
function encodeFacts(facts) {
    const entries = {};
    for (const [p, fact] of Object.entries(facts.entries)) {
        entries[p] =
            fact.type === 'file'
                ? { type: 'file', head: Buffer.from(fact.head).toString('base64') }
                : fact.type === 'symlink' || fact.type === 'hardlink'
                    ? { type: fact.type, target: fact.target }
                    : { type: fact.type };
    }
    return Buffer.from(JSON.stringify({ entries, whiteouts: facts.whiteouts, opaque: facts.opaque }));
}
/** A stored entry, or undefined when it is unreadable (then the layer is read again). */
function decodeFacts(bytes) {
    try {
        const stored = JSON.parse(Buffer.from(bytes).toString('utf8'));
        const entries = {};
        for (const [p, e] of Object.entries(stored.entries)) {
            if (e.type === 'file')
                entries[p] = { type: 'file', head: Buffer.from(e.head ?? '', 'base64') };
            else if (e.type === 'symlink' || e.type === 'hardlink')
                entries[p] = { type: e.type, target: e.target ?? '' };
            else if (e.type === 'dir' || e.type === 'other')
                entries[p] = { type: e.type };
            else
                return undefined;
        }
        return { entries, whiteouts: [...stored.whiteouts], opaque: [...stored.opaque] };
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 3314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   collectFacts: () => (/* binding */ collectFacts),
/* harmony export */   resolveFile: () => (/* binding */ resolveFile)
/* harmony export */ });
/* harmony import */ var _executable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3372);

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** `a/b/c` -> [`a`, `a/b`]. */
function ancestorsOf(p) {
    const parts = p.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
/**
 * A TarReader visitor that collects one layer's facts about `target`, asking for the head of `target` only,
 * and stopping as soon as nothing later in the layer can change them: `target` found, or deleted, or an
 * ancestor found that is not a directory.
 */
function collectFacts(target) {
    const facts = { entries: {}, whiteouts: [], opaque: [] };
    const ancestors = new Set(ancestorsOf(target));
    return {
        facts,
        visit(entry) {
            const slash = entry.path.lastIndexOf('/');
            const dir = slash < 0 ? '' : entry.path.slice(0, slash);
            const base = entry.path.slice(slash + 1);
            if (base === OPAQUE) {
                if (ancestors.has(dir))
                    facts.opaque.push(dir);
                return 'skip';
            }
            if (base.startsWith(WHITEOUT)) {
                const deleted = dir ? `${dir}/${base.slice(WHITEOUT.length)}` : base.slice(WHITEOUT.length);
                if (deleted !== target && !ancestors.has(deleted))
                    return 'skip';
                facts.whiteouts.push(deleted);
                return 'stop';
            }
            if (entry.path === target) {
                if (entry.type === 'file')
                    return { head: _executable_js__WEBPACK_IMPORTED_MODULE_0__/* .HEAD_BYTES */ .Lq };
                facts.entries[target] = factOf(entry);
                return 'stop';
            }
            if (!ancestors.has(entry.path))
                return 'skip';
            facts.entries[entry.path] = factOf(entry);
            return entry.type === 'dir' ? 'skip' : 'stop';
        },
        onHead(entry, head) {
            facts.entries[entry.path] = { type: 'file', head };
            return 'stop';
        },
    };
}
function factOf(entry) {
    switch (entry.type) {
        case 'symlink':
        case 'hardlink':
            return { type: entry.type, target: entry.linkTarget };
        case 'dir':
        case 'other':
            return { type: entry.type };
        case 'file':
            return { type: 'file', head: new Uint8Array(0) };
        default: {
            const unreachable = entry.type;
            return unreachable;
        }
    }
}
/** Linux gives up after 40 symlinks in one lookup (ELOOP, path_resolution(7)). */
const MAX_SYMLINKS = 40;
/** Splits and normalizes, `..` clamped at the root as the kernel does. */
function split(p) {
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            out.pop();
        else
            out.push(part);
    }
    return out;
}
/**
 * Resolves an absolute path in the image the layers stack into (top first), following symlinks in every
 * component (relative ones from their directory, absolute ones from the image root, as in a container)
 * and hard links within their layer. Reads layers through `lookup` only as far down as needed.
 */
async function resolveFile(start, layers, lookup) {
    let parts = split(start);
    for (let hops = 0;;) {
        const full = parts.join('/');
        let followed = false;
        for (let i = 0; i < parts.length && !followed; i++) {
            const prefix = parts.slice(0, i + 1).join('/');
            const found = await topmost(prefix, full, layers, lookup);
            if ('error' in found)
                return { kind: 'error', reason: found.error };
            const { fact, layer } = found;
            if (!fact)
                return { kind: 'missing', path: `/${prefix}`, why: 'does not exist' };
            if (fact.type === 'symlink') {
                if (++hops > MAX_SYMLINKS)
                    return { kind: 'missing', path: `/${full}`, why: 'is a symlink loop' };
                const base = fact.target.startsWith('/') ? [] : parts.slice(0, i);
                parts = split([...base, fact.target, ...parts.slice(i + 1)].join('/'));
                followed = true;
            }
            else if (i < parts.length - 1) {
                if (fact.type !== 'dir')
                    return { kind: 'missing', path: `/${prefix}`, why: 'is not a directory' };
            }
            else if (fact.type === 'file') {
                return { kind: 'file', path: `/${full}`, head: fact.head };
            }
            else if (fact.type === 'hardlink') {
                // A hard link names a file stored earlier in the same layer.
                const linked = await lookup(layer, fact.target);
                if ('error' in linked)
                    return { kind: 'error', reason: linked.error };
                const target = linked.entries[fact.target];
                if (target?.type === 'file')
                    return { kind: 'file', path: `/${full}`, head: target.head };
                return {
                    kind: 'missing',
                    path: `/${full}`,
                    why: `is a hard link to /${fact.target}, which its layer lacks`,
                };
            }
            else {
                return {
                    kind: 'missing',
                    path: `/${full}`,
                    why: `is a ${fact.type === 'dir' ? 'directory' : 'special file'}`,
                };
            }
        }
        if (!followed)
            return { kind: 'missing', path: '/', why: 'is the root directory' };
    }
}
/** The topmost layer's entry for `p` (undefined when deleted or absent); facts are looked up for `full`. */
async function topmost(p, full, layers, lookup) {
    const ancestors = ancestorsOf(p);
    for (let layer = 0; layer < layers; layer++) {
        const facts = await lookup(layer, full);
        if ('error' in facts)
            return facts;
        for (const a of ancestors) {
            const entry = facts.entries[a];
            if (facts.whiteouts.includes(a) || (entry && entry.type !== 'dir'))
                return { layer };
        }
        if (facts.whiteouts.includes(p))
            return { layer };
        const fact = facts.entries[p];
        if (fact)
            return { fact, layer };
        // Tars may leave parent directories out: anything this layer holds beneath `p` makes `p` a directory here.
        const below = `${p}/`;
        const beneath = (q) => q.startsWith(below);
        if (Object.keys(facts.entries).some(beneath) ||
            facts.whiteouts.some(beneath) ||
            facts.opaque.some((o) => o === p || beneath(o))) {
            return { fact: { type: 'dir' }, layer };
        }
        if (ancestors.some((a) => facts.opaque.includes(a)))
            return { layer };
    }
    return { layer: layers };
}


/***/ })

};
