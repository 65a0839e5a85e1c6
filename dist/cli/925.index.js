export const id = 925;
export const ids = [925];
export const modules = {

/***/ 4303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ parseByteSize),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
// Byte sizes as trusted-side settings write them (flags, action inputs): `--max-file-size`, deep mode's budgets.
const MiB = 1024 * 1024;
/** SI units are powers of 1000, IEC units powers of 1024 (`MB` vs `MiB`), as `du --si` and `numfmt` read them. */
const UNITS = {
    '': 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: MiB,
    gib: 1024 * MiB,
};
/** `1048576`, `64MiB`, `100MB`, `1.5GiB` -> bytes; undefined when it is not a size. */
function parseByteSize(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
    const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
    if (!match || unit === undefined)
        return undefined;
    const bytes = Math.floor(Number(match[1]) * unit);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
/** `67108864` -> `64 MiB`, for messages. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < MiB)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / MiB).toFixed(1)} MiB`;
}


/***/ }),

/***/ 6925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/byte-size.ts
var byte_size = __webpack_require__(4303);
;// CONCATENATED MODULE: ./src/deep/budget.ts
const MiB = 1024 * 1024;
const DEFAULT_DEEP_BUDGETS = { imageBytes: 64 * MiB, runBytes: 512 * MiB };
/** Counts what deep mode downloads, per image (canonical reference) and for the run. */
class ByteMeter {
    budgets;
    #perImage = new Map();
    #total = 0;
    constructor(budgets) {
        this.budgets = budgets;
    }
    get total() {
        return this.#total;
    }
    spentOn(image) {
        return this.#perImage.get(image) ?? 0;
    }
    /** Bytes `image` may still download: the smaller of what is left of its budget and of the run's. */
    allowance(image) {
        return Math.max(0, Math.min(this.budgets.imageBytes - this.spentOn(image), this.budgets.runBytes - this.#total));
    }
    /** Which budget an allowance of 0 comes from. */
    exhausted(image) {
        return this.budgets.runBytes - this.#total <= this.budgets.imageBytes - this.spentOn(image)
            ? 'run'
            : 'image';
    }
    spend(image, bytes) {
        this.#perImage.set(image, this.spentOn(image) + bytes);
        this.#total += bytes;
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/documents/problems.ts
var problems = __webpack_require__(3984);
;// CONCATENATED MODULE: ./src/config/locate.ts
/** The start offset of a YAML node, when it has one. */
function nodeOffset(node) {
    return node?.range?.[0];
}
function configLocator(doc, lines, file) {
    const position = (offset) => {
        const pos = lines.linePos(offset ?? 0);
        return { line: pos.line, column: pos.col };
    };
    const where = (offset) => {
        const pos = position(offset);
        return `${file}:${pos.line}:${pos.column}`;
    };
    return {
        file,
        doc,
        where,
        whereIn: (keys) => where(nodeOffset(doc.getIn(keys, true))),
        position: (keys) => position(nodeOffset(doc.getIn(keys, true))),
    };
}

// EXTERNAL MODULE: ./src/platforms/normalize.ts
var normalize = __webpack_require__(5143);
;// CONCATENATED MODULE: ./src/platforms/node.ts

/** The OS name of a specifier's first component, `windows(10.0.20348)` -> `windows`. */
function osName(component) {
    const name = component.replace(/\(.*$/, '').toLowerCase();
    return name === 'macos' ? 'darwin' : name;
}
/** True when a specifier starts with an OS (`linux/arm64`, `windows(10.0.20348)/amd64`), not an architecture. */
function namesOS(spec) {
    return normalize/* KNOWN_OS */.Dk.has(osName(spec.trim().split('/')[0] ?? ''));
}
/**
 * A node's platform as people write it, the one parser behind `--arch`, the action's `architectures` and the
 * config's `arch:`: `arm64`, `arm64/v8`, `linux/arm64`, `linux/arm/v7`, `windows/amd64`,
 * `windows(10.0.20348)/amd64`. The forms are containerd/platforms `Parse`'s (see ./normalize.ts), except that
 * `arch/variant` is read as linux/arch/variant: containerd would make `arm64/v8` the OS `arm64` with the
 * architecture `v8`, a node no image runs on. The OS and the architecture must be ones Go knows, so a typo
 * (`amd46`, `linx/amd64`) is an error rather than a pool that matches nothing.
 */
function parseNodePlatform(spec) {
    const text = spec.trim();
    const parts = text.split('/');
    const archFirst = parts.length === 2 && !namesOS(text) && !('error' in (0,normalize/* parsePlatform */.Y8)(parts[0] ?? ''));
    const parsed = (0,normalize/* parsePlatform */.Y8)(archFirst ? `linux/${text}` : text);
    if ('error' in parsed)
        return { error: withValidValues(parsed.error) };
    if (!normalize/* KNOWN_OS */.Dk.has(parsed.os))
        return { error: `"${parsed.os}": unknown OS` };
    if (!normalize/* KNOWN_ARCH */.dE.has(parsed.architecture))
        return { error: withValidValues(`"${parsed.architecture}": unknown architecture`) };
    return parsed;
}
/** What a node's platform is usually written as, named in every "unknown architecture" error. */
const COMMON_PLATFORMS = 'amd64, arm64, arm/v7, arm/v6, 386, ppc64le, s390x, riscv64 (optionally os/ first: linux/arm64, windows/amd64)';
function withValidValues(error) {
    return error.endsWith('unknown architecture') ? `${error}; use one of ${COMMON_PLATFORMS}` : error;
}
/**
 * A note for a node platform that parses but is probably not what was meant: `x86` is the 32-bit ABI (386)
 * to containerd's normalization, while people often write it for x86-64 nodes, whose images would all then
 * look incompatible.
 */
function ambiguousPlatformNote(spec, where) {
    const arch = spec.trim().toLowerCase().split('/');
    const named = namesOS(spec) ? arch[1] : arch[0];
    if (named !== 'x86')
        return undefined;
    return `${where}: "${spec.trim()}" means 32-bit x86 (linux/386); for 64-bit x86 (x86_64) nodes write amd64.`;
}
/**
 * The platform of a config node pool: `arch` through `parseNodePlatform`, with `os` and `variant` as separate
 * keys for an `arch` that does not already say them. Saying one thing twice is an error, not a silent choice.
 */
function poolPlatform(fields) {
    const arch = fields.arch.trim();
    if (fields.os !== undefined && namesOS(arch))
        return { error: `"${arch}" names the OS already: drop os: ${fields.os}, or write arch without it` };
    const archParts = arch.split('/').length - (namesOS(arch) ? 1 : 0);
    if (fields.variant !== undefined && archParts > 1)
        return { error: `"${arch}" names the variant already: drop variant: ${fields.variant}` };
    const spec = [fields.os, arch, fields.variant].filter((part) => part !== undefined).join('/');
    const platform = parseNodePlatform(spec);
    if ('error' in platform)
        return platform;
    if (fields.osVersion !== undefined) {
        if (platform.osVersion !== undefined)
            return { error: `"${arch}" names the OS version already: drop osVersion: ${fields.osVersion}` };
        platform.osVersion = fields.osVersion;
    }
    if (fields.aarch32 !== undefined) {
        if (platform.architecture !== 'arm64')
            return { error: `aarch32 applies to arm64 pools, not ${platform.architecture}` };
        platform.aarch32 = fields.aarch32;
    }
    return platform;
}

// EXTERNAL MODULE: ./src/platforms/windows.ts
var windows = __webpack_require__(4553);
;// CONCATENATED MODULE: ./src/clusters/pools.ts



/** Labels the kubelet sets on every node; pools carry them without being told. */
const ARCH_LABELS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];
const OS_LABELS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];
/** Set by the kubelet on Windows nodes to the host's `major.minor.build` (k8s.io/api/core/v1 LabelWindowsBuild). */
const WINDOWS_BUILD_LABEL = 'node.kubernetes.io/windows-build';
function makePool(cluster, name, platform, labels = {}, taints = []) {
    const implicit = {};
    for (const key of ARCH_LABELS)
        implicit[key] = platform.architecture;
    for (const key of OS_LABELS)
        implicit[key] = platform.os;
    const build = platform.os === 'windows' ? (0,windows/* windowsBuildLabel */.Ux)(platform.osVersion) : undefined;
    if (build !== undefined)
        implicit[WINDOWS_BUILD_LABEL] = build;
    return { cluster, name, platform, labels: { ...labels, ...implicit }, taints };
}
/**
 * `--arch amd64,arm64` (and the action's `architectures`): one cluster, one plain pool per platform, named after
 * it. Each entry is read like a config pool's `arch:` (`arm64/v8`, `linux/arm/v7`, `windows/amd64`).
 */
function poolsFromArchitectures(cluster, archs) {
    const pools = [];
    for (const arch of archs) {
        const platform = parseNodePlatform(arch);
        if ('error' in platform)
            return { error: `--arch ${arch}: ${platform.error}` };
        pools.push(makePool(cluster, (0,normalize/* formatPlatform */.Bq)(platform), platform));
    }
    return pools;
}
/** Label keys a cluster's pools declare: the only keys a selector can be checked against. */
function knownLabelKeys(pools) {
    return new Set(pools.flatMap((p) => Object.keys(p.labels)));
}

;// CONCATENATED MODULE: ./src/config/defaults.ts
const DEFAULT_REGISTRY_SETTINGS = { concurrency: 8, timeoutMs: 30_000, deadlineMs: 300_000 };
/** Kustomize defaults: build what is found, as kustomize itself would (root-only file loading, either binary). */
const DEFAULT_KUSTOMIZE_CONFIG = {
    enabled: true,
    roots: [],
    loadRestrictor: 'rootOnly',
    command: 'auto',
};
/** The config of a repository without a config file. */
function emptyConfig() {
    return {
        clusters: [],
        include: [],
        exclude: [],
        registries: { mirrors: {}, credentials: {}, ...DEFAULT_REGISTRY_SETTINGS },
        rules: {},
        helm: [],
        kustomize: { ...DEFAULT_KUSTOMIZE_CONFIG },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/config/helm-entry.ts


/** A `helm:` entry with paths made absolute; a chart that is not on disk is a reference for helm to resolve. */
function helmEntry(h, dir, declaredIn, position, setPosition) {
    const onDisk = (0,external_node_fs_.statSync)(external_node_path_default().resolve(dir, h.chart), { throwIfNoEntry: false });
    const chart = onDisk ? external_node_path_default().resolve(dir, h.chart) : h.chart;
    const entry = {
        chart,
        local: onDisk?.isDirectory() ?? false,
        // helm wants a DNS-1123 release name; the chart's directory name usually is one.
        release: h.release ?? releaseName(external_node_path_default().basename(chart)),
        values: (h.values ?? []).map((v) => external_node_path_default().resolve(dir, v)),
        set: Object.entries(h.set ?? {}).map(([key, value]) => ({
            key,
            value: String(value),
            string: typeof value === 'string',
            position: setPosition(key),
        })),
        declaredIn,
        position,
    };
    if (h.namespace)
        entry.namespace = h.namespace;
    if (h.version)
        entry.version = h.version;
    if (h.cluster)
        entry.cluster = h.cluster;
    return entry;
}
/** A DNS-1123 release name from a directory name; never starts with `-`, so helm cannot read it as an option. */
function releaseName(base) {
    const name = base
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')
        .replace(/^-+|-+$/g, '');
    return name || 'release';
}

;// CONCATENATED MODULE: ./src/config/normalize.ts







/**
 * A validated config as the engine uses it: defaults filled in, paths absolute (relative to `dir`), platforms
 * normalized, entries carrying their positions. Throws ConfigurationError for what the schema cannot check
 * (an unknown platform, a helm entry naming a cluster that does not exist, a glob leaving the directory).
 */
function normalizeConfig(config, at, dir) {
    const notices = [];
    const clusters = (config.clusters ?? []).map((c, ci) => ({
        name: c.name,
        paths: c.paths ?? [],
        assumed: false,
        ...(Array.isArray(c.nodePools)
            ? {}
            : {
                nodePoolsFrom: poolGlobs(c.nodePools.from, `${at.whereIn(['clusters', ci, 'nodePools', 'from'])}: clusters[${ci}]`),
            }),
        ...(c.admission ? { admission: c.admission } : {}),
        nodePools: (Array.isArray(c.nodePools) ? c.nodePools : (c.nodePools.pools ?? [])).map((p, pi) => {
            const platform = poolPlatform(p);
            const inList = Array.isArray(c.nodePools) ? [pi] : ['pools', pi];
            const arch = at.where(nodeOffset(at.doc.getIn(['clusters', ci, 'nodePools', ...inList, 'arch'], true)));
            const note = ambiguousPlatformNote(p.arch, `${arch}: clusters[${ci}].nodePools[${pi}].arch`);
            if (note)
                notices.push(note);
            if ('error' in platform) {
                throw new errors/* ConfigurationError */.j(`${arch}: clusters[${ci}].nodePools[${pi}].arch: ${platform.error}`);
            }
            return makePool(c.name, p.name, platform, p.labels ?? {}, p.taints ?? []);
        }),
    }));
    const mirrors = {};
    for (const [host, target] of Object.entries(config.registries?.mirrors ?? {})) {
        mirrors[host] = target.startsWith('oci:')
            ? `oci:${external_node_path_default().resolve(dir, target.slice('oci:'.length))}`
            : target;
    }
    const r = config.registries;
    const helm = (config.helm ?? []).map((h, i) => {
        if (h.cluster && clusters.length > 0 && !clusters.some((c) => c.name === h.cluster)) {
            throw new errors/* ConfigurationError */.j(`${at.whereIn(['helm', i, 'cluster'])}: helm[${i}].cluster: no cluster named "${h.cluster}"`);
        }
        return helmEntry(h, dir, at.file, at.position(['helm', i]), (key) => at.position(['helm', i, 'set', key]));
    });
    const kustomize = {
        ...DEFAULT_KUSTOMIZE_CONFIG,
        ...config.kustomize,
        roots: (config.kustomize?.roots ?? []).map((root) => external_node_path_default().resolve(dir, root)),
    };
    return {
        file: at.file,
        baseDir: dir,
        clusters,
        include: config.include ?? [],
        exclude: config.exclude ?? [],
        registries: {
            mirrors,
            credentials: r?.credentials ?? {},
            concurrency: r?.concurrency ?? DEFAULT_REGISTRY_SETTINGS.concurrency,
            // Whole milliseconds: AbortSignal.timeout and setTimeout take integers (the schema caps them at 2^31-1).
            timeoutMs: r?.timeoutSeconds ? Math.ceil(r.timeoutSeconds * 1000) : DEFAULT_REGISTRY_SETTINGS.timeoutMs,
            deadlineMs: r?.deadlineSeconds
                ? Math.ceil(r.deadlineSeconds * 1000)
                : DEFAULT_REGISTRY_SETTINGS.deadlineMs,
        },
        ...(notices.length > 0 ? { notices } : {}),
        rules: config.rules ?? {},
        helm,
        kustomize,
        ignore: (config.ignore ?? []).map((entry, i) => ({ ...entry, position: at.position(['ignore', i]) })),
        ...(config.deep !== undefined ? { deep: config.deep } : {}),
    };
}
/**
 * `nodePools.from` globs stay inside the config's directory: the config comes from the scanned tree, and a
 * glob reaching elsewhere on the runner is refused rather than read.
 */
function poolGlobs(globs, at) {
    for (const glob of globs) {
        if (external_node_path_default().isAbsolute(glob) || glob.split(/[\\/]/).includes('..'))
            throw new errors/* ConfigurationError */.j(`${at}.nodePools.from: "${glob}" must be relative and inside the config's directory`);
    }
    return globs;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/registry-limits.ts
/**
 * Why `.archcheck.yaml` may only name `ARCHCHECK_*` variables in `registries.credentials`: the file is written
 * by whoever opens the pull request, and any other name would let it send ACTIONS_RUNTIME_TOKEN or a deploy key
 * to a registry of its choosing. The schema's pattern enforces it; this says why and how to fix it.
 */
function credentialEnvMessage(value) {
    const name = typeof value === 'string' ? value : String(value);
    const suggestion = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
        ? `ARCHCHECK_${name.toUpperCase()}`
        : 'ARCHCHECK_REGISTRY_PASSWORD';
    return (`${JSON.stringify(name)} is not allowed: .archcheck.yaml may only name environment variables that start ` +
        `with ARCHCHECK_, so a pull request cannot hand the workflow's other secrets to a registry; rename the secret ` +
        `to ${suggestion} in the workflow's env (env: ${suggestion}: \${{ secrets.... }})`);
}
/**
 * The message for a schema error under `registries` that needs more than ajv's words: a credential variable
 * outside ARCHCHECK_, or a timeout past what Node's timers hold (2^31-1 ms; a larger delay fires at once).
 * Undefined for every other error.
 */
function registryLimitMessage(segments, e, value) {
    if (segments[0] !== 'registries')
        return undefined;
    if (e.keyword === 'pattern' && segments[1] === 'credentials')
        return credentialEnvMessage(value);
    if (e.keyword === 'maximum' && /Seconds$/.test(String(segments[1]))) {
        const limit = String(e.params.limit);
        return `must be at most ${limit} seconds (about 24.8 days): Node's timers hold at most 2^31-1 ms, and a larger value would make every request time out at once`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/config/schema-validator.cjs
var schema_validator = __webpack_require__(7285);
var schema_validator_default = /*#__PURE__*/__webpack_require__.n(schema_validator);
;// CONCATENATED MODULE: ./src/config/validate.ts





/**
 * Checks the parsed file against schema/archcheck.schema.json (compiled ahead of time into schema-validator.cjs)
 * and the trust rules the schema cannot say; throws one ConfigurationError listing every problem with its
 * `file:line:col`.
 */
function validateConfig(raw, at) {
    refuseTrustWidening(raw, at);
    if (schema_validator_default()(raw))
        return;
    const messages = ((schema_validator_default()).errors ?? [])
        // propertyNames reports its inner `enum` failure too (with `propertyName` set); one message per key is enough.
        // `if` only says which branch failed; that branch's own errors name the problem.
        .filter((e) => e.propertyName === undefined && e.keyword !== 'if')
        .map((e) => {
        const segments = e.instancePath.split('/').slice(1).map(decodePointer);
        return `${at.where(errorOffset(at.doc, segments, e))}: ${describeError(segments, e, at.doc.getIn(segments))}`;
    });
    throw new errors/* ConfigurationError */.j(`invalid config:\n  ${[...new Set(messages)].join('\n  ')}`);
}
/**
 * The config file is part of the scanned tree, which a pull request may change: it may not widen what the
 * build can read (SECURITY.md). `kustomize.loadRestrictor: none` would let a kustomization read any file on the
 * runner (`/proc/self/environ` holds the token) into a ConfigMap and, through `replacements`, into an image
 * name that every report prints. Only the workflow may turn it off.
 */
function refuseTrustWidening(raw, at) {
    const kustomize = raw?.kustomize;
    if (kustomize?.loadRestrictor !== 'none')
        return;
    throw new errors/* ConfigurationError */.j(`${at.whereIn(['kustomize', 'loadRestrictor'])}: kustomize.loadRestrictor: none is not accepted from the ` +
        'config file: a pull request could change it to read any file on the runner. Set it where the workflow ' +
        'is trusted: the action input `kustomize-load-restrictor: none` or the CLI flag ' +
        '`--kustomize-load-restrictor none`, and remove it from the config.');
}
/** A JSON Pointer segment (RFC 6901) as a YAML key path segment: array indexes become numbers. */
function decodePointer(segment) {
    const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? Number(s) : s;
}
/** Offset of the offending node: the key itself for unknown keys, else the value at the error's path. */
function errorOffset(doc, segments, e) {
    const p = e.params;
    const badKey = e.keyword === 'additionalProperties'
        ? p.additionalProperty
        : e.keyword === 'propertyNames'
            ? p.propertyName
            : undefined;
    const node = doc.getIn(segments, true);
    if (typeof badKey === 'string' && (0,dist/* isMap */.jh)(node)) {
        const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === badKey);
        if ((0,dist/* isScalar */.jn)(pair?.key) && pair.key.range)
            return pair.key.range[0];
    }
    return nodeOffset(node);
}
function describeError(segments, e, value) {
    const key = segments.reduce((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
    const at = key || '(top level)';
    const p = e.params;
    switch (e.keyword) {
        case 'additionalProperties':
            return `${at}: unknown key "${String(p.additionalProperty)}"`;
        case 'required':
            return `${at}: missing required key "${String(p.missingProperty)}"`;
        case 'enum':
            return `${at}: must be one of ${p.allowedValues.map(String).join(', ')}`;
        case 'propertyNames':
            return `${at}: unknown rule "${String(p.propertyName)}"`;
        default:
            // This pattern keeps helm's positional arguments from being read as options (--post-renderer=...).
            if (e.keyword === 'pattern' && p.pattern === '^[^-]')
                return `${at}: must not start with "-": helm would read it as an option`;
            return `${at}: ${registryLimitMessage(segments, e, value) ?? e.message ?? e.keyword}`;
    }
}

;// CONCATENATED MODULE: ./src/config/parse.ts






/** Parses and validates config text against schema/archcheck.schema.json, then resolves paths. */
function parseConfig(text, file, baseDir = external_node_path_default().dirname(file)) {
    const { doc, lines, problem } = (0,problems/* parseYamlDocument */.Iu)(text);
    if (problem)
        throw new errors/* ConfigurationError */.j(`${file}:${problem.location.line}:${problem.location.column}: invalid YAML: ${problem.message}`);
    let raw;
    try {
        raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
    }
    catch (error) {
        // The library's alias-expansion limit (a "billion laughs" file) throws: that is the user's file, not a bug.
        throw new errors/* ConfigurationError */.j(`${file}: invalid YAML: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    const at = configLocator(doc, lines, file);
    validateConfig(raw, at);
    return normalizeConfig(raw, at, baseDir);
}

;// CONCATENATED MODULE: ./src/config/helm-input.ts


/**
 * The action's `helm` input: YAML holding a list shaped like the config's `helm:` key, validated by the same
 * schema, paths relative to `baseDir` (the workspace). Its entries are reported at the top of `declaredIn`
 * (the workflow file), since lines inside an input do not map to lines of that file.
 */
function parseHelmInput(text, declaredIn, baseDir) {
    const wrapped = ['helm:', ...text.split(/\r?\n/).map((line) => `  ${line}`)].join('\n');
    let helm;
    try {
        helm = parseConfig(wrapped, declaredIn, baseDir).helm ?? [];
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigurationError */.j))
            throw error;
        // Positions there are in the wrapped text; the key path (helm[0].chart) is what names the problem.
        throw new errors/* ConfigurationError */.j(`input "helm": ${error.message.replace(/^(\s*)\S+:\d+:\d+: /gm, '$1')}`);
    }
    const top = { line: 1, column: 1 };
    return helm.map((entry) => ({
        ...entry,
        position: top,
        set: entry.set.map((s) => ({ ...s, position: top })),
    }));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/config/load.ts





/** Looked for in this order in the working directory when no `--config` is given. */
const CONFIG_NAMES = ['.archcheck.yaml', '.archcheck.yml', '.github/archcheck.yaml'];
/** Finds and loads the config; `undefined` file means defaults. Errors name the file, line, and key. */
async function loadConfig(cwd, explicit) {
    if (explicit) {
        const file = external_node_path_default().resolve(cwd, explicit);
        const text = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
            throw new errors/* ConfigurationError */.j(unreadableConfig(explicit, error.code));
        });
        return parseConfig(text, file);
    }
    for (const name of CONFIG_NAMES) {
        const file = external_node_path_default().join(cwd, name);
        const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
        // `.github/archcheck.yaml` lives beside the workflows, but its paths are the repository's.
        if (text !== undefined)
            return parseConfig(text, file, cwd);
    }
    return emptyConfig();
}
/** The real cause of a `--config` that cannot be read, in words: "not found" misleads when it is a directory. */
function unreadableConfig(name, code) {
    switch (code) {
        case 'ENOENT':
            return `config file not found: ${name}`;
        case 'EISDIR':
            return `config path is a directory, not a file: ${name}`;
        case 'EACCES':
        case 'EPERM':
            return `config file cannot be read (permission denied): ${name}`;
        case 'ENOTDIR':
            return `config path goes through a file as if it were a directory: ${name}`;
        default:
            return `config file cannot be read (${code ?? 'unknown error'}): ${name}`;
    }
}

;// CONCATENATED MODULE: ./src/documents/decode.ts
/**
 * Bytes of a manifest file to text, as kubectl reads them: k8s.io/apimachinery's YAML reader decodes UTF-16 and
 * UTF-32 (either byte order) when the file starts with a byte order mark, and drops a UTF-8 BOM. Without a BOM
 * a file is UTF-8. A UTF-32 BOM is checked before UTF-16's, whose LE mark is its prefix.
 */
function decodeManifest(bytes) {
    const [a, b, c, d] = bytes;
    if (a === 0xff && b === 0xfe && c === 0 && d === 0)
        return utf32(bytes.subarray(4), true);
    if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
        return utf32(bytes.subarray(4), false);
    if (a === 0xff && b === 0xfe)
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (a === 0xfe && b === 0xff)
        return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    if (a === 0xef && b === 0xbb && c === 0xbf)
        return new TextDecoder('utf-8').decode(bytes.subarray(3));
    return new TextDecoder('utf-8').decode(bytes);
}
/** TextDecoder has no UTF-32; an invalid code point (or a trailing partial unit) becomes U+FFFD, as UTF-8 does. */
function utf32(bytes, littleEndian) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const parts = [];
    let chunk = [];
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
        const cp = view.getUint32(i, littleEndian);
        chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
        // String.fromCodePoint takes its arguments on the stack: flush in bounded chunks.
        if (chunk.length === 8192) {
            parts.push(String.fromCodePoint(...chunk));
            chunk = [];
        }
    }
    if (bytes.length % 4 !== 0)
        chunk.push(0xfffd);
    parts.push(String.fromCodePoint(...chunk));
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/documents/read.ts


/** Default per-file cap: far above any real manifest (the largest CRD bundles are a few MiB). */
const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;
/**
 * Reads and decodes one manifest file. A file over `maxBytes` is not read at all (the size is checked on the
 * open handle, so a file that grows in between is still cut off): parsing it would cost memory the run may not
 * have. A read error (permission denied, a directory, a vanished file) is a problem, never a throw.
 */
async function readManifest(path, file, maxBytes) {
    const at = { file, line: 1, column: 1 };
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
        const { size } = await handle.stat();
        if (size > maxBytes) {
            const message = `file is ${size} bytes, over the ${maxBytes}-byte limit: not parsed (raise it with --max-file-size or the max-file-size input)`;
            return { ok: false, problem: { message, location: at } };
        }
        const bytes = new Uint8Array(size);
        let filled = 0;
        while (filled < size) {
            const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        return { ok: true, text: decodeManifest(bytes.subarray(0, filled)) };
    }
    catch (error) {
        const message = `cannot read file: ${error.code ?? String(error)}`;
        return { ok: false, problem: { message, location: at } };
    }
    finally {
        await handle?.close();
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/deep/cache.ts



/** No cache (`--no-cache`, or no home to keep one in): every run reads what it needs again. */
const NO_DEEP_CACHE = {
    get: () => Promise.resolve(undefined),
    set: () => Promise.resolve(),
};
/** One file per entry under `<cacheDir>/deep/`, named by the hash of its key; written atomically. */
class FileDeepCache {
    #dir;
    constructor(cacheDir) {
        this.#dir = external_node_path_default().join(cacheDir, 'deep');
    }
    #file(key) {
        const hash = (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex');
        return external_node_path_default().join(this.#dir, hash.slice(0, 2), hash.slice(2));
    }
    async get(key) {
        try {
            return await (0,promises_.readFile)(this.#file(key));
        }
        catch {
            return undefined;
        }
    }
    async set(key, value) {
        const file = this.#file(key);
        const temp = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(temp, value);
            // A reader never sees half a file: rename replaces atomically on one file system.
            await (0,promises_.rename)(temp, file);
        }
        catch {
            // A read-only or full disk only means the next run downloads again.
        }
    }
}

;// CONCATENATED MODULE: ./src/map-limit.ts
/** Maps with at most `limit` promises in flight, keeping input order in the result. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return results;
}
/**
 * A gate for tasks that arrive over time: each call runs `fn` once fewer than `limit` earlier ones are running,
 * in the order called.
 */
function limiter(limit) {
    let running = 0;
    const waiting = [];
    // A finishing task hands its slot straight to the next waiting one, so a newcomer cannot slip in between.
    const release = () => {
        const next = waiting.shift();
        if (next)
            next();
        else
            running--;
    };
    return async (fn) => {
        if (running >= Math.max(1, limit))
            await new Promise((resolve) => waiting.push(resolve));
        else
            running++;
        try {
            return await fn();
        }
        finally {
            release();
        }
    };
}

// EXTERNAL MODULE: ./src/images/reference.ts + 2 modules
var reference = __webpack_require__(3935);
// EXTERNAL MODULE: ./src/deep/command.ts
var command = __webpack_require__(5171);
// EXTERNAL MODULE: ./src/platforms/match.ts
var match = __webpack_require__(2165);
;// CONCATENATED MODULE: ./src/deep/facts.ts


const childKey = (image, platform) => `${image} ${(0,normalize/* formatPlatform */.Bq)(platform)}`;
const programKey = (image, platform, use) => `${childKey(image, platform)} ${JSON.stringify([use.command ?? [], use.args ?? []])}`;
/**
 * The platform of an image that a node of `pool` pulls, or undefined when it pulls none (or deep mode does
 * not look at it: only Linux is checked). From an index, containerd's platforms.Only(node) prefers an exact
 * match, then the same architecture at a lower variant, then another architecture the node runs (386 on
 * amd64); this keeps that order without ranking variants further.
 */
function pulledPlatform(pool, resolution) {
    if (pool.os !== 'linux' || !resolution)
        return undefined;
    switch (resolution.kind) {
        case 'single':
            return (0,match/* nodeRuns */.Tc)(pool, resolution.platform) ? resolution.platform : undefined;
        case 'index': {
            const runs = resolution.platforms.filter((p) => p.os === 'linux' && (0,match/* nodeRuns */.Tc)(pool, p));
            const node = (0,normalize/* normalizePlatform */.FL)(pool);
            return (runs.find((p) => p.architecture === node.architecture && p.variant === node.variant) ??
                runs.find((p) => p.architecture === node.architecture) ??
                runs[0]);
        }
        case 'error':
            return undefined;
        default: {
            const unreachable = resolution;
            return unreachable;
        }
    }
}
/**
 * Whether the config's platform contradicts what the index claims: another OS or architecture, or a
 * variant the config names that differs (a config without a variant is not a contradiction: many builders
 * leave it out).
 */
function contradicts(claimed, fact) {
    const c = (0,normalize/* normalizePlatform */.FL)(claimed);
    const r = (0,normalize/* normalizePlatform */.FL)(fact.real);
    if (c.os !== r.os || c.architecture !== r.architecture)
        return true;
    return fact.variantDeclared && (c.variant ?? '') !== (r.variant ?? '');
}

;// CONCATENATED MODULE: ./src/deep/verify.ts







/** Images read at once: each streams its own layers, and the registry limiter bounds requests anyway. */
const IMAGE_CONCURRENCY = 4;
/**
 * The deep stage: for every image child some eligible pool pulls (Linux only), its config's platform and what
 * each container using it runs. Only the children and programs the placements need are read.
 */
async function verifyDeep(input, deps) {
    // The readers (tar, gzip, zstd, ELF) load only when deep mode runs, which most runs do not (issue 14).
    const [{ layerLookup, readChild }, { resolveFile }, { inspectProgram }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(339), __webpack_require__.e(259)]).then(__webpack_require__.bind(__webpack_require__, 3259)),
        __webpack_require__.e(/* import() */ 314).then(__webpack_require__.bind(__webpack_require__, 3314)),
        __webpack_require__.e(/* import() */ 282).then(__webpack_require__.bind(__webpack_require__, 4282)),
    ]);
    const needs = collectNeeds(input);
    const children = new Map();
    const programs = new Map();
    const meter = new ByteMeter(deps.budgets);
    const memo = new Map();
    await mapLimit([...needs], IMAGE_CONCURRENCY, async ([image, need]) => {
        try {
            const content = deps.source.content?.(need.ref);
            if (!content)
                throw new Error('the image source cannot read blobs');
            const reader = { content, cache: deps.cache, meter, image, signal: deps.signal, memo };
            for (const [ck, child] of need.children) {
                const read = await readChild(reader, need.resolution, child.platform);
                if ('error' in read) {
                    children.set(ck, { kind: 'incomplete', reason: read.error });
                    continue;
                }
                children.set(ck, read.fact);
                const lookup = layerLookup(reader, read.layers);
                const resolve = (file) => resolveFile(file, read.layers.length, lookup);
                for (const [pk, override] of child.programs) {
                    const program = (0,command/* programOf */.oQ)(override, read.config);
                    programs.set(pk, program.kind === 'none'
                        ? { kind: 'incomplete', reason: program.reason }
                        : await inspectProgram(program, read.config, resolve));
                }
            }
        }
        catch (error) {
            // A bug in one image's reading must not cost the rest of the run its checks.
            for (const ck of need.children.keys()) {
                if (!children.has(ck))
                    children.set(ck, { kind: 'incomplete', reason: `internal error: ${(0,errors/* errorMessage */.g)(error)}` });
            }
        }
        deps.logger.debug(`deep ${image}: ${(0,byte_size/* formatBytes */.z)(meter.spentOn(image))} downloaded`);
    });
    const count = [...needs.values()].reduce((n, need) => n + need.children.size, 0);
    return { facts: { children, programs }, bytes: meter.total, children: count };
}
function collectNeeds(input) {
    const needs = new Map();
    for (const { workload, pools } of input.placements) {
        for (const container of workload.containers) {
            if (!container.ref)
                continue;
            const image = (0,reference/* canonicalImage */.KN)(container.ref);
            const resolution = input.resolutions.get(image);
            if (!resolution || resolution.kind === 'error')
                continue;
            for (const { pool } of pools.filter((p) => p.eligible)) {
                const platform = pulledPlatform(pool.platform, resolution);
                if (!platform)
                    continue;
                let need = needs.get(image);
                if (!need)
                    needs.set(image, (need = { ref: container.ref, resolution, children: new Map() }));
                const ck = childKey(image, platform);
                let child = need.children.get(ck);
                if (!child)
                    need.children.set(ck, (child = { platform, programs: new Map() }));
                const override = {};
                if (container.command)
                    override.command = container.command;
                if (container.args)
                    override.args = container.args;
                child.programs.set(programKey(image, platform, override), override);
            }
        }
    }
    return needs;
}

;// CONCATENATED MODULE: ./src/deep/stage.ts



/**
 * The "Deep verification" stage: reads the image builds the placements pull and returns their facts, with the
 * line (bytes read, time) the run keeps among its notices.
 */
async function deepStage(input, opts) {
    const { logger } = opts;
    return logger.group('Deep verification', async () => {
        const started = Date.now();
        const outcome = await verifyDeep(input, {
            source: opts.source,
            cache: opts.cacheRoot ? new FileDeepCache(opts.cacheRoot) : NO_DEEP_CACHE,
            budgets: opts.budgets,
            logger,
            signal: AbortSignal.timeout(opts.deadlineMs),
        });
        const notice = `deep verification read ${outcome.children} image build(s), downloading ${(0,byte_size/* formatBytes */.z)(outcome.bytes)}, in ${Date.now() - started} ms`;
        logger.info(notice);
        return { facts: outcome.facts, notice };
    });
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/documents/parse.ts + 5 modules
var parse = __webpack_require__(911);
// EXTERNAL MODULE: ./src/paths.ts
var src_paths = __webpack_require__(8431);
;// CONCATENATED MODULE: ./src/sources/stdin.ts


/** How reports name manifests read from standard input (`archcheck -`), as kubectl and linters do. */
const STDIN_NAME = '<stdin>';
/** The path argument that stands for standard input. */
const STDIN_ARG = '-';
/**
 * Standard input as a loose file: named `<stdin>` in reports, and placed in the working directory for clusters'
 * `paths` (so `paths: ['**']` matches it and `deploy/**` does not).
 */
function stdinSource(cwd) {
    return { path: external_node_path_default().join(cwd, STDIN_NAME), file: STDIN_NAME, stdin: true };
}
/**
 * Reads standard input whole, at most `maxBytes` of it: past the cap the read stops (nothing more is buffered)
 * and the input is a problem, like a file over the limit. Without a stream (the action has no standard input
 * to give) `-` is a problem too, never a hang.
 */
async function readStdin(stream, maxBytes) {
    const at = { file: STDIN_NAME, line: 1, column: 1 };
    if (!stream) {
        const message = 'standard input is not available here: "-" reads manifests from it only on the command line';
        return { ok: false, problem: { message, location: at } };
    }
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of stream) {
            size += chunk.byteLength;
            if (size > maxBytes) {
                const message = `standard input is over the ${maxBytes}-byte limit: not parsed (raise it with --max-file-size)`;
                return { ok: false, problem: { message, location: at } };
            }
            chunks.push(chunk);
        }
    }
    catch (error) {
        const message = `cannot read standard input: ${error.code ?? String(error)}`;
        return { ok: false, problem: { message, location: at } };
    }
    return { ok: true, text: decodeManifest(Buffer.concat(chunks)) };
}

;// CONCATENATED MODULE: ./src/sources/discover.ts






const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
// Never manifests: VCS data, CI workflows, and dependencies other projects own (their YAML is not deployed).
const SKIPPED_DIRS = new Set(['.git', '.github', 'node_modules', 'vendor', 'third_party']);
const REAL_FS = {
    readdir: (dir) => (0,promises_.readdir)(dir, { withFileTypes: true }),
    realpath: promises_.realpath,
    stat: promises_.stat,
};
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const inside = (root, p) => p === root || p.startsWith(`${root}${(external_node_path_default()).sep}`);
/**
 * Lists the manifest files under the given paths, recursively, in a stable order. A path given explicitly is
 * read whatever its extension; in directories only .yaml/.yml/.json (plus `include` globs) are taken, and a
 * directory with a `Chart.yaml` is a Helm chart (listed in `charts`, its files never read as manifests).
 * The walk is iterative (a tree thousands of levels deep cannot exhaust the stack); a directory that cannot be
 * listed is a problem and the walk goes on. Symlinks are followed only when their target stays inside cwd.
 * A path that does not exist is a usage error. The path `-` is standard input, one loose file (`<stdin>`).
 */
async function discoverFiles(options) {
    const fs = options.fs ?? REAL_FS;
    const isIncluded = options.include.length > 0 ? picomatch_default()([...options.include], { dot: true }) : () => false;
    const isExcluded = options.exclude.length > 0 ? picomatch_default()([...options.exclude], { dot: true }) : () => false;
    const globPath = (abs) => (0,src_paths/* posixRelative */.q)(options.globBase, abs);
    const found = new Map();
    const charts = new Set();
    const problems = [];
    const notices = [];
    const workspace = await fs.realpath(options.cwd).catch(() => external_node_path_default().resolve(options.cwd));
    // Real paths of directories already walked: a symlink loop or two links to one directory read it once.
    const walked = new Set();
    const skip = new Set(options.skip ?? []);
    const add = (abs, named = false) => {
        if (skip.has(abs) || isExcluded(globPath(abs)))
            return;
        const entry = { path: abs, file: (0,src_paths/* posixRelative */.q)(options.cwd, abs) };
        // A file both named and inside a named directory belongs to the directory (its kustomization still builds it).
        const previous = found.get(abs);
        if (named && (!previous || previous.named))
            entry.named = true;
        found.set(abs, entry);
    };
    const problem = (abs, what, error) => problems.push({
        message: `cannot read ${what}: ${error.code ?? String(error)}; the rest of the tree was checked`,
        location: { file: (0,src_paths/* posixRelative */.q)(options.cwd, abs) || '.', line: 1, column: 1 },
    });
    /** What a symlink points at, when it stays inside the workspace; otherwise a notice and undefined. */
    const followLink = async (abs) => {
        try {
            const target = await fs.realpath(abs);
            if (!inside(workspace, target)) {
                notices.push(`${(0,src_paths/* posixRelative */.q)(options.cwd, abs)} is a symlink to a path outside the workspace: not read.`);
                return undefined;
            }
            const info = await fs.stat(target);
            return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
        }
        catch (error) {
            problem(abs, 'symlink', error);
            return undefined;
        }
    };
    const walk = async (start) => {
        const pending = [start];
        for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
            let entries;
            try {
                const real = await fs.realpath(dir);
                if (walked.has(real))
                    continue;
                walked.add(real);
                entries = await fs.readdir(dir);
            }
            catch (error) {
                problem(dir, 'directory', error);
                continue;
            }
            if (entries.some((e) => e.name === 'Chart.yaml' && (e.isFile() || e.isSymbolicLink()))) {
                charts.add(dir);
                continue;
            }
            const subdirs = [];
            for (const entry of entries.sort(byName)) {
                const abs = external_node_path_default().join(dir, entry.name);
                const type = entry.isSymbolicLink()
                    ? await followLink(abs)
                    : entry.isDirectory()
                        ? 'dir'
                        : entry.isFile()
                            ? 'file'
                            : undefined;
                if (type === 'dir') {
                    if (!SKIPPED_DIRS.has(entry.name) && !isExcluded(`${globPath(abs)}/`))
                        subdirs.push(abs);
                }
                else if (type === 'file') {
                    if (MANIFEST_EXTENSIONS.has(external_node_path_default().extname(entry.name).toLowerCase()) || isIncluded(globPath(abs)))
                        add(abs);
                }
            }
            pending.push(...subdirs.reverse());
        }
    };
    for (const given of options.paths.length > 0 ? options.paths : ['.']) {
        if (given === STDIN_ARG) {
            const source = stdinSource(options.cwd);
            found.set(source.path, source);
            continue;
        }
        const abs = external_node_path_default().resolve(options.cwd, given);
        const info = await fs.stat(abs).catch(() => undefined);
        if (!info)
            throw new errors/* ConfigurationError */.j(`path not found: ${given}`);
        if (info.isDirectory())
            await walk(abs);
        else
            add(abs, true);
    }
    return {
        files: [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
        charts: [...charts].sort(),
        problems,
        notices,
    };
}

;// CONCATENATED MODULE: ./src/nodepools/declared-pool.ts

function emptyFacts() {
    return { karpenter: [], other: [], runtimeClasses: [], problems: [] };
}
function declaredPool(name, platform, source, labels, taints, choices) {
    // The cluster is named when the pool joins one; '' until then.
    const pool = { ...makePool('', name, platform, labels, taints), source };
    if (choices && Object.keys(choices).length > 0)
        pool.choices = choices;
    return pool;
}
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Taints as Kubernetes writes them (`{key, value?, effect}`); entries without a known effect are dropped. */
function readTaints(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((t) => {
        if (!isRecord(t) || typeof t.key !== 'string' || !EFFECTS.includes(String(t.effect)))
            return [];
        const taint = { key: t.key, effect: t.effect };
        if (t.value !== undefined && t.value !== null && t.value !== '')
            taint.value = String(t.value);
        return [taint];
    });
}
/** String-valued entries of a label map; other values are not labels. */
function readLabels(value) {
    const labels = {};
    if (!isRecord(value))
        return labels;
    for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            labels[k] = String(v);
    }
    return labels;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function strings(value) {
    return Array.isArray(value)
        ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
        : [];
}

;// CONCATENATED MODULE: ./src/nodepools/instance-types.ts
/**
 * AWS instance families whose processors are AWS Graviton (arm64): the family name ends its generation digit with
 * `g` (`m6g`, `c7gn`, `r8gd`, `x2gd`, `im4gn`, `is4gen`, `i4g`, `g5g`, `hpc7g`), plus the first-generation `a1`.
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html ("g: AWS Graviton processors").
 */
const GRAVITON_FAMILY = /^(?:a1|[a-z]+\d+g[a-z]*)$/;
/** `m6g.large` -> `arm64`; anything else EC2 sells for EKS nodes is x86_64 (`amd64`). */
function archOfInstanceType(instanceType) {
    const family = instanceType.trim().toLowerCase().split('.')[0] ?? '';
    return GRAVITON_FAMILY.test(family) ? 'arm64' : 'amd64';
}

;// CONCATENATED MODULE: ./src/nodepools/eksctl.ts


/** eksctl's default when a node group names no instance type. https://eksctl.io/usage/schema/ */
const DEFAULT_INSTANCE_TYPE = 'm5.large';
/** Windows AMI families and the build they run (ltsc2019, ltsc2022). https://eksctl.io/usage/windows-worker-nodes/ */
const WINDOWS_BUILDS = { '2019': '10.0.17763', '2022': '10.0.20348' };
/**
 * Pools of an eksctl `ClusterConfig` (eksctl.io/v1alpha5): one per node group in `managedNodeGroups` and
 * `nodeGroups`, with its labels and taints and the labels EKS/eksctl put on its nodes. The architecture comes
 * from the instance types (Graviton families are arm64; `instanceSelector.cpuArchitecture` too); a group whose
 * types mix architectures is one pool per architecture. `WindowsServer*` AMI families are Windows nodes.
 */
function eksctlPools(object, source) {
    const pools = [];
    for (const [field, managed] of [
        ['managedNodeGroups', true],
        ['nodeGroups', false],
    ]) {
        const groups = object[field];
        if (!Array.isArray(groups))
            continue;
        for (const group of groups) {
            if (isRecord(group) && typeof group.name === 'string')
                pools.push(...groupPools(group, managed, source));
        }
    }
    return pools;
}
function groupPools(group, managed, source) {
    const name = group.name;
    const labels = readLabels(group.labels);
    labels[managed ? 'eks.amazonaws.com/nodegroup' : 'alpha.eksctl.io/nodegroup-name'] = name;
    const taints = eksctlTaints(group.taints);
    const family = typeof group.amiFamily === 'string' ? group.amiFamily : '';
    const windows = /^WindowsServer(\d{4})/.exec(family);
    const archs = architectures(group);
    return archs.map((architecture) => {
        const platform = { os: windows ? 'windows' : 'linux', architecture };
        const build = windows?.[1] ? WINDOWS_BUILDS[windows[1]] : undefined;
        if (build)
            platform.osVersion = build;
        return declaredPool(archs.length > 1 ? `${name}/${architecture}` : name, platform, source, labels, taints);
    });
}
function architectures(group) {
    const selector = isRecord(group.instanceSelector) ? group.instanceSelector : {};
    if (typeof selector.cpuArchitecture === 'string') {
        return [/arm64|aarch64/i.test(selector.cpuArchitecture) ? 'arm64' : 'amd64'];
    }
    const distribution = isRecord(group.instancesDistribution) ? group.instancesDistribution : {};
    const types = [
        ...(typeof group.instanceType === 'string' && group.instanceType !== 'mixed' ? [group.instanceType] : []),
        ...strings(group.instanceTypes),
        ...strings(distribution.instanceTypes),
    ];
    const archs = new Set((types.length > 0 ? types : [DEFAULT_INSTANCE_TYPE]).map(archOfInstanceType));
    return [...archs].sort();
}
/** eksctl takes taints as a list of `{key, value, effect}` or, in older files, a map `key: value:effect`. */
function eksctlTaints(value) {
    if (!isRecord(value))
        return readTaints(value);
    return readTaints(Object.entries(value).map(([key, spec]) => {
        const [v, effect] = String(spec).split(':');
        return { key, value: v, effect };
    }));
}

;// CONCATENATED MODULE: ./src/nodepools/karpenter.ts

/** What Karpenter's AWS provider can launch when a NodePool does not restrict `kubernetes.io/arch`. */
const KARPENTER_ARCHITECTURES = ['amd64', 'arm64'];
const ARCH = 'kubernetes.io/arch';
const OS = 'kubernetes.io/os';
const WINDOWS_BUILD = 'node.kubernetes.io/windows-build';
/**
 * Pools of a Karpenter `NodePool` (karpenter.sh/v1, v1beta1: `spec.template.metadata.labels`,
 * `spec.template.spec.{requirements,taints}`) or `Provisioner` (karpenter.sh/v1alpha5: `spec.{labels,
 * requirements,taints}`): one per architecture the `kubernetes.io/arch` requirement allows, named after the
 * object (`name/arch` when it allows several). A Provisioner without an arch requirement launched amd64 only:
 * the v1alpha5 AWS provider defaulted `kubernetes.io/arch In [amd64]`; NodePools have no such default.
 * https://karpenter.sh/docs/concepts/nodepools/ ; https://karpenter.sh/v0.31/concepts/provisioners/
 * Startup taints are left out: Karpenter removes them before pods schedule.
 */
function karpenterPools(kind, name, object, source) {
    const spec = isRecord(object.spec) ? object.spec : {};
    const template = kind === 'NodePool' && isRecord(spec.template) ? spec.template : undefined;
    const podSpec = template ? (isRecord(template.spec) ? template.spec : {}) : spec;
    const metadata = template ? (isRecord(template.metadata) ? template.metadata : {}) : spec;
    const labels = readLabels(metadata.labels);
    labels[kind === 'NodePool' ? 'karpenter.sh/nodepool' : 'karpenter.sh/provisioner-name'] = name;
    const taints = readTaints(podSpec.taints);
    const requirements = readRequirements(podSpec.requirements);
    const choices = {};
    let archs = kind === 'Provisioner' ? ['amd64'] : [...KARPENTER_ARCHITECTURES];
    let os = 'linux';
    let build;
    for (const r of requirements) {
        if (r.key === ARCH)
            archs = allowed(r, archs, KARPENTER_ARCHITECTURES);
        else if (r.key === OS)
            os = allowed(r, [os], ['linux', 'windows'])[0] ?? os;
        else if (r.key === WINDOWS_BUILD && r.operator === 'In' && r.values.length === 1)
            build = r.values[0];
        else
            addRequirement(labels, choices, r);
    }
    if (build)
        labels[WINDOWS_BUILD] = build;
    return archs.map((architecture) => {
        const platform = { os, architecture };
        if (build)
            platform.osVersion = build;
        const poolName = archs.length > 1 ? `${name}/${architecture}` : name;
        return declaredPool(poolName, platform, source, labels, taints, choices);
    });
}
/** Values of a well-known key a requirement leaves: `In` narrows, `NotIn` removes, other operators keep all. */
function allowed(r, current, all) {
    if (r.operator === 'In')
        return r.values;
    if (r.operator === 'NotIn')
        return [...all].filter((v) => !r.values.includes(v));
    return [...current];
}
/** A single-valued `In` is a label every node has; anything looser is a value chosen per pod at launch. */
function addRequirement(labels, choices, r) {
    if (r.operator === 'In' && r.values.length === 1 && r.values[0] !== undefined)
        labels[r.key] = r.values[0];
    else if (r.operator === 'In')
        choices[r.key] = { in: r.values };
    else if (r.operator === 'NotIn')
        choices[r.key] = { notIn: r.values };
    // Exists, Gt, Lt: some value exists that a pod may ask for; DoesNotExist: the label is never set.
    else if (r.operator !== 'DoesNotExist')
        choices[r.key] = {};
}
function readRequirements(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((r) => isRecord(r) && typeof r.key === 'string' && typeof r.operator === 'string'
        ? [{ key: r.key, operator: r.operator, values: strings(r.values) }]
        : []);
}

;// CONCATENATED MODULE: ./src/nodepools/nodes.ts


/** Labels unique to one node: left out so identical nodes collapse into one pool. */
const PER_NODE_LABELS = ['kubernetes.io/hostname'];
/** Labels naming the group a node belongs to, by provider: the pool is named after it. */
const GROUP_LABELS = [
    'karpenter.sh/nodepool',
    'eks.amazonaws.com/nodegroup',
    'alpha.eksctl.io/nodegroup-name',
    'cloud.google.com/gke-nodepool',
    'kubernetes.azure.com/agentpool',
    'agentpool',
];
/**
 * Pools of live nodes (`kubectl get nodes -o json`): each node's labels and taints, its platform from
 * `status.nodeInfo` (the kubelet's `architecture`/`operatingSystem`, else the `kubernetes.io/arch|os` labels)
 * and, on Windows, its build from `node.kubernetes.io/windows-build` or `nodeInfo.kernelVersion`. Nodes with
 * the same platform, labels (hostname aside) and taints are one pool. A node whose architecture is nowhere
 * is a problem, not a pool.
 */
function nodePools(nodes) {
    const groups = new Map();
    const problems = [];
    for (const node of nodes) {
        const metadata = isRecord(node.object.metadata) ? node.object.metadata : {};
        const spec = isRecord(node.object.spec) ? node.object.spec : {};
        const status = isRecord(node.object.status) ? node.object.status : {};
        const info = isRecord(status.nodeInfo) ? status.nodeInfo : {};
        const labels = readLabels(metadata.labels);
        const arch = nodes_text(info.architecture) ?? labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch'];
        if (!arch) {
            problems.push({
                message: `node ${node.name}: no architecture (status.nodeInfo.architecture or kubernetes.io/arch label); not used as a node pool`,
                location: node.location,
            });
            continue;
        }
        const os = nodes_text(info.operatingSystem) ?? labels['kubernetes.io/os'] ?? 'linux';
        const build = os === 'windows' ? (labels['node.kubernetes.io/windows-build'] ?? nodes_text(info.kernelVersion)) : undefined;
        const platform = (0,normalize/* normalizePlatform */.FL)({ os, architecture: arch, ...(build ? { osVersion: build } : {}) });
        for (const key of PER_NODE_LABELS)
            delete labels[key];
        const taints = readTaints(spec.taints);
        const key = JSON.stringify([platform, Object.entries(labels).sort(), taints]);
        const group = groups.get(key);
        if (group)
            group.count++;
        else {
            const name = GROUP_LABELS.map((l) => labels[l]).find(Boolean) ?? node.name;
            groups.set(key, { pool: declaredPool(name, platform, node.location, labels, taints), count: 1 });
        }
    }
    return { pools: uniqueNames([...groups.values()].map((g) => g.pool)), problems };
}
/** Pools that share a group label but differ (zones, taints) get a numbered suffix. */
function uniqueNames(pools) {
    const seen = new Map();
    return pools.map((pool) => {
        const n = (seen.get(pool.name) ?? 0) + 1;
        seen.set(pool.name, n);
        return n === 1 ? pool : { ...pool, name: `${pool.name}-${n}` };
    });
}
function nodes_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/nodepools/collect.ts




/** True for the kinds this folder reads: a cheap test before any conversion. */
function isClusterFact(obj) {
    const group = obj.apiVersion.split('/')[0] ?? '';
    switch (obj.kind) {
        case 'NodePool':
            return group === 'karpenter.sh';
        case 'Provisioner':
            return group === 'karpenter.sh';
        case 'ClusterConfig':
            return group === 'eksctl.io';
        case 'Node':
            return obj.apiVersion === 'v1';
        case 'RuntimeClass':
            return group === 'node.k8s.io';
        default:
            return false;
    }
}
/**
 * Objects that describe the nodes of a cluster: Karpenter NodePools and Provisioners, eksctl ClusterConfigs,
 * node lists (`kubectl get nodes -o yaml`). Their presence is worth a hint when no cluster is declared.
 */
function describesNodes(obj) {
    if (obj.kind === 'NodeList')
        return obj.apiVersion === 'v1';
    return obj.kind !== 'RuntimeClass' && isClusterFact(obj);
}
/**
 * What a file's objects say about clusters: node pools (Karpenter, eksctl, live nodes) and RuntimeClasses.
 * `at` replaces every position, for objects of a rendered stream (a kustomization's or chart's output), whose
 * lines are in no file a person edits.
 */
function collectFacts(objects, at) {
    const facts = emptyFacts();
    const nodes = [];
    for (const found of objects) {
        if (!isClusterFact(found))
            continue;
        const obj = at ? { ...found, location: at } : found;
        const value = plain(obj);
        if (!value) {
            facts.problems.push({ message: `${obj.kind} ${obj.name}: cannot be read`, location: obj.location });
            continue;
        }
        switch (obj.kind) {
            case 'NodePool':
            case 'Provisioner':
                facts.karpenter.push(...karpenterPools(obj.kind, obj.name, value, obj.location));
                break;
            case 'ClusterConfig':
                facts.other.push(...eksctlPools(value, obj.location));
                break;
            case 'Node':
                nodes.push({ name: obj.name, object: value, location: obj.location });
                break;
            default:
                facts.runtimeClasses.push(runtimeClass(obj, value));
        }
    }
    if (nodes.length > 0) {
        const found = nodePools(nodes);
        facts.other.push(...found.pools);
        facts.problems.push(...found.problems);
    }
    return facts;
}
/** Merges facts of several files (in file order). */
function mergeFacts(all) {
    return {
        karpenter: all.flatMap((f) => f.karpenter),
        other: all.flatMap((f) => f.other),
        runtimeClasses: all.flatMap((f) => f.runtimeClasses),
        problems: all.flatMap((f) => f.problems),
    };
}
/** node.k8s.io/v1 RuntimeClass: `scheduling.nodeSelector` and `scheduling.tolerations`. */
function runtimeClass(obj, value) {
    const scheduling = isRecord(value.scheduling) ? value.scheduling : {};
    const tolerations = Array.isArray(scheduling.tolerations) ? scheduling.tolerations.filter(isRecord) : [];
    return {
        name: obj.name,
        nodeSelector: readLabels(scheduling.nodeSelector),
        tolerations: tolerations.map((t) => {
            const out = {};
            for (const field of ['key', 'operator', 'value', 'effect']) {
                if (typeof t[field] === 'string')
                    out[field] = t[field];
            }
            return out;
        }),
        location: obj.location,
    };
}
/** The object as plain values; alias bombs and other conversion failures are `undefined`. */
function plain(obj) {
    try {
        const value = obj.map.toJS(obj.ctx.doc, { maxAliasCount: 100 });
        return isRecord(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/nodepools/clusters.ts







/** Node-pool files are small; a bigger one is not a cluster description and is not read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Reads each cluster's `nodePools.from` files (globs under the config directory, never outside it: the config
 * comes from the scanned tree) and adds the pools they declare to the hand-written ones. A glob that matches no
 * file, or files that declare no pool, are configuration errors: the user named something that is not there.
 */
async function loadPoolsFrom(clusters, baseDir, cwd) {
    const wanted = clusters.filter((c) => (c.nodePoolsFrom?.length ?? 0) > 0);
    if (wanted.length === 0)
        return { clusters: [...clusters], facts: mergeFacts([]) };
    const globs = [...new Set(wanted.flatMap((c) => c.nodePoolsFrom ?? []))];
    const { files: candidates } = await discoverFiles({
        cwd,
        paths: [baseDir],
        include: globs,
        exclude: [],
        globBase: baseDir,
    });
    const rel = (abs) => (0,src_paths/* posixRelative */.q)(baseDir, abs);
    const byFile = new Map();
    const all = [];
    const result = [];
    for (const cluster of clusters) {
        const own = cluster.nodePoolsFrom ?? [];
        if (own.length === 0) {
            result.push(cluster);
            continue;
        }
        const pools = [];
        for (const glob of own) {
            const matches = picomatch_default()(glob, { dot: true });
            const files = candidates.filter((f) => matches(rel(f.path)));
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j(`cluster "${cluster.name}": nodePools.from "${glob}" matches no file`);
            for (const file of files) {
                let facts = byFile.get(file.path);
                if (!facts) {
                    facts = await readFacts(file.path, file.file);
                    byFile.set(file.path, facts);
                    all.push(facts);
                }
                pools.push(...facts.karpenter, ...facts.other);
            }
        }
        if (pools.length === 0)
            throw new errors/* ConfigurationError */.j(`cluster "${cluster.name}": nodePools.from names no Karpenter NodePool/Provisioner, eksctl ClusterConfig or NodeList`);
        result.push({ ...cluster, nodePools: [...cluster.nodePools, ...inCluster(pools, cluster.name)] });
    }
    return { clusters: result, facts: mergeFacts(all) };
}
async function readFacts(abs, reportName) {
    const info = await (0,promises_.stat)(abs);
    if (info.size > MAX_FILE_BYTES)
        throw new errors/* ConfigurationError */.j(`nodePools.from: ${reportName} is too large`);
    return collectFacts((0,parse/* parseManifestFile */.N)(reportName, await (0,promises_.readFile)(abs, 'utf8')).objects);
}
/** The cluster a tree of Karpenter pools describes when the config declares none, and a notice saying so. */
function deriveCluster(facts) {
    if (facts.karpenter.length === 0)
        return undefined;
    const files = [...new Set(facts.karpenter.map((p) => p.source.file))];
    const pools = inCluster(facts.karpenter, 'default');
    return {
        cluster: { name: 'default', paths: [], nodePools: pools, assumed: false },
        notice: `No clusters declared: using the Karpenter NodePools/Provisioners found in ${files.join(', ')} ` +
            `(pools ${pools.map((p) => p.name).join(', ')}). Declare clusters in .archcheck.yaml to check against others.`,
    };
}
function inCluster(pools, cluster) {
    return pools.map((p) => ({ ...p, cluster }));
}

;// CONCATENATED MODULE: ./src/nodepools/pool-notes.ts
/** Findings about pools read from files name where each pool is declared, so the reader can check it. */
function notePoolSources(findings, clusters) {
    const sources = new Map();
    for (const c of clusters) {
        for (const p of c.nodePools) {
            if (p.source)
                sources.set(`${c.name}\u0000${p.name}`, `${p.source.file}:${p.source.line}`);
        }
    }
    if (sources.size === 0)
        return [...findings];
    return findings.map((f) => {
        const named = (f.nodePools ?? []).flatMap((name) => {
            const at = sources.get(`${f.cluster ?? ''}\u0000${name}`);
            return at ? [`${name} (${at})`] : [];
        });
        return named.length > 0
            ? { ...f, message: `${f.message} Node pools declared in: ${named.join(', ')}.` }
            : f;
    });
}

;// CONCATENATED MODULE: ./src/registry/cache/dir.ts

/** The environment variable naming archcheck's cache directory (trusted side only, never the config file). */
const CACHE_DIR_ENV = 'ARCHCHECK_CACHE_DIR';
/**
 * The root of archcheck's cache: `--cache-dir` (or the action's `cache-dir` input), else
 * `ARCHCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/archcheck`, else `~/.cache/archcheck` (the XDG Base
 * Directory spec's default). Each user of the cache keeps a subdirectory of its own (`registry/`, `deep/`).
 * Undefined when there is no home to put it in.
 */
function cacheRoot(env, flag) {
    const chosen = flag || env[CACHE_DIR_ENV];
    if (chosen)
        return external_node_path_default().resolve(chosen);
    // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && external_node_path_default().isAbsolute(xdg))
        return external_node_path_default().join(xdg, 'archcheck');
    const home = env.HOME || env.USERPROFILE;
    return home ? external_node_path_default().join(home, '.cache', 'archcheck') : undefined;
}

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
;// CONCATENATED MODULE: ./src/registry/cache/store.ts




/** Distribution caps manifests at 4 MiB; configs are smaller. A bigger file is not ours. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** Temporary files older than this belong to a run that died mid-write. */
const STALE_TMP_MS = 10 * 60 * 1000;
/** How often the whole cache is listed for eviction; between prunes it grows by at most an hour of runs. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** The registry cache's default bound: tens of thousands of manifests and configs. */
const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;
const isMissing = (error) => error.code === 'ENOENT';
/**
 * The registry's cache under `<root>/registry/`: `blobs/<algorithm>/<hex>` (manifests and config blobs),
 * `tags/<sha256 of the reference>` (hints), `tmp/` (writes in progress). Writes go to a unique temporary
 * file renamed into place, so concurrent runs on one directory see whole entries or none; least recently
 * used means least recently read or written (the mtime, touched on every hit).
 */
class DiskCache {
    dir;
    counters = { hits: 0, misses: 0, dropped: 0, writes: 0 };
    #ready;
    constructor(root) {
        this.dir = external_node_path_default().join(root, 'registry');
    }
    async get(digest) {
        const file = this.#blobPath(digest);
        if (!file)
            return undefined;
        const bytes = await this.#read(file);
        if (bytes && (0,registry_digest/* verifyDigest */.Ub)(bytes, digest)) {
            this.counters.hits++;
            await this.#touch(file);
            return bytes;
        }
        if (bytes)
            await this.#drop(file);
        this.counters.misses++;
        return undefined;
    }
    async put(digest, bytes) {
        const file = this.#blobPath(digest);
        if (!file || bytes.length > MAX_ENTRY_BYTES || !(0,registry_digest/* verifyDigest */.Ub)(bytes, digest))
            return;
        if (await this.#write(file, bytes))
            this.counters.writes++;
    }
    async hint(reference) {
        const file = this.#tagPath(reference);
        const bytes = await this.#read(file);
        if (!bytes)
            return undefined;
        const digest = Buffer.from(bytes).toString('utf8').trim();
        if ((0,registry_digest/* parseDigest */.m)(digest))
            return digest;
        await this.#drop(file);
        return undefined;
    }
    async remember(reference, digest) {
        if (!(0,registry_digest/* parseDigest */.m)(digest))
            return;
        await this.#write(this.#tagPath(reference), Buffer.from(`${digest}\n`));
    }
    async forget(reference) {
        await (0,promises_.unlink)(this.#tagPath(reference)).catch(() => undefined);
    }
    async maintain(maxBytes) {
        if (this.counters.writes === 0)
            return;
        const stamp = external_node_path_default().join(this.dir, 'pruned');
        const last = await (0,promises_.stat)(stamp).then((s) => s.mtimeMs, () => 0);
        if (Date.now() - last < PRUNE_EVERY_MS)
            return;
        await (0,promises_.writeFile)(stamp, '').catch(() => undefined);
        await this.prune(maxBytes);
    }
    async prune(maxBytes) {
        const entries = [];
        const now = Date.now();
        for (const sub of ['blobs/sha256', 'blobs/sha512', 'tags', 'tmp']) {
            const dir = external_node_path_default().join(this.dir, sub);
            let names;
            try {
                names = await (0,promises_.readdir)(dir);
            }
            catch {
                continue;
            }
            for (const name of names) {
                const file = external_node_path_default().join(dir, name);
                try {
                    const s = await (0,promises_.stat)(file);
                    if (!s.isFile())
                        continue;
                    if (sub === 'tmp') {
                        if (now - s.mtimeMs > STALE_TMP_MS)
                            await (0,promises_.unlink)(file).catch(() => undefined);
                        continue;
                    }
                    entries.push({ file, size: s.size, mtime: s.mtimeMs });
                }
                catch {
                    // Removed by a concurrent run meanwhile.
                }
            }
        }
        let total = entries.reduce((n, e) => n + e.size, 0);
        let removed = 0;
        let bytes = 0;
        entries.sort((a, b) => a.mtime - b.mtime);
        for (const entry of entries) {
            if (total <= maxBytes)
                break;
            await (0,promises_.unlink)(entry.file).catch(() => undefined);
            total -= entry.size;
            bytes += entry.size;
            removed++;
        }
        return { removed, bytes };
    }
    /** Only digests of registered algorithms with well-formed hex name files: nothing else reaches a path. */
    #blobPath(digest) {
        const parsed = (0,registry_digest/* parseDigest */.m)(digest);
        return parsed && external_node_path_default().join(this.dir, 'blobs', parsed.algorithm, parsed.encoded);
    }
    #tagPath(reference) {
        return external_node_path_default().join(this.dir, 'tags', (0,external_node_crypto_.createHash)('sha256').update(reference).digest('hex'));
    }
    async #read(file) {
        try {
            const s = await (0,promises_.stat)(file);
            if (!s.isFile())
                return undefined;
            if (s.size > MAX_ENTRY_BYTES) {
                await this.#drop(file);
                return undefined;
            }
            return await (0,promises_.readFile)(file);
        }
        catch {
            return undefined;
        }
    }
    async #drop(file) {
        this.counters.dropped++;
        await (0,promises_.unlink)(file).catch(() => undefined);
    }
    async #touch(file) {
        const now = new Date();
        await (0,promises_.utimes)(file, now, now).catch(() => undefined);
    }
    #prepare() {
        this.#ready ??= Promise.all(['blobs/sha256', 'blobs/sha512', 'tags', 'tmp'].map((sub) => (0,promises_.mkdir)(external_node_path_default().join(this.dir, sub), { recursive: true }))).then(() => true, () => false);
        return this.#ready;
    }
    /** Whole files only: a unique temporary name, then an atomic rename over whatever was there. */
    async #write(file, bytes) {
        if (!(await this.#prepare()))
            return false;
        const tmp = external_node_path_default().join(this.dir, 'tmp', `${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        try {
            await (0,promises_.writeFile)(tmp, bytes, { flag: 'wx' });
            await (0,promises_.rename)(tmp, file);
            return true;
        }
        catch (error) {
            await (0,promises_.unlink)(tmp).catch(() => undefined);
            // A directory removed under us (a concurrent prune of the whole cache): try once more from scratch.
            if (isMissing(error))
                this.#ready = undefined;
            return false;
        }
    }
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/registry/http/allow-list.ts
var allow_list = __webpack_require__(1822);
// EXTERNAL MODULE: ./src/registry/http/endpoint.ts
var endpoint = __webpack_require__(5659);
;// CONCATENATED MODULE: ./src/registry/http/secrets.ts
/** Shortest value worth redacting: shorter strings (`x`, `1`) would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;
/**
 * Every credential and token this run has seen, so any text leaving the registry code (logs, reasons,
 * errors) can be scrubbed of them. Redaction is a second line of defence: messages are built from hosts,
 * status codes and registry error codes, never from credentials, in the first place.
 */
class Secrets {
    #values = new Set();
    add(...values) {
        for (const value of values) {
            if (value === undefined || value.length < MIN_SECRET_LENGTH)
                continue;
            this.#values.add(value);
            // Basic credentials travel base64-encoded; a token may be echoed URL-encoded.
            this.#values.add(encodeURIComponent(value));
        }
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret containing another is replaced whole.
        for (const value of [...this.#values].sort((a, b) => b.length - a.length)) {
            if (out.includes(value))
                out = out.split(value).join('***');
        }
        return out;
    }
}
/** A logger that passes every message through `secrets.redact` before the real logger sees it. */
function redactingLogger(logger, secrets) {
    return {
        debug: (m) => logger.debug(secrets.redact(m)),
        info: (m) => logger.info(secrets.redact(m)),
        warning: (m) => logger.warning(secrets.redact(m)),
        group: (name, fn) => logger.group(secrets.redact(name), fn),
    };
}

// EXTERNAL MODULE: ./src/registry/manifest.ts
var manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/registry/source.ts
var source = __webpack_require__(7846);
;// CONCATENATED MODULE: ./src/registry/oci-layout.ts








/** https://github.com/opencontainers/image-spec/blob/v1.1.0/annotations.md#pre-defined-annotation-keys */
const REF_NAME = 'org.opencontainers.image.ref.name';
/** Indexes of indexes exist (go-containerregistry testdata) but never deeply; the bound stops hostile layouts. */
const MAX_INDEX_DEPTH = 4;
const INDEX_TYPES = new Set([manifest/* MEDIA_TYPES */.Z2.ociIndex, manifest/* MEDIA_TYPES */.Z2.dockerList]);
/** `file` as messages show it (see `#shown`). */
function fsFailure(error, file, what) {
    const code = error?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return (0,source/* fail */.f)('not-found', `${what}: ${file} does not exist`);
    return (0,source/* fail */.f)('unreachable', `cannot read ${file}: ${code ?? String(error)}`);
}
function unique(platforms) {
    const out = [];
    for (const p of platforms)
        if (!out.some((q) => (0,match/* samePlatform */.my)(p, q)))
            out.push(p);
    return out.sort(match/* comparePlatforms */.UX);
}
/**
 * Resolves images from OCI image layouts on disk, in skopeo's `oci:` convention: the image
 * `<registry>/<repo>:<tag>` is the layout at `<rootDir>/<repo>` whose index.json entry carries the
 * annotation `org.opencontainers.image.ref.name: <tag>`; a digest reference is looked up among the
 * entries and then in the blobs. Every blob read is verified against its name.
 * Layout spec: https://github.com/opencontainers/image-spec/blob/v1.1.0/image-layout.md
 *
 * Each file is read at most once per instance, and concurrent resolves of one reference share a promise.
 * Bad data and file-system errors become error resolutions; an aborted signal resolves to
 * `cancelled` for that caller only (the shared work goes on for the others).
 */
class OciLayoutSource {
    #root;
    /** How messages name the root: relative to the working directory, never the runner's absolute path. */
    #shownRoot;
    #indexes = new Map();
    #blobs = new Map();
    #resolutions = new Map();
    /** `base`: the directory messages name files relative to (the workspace the run reports paths from). */
    constructor(rootDir, base = process.cwd()) {
        this.#root = external_node_path_default().resolve(rootDir);
        const rel = external_node_path_default().relative(external_node_path_default().resolve(base), this.#root);
        const inside = !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel);
        this.#shownRoot = inside ? rel.split((external_node_path_default()).sep).join('/') || '.' : '<oci mirror>';
    }
    /** A path under the root as messages show it (`mirror/acme/app/index.json`, or `<oci mirror>/...` outside cwd). */
    #shown(p) {
        const rel = external_node_path_default().relative(this.#root, p).split((external_node_path_default()).sep).join('/');
        return rel ? `${this.#shownRoot}/${rel}` : this.#shownRoot;
    }
    resolve(ref, signal) {
        const key = ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
        let shared = this.#resolutions.get(key);
        if (!shared) {
            shared = this.#resolveUncached(ref);
            this.#resolutions.set(key, shared);
        }
        return signal ? raceAbort(shared, signal) : shared;
    }
    /** Deep mode's reads: the layout's blobs of `ref`'s repository; layers stream from the file, never read whole. */
    content(ref) {
        const dir = this.#layoutDir(ref);
        const shown = (p) => this.#shown(p);
        return {
            manifest: (digest) => ((0,source/* isFailure */.N)(dir) ? Promise.resolve(dir) : this.#blob(dir, digest, 'manifest')),
            blob: (digest) => ((0,source/* isFailure */.N)(dir) ? Promise.resolve(dir) : this.#blob(dir, digest, 'image config')),
            openBlob: async function* (digest, maxBytes, signal) {
                const parsed = (0,registry_digest/* parseDigest */.m)(digest);
                if ((0,source/* isFailure */.N)(dir) || !parsed) {
                    yield (0,source/* isFailure */.N)(dir) ? dir : (0,source/* fail */.f)('invalid', `layer digest "${digest}" is malformed`);
                    return;
                }
                const file = external_node_path_default().join(dir, 'blobs', parsed.algorithm, parsed.encoded);
                if (maxBytes <= 0)
                    return;
                const stream = (0,external_node_fs_.createReadStream)(file, { end: maxBytes - 1, highWaterMark: 64 * 1024, signal });
                try {
                    for await (const chunk of stream)
                        yield chunk;
                }
                catch (error) {
                    yield fsFailure(error, shown(file), `layer ${digest} not found`);
                }
                finally {
                    stream.destroy();
                }
            },
        };
    }
    #layoutDir(ref) {
        const segments = ref.repository.split('/');
        if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s))) {
            return (0,source/* fail */.f)('invalid', `repository "${ref.repository}" cannot name a layout directory`);
        }
        return external_node_path_default().join(this.#root, ...segments);
    }
    async #resolveUncached(ref) {
        const dir = this.#layoutDir(ref);
        if ((0,source/* isFailure */.N)(dir))
            return dir;
        const entries = await this.#index(dir);
        if ((0,source/* isFailure */.N)(entries))
            return entries;
        const tag = ref.tag ?? 'latest';
        const entry = ref.digest
            ? (entries.find((d) => d.digest === ref.digest) ?? { digest: ref.digest, size: 0 })
            : entries.find((d) => d.annotations?.[REF_NAME] === tag);
        if (entry) {
            const r = await this.#describe(dir, entry, 0);
            // Reasons below name digests; the layout directory is said once, here (not-found and integrity
            // reasons already name the file).
            return r.kind === 'error' && r.cause !== 'not-found' && r.cause !== 'integrity'
                ? (0,source/* fail */.f)(r.cause, `${r.reason}; layout ${this.#shown(dir)}`)
                : r;
        }
        const tags = entries.flatMap((d) => d.annotations?.[REF_NAME] ?? []);
        const known = tags.length === 0 ? 'it has no tagged entries' : `its tags: ${tags.slice(0, 10).join(', ')}`;
        return (0,source/* fail */.f)('not-found', `tag "${tag}" is not in ${this.#shown(external_node_path_default().join(dir, 'index.json'))} (${known})`);
    }
    /** The platforms of the manifest or index a descriptor points at. */
    async #describe(dir, desc, depth) {
        const bytes = await this.#blob(dir, desc.digest, 'manifest');
        if ((0,source/* isFailure */.N)(bytes))
            return bytes;
        // A descriptor's mediaType is only a hint (go-containerregistry writes the descriptor type itself there).
        const hint = desc.mediaType && manifest/* MANIFEST_ACCEPT */.dY.includes(desc.mediaType) ? desc.mediaType : undefined;
        const parsed = (0,manifest/* parseManifest */.Ng)(bytes, hint);
        switch (parsed.kind) {
            case 'invalid':
                return (0,source/* fail */.f)('invalid', `${desc.digest} is not a usable manifest: ${parsed.reason}`);
            case 'schema1':
                return { kind: 'single', digest: desc.digest, platform: parsed.platform };
            case 'manifest': {
                const { config } = parsed;
                if (!(0,manifest/* isImageConfigMediaType */.i8)(config.mediaType)) {
                    const artifact = parsed.artifactType ? `artifactType ${parsed.artifactType}, ` : '';
                    const detail = `${artifact}config media type ${config.mediaType}`;
                    return (0,source/* fail */.f)('not-an-image', `${desc.digest} is not a container image (${detail})`);
                }
                const configBytes = await this.#blob(dir, config.digest, 'image config');
                if ((0,source/* isFailure */.N)(configBytes))
                    return configBytes;
                const platform = (0,manifest/* platformFromConfig */.M3)(configBytes, config.mediaType);
                if ('error' in platform)
                    return (0,source/* fail */.f)(platform.cause, `${desc.digest}: ${platform.error}`);
                return { kind: 'single', digest: desc.digest, platform };
            }
            case 'index':
                return this.#describeIndex(dir, desc.digest, parsed.manifests, depth);
            default: {
                const unreachable = parsed;
                throw new Error(`unhandled manifest ${JSON.stringify(unreachable)}`);
            }
        }
    }
    /**
     * Platforms of an index's image children. A child's declared platform is trusted without reading it;
     * children that declare none (allowed by the spec) and nested indexes are read. Children that turn out
     * to be artifacts, or whose blobs were not copied, are skipped; a corrupted blob fails the whole image.
     */
    async #describeIndex(dir, digest, children, depth) {
        const nested = (d) => d.mediaType !== undefined && INDEX_TYPES.has(d.mediaType);
        const platforms = (0,manifest/* indexPlatforms */.DB)(children.filter((d) => !nested(d)));
        const toRead = children.filter((d) => !(0,manifest/* isAttestation */.H3)(d) && (nested(d) || !d.platform));
        const skipped = [];
        if (depth >= MAX_INDEX_DEPTH && toRead.length > 0) {
            skipped.push(`indexes nested deeper than ${MAX_INDEX_DEPTH} levels`);
        }
        else {
            const results = await Promise.all(toRead.map((d) => this.#describe(dir, d, depth + 1)));
            for (const r of results) {
                if (r.kind === 'index')
                    platforms.push(...r.platforms);
                else if (r.kind === 'single')
                    platforms.push(r.platform);
                else if (r.cause === 'integrity')
                    return r;
                else
                    skipped.push(r.reason);
            }
        }
        if (platforms.length > 0)
            return { kind: 'index', digest, platforms: unique(platforms) };
        const why = skipped.length > 0 ? `: ${skipped.slice(0, 3).join('; ')}` : '';
        return (0,source/* fail */.f)('not-an-image', `index ${digest} lists no container image platform${why}`);
    }
    #index(dir) {
        let cached = this.#indexes.get(dir);
        if (!cached) {
            const file = external_node_path_default().join(dir, 'index.json');
            cached = (0,promises_.readFile)(file).then((bytes) => {
                // index.json is an image index whether or not it says so (its mediaType field is optional).
                const parsed = (0,manifest/* parseManifest */.Ng)(bytes, manifest/* MEDIA_TYPES */.Z2.ociIndex);
                if (parsed.kind === 'index')
                    return parsed.manifests;
                const reason = parsed.kind === 'invalid' ? parsed.reason : `it is a ${parsed.kind}`;
                return (0,source/* fail */.f)('invalid', `${this.#shown(file)} is not an OCI image index: ${reason}`);
            }, (error) => fsFailure(error, this.#shown(file), 'no OCI image layout'));
            this.#indexes.set(dir, cached);
        }
        return cached;
    }
    /** The verified bytes of a blob: its name must be a digest we can check, and the content must match it. */
    #blob(dir, digest, what) {
        const parsed = (0,registry_digest/* parseDigest */.m)(digest);
        if (!parsed) {
            return Promise.resolve((0,source/* fail */.f)('invalid', `${what} digest "${digest}" is malformed or not sha256/sha512`));
        }
        const file = external_node_path_default().join(dir, 'blobs', parsed.algorithm, parsed.encoded);
        let cached = this.#blobs.get(file);
        if (!cached) {
            cached = (0,promises_.readFile)(file).then((bytes) => {
                if ((0,registry_digest/* verifyDigest */.Ub)(bytes, digest))
                    return bytes;
                const actual = parsed.algorithm === 'sha256' ? ` (its content is ${(0,registry_digest/* sha256Digest */.sI)(bytes)})` : '';
                return (0,source/* fail */.f)('integrity', `blob ${this.#shown(file)} does not match its name ${digest}${actual}`);
            }, (error) => fsFailure(error, this.#shown(file), `${what} ${digest} not found`));
            this.#blobs.set(file, cached);
        }
        return cached;
    }
}
/** The caller's view of shared work: its own abort ends its wait, not the work. */
function raceAbort(shared, signal) {
    const aborted = () => (0,source/* fail */.f)('cancelled', `resolution aborted: ${(0,errors/* errorMessage */.g)(signal.reason)}`);
    if (signal.aborted)
        return Promise.resolve(aborted());
    return new Promise((resolve) => {
        const onAbort = () => resolve(aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        void shared.then((r) => {
            signal.removeEventListener('abort', onAbort);
            resolve(r);
        });
    });
}

;// CONCATENATED MODULE: ./src/registry/http/usage.ts

const FIELD = {
    ping: 'pings',
    token: 'tokens',
    'manifest-head': 'manifestHeads',
    'manifest-get': 'manifestGets',
    'blob-get': 'blobGets',
};
/** `ratelimit-remaining: 76;w=21600` (docs.docker.com/docker-hub/usage/pulls): the count before `;`. */
function parseRemaining(value) {
    const match = /^\s*(\d{1,9})\s*(?:;|$)/.exec(value ?? '');
    return match ? Number(match[1]) : undefined;
}
/**
 * Counts requests by kind and watches pull quotas. `expect` says how many manifest GETs each origin may
 * cost this run (known once the references are planned); the first time an origin announces fewer pulls
 * left than that, the user is told once, with the fix, before the quota runs out mid-run.
 */
class UsageMeter {
    #usage = {
        pings: 0,
        tokens: 0,
        manifestHeads: 0,
        manifestGets: 0,
        blobGets: 0,
        cacheHits: 0,
    };
    #quotas = new Map();
    #pulls = new Map();
    #expected = new Map();
    #warned = new Set();
    #logger;
    constructor(logger) {
        this.#logger = logger;
    }
    /** At most `pulls` manifest GETs are expected from `origin` this run. */
    expect(origin, pulls) {
        this.#expected.set(origin, (this.#expected.get(origin) ?? 0) + pulls);
    }
    cacheHit() {
        this.#usage.cacheHits++;
    }
    /** One request of `kind` answered by `origin` with `headers`. */
    record(kind, origin, headers = {}) {
        this.#usage[FIELD[kind]]++;
        if (kind === 'manifest-get')
            this.#pulls.set(origin, (this.#pulls.get(origin) ?? 0) + 1);
        const remaining = parseRemaining(headers['ratelimit-remaining']);
        if (remaining === undefined)
            return;
        const pulls = this.#pulls.get(origin) ?? 0;
        this.#quotas.set(origin, { origin, pulls, remaining });
        const needed = (this.#expected.get(origin) ?? 0) - pulls;
        if (needed > remaining && !this.#warned.has(origin)) {
            this.#warned.add(origin);
            const hub = origin === endpoint/* DOCKER_HUB_ORIGIN */.Iv;
            this.#logger.warning(`${hub ? 'Docker Hub' : origin} allows ${remaining} more pull(s) ${hub ? 'from this IP or account ' : ''}` +
                `and this run may need up to ${needed}: images past the quota will be reported unresolved. ` +
                (hub
                    ? 'Log in to raise the limit (`docker login`, or docker/login-action before this step in a workflow), ' +
                        'keep the archcheck cache between runs, or configure a mirror under registries.mirrors.'
                    : 'Log in to the registry, keep the archcheck cache between runs, or configure a mirror under registries.mirrors.'));
        }
    }
    snapshot() {
        const quotas = [...this.#quotas.values()].map((q) => ({ ...q, pulls: this.#pulls.get(q.origin) ?? 0 }));
        return { ...this.#usage, quotas };
    }
}

;// CONCATENATED MODULE: ./src/registry/router.ts









/** The environment variable that widens the network guard, for CI setups and benchmarks. */
const ALLOW_PRIVATE_ENV = 'ARCHCHECK_ALLOW_PRIVATE_REGISTRIES';
/** The allow list from the options and the environment; throws ConfigurationError naming the bad value. */
function allowListOf(opts) {
    const fromOptions = (0,allow_list/* parseAllowList */.jR)(opts.allowPrivateRegistries ?? [], '--allow-private-registry');
    if ('error' in fromOptions)
        throw new errors/* ConfigurationError */.j(fromOptions.error);
    const fromEnv = (0,allow_list/* parseAllowList */.jR)((0,allow_list/* splitAllowText */.jO)(opts.env[ALLOW_PRIVATE_ENV]), ALLOW_PRIVATE_ENV);
    if ('error' in fromEnv)
        throw new errors/* ConfigurationError */.j(fromEnv.error);
    return [...fromOptions, ...fromEnv];
}
/**
 * One ImageSource for the whole run: routes each ref by registry host to its mirror (oci: -> OciLayoutSource,
 * https/http -> HTTP source at that endpoint/prefix) or to the registry itself over HTTPS (docker.io ->
 * registry-1.docker.io). De-duplicates in-flight resolves by canonical reference; bounded concurrency per run and
 * per registry (settings.concurrency); honours settings.timeoutMs per request and settings.deadlineMs overall.
 *
 * Mirror values that are not `oci:`, `https://` or `http://` throw ConfigurationError here, before any work,
 * as does a bad allow-list entry. Every request passes the NetworkGuard: non-public addresses are refused
 * unless allowed, whether a manifest, a mirror from the repository's config, a redirect or a token realm
 * names them.
 */
function createImageSource(opts) {
    const mirrors = new Map();
    for (const [host, spec] of Object.entries(opts.settings.mirrors)) {
        const target = (0,endpoint/* parseMirror */.v0)(host, spec);
        if ('error' in target)
            throw new errors/* ConfigurationError */.j(target.error);
        mirrors.set((0,endpoint/* normalizeRegistryHost */.Z6)(host), target);
    }
    const secrets = new Secrets();
    const logger = redactingLogger(opts.logger, secrets);
    const allow = allowListOf(opts);
    const usage = new UsageMeter(logger);
    // Loaded on first use: see http-stack.ts.
    let http;
    const httpStack = () => (http ??= Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(472)]).then(__webpack_require__.bind(__webpack_require__, 7472)).then((m) => m.buildHttpStack(opts, { allow, logger, secrets, usage })));
    const httpSources = new Set();
    const isHttp = (source) => httpSources.has(source);
    const sources = new Map();
    const layouts = new Map();
    async function sourceFor(registry) {
        const host = (0,endpoint/* normalizeRegistryHost */.Z6)(registry);
        let source = sources.get(host);
        if (source)
            return source;
        const mirror = mirrors.get(host);
        if (mirror?.kind === 'oci') {
            source = layouts.get(mirror.dir) ?? new OciLayoutSource(mirror.dir);
            layouts.set(mirror.dir, source);
        }
        else {
            const stack = await httpStack();
            // Another caller may have made this host's source while the stack loaded: one client per registry.
            const made = sources.get(host);
            if (made)
                return made;
            source = stack.source(mirror?.endpoint ?? (0,endpoint/* defaultEndpoint */.nQ)(host));
            httpSources.add(source);
        }
        logger.debug(`registry ${host}: ${mirror?.kind === 'oci' ? `oci:${mirror.dir}` : (mirror?.endpoint.origin ?? (0,endpoint/* defaultEndpoint */.nQ)(host).origin)}`);
        sources.set(host, source);
        return source;
    }
    const inflight = new Map();
    // References already planned: a reference announced twice is expected to cost its pulls once.
    const planned = new Set();
    let deadline;
    const deadlineSignal = () => {
        if (!deadline) {
            deadline = new AbortController();
            const controller = deadline;
            // Every queued request listens on the run's deadline; hundreds of images are normal, not a leak.
            (0,external_node_events_.setMaxListeners)(0, controller.signal);
            setTimeout(() => controller.abort(), opts.settings.deadlineMs).unref();
        }
        return deadline.signal;
    };
    async function work(ref, key) {
        let resolution;
        try {
            resolution = await (await sourceFor(ref.registry)).resolve(ref, deadlineSignal());
        }
        catch (error) {
            resolution = (0,source/* fail */.f)('internal', `unexpected error resolving ${key}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
        switch (resolution.kind) {
            case 'index':
                logger.debug(`${key}: index ${resolution.digest}, ${resolution.platforms.length} platform(s)`);
                return resolution;
            case 'single':
                logger.debug(`${key}: single-platform ${resolution.digest}`);
                return resolution;
            case 'error':
                logger.debug(`${key}: ${resolution.cause}`);
                return { ...resolution, reason: secrets.redact(resolution.reason) };
            default: {
                const unreachable = resolution;
                return unreachable;
            }
        }
    }
    return {
        async plan(refs) {
            const scopes = new Map();
            const unique = new Map();
            for (const ref of refs) {
                const key = (0,reference/* canonicalImage */.KN)(ref);
                if (!planned.has(key))
                    unique.set(key, ref);
                planned.add(key);
            }
            await Promise.all([...unique.values()].map(async (ref) => {
                const source = await sourceFor(ref.registry);
                if (!isHttp(source))
                    return;
                const { origin } = source.client.endpoint;
                const pulls = await source.expectedPulls(ref);
                usage.expect(origin, pulls);
                const set = scopes.get(origin) ?? new Set();
                set.add(source.client.scope(ref.repository));
                scopes.set(origin, set);
            }));
            if (scopes.size === 0)
                return;
            const { auth } = await httpStack();
            for (const [origin, set] of scopes)
                auth.plan(origin, [...set]);
        },
        usage: () => usage.snapshot(),
        resolve(ref, signal) {
            const key = (0,reference/* canonicalImage */.KN)(ref);
            let shared = inflight.get(key);
            if (!shared) {
                shared = work(ref, key);
                inflight.set(key, shared);
            }
            if (!signal)
                return shared;
            // The shared work runs on under the run's deadline; only this caller stops waiting.
            const cancelled = (0,source/* fail */.f)('cancelled', `resolving ${key} was cancelled`);
            if (signal.aborted)
                return Promise.resolve(cancelled);
            return new Promise((resolve) => {
                const onAbort = () => resolve(cancelled);
                signal.addEventListener('abort', onAbort, { once: true });
                void shared.then((r) => {
                    signal.removeEventListener('abort', onAbort);
                    resolve(r);
                });
            });
        },
        content(ref) {
            const inner = sourceFor(ref.registry).then((source) => {
                const content = source.content?.(ref);
                if (!content)
                    throw new Error(`no content reader for ${(0,reference/* canonicalImage */.KN)(ref)}`);
                return content;
            });
            // Rejections surface through the reads; a reader nobody reads from is not an unhandled rejection.
            inner.catch(() => undefined);
            return redactedContent(inner, (text) => secrets.redact(text));
        },
        close: async () => {
            if (http)
                await (await http).dispatcher.close();
        },
    };
}
/** Failure reasons from deep-mode reads pass the same redaction as resolutions' before anyone logs them. */
function redactedContent(inner, redact) {
    const clean = (value) => (0,source/* isFailure */.N)(value) ? { ...value, reason: redact(value.reason) } : value;
    return {
        manifest: async (digest, signal) => clean(await (await inner).manifest(digest, signal)),
        blob: async (digest, signal) => clean(await (await inner).blob(digest, signal)),
        openBlob: async function* (digest, maxBytes, signal) {
            for await (const item of (await inner).openBlob(digest, maxBytes, signal))
                yield clean(item);
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/stage.ts





/**
 * Opens the image stage: checks the trusted allow list and the mirrors (ConfigurationError before any work),
 * then builds the run's image source over the cache. Each image starts resolving when the first unit naming it
 * is added, after it is planned, so a registry's token covers every repository planned so far.
 */
function openImageStage(opts) {
    const { logger, env } = opts;
    const allowPrivateRegistries = [
        ...(opts.allowPrivateRegistries ?? []),
        ...trustedMirrorHosts(opts.mirrors),
    ];
    // A bad allow-list entry (flag, input or environment) is a configuration error, found before any work.
    if (!opts.imageSource)
        allowListOf({ allowPrivateRegistries, env });
    const root = opts.noCache ? undefined : cacheRoot(env, opts.cacheDir);
    const cache = root && !opts.imageSource ? new DiskCache(root) : undefined;
    let owned;
    const source = opts.imageSource ??
        (owned = createImageSource({
            settings: mergeMirrors(opts.settings, opts.mirrors),
            env,
            githubToken: opts.githubToken,
            allowPrivateRegistries,
            logger,
            ...(cache ? { cache } : {}),
        }));
    // The image source bounds requests in flight itself; more images than that are worked on at once, so
    // network slots do not idle while some images read the cache or wait for a token.
    const gate = limiter(opts.settings.concurrency * 4);
    const pending = new Map();
    let started;
    return {
        source,
        cacheRoot: root,
        add(workloads) {
            const fresh = new Map();
            for (const w of workloads)
                for (const c of w.containers) {
                    const key = c.ref && (0,reference/* canonicalImage */.KN)(c.ref);
                    if (c.ref && key && !pending.has(key))
                        fresh.set(key, c.ref);
                }
            if (fresh.size === 0)
                return;
            started ??= Date.now();
            const planned = owned?.plan([...fresh.values()]);
            for (const [key, ref] of fresh)
                pending.set(key, gate(() => resolveSafely(source, ref, planned)));
        },
        resolutions: () => logger.group('Resolve images', async () => {
            if (cache && pending.size > 0)
                logger.debug(`registry cache: ${cache.dir}`);
            const total = pending.size;
            const step = Math.max(1, Math.ceil(total / 10));
            let done = 0;
            const entries = await Promise.all([...pending].map(async ([key, resolving]) => {
                const resolution = await resolving;
                done++;
                // Progress only where resolving takes a while to watch; the total is logged below either way.
                if (total >= 20 && (done % step === 0 || done === total))
                    logger.info(`resolved ${done}/${total} image(s)`);
                return [key, resolution];
            }));
            logger.info(`${total} unique image(s) in ${started === undefined ? 0 : Date.now() - started} ms`);
            return new Map(entries);
        }),
        maintain: async () => {
            await cache?.maintain(DEFAULT_CACHE_BYTES);
        },
        async close() {
            const usage = owned?.usage();
            await owned?.close();
            return usage;
        },
    };
}
/**
 * An image source that throws (or a plan that fails) is a bug there, but it must not cost the user the rest of
 * the run; nor may it reject a promise nobody awaits yet.
 */
async function resolveSafely(source, ref, planned) {
    try {
        await planned;
        return await source.resolve(ref);
    }
    catch (error) {
        return {
            kind: 'error',
            cause: 'internal',
            reason: `internal error while resolving: ${String(error)}`,
        };
    }
}
/** Hosts of HTTP mirrors given on the trusted side: the user chose them, private address or not. */
function trustedMirrorHosts(mirrors) {
    return Object.values(mirrors ?? {})
        .filter((target) => /^https?:\/\//.test(target) && URL.canParse(target))
        .map((target) => new URL(target).host);
}
function mergeMirrors(settings, extra) {
    return extra ? { ...settings, mirrors: { ...settings.mirrors, ...extra } } : settings;
}

;// CONCATENATED MODULE: ./src/reporters/usage.ts
/**
 * One line on what resolving cost, e.g. "Registry requests: 1 ping, 1 token, 40 manifest HEADs, 2 manifest
 * GETs, 1 blob GET; 58 from the cache. docker.io pulls spent: 2 (93 left)." Undefined when nothing was asked.
 */
function describeUsage(usage) {
    if (!usage)
        return undefined;
    const parts = [
        [usage.pings, 'ping'],
        [usage.tokens, 'token'],
        [usage.manifestHeads, 'manifest HEAD'],
        [usage.manifestGets, 'manifest GET'],
        [usage.blobGets, 'blob GET'],
    ];
    const sent = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
    if (sent.length === 0 && usage.cacheHits === 0)
        return undefined;
    let text = `Registry requests: ${sent.length > 0 ? sent.join(', ') : 'none'}`;
    if (usage.cacheHits > 0)
        text += `; ${usage.cacheHits} read from the cache`;
    text += '.';
    for (const quota of usage.quotas) {
        const host = quota.origin.replace(/^https?:\/\//, '');
        const name = host === 'registry-1.docker.io' ? 'Docker Hub' : host;
        text += ` ${name} pulls spent: ${quota.pulls} (${quota.remaining} left).`;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/rules/finding.ts
const SEVERITY_RANK = { error: 3, warning: 2, notice: 1 };

// EXTERNAL MODULE: ./src/deep/executable.ts
var executable = __webpack_require__(3372);
;// CONCATENATED MODULE: ./src/rules/deep-targets.ts



/** Every (container, cluster, child) deep mode looked at; empty when deep mode did not run. */
function deepTargets(ctx) {
    if (!ctx.deep)
        return [];
    const out = [];
    for (const { workload, cluster, pools } of ctx.placements) {
        const eligible = pools.filter((p) => p.eligible).map((p) => p.pool);
        for (const container of workload.containers) {
            if (!container.ref)
                continue;
            const image = (0,reference/* canonicalImage */.KN)(container.ref);
            const resolution = ctx.resolutions.get(image);
            if (!resolution || resolution.kind === 'error')
                continue;
            const byChild = new Map();
            for (const pool of eligible) {
                const platform = pulledPlatform(pool.platform, resolution);
                if (!platform)
                    continue;
                const key = (0,normalize/* formatPlatform */.Bq)(platform);
                const known = byChild.get(key);
                if (known) {
                    known.pools.push(pool);
                    continue;
                }
                const override = {};
                if (container.command)
                    override.command = container.command;
                if (container.args)
                    override.args = container.args;
                byChild.set(key, {
                    workload,
                    cluster,
                    container,
                    image,
                    resolution,
                    platform,
                    pools: [pool],
                    override,
                });
            }
            out.push(...byChild.values());
        }
    }
    return out;
}
/** `pool arm (linux/arm64), pool graviton (linux/arm64)`. */
function poolList(pools) {
    return pools.map((p) => `pool ${p.name} (${(0,normalize/* formatPlatform */.Bq)(p.platform)})`).join(', ');
}
/**
 * Paths and link targets read from image layers are whatever the image's author wrote, control characters
 * included: a message shows them as `?` so they cannot move a terminal's cursor or split a log line.
 */
function printable(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

;// CONCATENATED MODULE: ./src/rules/describe.ts
function workloadId(w) {
    return w.namespace
        ? { kind: w.kind, name: w.name, namespace: w.namespace }
        : { kind: w.kind, name: w.name };
}
/**
 * The fields that tie a finding to its workload: its id, and the Helm template it was rendered from (when it
 * was), so JSON consumers need not read the template out of the message.
 */
function workloadFields(w) {
    return w.template ? { workload: workloadId(w), template: w.template } : { workload: workloadId(w) };
}
/** The fields of a finding about one container: at its `image:`, naming its workload, the container and the image. */
function containerFields(w, c) {
    return { location: c.location, ...workloadFields(w), container: c.name, image: c.image };
}
function workloadLabel(w) {
    return `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}${w.part ? ` (${w.part})` : ''}`;
}
/**
 * The image a finding names: as it runs, and, when params filled it in, as written and where each value came
 * from (`gcr.io/x:1.2 ($(params.image): the default of param "image" at line 12)`).
 */
function imageLabel(c) {
    return `${c.image}${imageOrigin(c)}`;
}
/** ` ($(params.image): the default of param "image" at line 12)` for an image params filled in, else ''. */
function imageOrigin(c) {
    if (!c.written)
        return '';
    const sources = c.written.params.map((p) => `${p.from === 'default' ? 'the default' : 'the value'} of param "${p.name}" at line ${p.location.line}`);
    return ` (${c.written.image}: ${sources.join(', ')})`;
}

;// CONCATENATED MODULE: ./src/rules/binary-arch-mismatch.ts






const binaryArchMismatch = {
    meta: {
        id: 'binary-arch-mismatch',
        defaultSeverity: 'error',
        description: 'Deep mode: the program the container runs (or its script interpreter) is built for another CPU than the node pool the image build is for.',
        impact: 'The image resolves fine, but the container dies at start with "exec format error" on those nodes.',
        remediation: 'Build that binary for the platform of the image it is copied into (cross-compile, or COPY --from a stage built with --platform=$TARGETPLATFORM), then push the image again.',
    },
    check: (ctx) => deepTargets(ctx).flatMap((t) => {
        const fact = ctx.deep?.programs.get(programKey(t.image, t.platform, t.override));
        if (fact?.kind !== 'checked')
            return [];
        const child = ctx.deep?.children.get(childKey(t.image, t.platform));
        // Pools that cannot run a mislabeled build's real platform are image-platform-mislabeled's to report.
        const mislabeled = t.resolution.kind === 'index' && child?.kind === 'read' && contradicts(t.platform, child)
            ? child.real
            : undefined;
        const failing = t.pools.filter((pool) => !(mislabeled && !(0,match/* nodeRuns */.Tc)(pool.platform, mislabeled)) && wrongFile(fact.files, pool));
        const bad = failing[0] && wrongFile(fact.files, failing[0]);
        if (!bad)
            return [];
        const { path, executable } = bad;
        if (executable.kind !== 'elf')
            return [];
        const built = executable.architecture
            ? `linux/${executable.architecture}`
            : 'a machine no node pool runs';
        const program = fact.files[0];
        const from = fact.source === 'command' ? "the pod's command" : `the image's ${fact.source}`;
        const what = bad === program
            ? `${path} (${from} "${fact.written}"), an ${executable.description} binary for ${built}`
            : `${program.path} (${from} "${fact.written}"), whose interpreter ${path} is an ${executable.description} binary for ${built}`;
        const platform = (0,normalize/* formatPlatform */.Bq)(t.platform);
        return [
            {
                message: printable(`${workloadLabel(t.workload)}, container "${t.container.name}": the ${platform} build of image ${imageLabel(t.container)} runs ${what}. ` +
                    `${poolList(failing)} of cluster ${t.cluster.name} cannot run it: the container fails with "exec format error". ` +
                    `Fix: build ${path} for ${platform} and push the image again.`),
                ...containerFields(t.workload, t.container),
                cluster: t.cluster.name,
                nodePools: failing.map((p) => p.name),
                platforms: [platform],
            },
        ];
    }),
};
/** The first file the kernel loads that the pool's CPU cannot run. */
function wrongFile(files, pool) {
    return files.find((f) => f.executable.kind === 'elf' &&
        !(f.executable.architecture && (0,executable/* nodeRunsBinary */.yZ)(pool.platform, f.executable.architecture)));
}

;// CONCATENATED MODULE: ./src/rules/deep-check-incomplete.ts




const deepCheckIncomplete = {
    meta: {
        id: 'deep-check-incomplete',
        defaultSeverity: 'notice',
        description: 'Deep mode could not tell what a container runs: the file is missing, unreadable, beyond the byte budget, or not a program.',
        impact: 'The binary inside this image build was not checked against the node pools that pull it.',
        remediation: 'Check the message: raise --deep-image-budget/--deep-run-budget, fix the command or entrypoint path, or give archcheck access to the layers.',
    },
    check: (ctx) => deepTargets(ctx).flatMap((t) => {
        const platform = (0,normalize/* formatPlatform */.Bq)(t.platform);
        const child = ctx.deep?.children.get(childKey(t.image, t.platform));
        const program = ctx.deep?.programs.get(programKey(t.image, t.platform, t.override));
        let why;
        if (child?.kind === 'incomplete')
            why = child.reason;
        else if (program?.kind === 'incomplete')
            why = program.reason;
        else if (program?.kind === 'checked') {
            const file = program.files.find((f) => f.executable.kind === 'unknown');
            if (file?.executable.kind === 'unknown') {
                why = `${file.path} is ${file.executable.description}, which the kernel does not execute`;
            }
        }
        if (!why)
            return [];
        return [
            {
                message: printable(`container "${t.container.name}": the ${platform} build of ${imageLabel(t.container)} was not fully checked: ${why}.`),
                ...containerFields(t.workload, t.container),
                cluster: t.cluster.name,
                platforms: [platform],
            },
        ];
    }),
};

;// CONCATENATED MODULE: ./src/rules/deprecated-arch-label.ts

const DEPRECATED = {
    'beta.kubernetes.io/arch': 'kubernetes.io/arch',
    'beta.kubernetes.io/os': 'kubernetes.io/os',
};
const deprecatedArchLabel = {
    meta: {
        id: 'deprecated-arch-label',
        defaultSeverity: 'warning',
        description: 'A selector or node affinity uses the deprecated beta.kubernetes.io/arch or beta.kubernetes.io/os label.',
        impact: 'The beta labels are deprecated since Kubernetes 1.14; nodes of newer distributions may not carry them, and the pod then matches no node.',
        remediation: 'Use kubernetes.io/arch and kubernetes.io/os instead.',
    },
    check: (ctx) => ctx.workloads.flatMap((w) => {
        const uses = [
            ...w.scheduling.nodeSelector.map((s) => ({
                key: s.key,
                location: s.location,
                where: 'nodeSelector',
            })),
            ...(w.scheduling.requiredTerms ?? []).flatMap((t) => t.matchExpressions.map((e) => ({
                key: e.key,
                location: e.location,
                where: 'required node affinity',
            }))),
        ];
        return uses.flatMap(({ key, location, where }) => {
            const replacement = DEPRECATED[key];
            if (!replacement)
                return [];
            return [
                {
                    message: `${workloadLabel(w)}: ${where} uses deprecated label ${key}; use ${replacement}.`,
                    location,
                    ...workloadFields(w),
                },
            ];
        });
    }),
};

;// CONCATENATED MODULE: ./src/rules/causes.ts
/**
 * What each resolution cause is reported as: a missing image is an error of its own, altered bytes are a
 * supply-chain alarm, and everything else only leaves the image's platforms unknown.
 */
const RESOLUTION_RULES = {
    'not-found': 'image-not-found',
    integrity: 'digest-mismatch',
    unauthorized: 'image-unresolved',
    'rate-limited': 'image-unresolved',
    unreachable: 'image-unresolved',
    timeout: 'image-unresolved',
    refused: 'image-unresolved',
    'registry-error': 'image-unresolved',
    'not-an-image': 'image-unresolved',
    invalid: 'image-unresolved',
    cancelled: 'image-unresolved',
    internal: 'image-unresolved',
};
/** What each render problem cause is reported as: anything that left a source unchecked is a render error. */
const RENDER_RULES = {
    invalid: 'render-error',
    'tool-missing': 'render-error',
    'build-failed': 'render-error',
    'image-entry-unused': 'kustomize-image-unused',
};
const ruleForResolution = (cause) => RESOLUTION_RULES[cause];
const ruleForRenderProblem = (cause) => RENDER_RULES[cause];

;// CONCATENATED MODULE: ./src/rules/resolution-findings.ts



/** The platforms a resolution found, or undefined when the image could not be inspected ("unknown"). */
function platformsOf(resolution) {
    if (!resolution)
        return undefined;
    switch (resolution.kind) {
        case 'index':
            return resolution.platforms;
        case 'single':
            return [resolution.platform];
        case 'error':
            return undefined;
        default: {
            const never = resolution;
            return never;
        }
    }
}
/** One finding per container whose image failed to resolve for a cause reported under `rule`, at the container's `image:` line. */
function resolutionFailures(ctx, rule, what) {
    return ctx.workloads.flatMap((w) => w.containers.flatMap((c) => {
        if (!c.ref)
            return [];
        const r = ctx.resolutions.get((0,reference/* canonicalImage */.KN)(c.ref));
        if (r?.kind !== 'error' || ruleForResolution(r.cause) !== rule)
            return [];
        return [
            {
                message: `${what} ${imageLabel(c)} (container "${c.name}"): ${r.reason}`,
                ...containerFields(w, c),
            },
        ];
    }));
}

;// CONCATENATED MODULE: ./src/rules/digest-mismatch.ts

const digestMismatch = {
    meta: {
        id: 'digest-mismatch',
        defaultSeverity: 'error',
        description: 'The manifest bytes the registry served do not hash to the digest asked for or announced.',
        impact: 'A pinned digest no longer matches what the registry serves (tampering, a broken mirror or cache).',
        remediation: 'Re-resolve the digest from a trusted registry and pin it again; check the mirror or proxy in between.',
    },
    check: (ctx) => resolutionFailures(ctx, 'digest-mismatch', 'digest mismatch for'),
};

;// CONCATENATED MODULE: ./src/rules/verdict.ts

/**
 * The one image x pool verdict, read by the `image-arch-mismatch` rule and the report's matrix alike:
 * a pod the pool does not admit never lands there; an image that could not be inspected (`platforms`
 * undefined) is unknown; otherwise it runs when the pool's platform runs one of the image's platforms
 * (`nodeRunsAny`, containerd's matching) and fails with "exec format error" when none.
 */
function poolVerdict(placement, platforms) {
    if (!placement.eligible)
        return 'not-scheduled';
    if (!platforms)
        return 'unknown';
    return (0,match/* nodeRunsAny */.vo)(placement.pool.platform, platforms) ? 'runs' : 'exec-format-error';
}

;// CONCATENATED MODULE: ./src/rules/image-arch-mismatch.ts






const imageArchMismatch = {
    meta: {
        id: 'image-arch-mismatch',
        defaultSeverity: 'error',
        description: 'The pod can be scheduled on a node pool whose platform the image does not publish.',
        impact: 'On those nodes the container fails to start with "exec format error" (CrashLoopBackOff).',
        remediation: 'Publish the missing platforms (docker buildx build --platform linux/amd64,linux/arm64 ...), or keep the pod off those pools with a nodeSelector on kubernetes.io/arch.',
    },
    check: (ctx) => ctx.placements.flatMap(({ workload, cluster, pools }) => {
        if (!pools.some((p) => p.eligible))
            return [];
        return workload.containers.flatMap((c) => {
            if (!c.ref)
                return [];
            const platforms = platformsOf(ctx.resolutions.get((0,reference/* canonicalImage */.KN)(c.ref)));
            if (!platforms)
                return [];
            const poolsWhere = (verdict) => pools.filter((p) => poolVerdict(p, platforms) === verdict).map((p) => p.pool);
            const failing = poolsWhere('exec-format-error');
            if (failing.length === 0)
                return [];
            const missing = [...new Set(failing.map((p) => (0,normalize/* formatPlatform */.Bq)(p.platform)))];
            const runsOn = poolsWhere('runs');
            const published = platforms.map(normalize/* formatPlatform */.Bq).join(', ') || 'no platforms';
            const fix = runsOn.length > 0
                ? `add nodeSelector kubernetes.io/arch: ${[...new Set(runsOn.map((p) => p.platform.architecture))].join(' or ')} (or node affinity) to keep it on ${runsOn.map((p) => p.name).join(', ')}, or publish ${missing.join(', ')}`
                : `publish ${missing.join(', ')} for this image, or schedule the pod on nodes of a platform it has`;
            // archcheck's one departure from containerd: arm64 pools run 32-bit Arm only when declared to.
            const aarch32 = failing.filter((p) => p.platform.architecture === 'arm64' &&
                !p.platform.aarch32 &&
                (0,match/* nodeRunsAny */.vo)({ ...p.platform, aarch32: true }, platforms));
            const hint = aarch32.length > 0
                ? ` If the CPUs of ${aarch32.map((p) => `pool ${p.name}`).join(', ')} run 32-bit Arm (Graviton 2, Ampere Altra; not Graviton 3 and later), declare aarch32: true on the pool.`
                : '';
            return [
                {
                    message: `${workloadLabel(workload)}, container "${c.name}": image ${imageLabel(c)} has no ${missing.join(', ')} build ` +
                        `(it has ${published}), but the pod can be scheduled on ${failing.map((p) => `pool ${p.name} (${(0,normalize/* formatPlatform */.Bq)(p.platform)})`).join(', ')} ` +
                        `of cluster ${cluster.name}, where it will fail with "exec format error". Fix: ${fix}.${hint}`,
                    ...containerFields(workload, c),
                    cluster: cluster.name,
                    nodePools: failing.map((p) => p.name),
                    platforms: missing,
                },
            ];
        });
    }),
};

;// CONCATENATED MODULE: ./src/rules/image-not-found.ts

const imageNotFound = {
    meta: {
        id: 'image-not-found',
        defaultSeverity: 'error',
        description: 'The registry (or mirror) has no such image: the repository, tag or digest does not exist.',
        impact: 'Pods fail with ErrImagePull / ImagePullBackOff.',
        remediation: 'Check the repository name and tag, and that the image was pushed before the manifest that uses it.',
    },
    check: (ctx) => resolutionFailures(ctx, 'image-not-found', 'image not found:'),
};

;// CONCATENATED MODULE: ./src/rules/image-platform-mislabeled.ts




const imagePlatformMislabeled = {
    meta: {
        id: 'image-platform-mislabeled',
        defaultSeverity: 'error',
        description: "Deep mode: an image index lists a build under one platform, but that build's config says it is for another.",
        impact: 'Nodes of the claimed platform pull that build and run code made for another CPU: "exec format error" (CrashLoopBackOff).',
        remediation: 'Rebuild the image for the claimed platform (docker buildx build --platform ...) and push the index again; with docker manifest create, check each --amend image and docker manifest annotate --arch.',
    },
    check: (ctx) => deepTargets(ctx).flatMap((t) => {
        if (t.resolution.kind !== 'index')
            return [];
        const fact = ctx.deep?.children.get(childKey(t.image, t.platform));
        if (fact?.kind !== 'read' || !contradicts(t.platform, fact))
            return [];
        const claimed = (0,normalize/* formatPlatform */.Bq)(t.platform);
        const real = (0,normalize/* formatPlatform */.Bq)(fact.real);
        return [
            {
                message: printable(`${workloadLabel(t.workload)}, container "${t.container.name}": image ${imageLabel(t.container)} lists a ${claimed} build, ` +
                    `but that build's config says ${real}. ${poolList(t.pools)} of cluster ${t.cluster.name} pull it and will fail ` +
                    `with "exec format error". Fix: rebuild and push the ${claimed} image (docker buildx build --platform ${claimed}), ` +
                    'or correct the index entry.'),
                ...containerFields(t.workload, t.container),
                cluster: t.cluster.name,
                nodePools: t.pools.map((p) => p.name),
                platforms: [claimed, real],
            },
        ];
    }),
};

// EXTERNAL MODULE: ./src/workloads/kinds.ts
var kinds = __webpack_require__(5013);
;// CONCATENATED MODULE: ./src/rules/deferred.ts

/** Every placeholder: on an inferred workload, none of them is known to be a pod's image. */
const PLACEHOLDERS = new Set([
    'template',
    'env',
    'parameter',
    'printf',
    'pattern',
    'ko',
]);
/**
 * Whether `c`'s image is one that is only known later, so not inspecting it is a notice, not an invalid
 * reference: a `ko://` path (ko builds it at deploy time), a Tekton param without a value (each run sets it), and
 * any placeholder in a kind archcheck only inferred to hold pods (it may well be a template or a pattern).
 */
function isDeferredImage(w, c) {
    const kind = c.parseError?.kind;
    if (kind === undefined)
        return false;
    if (kind === 'ko')
        return true;
    if (kind === 'parameter' && (0,kinds/* apiGroup */.oI)(w.apiVersion) === 'tekton.dev')
        return true;
    return w.inferred === true && PLACEHOLDERS.has(kind);
}
/**
 * The steps whose StepAction is not among the scanned workloads: a StepAction that is is checked as a workload
 * of its own (its `spec.image`). Matched by name, and by namespace when both are written.
 */
function unscannedStepActions(workloads) {
    // Namespaces of the scanned StepActions by name ('' for one written without): one lookup per reference.
    const scanned = new Map();
    for (const a of workloads) {
        if (a.kind !== 'StepAction' || (0,kinds/* apiGroup */.oI)(a.apiVersion) !== 'tekton.dev')
            continue;
        const namespaces = scanned.get(a.name) ?? new Set();
        namespaces.add(a.namespace ?? '');
        scanned.set(a.name, namespaces);
    }
    const found = (w, s) => {
        // A resolver's StepAction (no name) is fetched at run time: never in the tree.
        const namespaces = s.name === undefined ? undefined : scanned.get(s.name);
        return !!namespaces && (!w.namespace || namespaces.has('') || namespaces.has(w.namespace));
    };
    return workloads.flatMap((w) => (w.stepActions ?? []).filter((s) => !found(w, s)).map((s) => ({ w, s })));
}

;// CONCATENATED MODULE: ./src/rules/image-unresolved.ts



const imageUnresolved = {
    meta: {
        id: 'image-unresolved',
        defaultSeverity: 'warning',
        description: 'The image could not be inspected, so its platforms are unknown (not known to be incompatible).',
        impact: 'archcheck cannot tell whether this image runs on every node pool it can land on.',
        remediation: 'Give archcheck access to the registry (credentials, a mirror, or an OCI layout via registries.mirrors), or turn the rule off for images you cannot reach.',
    },
    check: (ctx) => [
        ...resolutionFailures(ctx, 'image-unresolved', 'could not inspect'),
        ...deferredImages(ctx),
        ...stepActionsElsewhere(ctx),
    ],
};
/**
 * Images only known later (`isDeferredImage`): nothing to inspect yet, so a notice (unless the rule's level is
 * configured), never an invalid reference. `ko://` paths are built and pushed by ko at deploy time
 * (https://ko.build/features/multi-platform/).
 */
function deferredImages(ctx) {
    return ctx.workloads.flatMap((w) => w.containers.flatMap((c) => {
        if (!c.parseError || !isDeferredImage(w, c))
            return [];
        const message = c.parseError.kind === 'ko'
            ? `container "${c.name}": ${c.image} is built by ko at deploy time, so its platforms cannot be checked ` +
                'here; make ko build every platform your node pools run (ko build --platform=linux/amd64,linux/arm64, or defaultPlatforms in .ko.yaml).'
            : `${workloadLabel(w)}, container "${c.name}": ${c.parseError.reason}.` +
                (w.inferred
                    ? ` ${w.kind} is not a known workload kind (archcheck inferred a pod from its containers list), so this is a notice.`
                    : '');
        return [{ message, ...containerFields(w, c), defaultSeverity: 'notice' }];
    }));
}
/** Steps running a StepAction that is not among the scanned files: its image is not written anywhere we read. */
function stepActionsElsewhere(ctx) {
    return unscannedStepActions(ctx.workloads).map(({ w, s }) => ({
        message: `${workloadLabel(w)}, step "${s.step}" runs ` +
            (s.name
                ? `StepAction "${s.name}", which is not in the scanned files`
                : `a StepAction the ${s.resolver ?? 'remote'} resolver fetches at run time`) +
            ': its image was not checked; scan the StepAction manifest with the task to have it checked.',
        location: s.location,
        ...workloadFields(w),
        container: s.step,
        defaultSeverity: 'notice',
    }));
}

;// CONCATENATED MODULE: ./src/rules/invalid-image-reference.ts


const invalidImageReference = {
    meta: {
        id: 'invalid-image-reference',
        defaultSeverity: 'error',
        description: 'An image reference does not follow the distribution/reference grammar.',
        impact: 'The kubelet cannot pull the image: the pod stays in InvalidImageName or ErrImagePull.',
        remediation: 'Write the image as [registry/]repository[:tag][@sha256:digest] in lowercase; render templates (helm template, envsubst) before checking.',
    },
    check: (ctx) => ctx.workloads.flatMap((w) => w.containers.flatMap((c) => 
    // Images only known later (ko://, run params, placeholders of inferred kinds): image-unresolved says so.
    c.parseError && !isDeferredImage(w, c)
        ? [
            {
                message: `${c.type === 'container' ? 'container' : `${c.type} container`} "${c.name}": ${c.image ? `"${c.image}"${imageOrigin(c)} is not a valid image reference: ` : ''}${c.parseError.reason}`,
                ...containerFields(w, c),
            },
        ]
        : [])),
};

;// CONCATENATED MODULE: ./src/rules/kustomize-image-unused.ts

const kustomizeImageUnused = {
    meta: {
        id: 'kustomize-image-unused',
        defaultSeverity: 'warning',
        description: "A kustomization's `images:` entry matches no image of the resources it builds.",
        impact: 'The override does nothing: the image, tag or digest you meant to deploy is not the one that runs (often a base renamed an image).',
        remediation: "Make the entry's `name` the image name as the resources write it (without tag), or remove the entry.",
    },
    check: (ctx) => (ctx.renderProblems ?? []).flatMap((p) => ruleForRenderProblem(p.cause) === 'kustomize-image-unused'
        ? [{ message: p.message, location: p.location }]
        : []),
};

;// CONCATENATED MODULE: ./src/rules/mutable-image-tag.ts


const mutableImageTag = {
    meta: {
        id: 'mutable-image-tag',
        defaultSeverity: 'notice',
        description: 'The image has no tag or the tag latest, and no digest.',
        impact: 'What runs can change without a change to the manifest, including the platforms it was built for.',
        remediation: 'Pin a version tag, or better a digest (image:tag@sha256:...).',
    },
    check: (ctx) => ctx.workloads.flatMap((w) => w.containers.flatMap((c) => c.ref && (0,reference/* isMutableTag */.RB)(c.ref)
        ? [
            {
                message: `container "${c.name}": image ${imageLabel(c)} ${c.ref.tag ? 'uses the tag latest' : 'has no tag (latest is implied)'}; what it runs (and for which platforms) can change without a change here.`,
                ...containerFields(w, c),
            },
        ]
        : [])),
};

;// CONCATENATED MODULE: ./src/rules/no-eligible-nodes.ts

const noEligibleNodes = {
    meta: {
        id: 'no-eligible-nodes',
        defaultSeverity: 'error',
        description: 'No node pool of the cluster admits the pod (nodeSelector, required node affinity, taints).',
        impact: 'The pod stays Pending forever with "0/N nodes are available: didn\'t match Pod\'s node affinity/selector".',
        remediation: 'Correct the nodeSelector or node affinity to an architecture and labels the cluster has, add the missing tolerations, or declare the node pool in .archcheck.yaml if it exists.',
    },
    check: (ctx) => ctx.placements.flatMap(({ workload, cluster, pools }) => {
        if (pools.some((p) => p.eligible))
            return [];
        // Group by constraint so the message reads "X excludes a (has ...), b (has ...)".
        const byConstraint = new Map();
        for (const { pool, reasons } of pools) {
            for (const r of reasons)
                byConstraint.set(r.constraint, [
                    ...(byConstraint.get(r.constraint) ?? []),
                    `${pool.name} (${r.detail})`,
                ]);
        }
        const location = pools.flatMap((p) => p.reasons).find((r) => r.location)?.location ?? workload.location;
        const why = [...byConstraint].map(([constraint, excluded]) => `${constraint} excludes ${excluded.join(', ')}`);
        return [
            {
                message: `${workloadLabel(workload)} cannot be scheduled on any node pool of cluster ${cluster.name}, so its pods stay Pending: ` +
                    `${why.join('; ')}.`,
                location,
                cluster: cluster.name,
                ...workloadFields(workload),
                nodePools: pools.map((p) => p.pool.name),
            },
        ];
    }),
};

;// CONCATENATED MODULE: ./src/rules/render-error.ts

const renderError = {
    meta: {
        id: 'render-error',
        defaultSeverity: 'error',
        description: 'A Helm chart or kustomization could not be rendered (or its tool is not installed), so it was not checked.',
        impact: 'None of the workloads it deploys were checked; `helm install` or `kubectl apply -k` may fail the same way.',
        remediation: 'Fix the error at the reported place (run `helm template` or `kubectl kustomize` to see it), or install the missing tool.',
    },
    check: (ctx) => (ctx.renderProblems ?? []).flatMap((p) => ruleForRenderProblem(p.cause) === 'render-error' ? [{ message: p.message, location: p.location }] : []),
};

;// CONCATENATED MODULE: ./src/rules/workload-not-checked.ts

/**
 * Coverage lost is a finding, never silence: a workload in a file that no cluster's `paths` matches was checked
 * against no node pool, and a run that reports nothing about it would be green by accident.
 */
const workloadNotChecked = {
    meta: {
        id: 'workload-not-checked',
        defaultSeverity: 'warning',
        description: "The workload is in a file that no cluster's `paths` matches, so it was checked against no node pool.",
        impact: "Whatever it runs is deployed unchecked: an image without the nodes' architecture still dies with exec format error.",
        remediation: "Add the file to a cluster's `paths` in .archcheck.yaml (or a Helm entry's `cluster:`), or leave it out of the scan with `exclude:` if it is never deployed.",
    },
    check: (ctx) => {
        const placed = new Set(ctx.placements.map((p) => p.workload));
        return ctx.workloads
            .filter((w) => !placed.has(w))
            .map((w) => ({
            message: `${workloadLabel(w)} is in no cluster's paths, so it was not checked against any node pool.`,
            location: w.location,
            ...workloadFields(w),
        }));
    },
};

;// CONCATENATED MODULE: ./src/rules/yaml-parse-error.ts
const yamlParseError = {
    meta: {
        id: 'yaml-parse-error',
        defaultSeverity: 'error',
        description: 'A YAML or JSON document cannot be parsed.',
        impact: 'kubectl apply rejects the file, and archcheck cannot check the workloads in that document.',
        remediation: 'Fix the syntax at the reported line (indentation, an unclosed quote or bracket, a duplicate key).',
    },
    check: (ctx) => ctx.parseProblems.map((p) => ({ message: `YAML parse error: ${p.message}`, location: p.location })),
};

;// CONCATENATED MODULE: ./src/rules/index.ts
















/** Every check, in the order their findings are listed. Ids are a public contract. */
const RULES = [
    imageArchMismatch,
    noEligibleNodes,
    workloadNotChecked,
    invalidImageReference,
    imageNotFound,
    imageUnresolved,
    digestMismatch,
    deprecatedArchLabel,
    mutableImageTag,
    yamlParseError,
    renderError,
    kustomizeImageUnused,
    imagePlatformMislabeled,
    binaryArchMismatch,
    deepCheckIncomplete,
];
/** Every rule's metadata, in the same order: what reporters and config validation read. */
const RULE_METAS = RULES.map((r) => r.meta);
/**
 * Runs every rule not turned off, at its configured severity, and sorts findings by position then severity.
 * Identical findings are kept once: a base that several kustomize overlays include is reported at the same line
 * for each overlay that deploys it unchanged.
 */
function runChecks(ctx, levels) {
    const findings = [];
    const seen = new Set();
    for (const rule of RULES) {
        const configured = levels[rule.meta.id];
        if (configured === 'off')
            continue;
        for (const { defaultSeverity, ...draft } of rule.check(ctx)) {
            const finding = {
                rule: rule.meta.id,
                severity: configured ?? defaultSeverity ?? rule.meta.defaultSeverity,
                ...draft,
            };
            const key = JSON.stringify(finding);
            if (seen.has(key))
                continue;
            seen.add(key);
            findings.push(finding);
        }
    }
    return findings.sort((a, b) => compare(a.location.file, b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        compare(a.rule, b.rule) ||
        compare(a.cluster ?? '', b.cluster ?? ''));
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/sources/helm/source-comment.ts

/**
 * `# Source: <chart>/templates/<file>` as helm writes it above each rendered document (pkg/releaseutil/manifest.go).
 * A path, never a URL: loose manifests often cite their upstream as `# Source: https://...`.
 */
const SOURCE = /^\s*Source:\s*([^\s:]+)\s*$/gm;
/**
 * The chart template a rendered object came from, from the `# Source:` comment helm writes above each document
 * (`helm template`, `helm install --dry-run`, committed renders). The `yaml` package keeps a comment that
 * directly precedes the first key on the document's contents rather than on the document, so both are read.
 */
function helmTemplateOf(obj) {
    const contents = obj.ctx.doc.contents;
    const comments = [
        obj.comment,
        obj.ctx.doc.commentBefore,
        (0,dist/* isNode */.Ll)(contents) ? contents.commentBefore : undefined,
    ];
    for (const comment of comments) {
        if (!comment)
            continue;
        const matches = [...comment.matchAll(SOURCE)];
        const last = matches[matches.length - 1]?.[1];
        if (last)
            return last;
    }
    return undefined;
}
/** Names the template on each workload of a Helm-rendered object, so findings say which template to open. */
function nameTemplate(obj, workloads) {
    if (workloads.length === 0)
        return workloads;
    const template = helmTemplateOf(obj);
    if (!template)
        return workloads;
    return workloads.map((w) => ({
        ...w,
        template,
        part: w.part ? `${w.part}, from ${template}` : `from ${template}`,
    }));
}

;// CONCATENATED MODULE: ./src/sources/kustomize/source-files.ts


/** Source files read once per run, however many roots include them; one over `maxBytes` is not read. */
class SourceFiles {
    reportName;
    maxBytes;
    #cache = new Map();
    constructor(reportName, maxBytes = DEFAULT_MAX_FILE_SIZE) {
        this.reportName = reportName;
        this.maxBytes = maxBytes;
    }
    get(file) {
        let entry = this.#cache.get(file);
        if (!entry) {
            const name = this.reportName(file);
            entry = readManifest(file, name, this.maxBytes).then((read) => read.ok ? (0,parse/* parseManifestFile */.N)(name, read.text) : undefined);
            this.#cache.set(file, entry);
        }
        return entry;
    }
}

;// CONCATENATED MODULE: ./src/sources/kustomize/images.ts
/**
 * kustomize's split of an image into name, tag and digest: a `:` or `@` before the first `/` belongs to a
 * registry host (api/internal/image/image.go `Split`).
 */
function splitImage(image) {
    const slash = image.indexOf('/');
    const start = slash > 0 ? slash : 0;
    const search = image.slice(start);
    const at = search.indexOf('@');
    const colon = search.indexOf(':');
    if (colon < 0 && at < 0)
        return { name: image, tag: '', digest: '' };
    if (at >= 0 && (at < colon || colon < 0)) {
        return { name: image.slice(0, start + at), tag: '', digest: image.slice(start + at + 1) };
    }
    if (at >= 0) {
        return {
            name: image.slice(0, start + colon),
            tag: image.slice(start + colon + 1, start + at),
            digest: image.slice(start + at + 1),
        };
    }
    return { name: image.slice(0, start + colon), tag: image.slice(start + colon + 1), digest: '' };
}
/**
 * One `images:` entry applied to one image, as kustomize's image tag updater does (api/filters/imagetag/updater.go):
 * the entry matches when its `name` is the image's name; newName replaces the name; newTag and digest replace
 * both the tag and the digest (both when both are given); tagSuffix appends. Undefined when it does not match.
 */
function applyEntry(image, entry) {
    const parts = splitImage(image);
    if (parts.name !== entry.name)
        return undefined;
    let { name, tag, digest } = parts;
    if (entry.newName)
        name = entry.newName;
    if (entry.newTag && entry.digest)
        [tag, digest] = [entry.newTag, entry.digest];
    else if (entry.newTag)
        [tag, digest] = [entry.newTag, ''];
    else if (entry.digest)
        [tag, digest] = ['', entry.digest];
    if (entry.tagSuffix)
        tag += entry.tagSuffix;
    return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
/** Where a person edits what an entry sets: the digest (it wins over a tag), else the tag, else the name. */
function editedAt(entry) {
    return entry.fields.digest ?? entry.fields.newTag ?? entry.fields.tagSuffix ?? entry.fields.newName;
}
/** Whether `rendered` is what `entry` makes of an image it matched (used when a patch changed the image first). */
function explains(rendered, entry) {
    if (!entry.newName && !entry.newTag && !entry.digest && !entry.tagSuffix)
        return false;
    const { name, tag, digest } = splitImage(rendered);
    if (name !== (entry.newName ?? entry.name))
        return false;
    if (entry.digest)
        return digest === entry.digest;
    if (entry.newTag)
        return tag === entry.newTag + (entry.tagSuffix ?? '');
    return entry.tagSuffix ? tag.endsWith(entry.tagSuffix) : true;
}
/**
 * Replays the `images:` entries of `chain` on the image as the source file writes it. When the replay yields the
 * rendered image, the last entry that set its digest or tag (else its name) is where the image is decided. When
 * it does not (a patch set the image), the outermost entry that could have produced the rendered image is.
 */
function attributeImage(sourceImage, rendered, chain) {
    const entries = chain.flatMap((level) => level.entries.map((e) => e.entry));
    if (sourceImage !== undefined) {
        let current = sourceImage;
        let version;
        let name;
        const used = [];
        for (const entry of entries) {
            const next = applyEntry(current, entry);
            if (next === undefined)
                continue;
            used.push(entry);
            if (entry.digest || entry.newTag || entry.tagSuffix)
                version = editedAt(entry);
            else if (entry.newName)
                name = entry.fields.newName;
            current = next;
        }
        if (current === rendered)
            return { location: version ?? name, used };
    }
    const explaining = [...entries].reverse().find((e) => explains(rendered, e));
    return explaining ? { location: editedAt(explaining), used: [explaining] } : { used: [] };
}

// EXTERNAL MODULE: ./src/documents/ast.ts
var ast = __webpack_require__(5102);
;// CONCATENATED MODULE: ./src/sources/kustomize/patch-entries.ts



/**
 * The patches a kustomization applies (kustomize v5 api/types/kustomization.go: `patches` and the legacy
 * `patchesJson6902` take `path` or `patch` with a `target`; `patchesStrategicMerge` takes paths or inline
 * patches), in the order its builtin transformers run: strategic merge, then `patches`, then JSON6902 (checked
 * with kubectl 1.32: when all three set one image, `patchesJson6902` wins).
 */
function readPatchEntries(ctx, root, dir, text) {
    const entries = [];
    for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
        for (const item of (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, root, key))?.items ?? []) {
            const node = (0,ast/* deref */.LA)(ctx, item);
            if ((0,dist/* isScalar */.jn)(node) && key === 'patchesStrategicMerge') {
                // patchesStrategicMerge: a one-line string is a path, anything longer an inline patch.
                const value = (0,ast/* scalarString */.Cg)(ctx, node) ?? '';
                if (!value.includes('\n'))
                    entries.push({ file: external_node_path_default().resolve(dir, value) });
                else
                    entries.push({ inline: inlinePatch(ctx, node, text) });
                continue;
            }
            const map = (0,ast/* asMap */.$H)(ctx, node);
            if (!map)
                continue;
            const target = readTarget(ctx, (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, map, 'target')));
            const file = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'path'));
            const patch = (0,ast/* deref */.LA)(ctx, (0,ast/* child */.jf)(ctx, map, 'patch'));
            if (file)
                entries.push({ file: external_node_path_default().resolve(dir, file), ...(target ? { target } : {}) });
            else if ((0,dist/* isScalar */.jn)(patch))
                entries.push({ inline: inlinePatch(ctx, patch, text), ...(target ? { target } : {}) });
        }
    }
    return entries;
}
function readTarget(ctx, map) {
    if (!map)
        return undefined;
    const kind = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'kind'));
    const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'name'));
    return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) };
}
/**
 * Where an inline patch's text sits in the kustomization. A literal block (`|`, `|-`) keeps every line with its
 * indentation removed, so line n of the text is line n after the header, shifted by the indentation; this is
 * checked line by line against the file rather than assumed (an indentation indicator, tabs, CRLF). A one-line
 * plain or quoted scalar maps by offset when its source is the value itself. Folded and escaped text does not.
 */
function inlinePatch(ctx, node, text) {
    const value = typeof node.value === 'string' ? node.value : String(node.value);
    const range = node.range ?? [0, 0, 0];
    const start = ctx.lines.linePos(range[0]);
    const at = { file: ctx.file, line: start.line, column: start.col };
    const inexact = { text: value, start: at, exact: false };
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL) {
        const source = text.split('\n');
        const lines = value.replace(/\n+$/, '').split('\n');
        // 0-based index of the first content line: the line after the header.
        const first = start.line;
        const sample = lines.findIndex((l) => l.trim() !== '');
        const sampleSource = source[first + sample] ?? '';
        const indent = sampleSource.length - (lines[sample] ?? '').length;
        if (sample < 0 || indent < 0 || sampleSource.slice(0, indent).trim() !== '')
            return inexact;
        const fits = lines.every((l, i) => {
            const src = source[first + i] ?? '';
            return l === '' ? src.trim() === '' : src.slice(0, indent).trim() === '' && src.slice(indent) === l;
        });
        return fits
            ? { text: value, start: { ...at, line: start.line + 1, column: indent + 1 }, exact: true }
            : inexact;
    }
    if (value.includes('\n'))
        return inexact;
    const raw = text.slice(range[0], range[1]);
    if (node.type === dist/* Scalar */.X5.PLAIN && raw === value)
        return { text: value, start: at, exact: true };
    const quoted = node.type === dist/* Scalar */.X5.QUOTE_SINGLE || node.type === dist/* Scalar */.X5.QUOTE_DOUBLE;
    if (quoted && raw.slice(1, -1) === value) {
        return { text: value, start: { ...at, column: at.column + 1 }, exact: true };
    }
    return inexact;
}
/** A position inside an inline patch's text (1-based) as a position in its kustomization. */
function inlinePosition(patch, inner) {
    if (!patch.exact)
        return patch.start;
    return {
        file: patch.start.file,
        line: patch.start.line + inner.line - 1,
        // A block's lines all start at its indentation; a one-line scalar has only line 1.
        column: patch.start.column + inner.column - 1,
    };
}

;// CONCATENATED MODULE: ./src/sources/kustomize/patch-images.ts



/**
 * Finds the line where a kustomize patch sets an image: the `value` of a JSON6902 `add`/`replace` op (a string
 * at a path ending in `/image`, or an `image:` inside an added container), or an `image:` of a strategic-merge
 * patch. Each patch file (read with its kustomization) is parsed once per run, however many roots use it.
 */
class PatchImages {
    reportName;
    #files = new Map();
    #inline = new WeakMap();
    constructor(reportName) {
        this.reportName = reportName;
    }
    /**
     * Where `image` is set for `workload` by the last patch that sets it: `kustomizations` are the levels of the
     * build outermost first (the last to apply), and each one's patches are searched from its last.
     */
    locate(image, workload, kustomizations) {
        for (const k of kustomizations) {
            for (const entry of [...k.patches].reverse()) {
                const patch = this.#parse(entry);
                if (!patch)
                    continue;
                for (const ctx of [...patch.docs].reverse()) {
                    const node = imageIn(ctx, image, workload, entry.target);
                    if (node)
                        return patch.place(ctx, node);
                }
            }
        }
        return undefined;
    }
    #parse(entry) {
        const { inline, file, text } = entry;
        if (inline) {
            let parsed = this.#inline.get(entry);
            if (!parsed) {
                parsed = {
                    docs: parseDocs(inline.text, inline.start.file),
                    place: (ctx, node) => inlinePosition(inline, (0,ast/* locate */.x5)(ctx, node)),
                };
                this.#inline.set(entry, parsed);
            }
            return parsed;
        }
        if (!file || text === undefined)
            return undefined;
        let parsed = this.#files.get(file);
        if (!parsed) {
            parsed = { docs: parseDocs(text, this.reportName(file)), place: (ctx, node) => (0,ast/* locate */.x5)(ctx, node) };
            this.#files.set(file, parsed);
        }
        return parsed;
    }
}
function parseDocs(text, file) {
    const lines = new dist/* LineCounter */.HN();
    // uniqueKeys off: the library's duplicate-key check is quadratic, and kustomize already accepted the patch.
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false });
    return (Array.isArray(docs) ? docs : []).map((doc) => ({ file, doc, lines }));
}
/** The node setting `image` in one patch document, when the patch applies to `workload`. */
function imageIn(ctx, image, workload, target) {
    const root = (0,ast/* deref */.LA)(ctx, ctx.doc.contents);
    // One for the whole document: ops whose values alias one node search it once.
    const seen = new Set();
    if ((0,dist/* isSeq */.oP)(root)) {
        // JSON6902: a list of operations, applied in order, so the last that sets the image wins.
        if (!applies(target, workload))
            return undefined;
        for (const item of [...root.items].reverse()) {
            const op = (0,ast/* asMap */.$H)(ctx, item);
            const verb = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, op, 'op'));
            if (verb !== 'add' && verb !== 'replace')
                continue;
            const value = (0,ast/* deref */.LA)(ctx, (0,ast/* child */.jf)(ctx, op, 'value'));
            const at = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, op, 'path')) ?? '';
            if ((0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value)) {
                const found = imageUnder(ctx, value, image, 0, seen);
                if (found)
                    return found;
            }
            else if (at.endsWith('/image') && (0,ast/* scalarString */.Cg)(ctx, value) === image)
                return value;
        }
        return undefined;
    }
    if (!(0,dist/* isMap */.jh)(root))
        return undefined;
    // Strategic merge: without a target, the patch names the object it merges into.
    const metadata = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, root, 'metadata'));
    const own = {
        ...optional('kind', (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, root, 'kind'))),
        ...optional('name', (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, metadata, 'name'))),
    };
    return applies(target ?? own, workload) ? imageUnder(ctx, root, image, 0, seen) : undefined;
}
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
/** Deep enough for any pod template; a deeper (hostile) document is not searched further. */
const MAX_DEPTH = 32;
/**
 * The last `image: <image>` value at or under `node`. Each node is visited once: aliases can make a small
 * document a tree of billions of paths.
 */
function imageUnder(ctx, node, image, depth, seen) {
    const n = (0,ast/* deref */.LA)(ctx, node);
    if (!n || depth > MAX_DEPTH || seen.has(n))
        return undefined;
    seen.add(n);
    const children = [];
    if ((0,dist/* isMap */.jh)(n)) {
        for (const pair of n.items) {
            const value = (0,ast/* deref */.LA)(ctx, pair.value);
            if ((0,ast/* scalarString */.Cg)(ctx, pair.key) === 'image' && (0,ast/* scalarString */.Cg)(ctx, value) === image && value)
                return value;
            if (value)
                children.push(value);
        }
    }
    else if ((0,dist/* isSeq */.oP)(n)) {
        for (const item of n.items) {
            const value = (0,ast/* deref */.LA)(ctx, item);
            if (value)
                children.push(value);
        }
    }
    for (const c of children.reverse()) {
        const found = imageUnder(ctx, c, image, depth + 1, seen);
        if (found)
            return found;
    }
    return undefined;
}
/**
 * Whether a patch's target can be the workload. kustomize reads `name` as an anchored regular expression; a name
 * written with regex characters is not evaluated here (a pattern from the tree could backtrack for minutes), so it
 * is taken to match: the image value still has to be the one rendered.
 */
function applies(target, workload) {
    if (!target)
        return true;
    if (target.kind && target.kind !== workload.kind)
        return false;
    const literal = target.name !== undefined && !/[\\^$*+?()[\]{}|]/.test(target.name);
    return !literal || workload.names.includes(target.name);
}

;// CONCATENATED MODULE: ./src/workloads/move.ts
/** A copy of the workload with every location moved; the workload given is left as it was. */
function moveWorkload(w, m) {
    const s = w.scheduling;
    return {
        ...w,
        location: m.workload(w.location),
        containers: w.containers.map((c, i) => ({ ...c, location: m.container(c, i) })),
        scheduling: {
            ...s,
            nodeSelector: s.nodeSelector.map((e) => ({ ...e, location: m.selector(e) })),
            ...(s.nodeSelectorLocation ? { nodeSelectorLocation: m.nodeSelector(s.nodeSelectorLocation) } : {}),
            ...(s.requiredAffinityLocation
                ? { requiredAffinityLocation: m.affinity(s.requiredAffinityLocation) }
                : {}),
            ...(s.requiredTerms
                ? {
                    requiredTerms: s.requiredTerms.map((t) => ({
                        ...t,
                        location: m.affinity(t.location),
                        matchExpressions: t.matchExpressions.map((e) => ({ ...e, location: m.affinity(e.location) })),
                    })),
                }
                : {}),
            tolerations: s.tolerations.map((t) => ({ ...t, location: m.toleration(t.location) })),
        },
    };
}

;// CONCATENATED MODULE: ./src/sources/kustomize/relocate.ts




const locationKey = (l) => `${l.line}:${l.column}:${l.endLine ?? ''}:${l.endColumn ?? ''}`;
/**
 * Maps locations in a rendered object (kustomize output) onto the object it was made from: each rendered node
 * is addressed by its path of keys and list items, and the same path is followed in the source. A path that
 * a patch added stops at the deepest node the source has. Without a source object, everything goes to `fallback`.
 */
function relocator(rendered, source, fallback) {
    const addresses = new Map();
    const record = (ctx, node, address) => {
        if (!node?.range)
            return;
        const key = locationKey((0,ast/* locate */.x5)(ctx, node));
        if (!addresses.has(key))
            addresses.set(key, address);
    };
    const visit = (node, steps, depth) => {
        const n = (0,ast/* deref */.LA)(rendered.ctx, node);
        if (!n || depth > 64)
            return;
        record(rendered.ctx, n, { steps, isKey: false });
        if ((0,dist/* isMap */.jh)(n)) {
            for (const pair of n.items) {
                const key = (0,ast/* scalarString */.Cg)(rendered.ctx, pair.key);
                if (key === undefined)
                    continue;
                record(rendered.ctx, (0,ast/* deref */.LA)(rendered.ctx, pair.key), { steps: [...steps, { key }], isKey: true });
                visit(pair.value, [...steps, { key }], depth + 1);
            }
        }
        else if ((0,dist/* isSeq */.oP)(n)) {
            n.items.forEach((item, index) => {
                const name = (0,ast/* scalarString */.Cg)(rendered.ctx, (0,ast/* child */.jf)(rendered.ctx, (0,ast/* asMap */.$H)(rendered.ctx, item), 'name'));
                visit(item, [...steps, name === undefined ? { index } : { index, name }], depth + 1);
            });
        }
    };
    visit(rendered.map, [], 0);
    return (location) => {
        const address = addresses.get(locationKey(location));
        if (!source || !address)
            return { location: source?.location ?? fallback, exact: false };
        return follow(source, address);
    };
}
function follow(source, address) {
    const { ctx } = source;
    let node = source.map;
    let parent;
    for (const [i, step] of address.steps.entries()) {
        const next = stepInto(ctx, node, step);
        if (!next)
            return { location: (0,ast/* locate */.x5)(ctx, node), node, exact: false };
        parent = node;
        node = next;
        if (address.isKey && i === address.steps.length - 1 && 'key' in step) {
            const k = (0,ast/* keyNode */.qe)(ctx, (0,ast/* asMap */.$H)(ctx, parent), step.key);
            return { location: (0,ast/* locate */.x5)(ctx, k ?? node), node, exact: true };
        }
    }
    return { location: (0,ast/* locate */.x5)(ctx, node), node, exact: true };
}
function stepInto(ctx, node, step) {
    if ('key' in step)
        return (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, node), step.key);
    const seq = (0,ast/* deref */.LA)(ctx, node);
    if (!(0,dist/* isSeq */.oP)(seq))
        return undefined;
    if (step.name !== undefined) {
        const named = seq.items.find((item) => (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, item), 'name')) === step.name);
        return named ? (0,ast/* deref */.LA)(ctx, named) : undefined;
    }
    return (0,ast/* deref */.LA)(ctx, seq.items[step.index]);
}
/**
 * The object in the source file a rendered object came from: same kind and API group, and the longest source
 * name the rendered name contains (namePrefix/nameSuffix only add to it). One object of the kind is taken as is.
 */
function findSourceObject(rendered, candidates) {
    const group = (0,kinds/* apiGroup */.oI)(rendered.apiVersion);
    const sameKind = candidates.filter((c) => c.kind === rendered.kind && (0,kinds/* apiGroup */.oI)(c.apiVersion) === group);
    const named = sameKind
        .filter((c) => rendered.name.includes(c.name))
        .sort((a, b) => b.name.length - a.name.length || (a.name === rendered.name ? -1 : 1));
    return named[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}
/** A copy of a workload found in rendered output with every location at its source, and the image nodes it found. */
function relocateWorkload(w, relocate) {
    const at = (l) => relocate(l).location;
    const images = new Map();
    // The pod spec AST is the rendered one; no check reads positions from it.
    const workload = moveWorkload(w, {
        workload: at,
        container: (c, i) => {
            const r = relocate(c.location);
            images.set(i, r);
            return r.location;
        },
        selector: (e) => at(e.location),
        nodeSelector: at,
        affinity: at,
        toleration: at,
    });
    return { workload, images };
}
/** The string value of a relocated node, when it is a scalar (the source's `image:` as written). */
function scalarOf(r) {
    return r.exact && (0,dist/* isScalar */.jn)(r.node) && typeof r.node.value === 'string' ? r.node.value : undefined;
}

;// CONCATENATED MODULE: ./src/sources/kustomize/kustomization.ts







/** The file names kustomize looks for in a directory, in its order (api/konfig/general.go `RecognizedKustomizationFileNames`). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** The kustomization file of `dir`, if it has one. */
async function kustomizationFile(dir) {
    for (const name of KUSTOMIZATION_NAMES) {
        const file = external_node_path_default().join(dir, name);
        if ((await (0,promises_.stat)(file).catch(() => undefined))?.isFile())
            return file;
    }
    return undefined;
}
/** Remote resources (git, http) are fetched by kustomize itself; archcheck neither follows nor claims them. */
function isRemote(ref) {
    return (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(ref));
}
/**
 * Reads a kustomization file: the references it follows (kustomize v5 api/types/kustomization.go) resolved
 * against its directory, and its `images:` entries with positions. `file` is the name findings use.
 */
async function readKustomization(file, reportName, maxBytes = DEFAULT_MAX_FILE_SIZE) {
    const dir = external_node_path_default().dirname(file);
    const read = await readManifest(file, reportName, maxBytes);
    const at = (line = 1, column = 1) => ({ file: reportName, line, column });
    if (!read.ok)
        return { ok: false, file, message: `${reportName}: ${read.problem.message}`, location: at() };
    const { text } = read;
    const { doc, lines, problem } = (0,problems/* parseYamlDocument */.Iu)(text);
    if (problem) {
        return {
            ok: false,
            file,
            message: `${reportName} is not valid YAML: ${problem.message}`,
            location: at(problem.location.line, problem.location.column),
        };
    }
    const ctx = { file: reportName, doc, lines };
    const root = (0,ast/* asMap */.$H)(ctx, doc.contents);
    const strings = (node) => ((0,ast/* asSeq */.wH)(ctx, node)?.items ?? []).flatMap((item) => {
        const s = (0,ast/* scalarString */.Cg)(ctx, item);
        return s === undefined ? [] : [s];
    });
    const field = (map, key) => (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, key));
    const local = (refs) => refs.filter((r) => r.trim() !== '' && !isRemote(r)).map((r) => external_node_path_default().resolve(dir, r));
    const children = [];
    const resourceFiles = [];
    for (const ref of local([
        ...strings((0,ast/* child */.jf)(ctx, root, 'resources')),
        ...strings((0,ast/* child */.jf)(ctx, root, 'bases')),
    ])) {
        if ((await (0,promises_.stat)(ref).catch(() => undefined))?.isDirectory())
            children.push(ref);
        else
            resourceFiles.push(ref);
    }
    const listOfMaps = (key) => ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, root, key))?.items ?? []).flatMap((i) => (0,ast/* asMap */.$H)(ctx, i) ?? []);
    const other = [
        ...strings((0,ast/* child */.jf)(ctx, root, 'crds')),
        ...strings((0,ast/* child */.jf)(ctx, root, 'configurations')),
        ...strings((0,ast/* child */.jf)(ctx, root, 'generators')),
        ...strings((0,ast/* child */.jf)(ctx, root, 'transformers')),
        ...strings((0,ast/* child */.jf)(ctx, root, 'validators')),
        // patchesStrategicMerge also takes inline patches: only single-line strings are paths.
        ...strings((0,ast/* child */.jf)(ctx, root, 'patchesStrategicMerge')).filter((s) => !s.includes('\n')),
        ...['patches', 'patchesJson6902', 'replacements'].flatMap((k) => listOfMaps(k).flatMap((m) => field(m, 'path') ?? [])),
        ...['configMapGenerator', 'secretGenerator'].flatMap((k) => listOfMaps(k).flatMap((m) => [...strings((0,ast/* child */.jf)(ctx, m, 'files')), ...strings((0,ast/* child */.jf)(ctx, m, 'envs')), field(m, 'env') ?? ''].map((s) => s.slice(s.indexOf('=') + 1)))),
        field((0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, root, 'openapi')), 'path') ?? '',
    ];
    const kind = field(root, 'kind') === 'Component' ? 'Component' : 'Kustomization';
    const refs = ['resources', 'bases', 'components'].flatMap((k) => strings((0,ast/* child */.jf)(ctx, root, k)));
    const plugins = ['helmCharts', 'helmChartInflationGenerator', 'generators', 'transformers'];
    const listed = (key) => ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, root, key))?.items.length ?? 0) > 0;
    const external = refs.some(isRemote) || plugins.some(listed);
    // Patch files are read here, once: whether they rename objects decides how the root is built (buildRoot).
    const patches = await Promise.all(readPatchEntries(ctx, root, dir, text).map(async (p) => {
        const read = p.file ? await readManifest(p.file, p.file, maxBytes) : undefined;
        return read?.ok ? { ...p, text: read.text } : p;
    }));
    const renames = listed('replacements') ||
        patches.some((p) => {
            const patch = p.inline?.text ?? p.text;
            return patch === undefined || METADATA_NAME.test(patch);
        });
    return {
        ok: true,
        value: {
            dir,
            file,
            kind,
            children,
            components: local(strings((0,ast/* child */.jf)(ctx, root, 'components'))),
            resourceFiles,
            otherFiles: local(other),
            images: readImages(ctx, (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, root, 'images'))?.items ?? []),
            patches,
            external,
            renames,
        },
    };
}
/** A JSON6902 op path (JSON or YAML form) that sets an object's name. */
const METADATA_NAME = /\/metadata\/name\b/;
const IMAGE_FIELDS = ['newName', 'newTag', 'digest', 'tagSuffix'];
function readImages(ctx, items) {
    return items.flatMap((item) => {
        const map = (0,ast/* asMap */.$H)(ctx, item);
        const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'name'));
        if (!map || !name)
            return [];
        const entry = {
            name,
            location: (0,ast/* locate */.x5)(ctx, (0,ast/* child */.jf)(ctx, map, 'name'), (0,ast/* keyNode */.qe)(ctx, map, 'name')),
            fields: {},
        };
        for (const f of IMAGE_FIELDS) {
            const node = (0,ast/* child */.jf)(ctx, map, f);
            // kustomize reads these as strings: `newTag: 1.10` is the tag "1.10", not the number 1.1.
            const value = (0,dist/* isScalar */.jn)(node) && typeof node.source === 'string' ? node.source : (0,ast/* scalarString */.Cg)(ctx, node);
            if (value === undefined || value === '')
                continue;
            entry[f] = value;
            entry.fields[f] = (0,ast/* locate */.x5)(ctx, node);
        }
        return [entry];
    });
}

;// CONCATENATED MODULE: ./src/sources/kustomize/tree.ts



/**
 * Reads the kustomizations in `dirs` and, transitively, every local one they include (resources, bases,
 * components, generator and transformer directories). Roots are `explicitRoots` when given, else the found
 * directories of kind Kustomization that nothing includes (Components cannot be built alone).
 */
async function loadKustomizeTree(dirs, explicitRoots, reportName, maxBytes = DEFAULT_MAX_FILE_SIZE) {
    const tree = { nodes: new Map(), roots: [], claimed: new Set(), errors: [] };
    const visited = new Set();
    const queue = [...new Set([...dirs, ...(explicitRoots ?? [])])];
    const included = new Set();
    // Ask every scanned directory at once: a repo of many directories holds few kustomizations.
    const lookups = new Map(queue.map((dir) => [dir, kustomizationFile(dir)]));
    while (queue.length > 0) {
        const dir = queue.shift();
        if (visited.has(dir))
            continue;
        visited.add(dir);
        const file = await (lookups.get(dir) ?? kustomizationFile(dir));
        if (!file)
            continue;
        tree.claimed.add(file);
        const read = await readKustomization(file, reportName(file), maxBytes);
        if (!read.ok) {
            tree.errors.push({ message: read.message, location: read.location });
            continue;
        }
        const k = read.value;
        tree.nodes.set(dir, k);
        for (const f of [...k.resourceFiles, ...k.otherFiles])
            tree.claimed.add(f);
        for (const d of [...k.children, ...k.components])
            included.add(d);
        queue.push(...k.children, ...k.components, ...k.otherFiles);
    }
    tree.roots = explicitRoots
        ? [...explicitRoots]
        : dirs.filter((d) => !included.has(d) && tree.nodes.get(d)?.kind === 'Kustomization');
    tree.roots.sort();
    return tree;
}
/**
 * The kustomizations an object read from `file` passes through on its way to `root`, innermost first, each with
 * the `images:` entries that apply at that level in kustomize's order: a level's components (their own
 * resources already went through them), then its own transformers (api/internal/target/kusttarget.go
 * `AccumulateTarget`). Undefined when `file` is not a resource of any kustomization under `root`.
 */
function imageChain(tree, root, file) {
    const visit = (dir, seen) => {
        const k = tree.nodes.get(dir);
        if (!k || seen.has(dir))
            return undefined;
        const inner = new Set(seen).add(dir);
        if (k.resourceFiles.includes(file))
            return [{ kustomization: k, entries: entriesAfter(tree, k, -1) }];
        for (const child of k.children) {
            const below = visit(child, inner);
            if (below)
                return [...below, { kustomization: k, entries: entriesAfter(tree, k, -1) }];
        }
        for (const [i, component] of k.components.entries()) {
            const below = visit(component, inner);
            if (below)
                return [...below, { kustomization: k, entries: entriesAfter(tree, k, i) }];
        }
        return undefined;
    };
    return visit(root, new Set());
}
/** Entries of `k`'s components after index `from`, then `k`'s own. */
function entriesAfter(tree, k, from) {
    const fromComponents = k.components.slice(from + 1).flatMap((dir) => {
        const c = tree.nodes.get(dir);
        return c ? c.images.map((entry) => ({ entry, kustomization: c })) : [];
    });
    return [...fromComponents, ...k.images.map((entry) => ({ entry, kustomization: k }))];
}
/**
 * The directories that may hold a kustomization: those of the scanned files (a `Kustomization` file without
 * extension is not a manifest discovery lists, so every directory is asked for the three names).
 */
function candidateDirs(files) {
    return [...new Set(files.map((f) => external_node_path_default().dirname(f)))].sort();
}

;// CONCATENATED MODULE: ./src/sources/kustomize/index.ts











/** What runs when the config says nothing about kustomize. */
const DEFAULT_KUSTOMIZE_SETTINGS = DEFAULT_KUSTOMIZE_CONFIG;
/**
 * The Kustomize source: finds kustomization roots among the scanned files (or takes the configured ones), builds
 * each (with origin annotations only where needed: see buildRoot), and maps every rendered workload back to the
 * file and line it was written at; images an `images:` entry or a patch set point at that entry or patch. Build failures and entries that match nothing are
 * problems, and every file a kustomization reads is claimed so it is not also checked as a loose manifest.
 */
async function renderKustomizations(input) {
    const { cwd, settings } = input;
    const outcome = { units: [], problems: [], claimed: new Set() };
    if (!settings.enabled)
        return outcome;
    const reportName = (abs) => (0,src_paths/* posixRelative */.q)(cwd, abs);
    const explicit = settings.roots.length > 0 ? settings.roots : undefined;
    const named = new Set(input.named);
    const walked = input.files.filter((f) => !named.has(f));
    const tree = await loadKustomizeTree(candidateDirs(walked), explicit, reportName, input.maxFileSize);
    // A named file is read as written even when a configured root also reads it.
    for (const f of named)
        tree.claimed.delete(f);
    outcome.claimed = tree.claimed;
    for (const e of tree.errors)
        outcome.problems.push({ cause: 'invalid', ...e });
    if (tree.roots.length === 0)
        return outcome;
    // The build machinery loads only for a tree that has kustomizations (issue 14: start fast).
    const [{ findKustomizeTool }, { buildRoot }] = await Promise.all([
        __webpack_require__.e(/* import() */ 470).then(__webpack_require__.bind(__webpack_require__, 3470)),
        __webpack_require__.e(/* import() */ 883).then(__webpack_require__.bind(__webpack_require__, 6883)),
    ]);
    const tool = findKustomizeTool(settings.command, input.env);
    if (!tool) {
        const missing = settings.command === 'auto' ? 'neither kustomize nor kubectl is' : `${settings.command} is not`;
        const why = `${missing} on PATH; install kubectl (it includes kustomize) or kustomize.`;
        for (const root of tree.roots) {
            outcome.problems.push(rootProblem(tree, root, reportName, 'tool-missing', `${reportName(root) || '.'} was not built or checked: ${why}`));
        }
        return outcome;
    }
    const used = new Set();
    const built = new Set();
    const sources = new SourceFiles(reportName, input.maxFileSize);
    const patches = new PatchImages(reportName);
    const results = await mapLimit(tree.roots, kustomizeParallelism(), async (root) => {
        const rootName = reportName(root) || '.';
        const rootFile = tree.nodes.get(root)?.file ?? external_node_path_default().join(root, 'kustomization.yaml');
        const result = await buildRoot(tool, root, tree, sources, {
            loadRestrictor: settings.loadRestrictor,
            env: input.env,
            timeoutMs: input.timeoutMs ?? 120_000,
            rootName,
            rootFileName: reportName(rootFile),
            cwd,
        });
        if (!result.ok) {
            const hint = /is not in or below/.test(result.message)
                ? ' (if you build it with --load-restrictor LoadRestrictionsNone, set the action input kustomize-load-restrictor: none or the CLI flag --kustomize-load-restrictor none in the workflow)'
                : '';
            return {
                root,
                problem: rootProblem(tree, root, reportName, 'build-failed', `${result.message}${hint}`),
            };
        }
        const parsed = result.parsed;
        const workloads = [];
        for (const { obj, workloads: found, file } of result.objects) {
            workloads.push(...(await mapObject(obj, found, file, { tree, root, rootFile, sources, used, patches, reportName })));
        }
        markBuilt(tree, root, built);
        const unit = {
            source: { path: rootFile, file: reportName(rootFile) },
            file: parsed,
            workloads,
        };
        return { root, unit };
    });
    for (const r of results) {
        if (r.unit)
            outcome.units.push(r.unit);
        if (r.problem)
            outcome.problems.push(r.problem);
    }
    outcome.problems.push(...unusedEntries(tree, built, used, reportName));
    return outcome;
}
/** Builds at once: kustomize is CPU-bound, so more than the cores only adds contention. */
function kustomizeParallelism() {
    return Math.max(1, Math.min(4, (0,external_node_os_.availableParallelism)()));
}
/**
 * Points a rendered object's workloads at its source object in `file` (where it was written, when known), and
 * images at the `images:` entry or patch that set them.
 */
async function mapObject(obj, workloads, file, m) {
    const parsedSource = file ? await m.sources.get(file) : undefined;
    const source = parsedSource ? findSourceObject(obj, parsedSource.objects) : undefined;
    const fallback = {
        file: m.reportName(file && parsedSource ? file : m.rootFile),
        line: 1,
        column: 1,
    };
    const relocate = relocator(obj, source, fallback);
    const chain = file ? imageChain(m.tree, m.root, file) : undefined;
    const moved = [];
    const patchedAt = [];
    for (const w of workloads) {
        const { workload, images } = relocateWorkload(w, relocate);
        const containers = workload.containers.map((c, i) => {
            const at = images.get(i);
            if (!c.image || !at || !chain)
                return c;
            const attribution = attributeImage(scalarOf(at), c.image, chain);
            for (const e of attribution.used)
                m.used.add(e);
            if (attribution.location)
                return { ...c, location: attribution.location };
            // A Tekton image filled from params is written as `$(params.x)`: compare with what the manifest says.
            if (scalarOf(at) !== (c.written?.image ?? c.image))
                patchedAt.push({ workload: moved.length, container: i, image: c.image });
            return c;
        });
        moved.push({ ...workload, containers });
    }
    const levels = chain ? patchLevels(m.tree, chain) : [];
    for (const p of patchedAt) {
        const w = moved[p.workload];
        if (!w)
            continue;
        const names = source ? [w.name, source.name] : [w.name];
        const line = m.patches.locate(p.image, { kind: w.kind, names }, levels);
        if (line)
            moved[p.workload] = {
                ...w,
                containers: w.containers.map((c, i) => (i === p.container ? { ...c, location: line } : c)),
            };
    }
    return source ? nameTemplate(source, moved) : moved;
}
/**
 * The kustomizations whose patches may have set an image, outermost (applied last) first: each level of the
 * chain, after its own patches those of its components (they apply before the level's own).
 */
function patchLevels(tree, chain) {
    return [...chain]
        .reverse()
        .flatMap(({ kustomization: k }) => [
        k,
        ...[...k.components].reverse().flatMap((dir) => tree.nodes.get(dir) ?? []),
    ]);
}
function rootProblem(tree, root, reportName, cause, message) {
    const file = tree.nodes.get(root)?.file ?? external_node_path_default().join(root, 'kustomization.yaml');
    return { cause, message, location: { file: reportName(file), line: 1, column: 1 } };
}
/** Every kustomization a successful build of `root` went through. */
function markBuilt(tree, dir, built) {
    if (built.has(dir))
        return;
    const k = tree.nodes.get(dir);
    if (!k)
        return;
    built.add(dir);
    for (const d of [...k.children, ...k.components])
        markBuilt(tree, d, built);
}
/** `images:` entries of built kustomizations that no image matched in any build. */
function unusedEntries(tree, built, used, reportName) {
    return [...built].flatMap((dir) => {
        const k = tree.nodes.get(dir);
        return (k?.images ?? [])
            .filter((e) => !used.has(e))
            .map((e) => ({
            cause: 'image-entry-unused',
            message: `images entry "${e.name}" in ${reportName(k?.file ?? dir)} matches no container image of what it builds, so it changes nothing; ` +
                'the name must be the image as the resources write it, without tag or digest.',
            location: e.location,
        }));
    });
}

// EXTERNAL MODULE: ./src/workloads/extract.ts + 9 modules
var extract = __webpack_require__(2724);
;// CONCATENATED MODULE: ./src/sources/detach.ts
/**
 * V8 keeps a string cut from a longer one (`slice`, the YAML parsers' scalars) or joined from pieces as a view of
 * its parent: one image name kept in a Workload keeps its whole file's text alive. At 100,000 documents that was
 * most of the run's live heap after parsing (files' texts, not the values). Shorter strings are always copies.
 */
const VIEW_MIN_LENGTH = 13;
/**
 * Replaces, in place, every string of 13 or more characters in a tree of plain objects and arrays with a copy of
 * its own (one copy per distinct string in the tree), so the values outlive the text they were read from without
 * holding it. Other objects (class instances, maps) are left as they are. Returns `value`.
 */
function detachStrings(value) {
    const copies = new Map();
    const own = (s) => {
        if (s.length < VIEW_MIN_LENGTH)
            return s;
        let copy = copies.get(s);
        if (copy === undefined) {
            // A JSON round trip allocates a flat string and keeps every code unit, lone surrogates included.
            copy = JSON.parse(JSON.stringify(s));
            copies.set(copy, copy);
        }
        return copy;
    };
    const walk = (node, depth) => {
        if (node === null || typeof node !== 'object' || depth > 64)
            return;
        const plain = Array.isArray(node) || Object.getPrototypeOf(node) === Object.prototype;
        if (!plain)
            return;
        const record = node;
        for (const key of Object.keys(record)) {
            const item = record[key];
            if (typeof item === 'string')
                record[key] = own(item);
            else
                walk(item, depth + 1);
        }
    };
    walk(value, 0);
    return value;
}

;// CONCATENATED MODULE: ./src/sources/files.ts







/**
 * Internal, for the golden test and the bench only: compose every document with the `yaml` package, as before
 * the parser learned to skip those that can hold no container and to build simple ones itself (fastCompose), so
 * both ways can be compared.
 */
const composeTuning = { everyDocument: false };
/**
 * Objects composed: workloads and the facts of node pools and nodes by kind, others only when a key names
 * `image` (the generic pod-spec search and Helm values need one) and their kind is read at all.
 */
function compose(apiVersion, kind, imageKey) {
    if ((0,extract/* podKind */.uP)(apiVersion, kind) ||
        isClusterFact({ apiVersion, kind }) ||
        describesNodes({ apiVersion, kind }))
        return true;
    return imageKey && !(0,extract/* podlessKind */.PO)(apiVersion, kind);
}
/**
 * A loose manifest file as a unit: read, parsed per document (each AST dropped once extracted), facts kept.
 * `stdin` is what standard input (`-`) reads from, under the same size cap as a file.
 */
async function readSourceFile(source, maxFileSize, stdin) {
    const read = source.stdin
        ? await readStdin(stdin, maxFileSize)
        : await readManifest(source.path, source.file, maxFileSize);
    if (!read.ok) {
        const file = {
            file: source.file,
            objects: [],
            documents: 0,
            skipped: 0,
            problems: [read.problem],
        };
        return { source, file, workloads: [] };
    }
    const workloads = [];
    const factObjects = [];
    let describesPools = false;
    // Workloads hold plain values and positions: extracting per document drops each AST before the next.
    const file = (0,parse/* parseManifestFile */.N)(source.file, read.text, (objects) => {
        for (const o of objects) {
            workloads.push(...nameTemplate(o, (0,extract/* extractWorkloads */._Y)(o)));
            if (isClusterFact(o))
                factObjects.push(o);
            if (describesNodes(o))
                describesPools = true;
        }
    }, composeTuning.everyDocument ? { reference: true } : { compose });
    // A Go template kept beside the manifests (`{{ ... }}` makes it invalid YAML) is not a broken manifest: one
    // notice for the file instead of its parse errors.
    if (file.problems.length > 0 && /\{\{[-\s]*[.$a-zA-Z]/.test(read.text)) {
        const template = `${source.file} is a Go template, not YAML: not checked. Render it and scan the output, or exclude it.`;
        return { source, file: { ...file, objects: [], problems: [] }, workloads: [], template };
    }
    const facts = factObjects.length > 0 ? collectFacts(factObjects) : undefined;
    // What the unit keeps lives to the end of the run; the text it was read from must not.
    detachStrings({ workloads, facts, problems: file.problems, ignoreComments: file.ignoreComments });
    return {
        source,
        file,
        workloads,
        ...(facts ? { facts } : {}),
        ...(describesPools ? { describesPools } : {}),
    };
}

// EXTERNAL MODULE: ./src/sources/exec.ts
var exec = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/sources/helm/discovered.ts




/**
 * Turns the charts discovery found into releases to render. A chart the config (or the helm input) already
 * lists is left to that entry, which overrides the default render. Without helm on PATH each chart gets one
 * notice instead of a finding: the user did not ask for it, and its templates were not read as manifests.
 */
function discoveredCharts(found, configured, env, cwd) {
    const listed = new Set(configured.filter((c) => c.local).map((c) => external_node_path_default().resolve(c.chart)));
    const charts = found.filter((dir) => !listed.has(external_node_path_default().resolve(dir)));
    if (charts.length === 0)
        return { entries: [], notices: [] };
    const name = (dir) => (0,src_paths/* posixRelative */.q)(cwd, dir) || '.';
    if (!(0,exec/* findOnPath */.aY)('helm', env))
        return {
            entries: [],
            notices: charts.map((dir) => `Helm chart ${name(dir)} was not checked: helm is not on PATH. Install helm (https://helm.sh/docs/intro/install/), or list the chart under \`helm:\` in .archcheck.yaml with the values you deploy.`),
        };
    return {
        entries: charts.map((dir) => ({
            chart: dir,
            local: true,
            // The directory name is what `helm install NAME ./dir` is most often given; it only names objects.
            release: releaseName(external_node_path_default().basename(dir)),
            values: [],
            set: [],
            declaredIn: external_node_path_default().join(dir, 'Chart.yaml'),
            position: { line: 1, column: 1 },
        })),
        notices: [],
    };
}

// EXTERNAL MODULE: ./src/reporters/untrusted.ts
var untrusted = __webpack_require__(6108);
// EXTERNAL MODULE: ./src/subprocess-env.ts
var subprocess_env = __webpack_require__(9462);
;// CONCATENATED MODULE: ./src/sources/helm/template-lines.ts
/**
 * Lines of a chart template, for findings that no values line explains. Templates are Go text/template, not
 * YAML (they rarely parse), so this reads lines: the n-th `image:` key for the n-th image of a rendered
 * document, and the first `nodeSelector:`, `affinity:`, `tolerations:` or `kind:` line for the others.
 */
class TemplateLines {
    file;
    #lines;
    constructor(file, text) {
        this.file = file;
        this.#lines = text.split(/\r?\n/);
    }
    /** The `index`-th `image:` key (0-based), the last one when the template has fewer (a `range` loop). */
    image(index) {
        const found = this.#keyLines('image');
        return found[Math.min(index, found.length - 1)] ?? this.kind();
    }
    /** The first line with `key:`, else the object's `kind:` line. */
    key(key) {
        return this.#keyLines(key)[0] ?? this.kind();
    }
    /** The `kind:` line, else line 1. */
    kind() {
        return this.#keyLines('kind')[0] ?? { file: this.file, line: 1, column: 1 };
    }
    #keyLines(key) {
        const pattern = new RegExp(`^(\\s*(?:-\\s+)?)["']?${key}["']?\\s*:`);
        const found = [];
        this.#lines.forEach((line, i) => {
            const m = pattern.exec(line);
            if (m)
                found.push({ file: this.file, line: i + 1, column: (m[1]?.length ?? 0) + 1 });
        });
        return found;
    }
}

;// CONCATENATED MODULE: ./src/sources/helm/values.ts




/** The values a release renders with, as helm merges them: the chart's defaults, then `-f` files in order, then `--set`. */
class MergedValues {
    #leaves = new Map();
    /** Adds a values file's text (later calls win). `prefix` places a subchart's defaults under its name. */
    addFile(file, text, prefix = []) {
        const { doc, lines, problem } = (0,problems/* parseYamlDocument */.Iu)(text);
        if (problem)
            return problem.message;
        const ctx = { file, doc, lines };
        this.#walk(ctx, doc.contents, [...prefix], 0);
        return undefined;
    }
    /** Adds one `--set` value, written at `location` (the config file). */
    addSet(key, value, location) {
        const path = parseSetKey(key);
        this.#clear(path);
        this.#leaves.set(JSON.stringify(path), { path, value, location });
    }
    get(path) {
        return this.#leaves.get(JSON.stringify(path));
    }
    leaves() {
        return this.#leaves.values();
    }
    #walk(ctx, node, path, depth) {
        const n = (0,ast/* deref */.LA)(ctx, node);
        if (!n || depth > 32)
            return;
        if ((0,dist/* isMap */.jh)(n)) {
            for (const pair of n.items) {
                const key = (0,ast/* scalarString */.Cg)(ctx, pair.key);
                if (key !== undefined)
                    this.#walk(ctx, pair.value, [...path, key], depth + 1);
            }
        }
        else if ((0,dist/* isSeq */.oP)(n)) {
            this.#clear(path);
            n.items.forEach((item, i) => this.#walk(ctx, item, [...path, i], depth + 1));
        }
        else if ((0,dist/* isScalar */.jn)(n) && n.value !== null && n.value !== undefined) {
            // A scalar replaces whatever a lower-precedence file had below this key (helm's coalescing).
            this.#clear(path);
            const value = typeof n.source === 'string' ? n.source : String(n.value);
            this.#leaves.set(JSON.stringify(path), { path, value, location: (0,ast/* locate */.x5)(ctx, n) });
        }
    }
    #clear(path) {
        const prefix = JSON.stringify(path).slice(0, -1);
        for (const key of [...this.#leaves.keys()])
            if (key === `${prefix}]` || key.startsWith(`${prefix},`))
                this.#leaves.delete(key);
    }
}
/** `a.b[0].c` -> ['a', 'b', 0, 'c']; `\.` keeps a dot in a key, as helm's strvals parser does. */
function parseSetKey(key) {
    const path = [];
    let current = '';
    for (let i = 0; i < key.length; i++) {
        const ch = key[i];
        if (ch === '\\' && i + 1 < key.length)
            current += key[++i];
        else if (ch === '.') {
            if (current)
                path.push(current);
            current = '';
        }
        else if (ch === '[') {
            if (current)
                path.push(current);
            current = '';
            const end = key.indexOf(']', i);
            path.push(Number(key.slice(i + 1, end < 0 ? undefined : end)));
            i = end < 0 ? key.length : end;
        }
        else
            current += ch;
    }
    if (current)
        path.push(current);
    return path;
}
/**
 * The values line that decides a rendered image, so the annotation lands where a person bumps it: a value that
 * is the whole image string; else an image object (`{registry, repository, tag, digest}`, or `name` in place of
 * `repository` under an image key) whose repository the image ends with, at its digest, else its tag, else its
 * repository line. An object's registry must agree with the image, unless `global.imageRegistry` does (the
 * Bitnami convention overrides per-image registries). Undefined when no value explains the image.
 */
function imageValueLocation(image, values) {
    const exact = [...values.leaves()].filter((l) => l.value === image);
    if (exact.length > 0)
        return exact[exact.length - 1]?.location;
    const { name, tag, digest } = splitImage(image);
    const globalRegistry = values.get(['global', 'imageRegistry'])?.value;
    let best;
    for (const leaf of values.leaves()) {
        const last = leaf.path[leaf.path.length - 1];
        const parent = leaf.path.slice(0, -1);
        const underImageKey = /image/i.test(String(parent[parent.length - 1] ?? ''));
        if (!(last === 'repository' || (last === 'name' && underImageKey)))
            continue;
        const repo = leaf.value;
        if (!repo || !(name === repo || name.endsWith(`/${repo}`)))
            continue;
        const host = name.slice(0, name.length - repo.length).replace(/\/$/, '');
        const registry = values.get([...parent, 'registry'])?.value;
        if (registry && host && registry !== host && globalRegistry !== host)
            continue;
        const tagLeaf = values.get([...parent, 'tag']);
        const digestLeaf = values.get([...parent, 'digest']);
        const found = digestLeaf && digest && digestLeaf.value === digest
            ? { score: 3, location: digestLeaf.location }
            : tagLeaf && tag && tagLeaf.value === tag
                ? { score: 2, location: tagLeaf.location }
                : { score: 1, location: leaf.location };
        if (!best || found.score > best.score)
            best = found;
    }
    return best?.location;
}
/** The values line of a nodeSelector entry rendered from values (`nodeSelector: {key: value}` anywhere). */
function selectorValueLocation(key, value, values) {
    const leaves = [...values.leaves()].filter((l) => l.path[l.path.length - 1] === key && l.value === value && l.path.includes('nodeSelector'));
    return leaves[leaves.length - 1]?.location;
}

;// CONCATENATED MODULE: ./src/sources/helm/index.ts













/**
 * The Helm source: renders each configured release with `helm template` (no shell) and maps every workload
 * to the line a person edits: the values line that sets an image (values files, the chart's defaults, or the
 * config's `set:`), else the template's line. No helm on PATH, or a chart that fails to render, is a finding
 * naming the chart; the other charts still run.
 */
async function renderHelmCharts(input) {
    const outcome = { units: [], problems: [], claimed: new Set() };
    if (input.charts.length === 0)
        return outcome;
    const reportName = (abs) => (0,src_paths/* posixRelative */.q)(input.cwd, abs);
    // Positions of an entry's keys are in the file that declares it (the config, or the workflow for the input).
    const atFor = (entry) => (p) => ({
        file: reportName(entry.declaredIn),
        line: p.line,
        column: p.column,
    });
    for (const entry of input.charts) {
        if (entry.local)
            for (const f of input.files)
                if (f.startsWith(`${entry.chart}${(external_node_path_default()).sep}`))
                    outcome.claimed.add(f);
        for (const v of entry.values)
            outcome.claimed.add(v);
    }
    const helm = (0,exec/* findOnPath */.aY)('helm', input.env);
    if (!helm) {
        for (const entry of input.charts) {
            outcome.problems.push({
                cause: 'tool-missing',
                message: `${describe(entry, reportName)} was not rendered or checked: helm is not on PATH; install it (https://helm.sh/docs/intro/install/).`,
                location: atFor(entry)(entry.position),
            });
        }
        return outcome;
    }
    const results = await mapLimit([...input.charts], 4, (entry) => renderOne(helm, entry, input, reportName, atFor(entry)));
    for (const r of results) {
        if ('unit' in r)
            outcome.units.push(r.unit);
        else
            outcome.problems.push(r.problem);
    }
    return outcome;
}
function describe(entry, reportName) {
    return `chart ${entry.local ? reportName(entry.chart) || '.' : entry.chart} (release ${entry.release})`;
}
/** `helm template` arguments; string `set:` values go through `--set-string` so helm does not retype them. */
function helmArguments(entry) {
    const args = ['template', entry.release, entry.chart];
    if (entry.namespace)
        args.push('--namespace', entry.namespace);
    if (entry.version)
        args.push('--version', entry.version);
    for (const v of entry.values)
        args.push('--values', v);
    for (const s of entry.set) {
        // helm's strvals splits on commas and reads backslash escapes.
        const value = s.value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
        args.push(s.string ? '--set-string' : '--set', `${s.key}=${value}`);
    }
    return args;
}
async function renderOne(helm, entry, input, reportName, at) {
    const run = await (0,exec/* execText */.pd)(helm, helmArguments(entry), {
        cwd: input.cwd,
        env: input.env,
        allow: subprocess_env/* HELM_ENV */.Tl,
        timeoutMs: input.timeoutMs ?? 120_000,
    });
    if (!run.ok)
        return { problem: await renderFailure(entry, run.stderr || run.error, input.cwd, reportName, at) };
    const name = entry.local ? reportName(entry.chart) || '.' : reportName(entry.declaredIn);
    const parsed = (0,parse/* parseManifestFile */.N)(name, run.stdout);
    // The rendered stream is in no file: its YAML errors belong to the release's config entry.
    for (const p of parsed.problems)
        p.location = at(entry.position);
    const values = await mergedValues(entry, reportName, at);
    const templates = new Map();
    const workloads = [];
    for (const obj of parsed.objects) {
        const found = nameTemplate(obj, (0,extract/* extractWorkloads */._Y)(obj));
        if (found.length === 0)
            continue;
        const lines = await templateOf(obj, entry, templates, reportName);
        workloads.push(...placeWorkloads(found, values, lines, at(entry.position)));
    }
    const source = { path: entry.local ? entry.chart : entry.declaredIn, file: name };
    const unit = { source, file: parsed, workloads };
    if (entry.cluster)
        unit.clusters = [entry.cluster];
    return { unit };
}
/** Copies of a rendered object's workloads pointing at values lines, else template lines, else the config entry. */
function placeWorkloads(workloads, values, lines, entry) {
    // The n-th image of the rendered document is most likely the n-th `image:` of its template.
    const order = workloads
        .flatMap((w) => w.containers)
        .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    const key = (k) => lines?.key(k) ?? entry;
    return workloads.map((w) => moveWorkload(w, {
        workload: () => lines?.kind() ?? entry,
        container: (c) => (c.image ? imageValueLocation(c.image, values) : undefined) ??
            lines?.image(order.indexOf(c)) ??
            entry,
        selector: (sel) => selectorValueLocation(sel.key, sel.value, values) ?? key('nodeSelector'),
        nodeSelector: () => key('nodeSelector'),
        affinity: () => key('affinity'),
        toleration: () => key('tolerations'),
    }));
}
/** The template file a rendered object names (`# Source: <chart>/templates/x.yaml` is relative to the chart's parent). */
function templateOf(obj, entry, cache, reportName) {
    const template = helmTemplateOf(obj);
    if (!template || !entry.local)
        return Promise.resolve(undefined);
    const file = external_node_path_default().join(entry.chart, ...template.split('/').slice(1));
    let lines = cache.get(file);
    if (!lines) {
        lines = (0,promises_.readFile)(file, 'utf8').then((text) => new TemplateLines(reportName(file), text), () => undefined);
        cache.set(file, lines);
    }
    return lines;
}
/** The chart's defaults (and its subcharts' under their names), the values files, then `set:`, as helm merges them. */
async function mergedValues(entry, reportName, at) {
    const values = new MergedValues();
    const addFile = async (file, prefix) => {
        const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
        if (text !== undefined)
            values.addFile(reportName(file), text, prefix);
    };
    if (entry.local) {
        // Subchart defaults first: the parent's values for a subchart override its own.
        for (const [dir, prefix] of await subcharts(entry.chart, []))
            await addFile(external_node_path_default().join(dir, 'values.yaml'), prefix);
        await addFile(external_node_path_default().join(entry.chart, 'values.yaml'), []);
    }
    for (const file of entry.values)
        await addFile(file, []);
    for (const s of entry.set)
        values.addSet(s.key, s.value, at(s.position));
    return values;
}
/** Unpacked subcharts under `charts/`, deepest first, with the values key each is configured under. */
async function subcharts(chart, prefix) {
    const dir = external_node_path_default().join(chart, 'charts');
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
    const found = [];
    for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const sub = external_node_path_default().join(dir, e.name);
        const chartYaml = await (0,promises_.readFile)(external_node_path_default().join(sub, 'Chart.yaml'), 'utf8').catch(() => '');
        const name = /^name:\s*["']?([^"'\s#]+)/m.exec(chartYaml)?.[1] ?? e.name;
        found.push(...(await subcharts(sub, [...prefix, name])), [sub, [...prefix, name]]);
    }
    return found;
}
/** A failed render, at the template line helm names when it names one, else at the config entry. */
async function renderFailure(entry, stderr, cwd, reportName, at) {
    const error = stderr.split('\n').find((l) => l.startsWith('Error:')) ??
        stderr.split('\n').filter(Boolean).pop() ??
        'no error output';
    // helm quotes what it failed on (template lines, values): capped like any scanned text. It names files by the
    // absolute paths it was given: said relative to the working directory, as every report path is.
    const detail = error
        .replace(/^Error:\s*/, '')
        .split(`${cwd}${(external_node_path_default()).sep}`)
        .join('');
    const message = `helm template failed for ${describe(entry, reportName)}: ${(0,untrusted/* cap */.Np)(detail, untrusted/* MESSAGE_LIMIT */.Gy)}`;
    let location = at(entry.position);
    const named = /template: ([^:\s]+\/templates\/[^:\s]+):(\d+)(?::(\d+))?/.exec(error) ??
        /YAML parse error on ([^:\s]+)/.exec(error);
    if (named?.[1] && entry.local) {
        const file = external_node_path_default().join(entry.chart, ...named[1].split('/').slice(1));
        const exists = await (0,promises_.readFile)(file, 'utf8').then(() => true, () => false);
        if (exists)
            location = { file: reportName(file), line: Number(named[2] ?? 1), column: Number(named[3] ?? 1) };
    }
    return { cause: 'build-failed', message, location };
}

;// CONCATENATED MODULE: ./src/sources/stage.ts






/**
 * The "Discover manifests", "Render Helm charts and kustomizations" and "Parse manifests" stages: every source
 * as SourceUnits. Renders run side by side; loose files are read 16 at a time, minus those a render claimed.
 */
async function readSources(opts) {
    const { logger, env, onUnits } = opts;
    const { cwd } = opts.discover;
    const discovery = await logger.group('Discover manifests', async () => {
        const found = await discoverFiles(opts.discover);
        logger.info(`${found.files.length} file(s) to read, ${found.charts.length} Helm chart(s)`);
        return found;
    });
    const files = discovery.files;
    const autoCharts = discoveredCharts(discovery.charts, opts.helm, env, cwd);
    const notices = [...discovery.notices, ...autoCharts.notices];
    for (const notice of notices)
        logger.info(notice);
    const rendered = await logger.group('Render Helm charts and kustomizations', async () => {
        const started = Date.now();
        // `<stdin>` names no file on disk: it must not make the working directory's kustomization build.
        const absolute = files.flatMap((f) => (f.stdin ? [] : [f.path]));
        const heard = (outcome) => {
            onUnits(outcome.units);
            return outcome;
        };
        const outcomes = await Promise.all([
            renderKustomizations({
                cwd,
                files: absolute,
                named: files.filter((f) => f.named).map((f) => f.path),
                settings: opts.kustomize,
                maxFileSize: opts.maxFileSize,
                env,
            }).then(heard),
            renderHelmCharts({ cwd, charts: [...opts.helm, ...autoCharts.entries], files: absolute, env }).then(heard),
        ]);
        const merged = {
            units: outcomes.flatMap((o) => o.units),
            problems: outcomes.flatMap((o) => o.problems),
            claimed: new Set(outcomes.flatMap((o) => [...o.claimed])),
        };
        logger.info(`${merged.units.length} rendered, ${merged.problems.length} problem(s), ${merged.claimed.size} file(s) claimed in ${Date.now() - started} ms`);
        return merged;
    });
    const loose = await logger.group('Parse manifests', async () => {
        const started = Date.now();
        // Files a kustomization or chart reads were checked through its render: reading them again would double findings.
        const unclaimed = files.filter((f) => !rendered.claimed.has(f.path));
        const units = await mapLimit(unclaimed, 16, async (f) => {
            const unit = await readSourceFile(f, opts.maxFileSize, opts.stdin);
            onUnits([unit]);
            return unit;
        });
        const count = units.length + rendered.units.length;
        const workloads = [...units, ...rendered.units].reduce((n, p) => n + p.workloads.length, 0);
        logger.info(`${count} file(s), ${workloads} workload(s) in ${Date.now() - started} ms`);
        const syntaxOnly = units.reduce((n, u) => n + (u.file.syntaxOnly ?? 0), 0);
        if (syntaxOnly > 0)
            logger.debug(`${syntaxOnly} document(s) can hold no container and were only syntax-checked`);
        return units;
    });
    return {
        units: [...loose, ...rendered.units],
        loose,
        problems: discovery.problems,
        renderProblems: rendered.problems,
        notices,
    };
}

// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(4319);
;// CONCATENATED MODULE: ./src/baseline/baseline.ts




/**
 * Reads an earlier JSON report (`--baseline`): every finding in it counts, suppressed or not, so a finding
 * whose suppression is later removed is still known. Anything that is not such a report is a usage error.
 */
async function loadBaseline(file, cwd) {
    const abs = external_node_path_default().resolve(cwd, file);
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(abs, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`--baseline ${file}: cannot read a JSON report: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    const findings = value?.findings;
    if (!Array.isArray(findings))
        throw new errors/* ConfigurationError */.j(`--baseline ${file}: not an archcheck JSON report (no "findings" list)`);
    const baseline = new Map();
    for (const f of findings) {
        const fields = readFields(f);
        if (!fields)
            continue;
        const key = (0,fingerprint/* fingerprint */.R)(fields);
        baseline.set(key, (baseline.get(key) ?? 0) + 1);
    }
    return baseline;
}
/**
 * Splits findings into new ones and those the baseline already had (marked `baseline: true`). Counts matter:
 * a baseline with one occurrence absorbs one finding, so a second copy of the same problem is new.
 */
function applyBaseline(findings, baseline) {
    const left = new Map(baseline);
    const active = [];
    const known = [];
    for (const f of findings) {
        const key = (0,fingerprint/* fingerprint */.R)({ ...f, file: f.location.file });
        const n = left.get(key) ?? 0;
        if (n > 0) {
            left.set(key, n - 1);
            known.push({ ...f, baseline: true });
        }
        else
            active.push(f);
    }
    return { active, known };
}
/** The fingerprinted fields of one JSON finding, each kept only when it has the type the report writes. */
function readFields(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const v = value;
    if (typeof v.rule !== 'string')
        return undefined;
    const text = (x) => (typeof x === 'string' ? x : undefined);
    const w = typeof v.workload === 'object' && v.workload !== null ? v.workload : {};
    const fields = { rule: v.rule };
    const file = text(v.file);
    const cluster = text(v.cluster);
    const container = text(v.container);
    const image = text(v.image);
    if (file !== undefined)
        fields.file = file;
    if (cluster !== undefined)
        fields.cluster = cluster;
    if (container !== undefined)
        fields.container = container;
    if (image !== undefined)
        fields.image = image;
    const kind = text(w.kind);
    const name = text(w.name);
    const namespace = text(w.namespace);
    if (kind !== undefined && name !== undefined)
        fields.workload = { kind, name, ...(namespace ? { namespace } : {}) };
    if (Array.isArray(v.platforms))
        fields.platforms = v.platforms.filter((p) => typeof p === 'string');
    return fields;
}

;// CONCATENATED MODULE: ./src/suppressions/config-entries.ts




/**
 * Builds matchers for the config's `ignore:` entries. `today` is `YYYY-MM-DD` (UTC); an entry whose `expires`
 * is before it no longer suppresses. Globs are picomatch's; `workload` is tested against `Kind/namespace/name`,
 * `image` against the image as written and its canonical form, `paths` against the finding's file relative
 * to the config directory (`cwd` is what the report's files are relative to).
 */
function entryMatchers(entries, today, baseDir, cwd) {
    return entries.map((entry, index) => {
        const workload = entry.workload ? picomatch_default()(entry.workload, { dot: true }) : undefined;
        const image = entry.image ? picomatch_default()(entry.image, { dot: true }) : undefined;
        const paths = entry.paths?.length ? picomatch_default()(entry.paths, { dot: true }) : undefined;
        return {
            entry,
            index,
            expired: entry.expires !== undefined && entry.expires < today,
            matched: 0,
            matches(f) {
                if (f.rule !== entry.rule && entry.rule !== '*')
                    return false;
                if (workload && !(f.workload && workload(config_entries_workloadId(f.workload))))
                    return false;
                if (image && !(f.image && imageForms(f.image).some((i) => image(i))))
                    return false;
                if (paths) {
                    const rel = (0,src_paths/* posixRelative */.q)(baseDir, external_node_path_default().resolve(cwd, f.location.file));
                    if (!paths(rel))
                        return false;
                }
                return true;
            },
        };
    });
}
function config_entries_workloadId(w) {
    return `${w.kind}/${w.namespace ?? ''}/${w.name}`;
}
/** A short name of an entry for warnings: where it is and what it targets. */
function describeEntry(m, configFile) {
    // Globs come from the scanned tree: control characters are shown escaped, as JSON quotes them.
    const safe = (text) => JSON.stringify(text).slice(1, -1);
    const targets = [
        m.entry.workload && `workload ${safe(m.entry.workload)}`,
        m.entry.image && `image ${safe(m.entry.image)}`,
        m.entry.paths?.length && `paths ${safe(m.entry.paths.join(', '))}`,
    ].filter(Boolean);
    const at = `${configFile}:${m.entry.position.line}:${m.entry.position.column}`;
    return `${at}: ignore[${m.index}] (rule ${safe(m.entry.rule)}${targets.length ? `, ${targets.join(', ')}` : ''})`;
}
function imageForms(written) {
    const parsed = (0,reference/* parseImageReference */.o_)(written);
    return parsed.ok ? [written, (0,reference/* canonicalImage */.KN)(parsed.ref)] : [written];
}

;// CONCATENATED MODULE: ./src/suppressions/apply.ts

/**
 * Applies suppressions, in the order a reader looks for them: a comment on or above the finding's line, the
 * workload's `archcheck.io/ignore` annotation, then the config's `ignore:` entries (expired ones do not apply).
 * A workload identity shared by several objects (overlays of one base) is silenced by its annotation only when
 * every one of them carries it, so one overlay cannot silence the others.
 */
function applySuppressions(input) {
    const warnings = [];
    const annotations = annotationsById(input.workloads);
    const active = [];
    const suppressed = [];
    for (const f of input.findings) {
        const comment = input.comments
            .get(f.location.file)
            ?.find((c) => c.appliesTo === f.location.line && c.rules.includes(f.rule));
        const annotation = f.workload
            ? annotationFor(annotations.get(config_entries_workloadId(f.workload)), f.rule)
            : undefined;
        const entry = comment || annotation ? undefined : input.entries.find((m) => !m.expired && m.matches(f));
        if (entry)
            entry.matched++;
        const reason = comment ? comment.reason : annotation ? annotation.reason : entry?.entry.reason;
        if (comment || annotation || entry) {
            const kind = entry ? 'config' : 'inline';
            suppressed.push({ ...f, suppressed: reason ? { kind, reason } : { kind } });
        }
        else
            active.push(f);
    }
    for (const [file, comments] of input.comments) {
        for (const c of comments) {
            const at = `${file}:${c.line}:${c.column}`;
            if (c.rules.length === 0)
                warnings.push(`${at}: archcheck:ignore names no rule; write "# archcheck:ignore <rule> -- <reason>"`);
            else if (!c.reason)
                warnings.push(`${at}: archcheck:ignore ${c.rules.join(',')} has no reason; add " -- <why>"`);
            warnings.push(...unknownRules(at, c.rules, input.knownRules));
        }
    }
    for (const ignore of uniqueAnnotations(input.workloads)) {
        const at = `${ignore.location.file}:${ignore.location.line}:${ignore.location.column}`;
        if (!ignore.reason)
            warnings.push(`${at}: archcheck.io/ignore has no reason; add the annotation archcheck.io/ignore-reason`);
        warnings.push(...unknownRules(at, ignore.rules, input.knownRules));
    }
    for (const m of input.entries) {
        const name = describeEntry(m, input.configFile);
        if (m.expired)
            warnings.push(`${name} expired on ${m.entry.expires ?? ''} and no longer suppresses; fix the findings or extend "expires"`);
        else if (m.matched === 0)
            warnings.push(`${name} matched no finding; remove it (stale suppressions hide future findings)`);
        if (!m.entry.reason)
            warnings.push(`${name} has no reason; add "reason"`);
        if (m.entry.rule !== '*')
            warnings.push(...unknownRules(name, [m.entry.rule], input.knownRules));
    }
    return { active, suppressed, warnings };
}
function unknownRules(at, rules, known) {
    // JSON quoting shows control characters escaped: the id comes from the scanned files.
    return rules
        .filter((r) => !known.has(r))
        .map((r) => `${at}: unknown rule ${JSON.stringify(r)} in a suppression`);
}
function annotationsById(workloads) {
    const byId = new Map();
    for (const w of workloads) {
        const id = config_entries_workloadId(w);
        byId.set(id, [...(byId.get(id) ?? []), w.ignore]);
    }
    return byId;
}
function annotationFor(all, rule) {
    if (!all || all.length === 0 || !all.every((a) => a?.rules.includes(rule)))
        return undefined;
    return all[0];
}
function uniqueAnnotations(workloads) {
    const seen = new Map();
    for (const w of workloads) {
        if (w.ignore)
            seen.set(`${w.ignore.location.file}:${w.ignore.location.line}`, w.ignore);
    }
    return [...seen.values()];
}

// EXTERNAL MODULE: ./src/suppressions/comments.ts
var suppressions_comments = __webpack_require__(7688);
;// CONCATENATED MODULE: ./src/suppressions/read-comments.ts



const MAX_BYTES = 16 * 1024 * 1024;
/**
 * Inline comments of every file a finding points at. Loose manifests were scanned while parsing (`known`); the
 * others (Helm values, templates, kustomizations and their bases) are read here, once each, and only those with
 * findings. Files outside `cwd` are not read: the report names them, but no suppression there applies.
 */
async function commentsForFindings(findings, known, parsedFiles, cwd) {
    const result = new Map(known);
    const missing = [...new Set(findings.map((f) => f.location.file))].filter((file) => !parsedFiles.has(file) && !result.has(file));
    for (const file of missing) {
        const abs = external_node_path_default().resolve(cwd, file);
        const rel = external_node_path_default().relative(cwd, abs);
        if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
            continue;
        const info = await (0,promises_.stat)(abs).catch(() => undefined);
        if (!info?.isFile() || info.size > MAX_BYTES)
            continue;
        const text = await (0,promises_.readFile)(abs, 'utf8').catch(() => '');
        const comments = (0,suppressions_comments/* findIgnoreComments */.a)(text);
        if (comments.length > 0)
            result.set(file, comments);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/engine/adopt.ts







/**
 * Sets aside what the user already decided about: suppressed findings (unless `noIgnore`), then findings the
 * baseline report already had. Both stay in the report; only `active` counts.
 */
async function setAsideFindings(findings, ctx) {
    let active = [...findings];
    let suppressed = [];
    const warnings = [];
    if (!ctx.noIgnore) {
        const known = new Map();
        for (const p of ctx.parsed)
            if (p.ignoreComments)
                known.set(p.file, p.ignoreComments);
        const comments = await commentsForFindings(findings, known, new Set(ctx.parsed.map((p) => p.file)), ctx.cwd);
        const baseDir = ctx.config.baseDir ?? ctx.cwd;
        const outcome = applySuppressions({
            findings,
            comments,
            workloads: ctx.workloads,
            entries: entryMatchers(ctx.config.ignore ?? [], ctx.today, baseDir, ctx.cwd),
            configFile: ctx.config.file ? (0,src_paths/* posixRelative */.q)(ctx.cwd, ctx.config.file) : '.archcheck.yaml',
            knownRules: new Set(RULE_METAS.map((r) => r.id)),
        });
        active = outcome.active;
        suppressed = outcome.suppressed;
        warnings.push(...outcome.warnings);
    }
    let baseline = [];
    if (ctx.baselineFile) {
        const split = applyBaseline(active, await loadBaseline(ctx.baselineFile, ctx.cwd));
        active = split.active;
        baseline = split.known;
        ctx.logger.info(`baseline ${external_node_path_default().basename(ctx.baselineFile)}: ${baseline.length} known, ${active.length} new finding(s)`);
    }
    if (suppressed.length > 0)
        ctx.logger.info(`${suppressed.length} finding(s) suppressed`);
    for (const w of warnings)
        ctx.logger.warning(w);
    return { active, suppressed, baseline, warnings };
}
/** `YYYY-MM-DD` in UTC: what `expires` dates are compared with. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/engine/build-report.ts




/** Assembles the report value from the stages' results (pure). */
function buildReport(input) {
    const { workloads, findings } = input;
    const images = imageEntries(workloads, input.resolutions);
    return {
        version: 1,
        findings,
        ...(input.suppressed?.length ? { suppressed: input.suppressed } : {}),
        ...(input.baseline?.length ? { baseline: input.baseline } : {}),
        images,
        workloads: workloads.map((w) => ({
            kind: w.kind,
            name: w.name,
            ...(w.namespace ? { namespace: w.namespace } : {}),
            file: w.location.file,
            line: w.location.line,
            ...(w.template ? { template: w.template } : {}),
            ...(w.inferred ? { inferred: true } : {}),
            containers: w.containers.map((c) => ({
                name: c.name,
                type: c.type,
                image: c.image,
                ...(c.written ? { written: c.written.image } : {}),
                ...(c.location.file !== w.location.file ? { file: c.location.file } : {}),
                line: c.location.line,
                column: c.location.column,
            })),
        })),
        clusters: input.clusters.map((c) => ({
            name: c.name,
            assumed: c.assumed,
            nodePools: c.nodePools.map((p) => ({
                name: p.name,
                platform: (0,normalize/* formatPlatform */.Bq)(p.platform),
                // Pools read from Karpenter, eksctl or node-list files say where.
                ...('source' in p && isLocation(p.source) ? { declaredIn: `${p.source.file}:${p.source.line}` } : {}),
            })),
        })),
        matrix: withDeepFindings(matrix(input.placements, input.resolutions), findings, workloads),
        unmatchedFiles: input.unmatchedFiles,
        notices: input.notices,
        unreachableRegistries: unreachableRegistries(input.resolutions),
        stats: {
            files: input.parsed.length,
            documents: input.parsed.reduce((n, p) => n + p.documents, 0),
            skippedDocuments: input.parsed.reduce((n, p) => n + p.skipped, 0),
            ...syntaxOnly(input.parsed),
            workloads: workloads.length,
            containers: workloads.reduce((n, w) => n + w.containers.length, 0),
            // Distinct references, valid or not: the same list as `images`.
            images: images.length,
            findings: {
                error: findings.filter((f) => f.severity === 'error').length,
                warning: findings.filter((f) => f.severity === 'warning').length,
                notice: findings.filter((f) => f.severity === 'notice').length,
            },
            ...(input.suppressed?.length ? { suppressed: input.suppressed.length } : {}),
            ...(input.baseline?.length ? { baseline: input.baseline.length } : {}),
        },
    };
}
function syntaxOnly(parsed) {
    const n = parsed.reduce((sum, p) => sum + (p.syntaxOnly ?? 0), 0);
    return n > 0 ? { syntaxOnlyDocuments: n } : {};
}
function isLocation(value) {
    return typeof value === 'object' && value !== null && 'file' in value && 'line' in value;
}
function imageEntries(workloads, resolutions) {
    const entries = new Map();
    for (const c of workloads.flatMap((w) => w.containers)) {
        if (!c.ref) {
            if (c.image && !entries.has(c.image))
                entries.set(c.image, {
                    reference: c.image,
                    platforms: [],
                    error: c.parseError?.reason ?? 'invalid reference',
                });
            continue;
        }
        const canonical = (0,reference/* canonicalImage */.KN)(c.ref);
        if (entries.has(canonical))
            continue;
        const r = resolutions.get(canonical);
        const entry = {
            reference: c.image,
            canonical,
            platforms: (platformsOf(r) ?? []).map(normalize/* formatPlatform */.Bq).sort(),
        };
        if (r && r.kind !== 'error')
            entry.digest = r.digest;
        if (r?.kind === 'error')
            entry.error = r.reason;
        entries.set(canonical, entry);
    }
    return [...entries.values()];
}
/** Images whose registry host a circuit breaker cut off, grouped by that host. */
function unreachableRegistries(resolutions) {
    const byHost = new Map();
    for (const [image, r] of resolutions) {
        if (r.kind !== 'error' || !r.outage)
            continue;
        const { registry, kind, reason } = r.outage;
        let entry = byHost.get(registry);
        if (!entry) {
            entry = { registry, kind, reason, images: [] };
            byHost.set(registry, entry);
        }
        entry.images.push(image);
    }
    const entries = [...byHost.values()].sort((a, b) => a.registry.localeCompare(b.registry));
    for (const entry of entries)
        entry.images.sort();
    return entries;
}
const VERDICT_RANK = {
    'not-scheduled': 0,
    runs: 1,
    unknown: 2,
    'exec-format-error': 3,
};
/** Deep mode's findings that a build will not run on a pool (a wrong binary, a mislabeled build). */
const DEEP_FAILURES = new Set(['binary-arch-mismatch', 'image-platform-mislabeled']);
/**
 * Cells deep verification found failing, although the index says the image runs there: the matrix agrees with
 * the findings. Findings name the image as written; cells by canonical reference.
 */
function withDeepFindings(cells, findings, workloads) {
    const failing = findings.filter((f) => DEEP_FAILURES.has(f.rule));
    if (failing.length === 0)
        return cells;
    const canonical = new Map();
    for (const w of workloads)
        for (const c of w.containers)
            if (c.ref)
                canonical.set(c.image, (0,reference/* canonicalImage */.KN)(c.ref));
    const keys = new Set(failing.flatMap((f) => (f.nodePools ?? []).map((pool) => `${canonical.get(f.image ?? '') ?? ''}\u0000${f.cluster ?? ''}\u0000${pool}`)));
    return cells.map((cell) => keys.has(`${cell.image}\u0000${cell.cluster}\u0000${cell.nodePool}`)
        ? { ...cell, verdict: 'exec-format-error' }
        : cell);
}
/** Image x pool verdicts: the worst outcome among the workloads that use the image and can land on the pool. */
function matrix(placements, resolutions) {
    const cells = new Map();
    for (const { workload, cluster, pools } of placements) {
        for (const c of workload.containers) {
            if (!c.ref)
                continue;
            const image = (0,reference/* canonicalImage */.KN)(c.ref);
            const platforms = platformsOf(resolutions.get(image));
            for (const placement of pools) {
                const { pool } = placement;
                const verdict = poolVerdict(placement, platforms);
                const key = `${image}\u0000${cluster.name}\u0000${pool.name}`;
                const current = cells.get(key);
                if (!current || VERDICT_RANK[verdict] > VERDICT_RANK[current.verdict]) {
                    cells.set(key, { image, cluster: cluster.name, nodePool: pool.name, verdict });
                }
            }
        }
    }
    return [...cells.values()];
}

;// CONCATENATED MODULE: ./src/clusters/label-syntax.ts
/** k8s.io/apimachinery/pkg/util/validation: `qualifiedNameFmt`, the name part of a label key. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** `dns1123SubdomainFmt`: the optional prefix of a label key. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `labelValueFmt`: empty, or alphanumerics at both ends with `-`, `_`, `.` between. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** `IsQualifiedName`: `[prefix/]name`, the prefix a DNS subdomain of at most 253, the name at most 63 characters. */
function isValidLabelKey(key) {
    const parts = key.split('/');
    if (parts.length > 2)
        return false;
    const name = parts[parts.length - 1] ?? '';
    const prefix = parts.length === 2 ? (parts[0] ?? '') : undefined;
    if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)))
        return false;
    return name.length <= 63 && QUALIFIED_NAME.test(name);
}
/** `IsValidLabelValue`: at most 63 characters of `labelValueFmt`. */
function isValidLabelValue(value) {
    return value.length <= 63 && LABEL_VALUE.test(value);
}
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/**
 * Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. Compared as BigInt,
 * since JavaScript numbers lose integers above 2^53 (9007199254740993 would equal 9007199254740992).
 */
function parseInt64(text) {
    if (text === undefined || !/^[+-]?\d+$/.test(text))
        return undefined;
    const n = BigInt(text);
    return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}
/**
 * Would the scheduler accept this requirement? k8s.io/apimachinery labels `NewRequirement`, as
 * component-helpers nodeaffinity `nodeSelectorRequirementsAsSelector` calls it: a valid key; In/NotIn with at
 * least one value, Exists/DoesNotExist with none, Gt/Lt with exactly one int64; every value a valid label
 * value. A requirement that fails makes its whole term match no node ("Pod with an invalid value in Affinity
 * term won't be scheduled onto the node").
 */
function isValidRequirement(r) {
    if (!isValidLabelKey(r.key) || !r.values.every(isValidLabelValue))
        return false;
    switch (r.operator) {
        case 'In':
        case 'NotIn':
            return r.values.length > 0;
        case 'Exists':
        case 'DoesNotExist':
            return r.values.length === 0;
        case 'Gt':
        case 'Lt':
            return r.values.length === 1 && parseInt64(r.values[0]) !== undefined;
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./src/clusters/scheduling.ts

/**
 * Decides, pool by pool, where a pod can be scheduled, following the scheduler's NodeAffinity and
 * TaintToleration filters: nodeSelector labels must all match; required node affinity terms are ORed and their
 * expressions ANDed (an empty term list, or a term with no expressions, matches nothing); taints with effect
 * NoSchedule or NoExecute must be tolerated. matchFields cannot be evaluated without node names, so a term
 * using them never narrows pools.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 *
 * `knownKeys` are the label keys the cluster's pools declare (plus the implicit arch/os labels). Keys no
 * pool declares say nothing we can check (zones, hostnames, instance types), so they never exclude a pool.
 */
function placePod(scheduling, pools, knownKeys) {
    return pools.map((pool) => {
        const reasons = [];
        for (const { key, value, location } of scheduling.nodeSelector) {
            if (!knownKeys.has(key) || isPlaceholder(value))
                continue;
            const actual = pool.labels[key];
            if (actual !== value) {
                const detail = actual === undefined ? `no label ${key}` : `${key}=${actual}`;
                reasons.push({ constraint: `nodeSelector ${key}=${value}`, detail, location });
            }
        }
        if (scheduling.requiredTerms && !scheduling.requiredTerms.some((t) => termMatches(t, pool, knownKeys))) {
            reasons.push({
                constraint: 'required node affinity',
                detail: describeLabels(pool, scheduling.requiredTerms),
                location: scheduling.requiredAffinityLocation,
            });
        }
        for (const taint of pool.taints) {
            if (taint.effect === 'PreferNoSchedule')
                continue;
            if (!scheduling.tolerations.some((t) => tolerates(t, taint))) {
                reasons.push({ constraint: `no toleration for taint ${formatTaint(taint)}`, detail: 'tainted' });
            }
        }
        return { pool, eligible: reasons.length === 0, reasons };
    });
}
function termMatches(term, pool, knownKeys) {
    if (term.matchExpressions.length === 0)
        return term.hasMatchFields;
    return term.matchExpressions.every((r) => {
        // A value filled in at deploy time is unknown: it can neither be validated nor compared.
        if (r.values.some(isPlaceholder))
            return true;
        // An invalid requirement fails its term on every node, whether or not a pool declares the key.
        if (!isValidRequirement(r))
            return false;
        return !knownKeys.has(r.key) || requirementMatches(r, pool.labels);
    });
}
/**
 * A value filled in later (`{{inputs.parameters.arch}}` in Argo Workflows, `${ARCH}` for envsubst) is not known
 * before deploy, so it never excludes a pool.
 */
function isPlaceholder(value) {
    return value.includes('{{') || value.includes('${');
}
/**
 * One NodeSelectorRequirement against a label set, as k8s.io/apimachinery labels `Requirement.Matches`. A
 * requirement `isValidRequirement` rejects matches nothing (the scheduler turns it into a term that fails).
 */
function requirementMatches(r, labels) {
    if (!isValidRequirement(r))
        return false;
    const value = labels[r.key];
    switch (r.operator) {
        case 'In':
            return value !== undefined && r.values.includes(value);
        case 'NotIn':
            return value === undefined || !r.values.includes(value);
        case 'Exists':
            return value !== undefined;
        case 'DoesNotExist':
            return value === undefined;
        case 'Gt':
        case 'Lt': {
            // Both sides are strconv.ParseInt(s, 10, 64): a label that is not an int64 fails the requirement.
            const bound = parseInt64(r.values[0]);
            const actual = parseInt64(value);
            if (bound === undefined || actual === undefined)
                return false;
            return r.operator === 'Gt' ? actual > bound : actual < bound;
        }
        default:
            return false;
    }
}
/**
 * k8s.io/api/core/v1 `Toleration.ToleratesTaint`: the effect (when set) and the key must equal the taint's;
 * "empty operator means Equal" (values compared), Exists tolerates any value. Gt and Lt tolerate nothing:
 * they need the alpha feature gate TaintTolerationComparisonOperators, off by default, without which the
 * scheduler (FindMatchingUntoleratedTaint) does not compare.
 */
function tolerates(t, taint) {
    if (t.effect && t.effect !== taint.effect)
        return false;
    // The API server accepts an empty key only with Exists (core validation ValidateTolerations): any other
    // empty-key toleration belongs to a pod that is never created, so it tolerates nothing.
    if (!t.key)
        return t.operator === 'Exists';
    if (t.key !== taint.key)
        return false;
    switch (t.operator ?? '') {
        case '':
        case 'Equal':
            return (t.value ?? '') === (taint.value ?? '');
        case 'Exists':
            return true;
        default:
            return false;
    }
}
function formatTaint(taint) {
    return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
function describeLabels(pool, terms) {
    const invalid = terms
        .flatMap((t) => t.matchExpressions)
        .find((r) => !r.values.some(isPlaceholder) && !isValidRequirement(r));
    // Kubernetes rejects the term on every node: say so rather than list labels that are not the reason.
    if (invalid)
        return `invalid requirement ${invalid.key} ${invalid.operator} [${invalid.values.join(', ')}]`;
    const keys = new Set(terms.flatMap((t) => t.matchExpressions.map((e) => e.key)));
    const shown = [...keys].map((k) => (pool.labels[k] === undefined ? `no ${k}` : `${k}=${pool.labels[k]}`));
    return shown.length > 0 ? shown.join(', ') : 'no term has expressions';
}

;// CONCATENATED MODULE: ./src/nodepools/place.ts


const place_ARCH = 'kubernetes.io/arch';
/** Label keys a selector can be checked against: the pools' labels and the keys their requirements leave open. */
function poolLabelKeys(pools) {
    const keys = knownLabelKeys(pools);
    for (const pool of pools)
        for (const key of Object.keys(choicesOf(pool)))
            keys.add(key);
    return keys;
}
/**
 * Where a pod can land in a cluster: its scheduling as the cluster admits it (opt-in `admission:` facts), on
 * pools whose open label choices take the values the pod asks for, as Karpenter picks them at launch.
 */
function placeInCluster(scheduling, cluster, keys, runtimeClasses) {
    const admitted = admit(scheduling, cluster, runtimeClasses);
    return placePod(admitted, specialize(cluster.nodePools, admitted), keys);
}
/**
 * Admission-time changes the manifests cannot show. GKE: "GKE automatically adds the toleration to Pods that
 * select arm64" (https://cloud.google.com/kubernetes-engine/docs/how-to/prepare-arm-workloads-for-deployment).
 * RuntimeClass: its `scheduling.nodeSelector` is merged into the pod's and its tolerations added
 * (https://kubernetes.io/docs/concepts/containers/runtime-class/#scheduling).
 */
function admit(scheduling, cluster, runtimeClasses) {
    let result = scheduling;
    const rcName = scheduling.runtimeClassName;
    const rc = cluster.admission?.runtimeClasses && rcName ? runtimeClasses.get(rcName.name) : undefined;
    if (rc && rcName) {
        const location = rcName.location;
        const written = new Set(result.nodeSelector.map((s) => s.key));
        result = {
            ...result,
            nodeSelector: [
                ...result.nodeSelector,
                ...Object.entries(rc.nodeSelector)
                    .filter(([key]) => !written.has(key))
                    .map(([key, value]) => ({ key, value, location })),
            ],
            tolerations: [...result.tolerations, ...rc.tolerations.map((t) => ({ ...t, location }))],
        };
    }
    const selected = scheduling.nodeSelectorLocation ?? scheduling.requiredAffinityLocation;
    if (cluster.admission?.gkeArm64Toleration && selected && selectsArm64(result)) {
        const toleration = {
            key: place_ARCH,
            operator: 'Equal',
            value: 'arm64',
            effect: 'NoSchedule',
            location: selected,
        };
        result = { ...result, tolerations: [...result.tolerations, toleration] };
    }
    return result;
}
function selectsArm64(s) {
    if (s.nodeSelector.some((n) => n.key === place_ARCH && n.value === 'arm64'))
        return true;
    return (s.requiredTerms ?? []).some((t) => t.matchExpressions.some((e) => e.key === place_ARCH && e.operator === 'In' && e.values.includes('arm64')));
}
/** Pools with each open label fixed to the value this pod asks for, when the pool allows it. */
function specialize(pools, scheduling) {
    return pools.map((pool) => {
        const choices = choicesOf(pool);
        const keys = Object.keys(choices);
        if (keys.length === 0)
            return pool;
        const labels = { ...pool.labels };
        for (const key of keys) {
            const value = chooseValue(choices[key] ?? {}, key, scheduling);
            if (value !== undefined)
                labels[key] = value;
        }
        return { ...pool, labels };
    });
}
function chooseValue(choice, key, s) {
    const expressions = (s.requiredTerms ?? []).flatMap((t) => t.matchExpressions.filter((e) => e.key === key));
    const wanted = [
        ...s.nodeSelector.filter((n) => n.key === key).map((n) => n.value),
        ...expressions.filter((e) => e.operator === 'In').flatMap((e) => e.values),
    ];
    const refused = expressions.filter((e) => e.operator === 'NotIn').flatMap((e) => e.values);
    const fits = (v) => (choice.in === undefined || choice.in.includes(v)) && !choice.notIn?.includes(v) && !refused.includes(v);
    return [...wanted, ...(choice.in ?? [])].find(fits) ?? choice.in?.[0];
}
function choicesOf(pool) {
    return pool.choices ?? {};
}

;// CONCATENATED MODULE: ./src/nodepools/place-units.ts

/**
 * Every unit's workloads on the pools of each cluster they deploy to; `unmatchedFiles`: units with workloads
 * that no cluster's `paths` (nor a Helm `cluster:`) takes.
 */
function placeUnits(units, clusters, clustersOf, runtimeClasses) {
    const placements = [];
    const unmatchedFiles = [];
    for (const { source, workloads, clusters: named } of units) {
        if (workloads.length === 0)
            continue;
        // A Helm entry's `cluster:` names its cluster; --arch replaces the config's clusters, so fall back to paths.
        const byName = named ? clusters.filter((c) => named.includes(c.name)) : [];
        const targets = byName.length > 0 ? byName : clustersOf(source.path);
        if (targets.length === 0)
            unmatchedFiles.push(source.file);
        for (const cluster of targets) {
            const keys = poolLabelKeys(cluster.nodePools);
            for (const workload of workloads) {
                placements.push({
                    workload,
                    cluster,
                    pools: placeInCluster(workload.scheduling, cluster, keys, runtimeClasses),
                });
            }
        }
    }
    return { placements, unmatchedFiles };
}

;// CONCATENATED MODULE: ./src/sources/unit.ts

/**
 * Facts of a loose file (collected while parsing, before its objects were dropped), or of a rendered unit's
 * output (which keeps its objects), placed at the unit's source file.
 */
function unitFacts(p) {
    if (p.facts)
        return [p.facts];
    if (!p.file.objects.some(isClusterFact))
        return [];
    return [collectFacts(p.file.objects, { file: p.source.file, line: 1, column: 1 })];
}

;// CONCATENATED MODULE: ./src/engine/clusters.ts









const DEFAULT_ARCHITECTURES = ['amd64', 'arm64'];
const ASSUMED_CLUSTER_NOTICE = 'No clusters declared: assuming one cluster with linux/amd64 and linux/arm64 node pools. ' +
    'Declare yours in .archcheck.yaml or pass --arch amd64,arm64. For example, in .archcheck.yaml:\n' +
    '  clusters:\n' +
    '    - name: prod\n' +
    '      nodePools:\n' +
    '        - {name: general, arch: amd64}';
/** The no-clusters notice, naming the files whose node pools the user can turn into a declaration. */
function assumedClusterNotice(nodeFiles) {
    if (nodeFiles.length === 0)
        return ASSUMED_CLUSTER_NOTICE;
    const shown = nodeFiles.slice(0, 3).join(', ');
    const more = nodeFiles.length > 3 ? ` and ${nodeFiles.length - 3} more` : '';
    return `${ASSUMED_CLUSTER_NOTICE}\nThis tree describes node pools (Karpenter NodePools/Provisioners, eksctl ClusterConfigs or node lists) in ${shown}${more}: declare those pools' architectures under \`clusters:\`.`;
}
/** The clusters to check against: `--arch` wins, then the config's, else the assumed default (with a notice). */
function chooseClusters(config, architectures) {
    if (architectures && architectures.length > 0) {
        const notes = architectures.flatMap((a) => ambiguousPlatformNote(a, '--arch') ?? []);
        return { clusters: [archCluster('cluster', architectures, false)], notices: notes };
    }
    if (config.clusters.length > 0)
        return { clusters: config.clusters, notices: [...(config.notices ?? [])] };
    return {
        clusters: [archCluster('default', DEFAULT_ARCHITECTURES, true)],
        notices: [ASSUMED_CLUSTER_NOTICE],
    };
}
function archCluster(name, archs, assumed) {
    const pools = poolsFromArchitectures(name, archs);
    if ('error' in pools)
        throw new errors/* ConfigurationError */.j(pools.error);
    return { name, paths: [], nodePools: pools, assumed };
}
/** Which clusters a file deploys to, by each cluster's `paths` globs (relative to `globBase`). */
function clusterMatcher(clusters, globBase) {
    const matchers = clusters.map((c) => ({
        cluster: c,
        matches: c.paths.length === 0 ? () => true : picomatch_default()([...c.paths], { dot: true }),
    }));
    return (absoluteFile) => {
        const rel = (0,src_paths/* posixRelative */.q)(globBase, absoluteFile);
        return matchers.filter((m) => m.matches(rel)).map((m) => m.cluster);
    };
}
/**
 * The clusters to check against once the tree is read, and where each unit's workloads land. Pools the tree
 * declares replace the assumed amd64 + arm64 cluster (and its notice, in `notices`); RuntimeClasses from the
 * tree and `nodePools.from` serve `admission:`. Logs the run's notices and what could not be read of the pools.
 */
function placeTree(units, fromFiles, notices, globBase, logger) {
    const treeFacts = mergeFacts(units.flatMap(unitFacts));
    let clusters = fromFiles.clusters;
    const derived = clusters.length === 1 && clusters[0]?.assumed ? deriveCluster(treeFacts) : undefined;
    if (derived) {
        clusters = [derived.cluster];
        notices.splice(notices.indexOf(ASSUMED_CLUSTER_NOTICE), 1, derived.notice);
    }
    for (const notice of notices)
        logger.info(notice);
    for (const p of [...treeFacts.problems, ...fromFiles.facts.problems])
        logger.warning(`${p.location.file}:${p.location.line}: ${p.message}`);
    const runtimeClasses = new Map([...fromFiles.facts.runtimeClasses, ...treeFacts.runtimeClasses].map((rc) => [rc.name, rc]));
    const placed = placeUnits(units, clusters, clusterMatcher(clusters, globBase), runtimeClasses);
    return { clusters, ...placed };
}

;// CONCATENATED MODULE: ./src/engine/options.ts

/** The settings when only the config asks for deep mode: the default budgets. */
function defaultDeepSettings() {
    return { budgets: DEFAULT_DEEP_BUDGETS };
}

;// CONCATENATED MODULE: ./src/engine/run.ts















/**
 * The whole pipeline: sources -> documents -> workloads -> images -> resolutions -> findings -> report.
 * The stages do the I/O; images start resolving while the tree is still being read. Expected failures end up
 * as findings, never as throws. Throws `ConfigurationError` for bad config or paths.
 */
async function runArchcheck(options, deps) {
    const { logger } = deps;
    const env = deps.env ?? process.env;
    const config = await loadConfig(options.cwd, options.configPath);
    const images = openImageStage({
        settings: config.registries,
        mirrors: options.registryMirrors,
        allowPrivateRegistries: options.allowPrivateRegistries,
        env,
        githubToken: options.githubToken,
        cacheDir: options.cacheDir,
        noCache: options.noCache,
        logger,
        imageSource: deps.imageSource,
    });
    let usage;
    let tree;
    try {
        tree = await readAndResolve(options, { ...deps, env }, config, images);
    }
    finally {
        usage = await images.close();
    }
    const spent = describeUsage(usage);
    if (spent)
        logger.info(spent);
    const { read, clusters, placements, resolutions, notices } = tree;
    const workloads = read.units.flatMap((p) => p.workloads);
    const findings = await logger.group('Check', async () => {
        const result = runChecks({
            parseProblems: [...read.problems, ...read.units.flatMap((p) => p.file.problems)],
            workloads,
            placements,
            resolutions,
            renderProblems: read.renderProblems,
            ...(tree.deep ? { deep: tree.deep } : {}),
        }, config.rules);
        logger.info(`${result.length} finding(s)`);
        return result;
    });
    const setAside = await setAsideFindings(notePoolSources(findings, clusters), {
        config,
        cwd: options.cwd,
        // Only files read as written: a rendered stream's comments sit at lines of no file a person edits.
        parsed: read.loose.map((p) => p.file),
        workloads,
        today: isoDay((deps.now ?? (() => new Date()))()),
        logger,
        ...(options.noIgnore ? { noIgnore: true } : {}),
        ...(options.baseline ? { baselineFile: options.baseline } : {}),
    });
    const report = buildReport({
        parsed: read.units.map((p) => p.file),
        workloads,
        placements,
        clusters,
        resolutions,
        findings: setAside.active,
        suppressed: setAside.suppressed,
        baseline: setAside.baseline,
        unmatchedFiles: tree.unmatchedFiles,
        // The no-clusters notice learns, once the tree is read, where the user's node pools are described.
        notices: [
            ...notices,
            ...setAside.warnings,
            ...read.units.flatMap((p) => (p.template ? [p.template] : [])),
        ].map((n) => n === ASSUMED_CLUSTER_NOTICE
            ? assumedClusterNotice(read.units.filter((p) => p.describesPools).map((p) => p.source.file))
            : n),
    });
    return usage && spent ? { ...report, registry: usage } : report;
}
/** The tree read, its clusters and placements, its images resolved (and, opted in, verified deeply). */
async function readAndResolve(options, deps, config, images) {
    const { logger, env } = deps;
    // Input errors are configuration errors: found before any work is done.
    const helmCharts = [
        ...(config.helm ?? []),
        ...(options.helmInput
            ? parseHelmInput(options.helmInput.text, options.helmInput.declaredIn, options.cwd)
            : []),
    ];
    const globBase = config.baseDir ?? options.cwd;
    const chosen = chooseClusters(config, options.architectures);
    const notices = chosen.notices;
    const fromFiles = await loadPoolsFrom(chosen.clusters, globBase, options.cwd);
    const read = await readSources({
        discover: {
            cwd: options.cwd,
            paths: options.paths,
            include: config.include,
            exclude: config.exclude,
            skip: config.file ? [config.file] : [],
            globBase,
        },
        helm: helmCharts,
        kustomize: {
            ...(config.kustomize ?? DEFAULT_KUSTOMIZE_SETTINGS),
            ...(options.kustomizeLoadRestrictor ? { loadRestrictor: options.kustomizeLoadRestrictor } : {}),
        },
        maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
        env,
        ...(deps.stdin ? { stdin: deps.stdin } : {}),
        logger,
        onUnits: (units) => images.add(units.flatMap((u) => u.workloads)),
    });
    notices.push(...read.notices);
    const placed = placeTree(read.units, fromFiles, notices, globBase, logger);
    const resolutions = await images.resolutions();
    let deep;
    // Opt-in: without it nothing below runs and no blob beyond the resolution's is fetched.
    if (options.deep?.enabled || config.deep) {
        const verified = await deepStage({ placements: placed.placements, resolutions }, {
            source: images.source,
            cacheRoot: images.cacheRoot,
            budgets: options.deep?.budgets ?? defaultDeepSettings().budgets,
            deadlineMs: config.registries.deadlineMs,
            logger,
        });
        notices.push(verified.notice);
        deep = verified.facts;
    }
    await images.maintain();
    return { read, ...placed, resolutions, notices, ...(deep ? { deep } : {}) };
}

;// CONCATENATED MODULE: ./src/engine/gate.ts

const FAIL_ON_VALUES = ['error', 'warning', 'notice', 'never'];
/** True when a finding at or above `failOn` exists: the exit status for release gates and audits. */
function shouldFail(counts, failOn) {
    if (failOn === 'never')
        return false;
    const floor = SEVERITY_RANK[failOn];
    return Object.keys(counts).some((s) => SEVERITY_RANK[s] >= floor && counts[s] > 0);
}
/**
 * Rules whose findings mean part of the deployment went unchecked (an image no registry answered for, a
 * workload no cluster covers). `--fail-on-unresolved` fails the run on them, so an outage is never green.
 */
const COVERAGE_RULES = new Set(['image-unresolved', 'workload-not-checked']);
/** Counted findings (at warning or above: `ko://` notices are by design) that mean coverage was lost. */
function coverageLost(findings) {
    return findings.filter((f) => COVERAGE_RULES.has(f.rule) && SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning);
}
function parseFailOn(value) {
    return FAIL_ON_VALUES.includes(value) ? value : undefined;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/reporters/index.ts + 10 modules
var reporters = __webpack_require__(7586);
;// CONCATENATED MODULE: ./src/cli/outputs.ts





/**
 * Pairs `--format` and `--output` values in order, as curl pairs `-o` with URLs: the n-th `--output` writes
 * the n-th `--format`; formats left without one go to stdout (`-` says so explicitly). No `--format` means
 * text. Throws `ConfigurationError` for anything that would lose or mix output, before the scan runs.
 */
async function planOutputs(formats, outputs, cwd) {
    const ids = formats.length > 0 ? formats : ['text'];
    if (outputs.length > ids.length) {
        throw new errors/* ConfigurationError */.j(`--output ${outputs[ids.length]} has no --format to pair with: give one --format per --output, in order`);
    }
    const targets = ids.map((id, i) => {
        if (!(0,reporters/* isFormatId */.d)(id))
            throw new errors/* ConfigurationError */.j(`--format must be one of ${reporters.FORMAT_IDS.join(', ')}, not "${id}"`);
        const output = outputs[i];
        return output === undefined || output === '-'
            ? { format: id }
            : { format: id, file: external_node_path_default().resolve(cwd, output) };
    });
    const toStdout = targets.filter((t) => !t.file).map((t) => t.format);
    if (toStdout.length > 1) {
        throw new errors/* ConfigurationError */.j(`only one format can go to stdout, but ${toStdout.join(' and ')} would: give each an --output FILE`);
    }
    const seen = new Set();
    for (const { file } of targets) {
        if (!file)
            continue;
        if (seen.has(file))
            throw new errors/* ConfigurationError */.j(`--output ${file} is given twice`);
        seen.add(file);
        await checkWritable(file);
    }
    return targets;
}
/** A missing directory or a directory in the file's place is the user's to fix: say so before scanning. */
async function checkWritable(file) {
    const dir = external_node_path_default().dirname(file);
    const parent = await (0,promises_.stat)(dir).catch(() => undefined);
    if (!parent?.isDirectory())
        throw new errors/* ConfigurationError */.j(`--output ${file}: directory ${dir} does not exist`);
    const existing = await (0,promises_.stat)(file).catch(() => undefined);
    if (existing?.isDirectory())
        throw new errors/* ConfigurationError */.j(`--output ${file} is a directory; give a file name`);
}
/** Renders each target and writes it; a failed write (permissions, full disk) is the user's to fix. */
async function writeOutputs(report, targets, ctx, stdout) {
    for (const { format, file } of targets) {
        // Colour escapes belong on a terminal, never in a file.
        const text = reporters.REPORTERS[format].render(report, { ...ctx, color: ctx.color && !file });
        if (!file) {
            stdout.write(text);
            continue;
        }
        // A text report in a file is often `cat` in a later step: it gets the same filter as the terminal.
        const written = format === 'text' ? (0,untrusted/* safeTerminalText */.Dm)(text, false) : text;
        await (0,promises_.writeFile)(file, written, 'utf8').catch((error) => {
            throw new errors/* ConfigurationError */.j(`cannot write --output ${file}: ${(0,errors/* errorMessage */.g)(error)}`);
        });
    }
}

;// CONCATENATED MODULE: ./src/cli/run.ts










/** A scan from the command line: check the flags, run the engine, write the reports, return the exit status. */
async function runCli(args, io, 
/** What `-` reads (default: process.stdin). */
stdin) {
    const { values, positionals } = args;
    try {
        const cwd = process.cwd();
        const failOn = parseFailOn(values['fail-on']);
        if (!failOn)
            throw new errors/* ConfigurationError */.j(`--fail-on must be error, warning, notice or never, not "${values['fail-on']}"`);
        const targets = await planOutputs(values.format ?? [], values.output ?? [], cwd);
        const restrictor = values['kustomize-load-restrictor'];
        if (restrictor !== undefined && restrictor !== 'rootOnly' && restrictor !== 'none') {
            throw new errors/* ConfigurationError */.j(`--kustomize-load-restrictor must be rootOnly or none, not "${restrictor}"`);
        }
        const sizeFlag = values['max-file-size'];
        const maxFileSize = sizeFlag === undefined ? undefined : (0,byte_size/* parseByteSize */.n)(sizeFlag);
        if (sizeFlag !== undefined && !maxFileSize) {
            throw new errors/* ConfigurationError */.j(`--max-file-size must be a size such as 16MiB or 50MB, not "${sizeFlag}"`);
        }
        const report = await runArchcheck({
            cwd,
            paths: positionals.length > 0 ? positionals : ['.'],
            ...(values.config ? { configPath: values.config } : {}),
            ...(values.arch ? { architectures: splitList(values.arch) } : {}),
            ...(values['registry-mirror']
                ? { registryMirrors: parseMirrors(values['registry-mirror'], cwd) }
                : {}),
            ...(values['allow-private-registry']
                ? { allowPrivateRegistries: values['allow-private-registry'] }
                : {}),
            ...(restrictor ? { kustomizeLoadRestrictor: restrictor } : {}),
            ...(maxFileSize ? { maxFileSize } : {}),
            ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
            ...(values.baseline ? { baseline: values.baseline } : {}),
            ...(values['no-ignore'] ? { noIgnore: true } : {}),
            deep: {
                enabled: values.deep,
                budgets: {
                    imageBytes: byteSize('--deep-image-budget', values['deep-image-budget'], DEFAULT_DEEP_BUDGETS.imageBytes),
                    runBytes: byteSize('--deep-run-budget', values['deep-run-budget'], DEFAULT_DEEP_BUDGETS.runBytes),
                },
            },
            ...(values['cache-dir'] ? { cacheDir: external_node_path_default().resolve(cwd, values['cache-dir']) } : {}),
            ...(values['no-cache'] ? { noCache: true } : {}),
        }, {
            logger: stderrLogger(io.stderr, values.quiet),
            // Only asked for when `-` is given: touching process.stdin otherwise would open it for nothing.
            ...(positionals.includes(STDIN_ARG) ? { stdin: stdin ?? process.stdin } : {}),
        });
        const ctx = { color: io.stdout.color, rules: RULE_METAS, toolVersion: version/* VERSION */.x };
        await writeOutputs(report, targets, ctx, io.stdout);
        const lost = values['fail-on-unresolved'] ? coverageLost(report.findings).length : 0;
        if (lost > 0)
            io.stderr.write(`archcheck: coverage lost (${lost} finding(s)) and --fail-on-unresolved is set\n`);
        return lost > 0 ? 1 : exitStatus(report.stats.findings, failOn);
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j) {
            io.stderr.write(`archcheck: ${error.message}\n`);
            return 2;
        }
        io.stderr.write(`archcheck: internal error: ${(0,errors/* errorMessage */.g)(error)}\n`);
        if (process.env.ARCHCHECK_DEBUG && error instanceof Error)
            io.stderr.write(`${error.stack ?? ''}\n`);
        return 3;
    }
}
function exitStatus(counts, failOn) {
    return shouldFail(counts, failOn) ? 1 : 0;
}
/** A byte size flag (`64MiB`, `100MB`, `1048576`); throws ConfigurationError naming the flag. */
function byteSize(flag, value, fallback) {
    if (value === undefined)
        return fallback;
    const bytes = (0,byte_size/* parseByteSize */.n)(value);
    if (bytes === undefined)
        throw new errors/* ConfigurationError */.j(`${flag} must be a size such as 64MiB or 100MB, not "${value}"`);
    return bytes;
}
function splitList(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** `HOST=URL` pairs; an `oci:` directory is relative to the working directory. */
function parseMirrors(values, cwd) {
    const mirrors = {};
    for (const value of values) {
        const eq = value.indexOf('=');
        if (eq <= 0 || eq === value.length - 1)
            throw new errors/* ConfigurationError */.j(`--registry-mirror must be HOST=URL, not "${value}"`);
        const host = value.slice(0, eq);
        const target = value.slice(eq + 1);
        if (!/^(oci:.+|https?:\/\/.+)$/.test(target)) {
            throw new errors/* ConfigurationError */.j(`--registry-mirror ${host}: URL must start with oci:, https:// or http://`);
        }
        mirrors[host] = target.startsWith('oci:') ? `oci:${external_node_path_default().resolve(cwd, target.slice(4))}` : target;
    }
    return mirrors;
}
/** Progress on stderr so stdout stays the report; `ARCHCHECK_DEBUG=1` adds debug lines. */
function stderrLogger(stderr, quiet) {
    const debug = Boolean(process.env.ARCHCHECK_DEBUG);
    return {
        debug: (m) => {
            if (debug)
                stderr.write(`debug: ${m}\n`);
        },
        info: (m) => {
            if (!quiet)
                stderr.write(`${m}\n`);
        },
        warning: (m) => stderr.write(`warning: ${m}\n`),
        group: async (name, fn) => {
            if (!quiet)
                stderr.write(`== ${name}\n`);
            return fn();
        },
    };
}


/***/ }),

/***/ 5171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ parseRuntimeConfig),
/* harmony export */   _j: () => (/* binding */ candidatesFor),
/* harmony export */   oQ: () => (/* binding */ programOf)
/* harmony export */ });
/* unused harmony exports DEFAULT_PATH, argvOf */
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1535);
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path_posix__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The PATH containerd gives a process whose image sets none (containerd oci.WithDefaultPathEnv, the same
 * default runc and Docker use).
 */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const strings = (v) => Array.isArray(v) ? v.filter((s) => typeof s === 'string') : [];
/** The runtime part of an image config blob; missing or malformed fields are empty, as the runtime treats them. */
function parseRuntimeConfig(bytes) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        doc = {};
    }
    const config = doc?.config ?? {};
    return {
        entrypoint: strings(config.Entrypoint),
        cmd: strings(config.Cmd),
        env: strings(config.Env),
        workingDir: typeof config.WorkingDir === 'string' ? config.WorkingDir : '',
    };
}
/**
 * The argv a container starts with, as the kubelet builds it
 * (https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#notes):
 * `command` replaces the Entrypoint and drops the image's Cmd; `args` replace the Cmd. Empty lists count
 * as unset, as they do in the kubelet.
 */
function argvOf(override, config) {
    const command = override.command?.length ? override.command : undefined;
    const args = override.args?.length ? override.args : undefined;
    if (command)
        return { argv: [...command, ...(args ?? [])], source: 'command' };
    const tail = args ?? config.cmd;
    if (config.entrypoint.length > 0)
        return { argv: [...config.entrypoint, ...tail], source: 'Entrypoint' };
    return { argv: tail, source: 'Cmd' };
}
/**
 * The files the runtime may execute for a program name: a name with a slash is a path (relative ones start
 * at WorkingDir, `/` by default); a bare name is looked up along the image's PATH (Go's exec.LookPath, which
 * runc uses), containerd's default when the image sets none.
 */
function candidatesFor(program, config) {
    const cwd = node_path_posix__WEBPACK_IMPORTED_MODULE_0___default().resolve('/', config.workingDir || '/');
    if (program.includes('/'))
        return [node_path_posix__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, program)];
    const pathVar = [...config.env].reverse().find((e) => e.startsWith('PATH='));
    const dirs = (pathVar === undefined ? DEFAULT_PATH : pathVar.slice('PATH='.length)).split(':');
    return [...new Set(dirs.map((dir) => node_path_posix__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, dir || '.', program)))];
}
/** What the container runs, resolved against the image config; `$(VAR)` references cannot be resolved here. */
function programOf(override, config) {
    const { argv, source } = argvOf(override, config);
    const written = argv[0];
    if (written === undefined || written === '') {
        return { kind: 'none', reason: 'neither the pod nor the image config names a program to run' };
    }
    if (source === 'command' && /\$\([A-Za-z_][A-Za-z0-9_.-]*\)/.test(written)) {
        return {
            kind: 'none',
            reason: `the command "${written}" is expanded from environment variables when the pod starts`,
        };
    }
    return { kind: 'program', written, source, candidates: candidatesFor(written, config) };
}


/***/ }),

/***/ 3372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lq: () => (/* binding */ HEAD_BYTES),
/* harmony export */   pK: () => (/* binding */ readExecutable),
/* harmony export */   yZ: () => (/* binding */ nodeRunsBinary)
/* harmony export */ });
/* harmony import */ var _platforms_match_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2165);

/** Bytes to read from the start of a file: the kernel reads as many for `#!` lines (BINPRM_BUF_SIZE). */
const HEAD_BYTES = 256;
/**
 * e_machine values (the System V gABI, Linux's include/uapi/linux/elf-em.h) and the OCI architecture
 * names Go and containerd/platforms use for them.
 */
const MACHINES = {
    3: { name: 'Intel 80386', arch: (bits) => (bits === 32 ? '386' : undefined) },
    8: {
        name: 'MIPS',
        arch: (bits, little) => (bits === 64 ? 'mips64' : 'mips') + (little ? 'le' : ''),
    },
    21: {
        name: '64-bit PowerPC',
        arch: (bits, little) => (bits === 64 ? (little ? 'ppc64le' : 'ppc64') : undefined),
    },
    22: { name: 'IBM S/390', arch: (bits) => (bits === 64 ? 's390x' : undefined) },
    40: { name: 'ARM', arch: (bits) => (bits === 32 ? 'arm' : undefined) },
    62: { name: 'x86-64', arch: (bits) => (bits === 64 ? 'amd64' : undefined) },
    183: { name: 'ARM aarch64', arch: (bits) => (bits === 64 ? 'arm64' : undefined) },
    243: { name: 'RISC-V', arch: (bits) => (bits === 64 ? 'riscv64' : undefined) },
    258: { name: 'LoongArch', arch: (bits) => (bits === 64 ? 'loong64' : undefined) },
};
/**
 * Reads an ELF identification and e_machine (the System V gABI's ELF header: EI_CLASS at 4, EI_DATA at 5,
 * e_machine at 18 in the file's byte order), or a `#!` line as Linux's binfmt_script reads it (the
 * interpreter, then the rest of the line as one optional argument).
 */
function readExecutable(head) {
    if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
        return readElf(head);
    }
    if (head[0] === 0x23 && head[1] === 0x21)
        return readShebang(head);
    if (head.length === 0)
        return { kind: 'unknown', description: 'an empty file' };
    return { kind: 'unknown', description: 'neither an ELF binary nor a #! script' };
}
function readElf(head) {
    const cls = head[4];
    const data = head[5];
    if (head.length < 20 || (cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) {
        return { kind: 'unknown', description: 'a truncated or malformed ELF header' };
    }
    const bits = cls === 1 ? 32 : 64;
    const little = data === 1;
    const machine = little ? head[18] | (head[19] << 8) : (head[18] << 8) | head[19];
    const known = MACHINES[machine];
    const description = `ELF ${bits}-bit ${little ? 'LSB' : 'MSB'} ${known?.name ?? `machine ${machine}`}`;
    const architecture = known?.arch(bits, little);
    return architecture ? { kind: 'elf', architecture, description } : { kind: 'elf', description };
}
function readShebang(head) {
    const text = Buffer.from(head.subarray(2)).toString('latin1');
    const end = text.indexOf('\n');
    if (end < 0 && head.length >= HEAD_BYTES) {
        return { kind: 'unknown', description: 'a #! line longer than the kernel reads' };
    }
    const line = (end < 0 ? text : text.slice(0, end)).replace(/[ \t\r]+$/, '').replace(/^[ \t]+/, '');
    const match = /^(\S+)(?:[ \t]+(.*))?$/.exec(line);
    if (!match)
        return { kind: 'unknown', description: 'a #! line without an interpreter' };
    const [, interpreter = '', argument] = match;
    return argument ? { kind: 'script', interpreter, argument } : { kind: 'script', interpreter };
}
/**
 * Whether a node runs an ELF binary of this architecture, by the same rules as images (../platforms/match.ts):
 * amd64 nodes run 386, arm64 nodes run 32-bit Arm only when declared `aarch32`. A 32-bit Arm binary is taken
 * at the lowest variant (v5): its header does not say which it needs, and the report must not guess high.
 */
function nodeRunsBinary(node, architecture) {
    const variant = architecture === 'arm' ? { variant: 'v5' } : {};
    return (0,_platforms_match_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeRuns */ .Tc)(node, { os: 'linux', architecture, ...variant });
}


/***/ }),

/***/ 5102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ asMap),
/* harmony export */   Cg: () => (/* binding */ scalarString),
/* harmony export */   LA: () => (/* binding */ deref),
/* harmony export */   SP: () => (/* binding */ writtenChild),
/* harmony export */   V1: () => (/* binding */ resolvedAliases),
/* harmony export */   aj: () => (/* binding */ pathGet),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   qe: () => (/* binding */ keyNode),
/* harmony export */   r$: () => (/* binding */ stringValue),
/* harmony export */   wH: () => (/* binding */ asSeq),
/* harmony export */   x5: () => (/* binding */ locate),
/* harmony export */   yJ: () => (/* binding */ isMergeKey)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

/** Each document's aliases resolved in one pass: `Alias.resolve` walks the whole document per call (quadratic). */
const aliasTargets = new WeakMap();
/**
 * Every alias of a document mapped to the node it names: the last node with that anchor before it, as
 * `Alias.resolve` defines it (YAML 1.2 section 3.2.2.2), found in one visit in document order. An alias whose
 * anchor does not exist yet maps to `undefined`.
 */
function resolvedAliases(doc) {
    let targets = aliasTargets.get(doc);
    if (targets)
        return targets;
    const found = new Map();
    const anchors = new Map();
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Node(_key, node) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
                found.set(node, anchors.get(node.source));
            else if (node.anchor)
                anchors.set(node.anchor, node);
        },
    });
    targets = found;
    aliasTargets.set(doc, targets);
    return targets;
}
/** Follows aliases (`*anchor`) to the node they name; `undefined` for dangling aliases. */
function deref(ctx, node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
        return node ?? undefined;
    // An alias never names another alias (an anchor sits on a node, not on an alias), so one step suffices.
    const target = resolvedAliases(ctx.doc).get(node);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(target) ? undefined : target;
}
function asMap(ctx, node) {
    const n = deref(ctx, node);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(n) ? n : undefined;
}
function asSeq(ctx, node) {
    const n = deref(ctx, node);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(n) ? n : undefined;
}
/** The value node under `key` in a map (a plain-scalar key compare, as Kubernetes keys are). */
function child(ctx, map, key) {
    return deref(ctx, findPair(ctx, map, key)?.value);
}
/** The value node under `key` as written: an alias stays an alias, so its position is where it is used. */
function writtenChild(ctx, map, key) {
    return findPair(ctx, map, key)?.value ?? undefined;
}
/** A YAML 1.1 merge key (`<<`), as the `yaml` package composes it with `merge: true`: a symbol-valued scalar. */
function isMergeKey(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'symbol' && node.value.description === '<<';
}
/**
 * Each large map's own keys, indexed once: lookups stay linear however many times readers ask. Small maps (most
 * of Kubernetes) are scanned instead: a WeakMap entry keeps its key's whole subtree alive through every young
 * generation GC (V8 treats ephemeron values strongly there), so indexing every map promoted every document's
 * AST to the old generation: 1.8 times the peak memory and 1.5 times the CPU at 100,000 documents.
 */
const ownKeys = new WeakMap();
const INDEX_FROM = 32;
/** Lookups through merge keys, memoized per map and key; `null` while in progress (a cycle) or not found. */
const mergedKeys = new WeakMap();
/** The first pair of the map whose key is `key`, as ownIndex would find it. */
function ownPair(ctx, map, key) {
    for (const pair of map.items) {
        const k = deref(ctx, pair.key);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(k) && !isMergeKey(k) && String(k.value) === key)
            return pair;
    }
    return undefined;
}
function ownIndex(ctx, map) {
    let index = ownKeys.get(map);
    if (index)
        return index;
    index = new Map();
    for (const pair of map.items) {
        const k = deref(ctx, pair.key);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(k) || isMergeKey(k))
            continue;
        const name = String(k.value);
        if (!index.has(name))
            index.set(name, pair);
    }
    ownKeys.set(map, index);
    return index;
}
/**
 * The pair holding `key`, as kubectl's YAML 1.1 reader sees it (https://yaml.org/type/merge.html): a key
 * written in the map wins; else the first merge source (`<<: *a` or `<<: [*a, *b]`) that has it. The pair
 * returned is the one where the value is written, so positions point there. Memoized, so an alias bomb of
 * merge keys costs one lookup per map and key, never an expansion.
 */
function findPair(ctx, map, key) {
    if (!map)
        return undefined;
    const own = map.items.length < INDEX_FROM ? ownPair(ctx, map, key) : ownIndex(ctx, map).get(key);
    if (own)
        return own;
    if (!map.items.some((pair) => isMergeKey(deref(ctx, pair.key))))
        return undefined;
    let memo = mergedKeys.get(map);
    if (!memo)
        mergedKeys.set(map, (memo = new Map()));
    if (memo.has(key))
        return memo.get(key) ?? undefined;
    memo.set(key, null);
    let found;
    for (const pair of map.items) {
        if (!isMergeKey(deref(ctx, pair.key)))
            continue;
        const value = deref(ctx, pair.value);
        const sources = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) ? value.items.map((item) => deref(ctx, item)) : [value];
        for (const source of sources) {
            found = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(source) ? findPair(ctx, source, key) : undefined;
            if (found)
                break;
        }
        if (found)
            break;
    }
    memo.set(key, found ?? null);
    return found;
}
/** A scalar whose value is a string (not a number or boolean Kubernetes would reject), else undefined. */
function stringValue(ctx, node) {
    const n = deref(ctx, node);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) && typeof n.value === 'string' ? n.value : undefined;
}
/** The key node of `key` in a map, for positions of keys (e.g. a `nodeSelector:` line). */
function keyNode(ctx, map, key) {
    const k = findPair(ctx, map, key)?.key;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(k) ? (deref(ctx, k) ?? k) : undefined;
}
/** Follows a path of keys (strings) and indexes (numbers). */
function pathGet(ctx, node, path) {
    let current = deref(ctx, node);
    for (const step of path) {
        if (current === undefined)
            return undefined;
        if (typeof step === 'number')
            current = deref(ctx, asSeq(ctx, current)?.items[step]);
        else
            current = child(ctx, asMap(ctx, current), step);
    }
    return current;
}
/** A scalar's value as a string (numbers and booleans stringified as Kubernetes would read them), else undefined. */
function scalarString(ctx, node) {
    const n = deref(ctx, node);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) || n.value === null || n.value === undefined)
        return undefined;
    return typeof n.value === 'string' ? n.value : String(n.value);
}
/** Position of a node: its range is [start, valueEnd, nodeEnd] offsets into the file. */
function locate(ctx, node, fallback) {
    const range = node?.range ?? fallback?.range;
    if (!range)
        return { file: ctx.file, line: 1, column: 1 };
    const start = ctx.lines.linePos(range[0]);
    const end = ctx.lines.linePos(range[1]);
    return { file: ctx.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}


/***/ }),

/***/ 911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ parseManifestFile)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/documents/ast.ts
var ast = __webpack_require__(5102);
// EXTERNAL MODULE: ./src/suppressions/comments.ts
var comments = __webpack_require__(7688);
// EXTERNAL MODULE: ./src/documents/problems.ts
var problems = __webpack_require__(3984);
;// CONCATENATED MODULE: ./src/documents/fast-scalar.ts

/** Thrown inside fastCompose when the text leaves its subset; never escapes `fastCompose`. */
class Outside extends Error {
}
const outside = () => {
    throw new Outside();
};
/** The `yaml` package's registry key of a schema's default string tag (`Symbol.for`, so shared with it). */
const SCALAR = Symbol.for('yaml.scalar');
/** A one-line quoted scalar without escapes (left to the parser); `end` is just past its closing quote. */
function quoted(line, at) {
    if (line[at] === '"') {
        const close = line.indexOf('"', at + 1);
        const escape = line.indexOf('\\', at + 1);
        if (close < 0 || (escape >= 0 && escape < close))
            outside();
        return { value: line.slice(at + 1, close), end: close + 1, type: dist/* Scalar */.X5.QUOTE_DOUBLE };
    }
    let value = '';
    for (let from = at + 1;;) {
        const close = line.indexOf("'", from);
        if (close < 0)
            outside();
        value += line.slice(from, close);
        // `''` is a quote inside the scalar.
        if (line[close + 1] !== "'")
            return { value, end: close + 1, type: dist/* Scalar */.X5.QUOTE_SINGLE };
        value += "'";
        from = close + 2;
    }
}
/**
 * Scalars as the library's composeScalar makes them for one document: a plain one resolved by the first default
 * tag of the document's schema whose test matches (null, booleans, numbers of the core schema), a quoted one a
 * string; `source`, `type` and the tag's `format` set as it sets them. Merge keys (`<<`) are left to the parser.
 */
class Scalars {
    #doc;
    #tags;
    #string;
    constructor(doc) {
        this.#doc = doc;
        const { schema } = doc;
        this.#tags = schema.tags.filter((tag) => tag.default === true && !tag.collection);
        this.#string = schema[SCALAR];
    }
    make(source, type, range, atKey) {
        if (atKey && source === '<<')
            outside();
        const tag = type === dist/* Scalar */.X5.PLAIN ? (this.#tags.find((t) => t.test?.test(source)) ?? this.#string) : this.#string;
        const value = tag.resolve(source, outside, this.#doc.options);
        const scalar = ((0,dist/* isScalar */.jn)(value) ? value : new dist/* Scalar */.X5(value));
        scalar.range = range;
        scalar.source = source;
        scalar.type = type;
        if (tag.format)
            scalar.format = tag.format;
        return scalar;
    }
}

;// CONCATENATED MODULE: ./src/documents/spaces.ts
/**
 * Drops trailing spaces only. YAML's white space is space and tab (YAML 1.2.2 section 5.5), not `trimEnd`'s
 * Unicode set: a plain scalar `x\u00a0` keeps its no-break space. The line readers leave tabs to the parser.
 */
function trimSpaces(s) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 32)
        end--;
    return end === s.length ? s : s.slice(0, end);
}

;// CONCATENATED MODULE: ./src/documents/fast-compose.ts



/** The options every document is composed with, by the `yaml` package or by `fastCompose`. */
const PARSE_OPTIONS = {
    prettyErrors: false,
    strict: false,
    // The library's duplicate check is quadratic (60,000 keys: 87 s); problems.ts does it linearly.
    uniqueKeys: false,
    // kubectl reads YAML 1.1 merge keys (`<<: *base`); the AST keeps them and ast.ts follows them.
    merge: true,
};
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Set(',[]{}');
/** c-indicators (YAML 1.2.2 section 5.3) that the builder leaves to the parser when they start a plain scalar. */
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`');
/**
 * Builds the document the `yaml` package would compose from `text`, with its own node classes, values
 * (resolved by the document's own schema tags), types and ranges, without its lexer, parser and composer
 * (on the bench's generated repository the engine's CPU went from 0.87 to 0.37 times the library's parse). Only for text that `quickScan` read cleanly, and only in a narrower subset:
 * block mappings and sequences and one-line flow collections of one-line plain and quoted scalars, with no
 * comment, blank line, block scalar or null value (those carry comments, `spaceBefore` flags and empty-node
 * positions the builder does not reproduce). Undefined outside that subset: the caller then composes in full.
 * The fuzz test compares every node with the library's for documents the scan claims clean.
 */
function fastCompose(text) {
    if (text.includes('#') || text.includes('\t') || text.includes('\r'))
        return undefined;
    try {
        return new Builder(text).document();
    }
    catch (error) {
        if (error instanceof Outside)
            return undefined;
        throw error;
    }
}
class Builder {
    doc = new dist/* Document */.yo(undefined, PARSE_OPTIONS);
    schema = this.doc.schema;
    scalars = new Scalars(this.doc);
    text;
    /** Each line's start offset and its text without the newline; the empty line after a final newline dropped. */
    starts = [];
    lines = [];
    li = 0;
    constructor(text) {
        this.text = text;
        for (let start = 0; start < text.length;) {
            const nl = text.indexOf('\n', start);
            const end = nl < 0 ? text.length : nl;
            this.starts.push(start);
            this.lines.push(text.slice(start, end));
            start = end + 1;
        }
    }
    document() {
        const { doc, lines } = this;
        if (lines[0] === '---') {
            // Set for a document built with options, as this one is.
            doc.directives.docStart = true;
            this.li = 1;
        }
        if (this.li >= lines.length || this.indent(this.li) !== 0 || this.isItem(this.li, 0))
            outside();
        const contents = this.map(0);
        if (this.li !== lines.length)
            outside();
        doc.contents = contents;
        const end = contents.range[2];
        doc.range = [0, end, end];
        return doc;
    }
    /** Spaces before the line's content; a blank line is outside the subset. */
    indent(li) {
        const line = this.lines[li];
        let sp = 0;
        while (line.charCodeAt(sp) === 32)
            sp++;
        if (sp === line.length)
            outside();
        return sp;
    }
    isItem(li, at) {
        const line = this.lines[li];
        return line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ');
    }
    /** Offset just past the line's newline (or the text's end): where a value ending the line ends as a node. */
    lineEnd(li) {
        return Math.min(this.starts[li] + this.lines[li].length + 1, this.text.length);
    }
    /** A block mapping whose first key starts at column `col` of the current line. */
    map(col) {
        const map = new dist/* YAMLMap */.CA(this.schema);
        const start = this.starts[this.li] + col;
        let end = start;
        for (;;) {
            const li = this.li;
            const key = this.key(li, col) ?? outside();
            const line = this.lines[li];
            let i = key.end;
            while (line[i] === ' ')
                i++;
            let value;
            if (i === line.length) {
                this.li++;
                if (this.li >= this.lines.length)
                    outside();
                const sp = this.indent(this.li);
                const item = this.isItem(this.li, sp);
                if (sp < col || (sp === col && !item))
                    outside();
                value = item ? this.seq(sp) : this.map(sp);
            }
            else {
                value = this.inline(li, i);
                this.li++;
            }
            map.items.push(new dist/* Pair */.Rm(key.node, value));
            end = value.range[2];
            if (this.li >= this.lines.length)
                break;
            const sp = this.indent(this.li);
            if (sp < col)
                break;
            if (sp > col || this.isItem(this.li, sp))
                outside();
        }
        map.range = [start, end, end];
        return map;
    }
    /** A block sequence whose items start at column `col`; it ends at a line indented less or not an item. */
    seq(col) {
        const seq = new dist/* YAMLSeq */.Rw(this.schema);
        const start = this.starts[this.li] + col;
        let end = start;
        for (;;) {
            const li = this.li;
            const line = this.lines[li];
            let i = col + 1;
            while (line[i] === ' ')
                i++;
            if (i === line.length || this.isItem(li, i))
                outside();
            let item;
            if (this.key(li, i))
                item = this.map(i);
            else {
                item = this.inline(li, i);
                this.li++;
            }
            seq.items.push(item);
            end = item.range[2];
            if (this.li >= this.lines.length)
                break;
            const sp = this.indent(this.li);
            if (sp < col || (sp === col && !this.isItem(this.li, sp)))
                break;
            if (sp > col)
                outside();
        }
        seq.range = [start, end, end];
        return seq;
    }
    /** A block mapping key at `at` followed by `:` and a space or the line's end; undefined when there is none. */
    key(li, at) {
        const line = this.lines[li];
        const base = this.starts[li];
        const c = line[at];
        if (c === '[' || c === '{')
            return undefined;
        let node;
        let colon;
        if (c === '"' || c === "'") {
            const q = quoted(line, at);
            colon = q.end;
            if (line[colon] !== ':')
                return undefined;
            node = this.scalars.make(q.value, q.type, [base + at, base + colon, base + colon], true);
        }
        else {
            colon = line.indexOf(': ', at);
            if (colon < 0 && line.endsWith(':'))
                colon = line.length - 1;
            if (colon < 0)
                return undefined;
            const source = line.slice(at, colon);
            if (INDICATOR.has(c) || source.endsWith(' '))
                outside();
            node = this.scalars.make(source, dist/* Scalar */.X5.PLAIN, [base + at, base + colon, base + colon], true);
        }
        return { node, end: colon + 1 };
    }
    /** A value from `at` to the end of the line: a quoted or plain scalar or a flow collection. */
    inline(li, at) {
        const line = this.lines[li];
        const base = this.starts[li];
        const c = line[at];
        let node;
        let end;
        if (c === '[' || c === '{') {
            const flow = this.flow(line, base, at);
            node = flow.node;
            end = flow.end;
        }
        else if (c === '"' || c === "'") {
            const q = quoted(line, at);
            end = q.end;
            node = this.scalars.make(q.value, q.type, [base + at, base + end, 0], false);
        }
        else {
            if (INDICATOR.has(c) && !('-?:'.includes(c) && line[at + 1] !== undefined && line[at + 1] !== ' '))
                outside();
            const source = trimSpaces(line.slice(at));
            if (source.includes(': ') || source.endsWith(':'))
                outside();
            end = at + source.length;
            node = this.scalars.make(source, dist/* Scalar */.X5.PLAIN, [base + at, base + end, 0], false);
        }
        if (trimSpaces(line.slice(end)) !== '')
            outside();
        node.range[2] = this.lineEnd(li);
        return node;
    }
    /** A flow collection closed on its line; `end` is just past its closing bracket. */
    flow(line, base, at, depth = 0) {
        if (depth > 16)
            outside();
        const isMap = line[at] === '{';
        const close = isMap ? '}' : ']';
        const coll = (isMap ? new dist/* YAMLMap */.CA(this.schema) : new dist/* YAMLSeq */.Rw(this.schema));
        coll.flow = true;
        let i = at + 1;
        while (line[i] === ' ')
            i++;
        while (line[i] !== close) {
            let key;
            if (isMap) {
                const k = this.flowScalar(line, base, i, true);
                key = k.node;
                i = k.end;
                if (line[i] !== ':')
                    outside();
                i++;
                // Only a quoted key may meet its value without a space (`{"a":b}`).
                if (line[i] !== ' ' && !k.quoted)
                    outside();
                while (line[i] === ' ')
                    i++;
            }
            const value = line[i] === '[' || line[i] === '{'
                ? this.flow(line, base, i, depth + 1)
                : this.flowScalar(line, base, i, false);
            i = value.end;
            while (line[i] === ' ')
                i++;
            value.node.range[2] = base + i;
            if (isMap)
                coll.items.push(new dist/* Pair */.Rm(key, value.node));
            else
                coll.items.push(value.node);
            if (line[i] === ',') {
                i++;
                while (line[i] === ' ')
                    i++;
                if (line[i] === close)
                    outside();
            }
            else if (line[i] !== close)
                outside();
        }
        coll.range = [base + at, base + i + 1, base + i + 1];
        return { node: coll, end: i + 1 };
    }
    /** A scalar in a flow collection: quoted, or plain up to a flow indicator (a key: up to its `:`). */
    flowScalar(line, base, at, key) {
        const c = line[at];
        if (c === '"' || c === "'") {
            const q = quoted(line, at);
            const node = this.scalars.make(q.value, q.type, [base + at, base + q.end, base + q.end], key);
            return { node, end: q.end, quoted: true };
        }
        if (c === undefined || INDICATOR.has(c))
            outside();
        let i = at;
        while (i < line.length && !FLOW_END.has(line[i]) && line[i] !== ':')
            i++;
        const source = line.slice(at, i);
        const trimmed = trimSpaces(source);
        // A key must meet its colon; a value holds none (`a:b` in flow is left to the parser).
        if (key ? line[i] !== ':' || trimmed !== source : line[i] === ':')
            outside();
        const end = base + at + trimmed.length;
        const node = this.scalars.make(trimmed, dist/* Scalar */.X5.PLAIN, [base + at, end, end], key);
        return { node, end: at + trimmed.length, quoted: false };
    }
}

;// CONCATENATED MODULE: ./src/documents/quick-scan.ts

/** Characters the scan leaves to the parser: controls, byte order marks, YAML 1.1 line breaks, a lone CR. */
const UNUSUAL = 
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
/** Plain scalars that the core schema reads as null, booleans or numbers (YAML 1.2.2 section 10.3.2). */
const NOT_A_STRING = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
const NULL_VALUE = /^(?:~|null|Null|NULL)?$/;
/** c-indicator characters (YAML 1.2.2 section 5.3): a plain scalar starting with one is left to the parser. */
const quick_scan_INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`');
const FLOW = new Set(',[]{}');
const HAS_FLOW = /[,[\]{}]/;
const IMAGE = /image/i;
const MAX_KEY = 1000;
/** Thrown inside the scan when the text leaves the subset it understands; never escapes `quickScan`. */
class quick_scan_Outside extends Error {
}
const quick_scan_outside = () => {
    throw new quick_scan_Outside();
};
/**
 * Scans one document of block-style YAML in a strict subset the `yaml` package is known to read without error
 * (block mappings and sequences, one-line plain, quoted and flow scalars, literal and folded block scalars,
 * comments), checking duplicate keys on the way. Undefined when the text leaves that subset (anchors, aliases,
 * tags, escapes, multi-line scalars, tabs, several documents...): the caller must then parse it in full, which
 * reports any problem with its position. The scan never claims a document clean that the parser rejects.
 */
function quickScan(text) {
    if (UNUSUAL.test(text))
        return undefined;
    try {
        return new Scanner().run(text);
    }
    catch (error) {
        if (error instanceof quick_scan_Outside)
            return undefined;
        throw error;
    }
}
class Scanner {
    result = { imageKey: false };
    stack = [];
    /** Key column of a key written without a value on its line: the next lines may hold its block value. */
    pending;
    /** Inside a block scalar: its parent's indentation, its content indentation once known, blank lines' widest. */
    block;
    line = '';
    run(text) {
        let first = true;
        for (let start = 0; start < text.length;) {
            const nl = text.indexOf('\n', start);
            const end = nl < 0 ? text.length : nl;
            this.line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
            start = end + 1;
            if (first && this.line.startsWith('---'))
                this.documentStart();
            else
                this.next();
            first = false;
        }
        if (this.stack.length === 0)
            quick_scan_outside();
        return this.result;
    }
    documentStart() {
        const rest = this.line.slice(3);
        if (rest !== '' && !/^ +(?:#.*)?$/.test(rest))
            quick_scan_outside();
    }
    next() {
        const { line } = this;
        let sp = 0;
        while (line.charCodeAt(sp) === 32)
            sp++;
        if (this.block && this.inBlock(sp))
            return;
        if (line.includes('\t'))
            quick_scan_outside();
        if (sp === line.length || line[sp] === '#')
            return;
        if (sp === 0 && (line.startsWith('---') || line.startsWith('...') || line[0] === '%'))
            quick_scan_outside();
        this.content(sp);
    }
    /** True when the line belongs to the block scalar; false when it ends it (the line is then read as usual). */
    inBlock(sp) {
        const block = this.block;
        const { line } = this;
        if (sp === line.length) {
            if (block.content === undefined)
                block.blank = Math.max(block.blank, sp);
            return true;
        }
        if (block.content === undefined) {
            if (sp > block.parent && line[sp] !== '\t' && block.blank <= sp) {
                block.content = sp;
                return true;
            }
            // An empty block scalar after blank lines deeper than its parent: left to the parser.
            if (block.blank > block.parent)
                quick_scan_outside();
        }
        else if (sp >= block.content)
            return true;
        this.block = undefined;
        return false;
    }
    content(sp) {
        const { stack } = this;
        const item = this.isItem(sp);
        if (this.pending !== undefined) {
            const key = this.pending;
            this.pending = undefined;
            if (sp > key || (sp === key && item)) {
                stack.push({ indent: sp, seq: item, keys: new Set() });
                return this.entry(sp);
            }
        }
        if (stack.length === 0) {
            if (sp !== 0 || item)
                quick_scan_outside();
            stack.push({ indent: 0, seq: false, keys: new Set() });
        }
        while (stack.at(-1).indent > sp)
            stack.pop();
        let top = stack.at(-1);
        // A sequence written at its key's indentation ends where the next key of that map starts.
        if (top.seq && !item && top.indent === sp) {
            stack.pop();
            top = stack.at(-1) ?? quick_scan_outside();
        }
        if (top.indent !== sp || top.seq !== item)
            quick_scan_outside();
        this.entry(sp);
    }
    isItem(at) {
        const c = this.line[at + 1];
        return this.line[at] === '-' && (c === undefined || c === ' ');
    }
    /** One entry of the frame on top: a sequence item at `at`, or a `key: value` of a mapping. */
    entry(at) {
        const top = this.stack.at(-1);
        if (!top.seq)
            return this.keyValue(at, top);
        let i = at + 1;
        while (this.line[i] === ' ')
            i++;
        if (i === this.line.length || this.line[i] === '#' || this.isItem(i))
            quick_scan_outside();
        if (this.readKey(i, false) === undefined) {
            this.value(i, at);
            return;
        }
        // A compact mapping in the item (`- name: x`): its keys line up with the first.
        const map = { indent: i, seq: false, keys: new Set() };
        this.stack.push(map);
        this.keyValue(i, map);
    }
    keyValue(at, frame) {
        const key = this.readKey(at, true);
        this.addKey(frame, key.key);
        let i = key.end;
        while (this.line[i] === ' ')
            i++;
        if (i === this.line.length || this.line[i] === '#') {
            this.pending = at;
            return;
        }
        const value = this.value(i, frame.indent);
        if (this.stack.length === 1 && (key.key === 'kind' || key.key === 'apiVersion')) {
            if (value === undefined)
                quick_scan_outside();
            else if (value !== '')
                this.result[key.key] = value;
        }
    }
    addKey(frame, key) {
        // `<<` is a merge key, which may repeat and imports keys: left to the parser.
        if (frame.keys.has(key) || key.includes('<<'))
            quick_scan_outside();
        frame.keys.add(key);
        if (!this.result.imageKey && IMAGE.test(key))
            this.result.imageKey = true;
    }
    /**
     * A key at `at` followed by `:` and a space or the end of the line; `required`: not being one is outside the
     * subset, else undefined. Plain keys that would not read as strings, or hold flow indicators, are left out.
     */
    readKey(at, required) {
        const { line } = this;
        const c = line[at];
        let key;
        let colon;
        if (!required && (c === '[' || c === '{'))
            return undefined;
        if (c === '"' || c === "'") {
            const quoted = this.quoted(at);
            key = quoted.value;
            colon = quoted.end;
            if (line[colon] !== ':')
                return required ? quick_scan_outside() : undefined;
        }
        else {
            colon = line.indexOf(': ', at);
            if (colon < 0 && line.endsWith(':'))
                colon = line.length - 1;
            if (colon < 0)
                return required ? quick_scan_outside() : undefined;
            key = trimSpaces(line.slice(at, colon));
            if (quick_scan_INDICATOR.has(c) || NOT_A_STRING.test(key) || key.includes(' #'))
                quick_scan_outside();
            if (HAS_FLOW.test(key))
                quick_scan_outside();
        }
        if (key.length > MAX_KEY)
            quick_scan_outside();
        const after = line[colon + 1];
        if (after !== undefined && after !== ' ')
            quick_scan_outside();
        return { key, end: colon + 1 };
    }
    /** A quoted scalar on one line, escapes left to the parser; `end` is just past the closing quote. */
    quoted(at) {
        const { line } = this;
        const q = line[at];
        if (q === '"') {
            const close = line.indexOf('"', at + 1);
            const escape = line.indexOf('\\', at + 1);
            if (close < 0 || (escape >= 0 && escape < close))
                quick_scan_outside();
            return { value: line.slice(at + 1, close), end: close + 1 };
        }
        let value = '';
        for (let from = at + 1;;) {
            const close = line.indexOf("'", from);
            if (close < 0)
                quick_scan_outside();
            value += line.slice(from, close);
            // `''` is a quote inside the scalar.
            if (line[close + 1] !== "'")
                return { value, end: close + 1 };
            value += "'";
            from = close + 2;
        }
    }
    /**
     * A value from `at` to the end of the line (a comment may follow); `parent`: the indentation a block scalar's
     * content must exceed. Returns the value when it is a string scalar, '' when null, undefined otherwise.
     */
    value(at, parent) {
        const { line } = this;
        const c = line[at];
        if (c === '|' || c === '>') {
            if (!/^[|>][-+]? *(?: #.*)?$/.test(line.slice(at)))
                quick_scan_outside();
            this.block = { parent, blank: 0 };
            return undefined;
        }
        if (c === '"' || c === "'") {
            const { value, end } = this.quoted(at);
            this.lineEnd(end);
            return value;
        }
        if (c === '[' || c === '{') {
            this.lineEnd(this.flow(at));
            return undefined;
        }
        // `-`, `?` and `:` may start a plain scalar when a non-space follows (`--flag`, `-1`).
        const next = line[at + 1];
        if (quick_scan_INDICATOR.has(c) && !('-?:'.includes(c) && next !== undefined && next !== ' '))
            quick_scan_outside();
        const comment = line.indexOf(' #', at);
        const plain = trimSpaces(comment < 0 ? line.slice(at) : line.slice(at, comment));
        if (plain.includes(': ') || plain.endsWith(':'))
            quick_scan_outside();
        if (NULL_VALUE.test(plain))
            return '';
        return NOT_A_STRING.test(plain) ? undefined : plain;
    }
    /** Only spaces and a comment after a value. */
    lineEnd(at) {
        let i = at;
        while (this.line[i] === ' ')
            i++;
        if (i < this.line.length && (this.line[i] !== '#' || i === at))
            quick_scan_outside();
    }
    /** A flow collection that closes on its line, of plain and quoted scalars; returns the index past it. */
    flow(at, depth = 0) {
        const { line } = this;
        const map = line[at] === '{';
        const close = map ? '}' : ']';
        const frame = { indent: 0, seq: !map, keys: new Set() };
        if (depth > 16)
            quick_scan_outside();
        let i = at + 1;
        for (let expectItem = true;;) {
            while (line[i] === ' ')
                i++;
            if (line[i] === close)
                return i + 1;
            if (!expectItem)
                quick_scan_outside();
            if (map) {
                const key = this.flowScalar(i, true);
                this.addKey(frame, key.value);
                i = key.end;
                if (line[i] !== ':')
                    quick_scan_outside();
                i++;
                if (line[i] !== ' ' && !key.quoted)
                    quick_scan_outside();
                while (line[i] === ' ')
                    i++;
            }
            i = line[i] === '[' || line[i] === '{' ? this.flow(i, depth + 1) : this.flowScalar(i, false).end;
            while (line[i] === ' ')
                i++;
            expectItem = line[i] === ',';
            if (expectItem)
                i++;
            else if (line[i] !== close)
                quick_scan_outside();
        }
    }
    /** A scalar inside a flow collection; a plain key stops at `: `, a plain value at a flow indicator. */
    flowScalar(at, key) {
        const { line } = this;
        const c = line[at];
        if (c === '"' || c === "'")
            return { ...this.quoted(at), quoted: true };
        if (c === undefined || quick_scan_INDICATOR.has(c))
            quick_scan_outside();
        let i = at;
        for (; i < line.length; i++) {
            const ch = line[i];
            if (FLOW.has(ch) || ch === '#')
                break;
            if (ch === ':') {
                const after = line[i + 1];
                if (key && after === ' ')
                    break;
                if (key || after === undefined || after === ' ' || FLOW.has(after))
                    quick_scan_outside();
            }
        }
        const value = trimSpaces(line.slice(at, i));
        if (line[i] === '#' || (key && NOT_A_STRING.test(value)))
            quick_scan_outside();
        return { value, end: i, quoted: false };
    }
}

;// CONCATENATED MODULE: ./src/documents/split-list.ts
/**
 * Above this many characters, a block-style `List` is read item by item: a YAML AST costs ~100 times its text
 * (a 10 MB List took 1 GB, a 47 MB one exhausted the heap), while one item's AST is small and dropped once read.
 */
const SPLIT_LIST_CHARS = 4 * 1024 * 1024;
/**
 * Splits a large one-document file whose top-level `items:` is a block sequence into its items, by lines;
 * undefined when the text is not shaped so (flow style, JSON, several documents): it is then parsed whole.
 * Each item is a YAML document of its own, so an alias in one item to an anchor outside it does not resolve.
 */
function splitLargeList(text, minChars = SPLIT_LIST_CHARS) {
    if (text.length < minChars)
        return undefined;
    // Only one document: a separator (`---` or `...`) is allowed as the first line and nowhere else.
    for (const m of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm))
        if (m.index !== 0)
            return undefined;
    const itemsLine = /^items:[ \t]*(?:#[^\n]*)?\r?$/m.exec(text);
    if (!itemsLine)
        return undefined;
    const regionStart = itemsLine.index + itemsLine[0].length + 1;
    const first = /^( *)-(?=[ \r\n])/m.exec(text.slice(regionStart, regionStart + 4096));
    if (!first)
        return undefined;
    const indent = first[1]?.length ?? 0;
    const before = text.slice(regionStart, regionStart + first.index);
    if (before.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#')))
        return undefined;
    const starts = [];
    let line = text.slice(0, regionStart).split('\n').length;
    let offset = regionStart;
    let regionEnd = text.length;
    while (offset < text.length) {
        const next = text.indexOf('\n', offset);
        const end = next < 0 ? text.length : next + 1;
        const kind = lineKind(text, offset, end, indent);
        if (kind === 'item')
            starts.push({ offset, line });
        else if (kind === 'outside') {
            regionEnd = offset;
            break;
        }
        offset = end;
        line++;
    }
    if (starts.length === 0)
        return undefined;
    const removedLines = countNewlines(text, itemsLine.index, regionEnd);
    const head = `${text.slice(0, itemsLine.index)}items: []${'\n'.repeat(removedLines)}${text.slice(regionEnd)}`;
    return { head, items: itemTexts(text, starts, regionEnd, indent) };
}
function* itemTexts(text, starts, regionEnd, indent) {
    for (let i = 0; i < starts.length; i++) {
        const { offset, line } = starts[i];
        const end = starts[i + 1]?.offset ?? regionEnd;
        // `- ` becomes two spaces: the item is a block node indented like its content, columns unchanged.
        yield { text: `${text.slice(offset, offset + indent)} ${text.slice(offset + indent + 1, end)}`, line };
    }
}
/** `item`: a `-` at the items' indentation; `inside`: blank, comment or deeper; `outside`: the list ended. */
function lineKind(text, start, end, indent) {
    let i = start;
    while (i < end && text[i] === ' ')
        i++;
    const c = text[i];
    if (i === end || c === '\n' || c === '\r' || c === '#')
        return 'inside';
    if (i - start === indent && c === '-') {
        const after = text[i + 1];
        if (after === undefined || after === ' ' || after === '\n' || after === '\r')
            return 'item';
    }
    return i - start > indent ? 'inside' : 'outside';
}
function countNewlines(text, from, to) {
    let n = 0;
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}

;// CONCATENATED MODULE: ./src/documents/parse.ts







/**
 * Parses a YAML or JSON file into Kubernetes objects. Multi-document streams, CRLF, comments, flow style and
 * anchors are the `yaml` package's (YAML 1.2, JSON is a subset, plus YAML 1.1 merge keys as kubectl reads them); `kind: List` and `*List` kinds are flattened
 * (items without `kind` take it from the list kind, as `kubectl get -o json` writes them). A document with a
 * syntax error becomes one problem at its first error's position; the other documents are still read.
 * `sink` receives each document's objects as it is read (default: collect them in `objects`); a caller that
 * extracts there lets each document's AST go before the next is parsed, so memory follows the largest document.
 */
function parseManifestFile(file, text, sink, options = {}) {
    const lines = lineStarts(text);
    const result = { file, objects: [], documents: 0, skipped: 0, problems: [] };
    const ignoreComments = (0,comments/* findIgnoreComments */.a)(text);
    if (ignoreComments.length > 0)
        result.ignoreComments = ignoreComments;
    // A loop, not push(...objects): a List of 200,000 items would overflow the argument stack.
    const collect = sink ?? ((objects) => objects.forEach((o) => result.objects.push(o)));
    const split = splitLargeList(text, options.splitListChars ?? SPLIT_LIST_CHARS);
    if (split && readSplitList(file, split, result, collect))
        return result;
    let docIndex = 0;
    for (const start of kubectlDocuments(text)) {
        const chunk = text.slice(start.offset, start.next ?? text.length);
        // A chunk the scan reads is one YAML document without any problem: no AST checks to run on it.
        const scan = quickScan(chunk);
        if (scan && options.compose && !mustCompose(scan, options.compose)) {
            result.documents++;
            if (!scan.kind || !scan.apiVersion)
                result.skipped++;
            result.syntaxOnly = (result.syntaxOnly ?? 0) + 1;
            docIndex++;
            continue;
        }
        // Offsets in this chunk's AST are relative to its start; its line counter adds that back.
        const chunkLines = shifted(lines, start.offset);
        // A clean chunk in the builder's narrower subset gets the library's tree without the library's parser.
        const fast = scan && !options.reference && fastCompose(chunk);
        for (const doc of fast ? [fast] : parseChunk(chunk, file, result)) {
            const ctx = { file, doc, lines: chunkLines };
            readDocument(ctx, scan ? undefined : chunk, docIndex++, result, collect);
        }
    }
    return result;
}
/** Whether composing a cleanly scanned document could find a container or a fact. */
function mustCompose(scan, compose) {
    const { kind, apiVersion, imageKey } = scan;
    if (!kind || !apiVersion)
        return false;
    return kind.endsWith('List') || compose(apiVersion, kind, imageKey);
}
/**
 * Where kubectl's YAML reader (k8s.io/apimachinery/pkg/util/yaml, YAMLReader) splits a stream: at every line
 * that starts with `---` followed by nothing but spaces or a comment. Splitting first, as it does, keeps an
 * unclosed quote or bracket in one document from swallowing the documents after it. Each chunk keeps its `---`.
 */
function kubectlDocuments(text) {
    const starts = [0];
    for (let i = 0; i !== -1 && i < text.length;) {
        if (text.startsWith('---', i)) {
            const eol = text.indexOf('\n', i);
            const rest = text.slice(i + 3, eol === -1 ? text.length : eol).trim();
            if ((rest === '' || rest.startsWith('#')) && i > 0)
                starts.push(i);
        }
        const eol = text.indexOf('\n', i);
        i = eol === -1 ? -1 : eol + 1;
    }
    return starts.map((offset, k) => ({ offset, next: starts[k + 1] }));
}
function shifted(lines, by) {
    const chunk = new dist/* LineCounter */.HN();
    chunk.linePos = (offset) => lines.linePos(offset + by);
    return chunk;
}
function parseChunk(text, file, result) {
    try {
        const docs = (0,dist/* parseAllDocuments */.hR)(text, PARSE_OPTIONS);
        return Array.isArray(docs) ? docs : []; // EmptyStream
    }
    catch (error) {
        // The parser reports errors per document; a throw here is a bug of the library on odd input.
        result.problems.push({
            message: `cannot parse: ${String(error)}`,
            location: { file, line: 1, column: 1 },
        });
        return [];
    }
}
/**
 * A large List split by lines (splitLargeList): the head (kind, apiVersion) is parsed alone, then each item as a
 * document of its own, handed to the sink and forgotten, so memory follows one item, not the whole List (an AST
 * costs ~100 times its text). A broken item does not hide the others; the List still gives one problem.
 * False when the head is not a List: the text is then parsed whole.
 */
function readSplitList(file, split, result, sink) {
    const [head] = parseChunk(split.head, file, result);
    if (!head)
        return false;
    const headCtx = { file, doc: head, lines: lineStarts(split.head) };
    if ((0,problems/* documentProblems */.s9)(head, headCtx.lines))
        return false;
    const map = (0,ast/* asMap */.$H)(headCtx, head.contents);
    const kind = (0,ast/* scalarString */.Cg)(headCtx, (0,ast/* child */.jf)(headCtx, map, 'kind'));
    const apiVersion = (0,ast/* scalarString */.Cg)(headCtx, (0,ast/* child */.jf)(headCtx, map, 'apiVersion'));
    if (!map || !kind || !apiVersion || !kind.endsWith('List'))
        return false;
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const comment = leadingComment(head, map);
    let problem;
    let found = 0;
    for (const item of split.items) {
        const [doc] = parseChunk(item.text, file, result);
        if (!doc)
            continue;
        const itemLines = lineStarts(item.text);
        const lines = new dist/* LineCounter */.HN();
        lines.linePos = (offset) => {
            const pos = itemLines.linePos(offset);
            return { line: pos.line + item.line - 1, col: pos.col };
        };
        const ctx = { file, doc, lines };
        const bad = (0,problems/* documentProblems */.s9)(doc, lines, item.text);
        if (bad) {
            problem ??= { ...bad, location: { file, ...bad.location } };
            continue;
        }
        const itemMap = (0,ast/* asMap */.$H)(ctx, doc.contents);
        const obj = itemMap && objectOf(ctx, 0, itemMap, itemKind, apiVersion, comment);
        if (obj) {
            found++;
            sink([obj]);
        }
    }
    result.documents++;
    if (problem)
        result.problems.push(problem);
    else if (found === 0)
        result.skipped++;
    return true;
}
/** `source`: the document's text, to check; undefined when the quick scan read it cleanly. */
function readDocument(ctx, source, docIndex, result, sink) {
    const { file, doc } = ctx;
    const problem = source !== undefined || doc.errors.length > 0 ? (0,problems/* documentProblems */.s9)(doc, ctx.lines, source) : undefined;
    if (problem) {
        result.problems.push({ ...problem, location: { file, ...problem.location } });
        result.documents++;
        return;
    }
    if (isEmptyDocument(doc.contents))
        return;
    result.documents++;
    const map = (0,ast/* asMap */.$H)(ctx, doc.contents);
    const objects = map ? objectsOf(ctx, docIndex, map, leadingComment(doc, map)) : [];
    if (objects.length === 0)
        result.skipped++;
    sink(objects);
}
/**
 * Line starts counted from the text itself. The parser's own counting skips a newline when it recovers from
 * some errors in flow collections (`{{ ... }}\n]` in a Go template), which shifts every later document's
 * positions by a line; the fuzz test found it.
 */
function lineStarts(text) {
    const lines = new dist/* LineCounter */.HN();
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        lines.addNewLine(i + 1);
    return lines;
}
/**
 * `---` followed by nothing (or only comments) parses as a null scalar with no source text, not as null
 * contents; such a document is empty, neither counted nor skipped. An explicit `null` or `~` is not empty.
 */
function isEmptyDocument(contents) {
    return (contents === null ||
        contents === undefined ||
        ((0,dist/* isScalar */.jn)(contents) && contents.value === null && !contents.source));
}
/**
 * The comment above a document's first key. The library files it in one of three places: on the document
 * (after `---` or a blank line), on the map (after `---`), or on the first key (at the start of the file).
 */
function leadingComment(doc, map) {
    const first = map.items[0]?.key;
    return (doc.commentBefore ?? map.commentBefore ?? ((0,dist/* isNode */.Ll)(first) ? first.commentBefore : undefined) ?? undefined);
}
function objectsOf(ctx, docIndex, map, comment) {
    const kind = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'kind'));
    const apiVersion = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'apiVersion'));
    if (!kind || !apiVersion)
        return [];
    const items = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, map, 'items'));
    if (items && (kind === 'List' || kind.endsWith('List'))) {
        const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
        const found = [];
        for (const item of items.items) {
            const itemMap = (0,ast/* asMap */.$H)(ctx, item);
            if (!itemMap)
                continue;
            const obj = objectOf(ctx, docIndex, itemMap, itemKind, apiVersion, comment);
            if (obj)
                found.push(obj);
        }
        return found;
    }
    const obj = objectOf(ctx, docIndex, map, undefined, undefined, comment);
    return obj ? [obj] : [];
}
function objectOf(ctx, docIndex, map, defaultKind, defaultApiVersion, comment) {
    const kind = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'kind')) ?? defaultKind;
    const apiVersion = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, map, 'apiVersion')) ?? defaultApiVersion;
    if (!kind || !apiVersion)
        return undefined;
    const metadata = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, map, 'metadata'));
    const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, metadata, 'name')) ??
        (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, metadata, 'generateName')) ??
        '(unnamed)';
    const namespace = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, metadata, 'namespace'));
    const obj = { ctx, docIndex, apiVersion, kind, name, map, location: (0,ast/* locate */.x5)(ctx, map) };
    if (namespace)
        obj.namespace = namespace;
    if (comment)
        obj.comment = comment;
    return obj;
}


/***/ }),

/***/ 3984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ parseYamlDocument),
/* harmony export */   s9: () => (/* binding */ documentProblems)
/* harmony export */ });
/* unused harmony export mayHaveAlias */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5102);


/**
 * The first problem of a document, or undefined when it reads cleanly. kubectl rejects the whole document at
 * its first error, so one problem is reported, with how many more follow: a Go template or a binary file gives
 * hundreds of errors, one per token, that only bury the findings (issue 15).
 *
 * Besides the parser's own errors, two checks the library leaves to JS conversion (which extraction never does)
 * run here in one pass over the AST: duplicate keys (kubectl's YAML reader rejects them; the library's own check
 * compares each key to every earlier one, quadratic, so it is turned off) and aliases to an anchor that does not
 * exist or comes later.
 */
function documentProblems(doc, lines, source) {
    const found = doc.errors.map((err) => ({
        message: err.message.split('\n')[0] ?? err.code,
        offset: err.pos[0],
    }));
    if (found.length === 0)
        found.push(...astProblems(doc, source === undefined || mayHaveAlias(source)));
    if (found.length === 0)
        return undefined;
    // The parser reports in document order except for a few late checks: the first problem is the lowest offset.
    const first = found.reduce((a, b) => (b.offset < a.offset ? b : a));
    const more = found.length - 1;
    const suffix = more === 0 ? '' : ` (and ${more} more problem${more === 1 ? '' : 's'} in this document)`;
    const pos = lines.linePos(first.offset);
    return { message: `${first.message}${suffix}`, location: { line: pos.line, column: pos.col } };
}
/**
 * One YAML document (a config file, a kustomization, a values file) read in time linear in its size: the
 * library's quadratic duplicate-key check is off (a 60,000-key map took 87 s) and documentProblems does it
 * instead. `problem` is the first problem, as for manifests; the document is not to be read when it is set.
 */
function parseYamlDocument(text) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter: lines,
        prettyErrors: false,
        uniqueKeys: false,
        merge: true,
    });
    const problem = documentProblems(doc, lines, text);
    return problem ? { doc, lines, problem } : { doc, lines };
}
/** Where a node may start, before a `*`: its line's start, an indicator, an opening or a separator. */
const NODE_START = new Set(['\n', '\r', '\ufeff', '-', '?', ':', '[', '{', ',']);
/**
 * Whether `text` may hold an alias (YAML 1.2.2 section 7.1): a `*` where a node can start, at its line's start
 * or after `- `, `? `, `: `, `[`, `{`, `,` or an anchor or tag. A `*` inside a scalar, as in the cron schedules
 * `"5 * * * *"` and `schedule: 0 3 * * *`, starts no node: the alias pass over the AST is then not needed.
 * Never false for a text that holds one; true for some that do not (a `*` in a quoted `"a, *b"`).
 */
function mayHaveAlias(text) {
    for (let i = text.indexOf('*'); i !== -1; i = text.indexOf('*', i + 1)) {
        let j = i - 1;
        while (text[j] === ' ' || text[j] === '\t')
            j--;
        if (j < 0 || NODE_START.has(text[j]))
            return true;
        if (j === i - 1)
            continue;
        // After a space: the word before may end in a node property (`&anchor *alias`, `[!tag *alias]`).
        for (let w = j; w >= 0 && !' \t\n\r'.includes(text[w]); w--) {
            if (text[w] === '&' || text[w] === '!')
                return true;
        }
    }
    return false;
}
function astProblems(doc, aliasPass) {
    const found = [];
    const aliases = aliasPass ? (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .resolvedAliases */ .V1)(doc) : new Map();
    for (const [alias, target] of aliases) {
        if (target === undefined) {
            found.push({ message: `Aliased anchor not found: ${alias.source}`, offset: alias.range?.[0] ?? 0 });
        }
    }
    // `visit` walks the tree as written: an alias is one node, never the subtree it names.
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map))
                return;
            const keys = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                // The library's rule (util-map-includes): scalars are equal when their values are; merge keys may repeat.
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) || (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .isMergeKey */ .yJ)(key))
                    continue;
                const id = key.value === null ? null : `${typeof key.value}:${String(key.value)}`;
                if (keys.has(id))
                    found.push({ message: 'Map keys must be unique', offset: key.range?.[0] ?? 0 });
                else
                    keys.add(id);
            }
        },
    });
    return found;
}


/***/ }),

/***/ 8431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ posixRelative)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * `to` relative to `from`, `/`-separated on every OS: the one form reports, `paths:` globs and config
 * entries use, whatever separator `path.relative` returns.
 */
function posixRelative(from, to) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(from, to).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}


/***/ }),

/***/ 2165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tc: () => (/* binding */ nodeRuns),
/* harmony export */   UX: () => (/* binding */ comparePlatforms),
/* harmony export */   my: () => (/* binding */ samePlatform),
/* harmony export */   vo: () => (/* binding */ nodeRunsAny)
/* harmony export */ });
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5143);
/* harmony import */ var _windows_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4553);


/** `v7` -> [7, 0], `v8.2` -> [8, 2]; anything else (`unrecognized-present`, `sse2`) -> undefined. */
function version(variant) {
    const m = /^v(\d+)(?:\.(\d+))?$/.exec(variant);
    return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}
/**
 * amd64 microarchitecture levels (GOAMD64): a vN node runs v1..vN (containerd/platforms compare.go
 * `platformVector`). A node declared as plain amd64 is taken to be the baseline v1, so it does not run an
 * image published only as amd64/v2+: those binaries use instructions a v1 CPU lacks.
 */
function amd64Runs(node, image) {
    const n = version(node || 'v1');
    const i = version(image || 'v1');
    return n !== undefined && i !== undefined && i[1] === 0 && i[0] >= 1 && i[0] <= n[0];
}
/** arm/vN runs arm/vN down to arm/v5 (compare.go: "For arm/v7, will also match arm/v6 and arm/v5"). */
function armRuns(node, image) {
    const n = version(node);
    const i = version(image);
    return n !== undefined && i !== undefined && i[1] === 0 && n[1] === 0 && i[0] >= 5 && i[0] <= n[0];
}
/**
 * arm64 (default v8): v8.x runs v8.0..v8.x; v9.x runs v9.0..v9.x and v8.0..v8.(x+5), capped at v8.9,
 * because "v9.0 diverged from v8.5" (compare.go `platformVector`).
 */
function arm64Runs(node, image) {
    if (!arm64Known(node))
        return false;
    const n = version(node || 'v8');
    const i = version(image || 'v8');
    if (n === undefined || i === undefined)
        return false;
    const [nMajor, nMinor] = n;
    const [iMajor, iMinor] = i;
    if (iMajor === nMajor)
        return nMajor >= 8 && iMinor <= nMinor;
    return nMajor === 9 && iMajor === 8 && iMinor <= Math.min(nMinor + 5, 9);
}
/** compare.go `arm64variantToVersion`: the arm64 node variants containerd expands (v8..v8.9, v9..v9.7). */
function arm64Known(variant) {
    const v = version(variant || 'v8');
    return v !== undefined && ((v[0] === 8 && v[1] <= 9) || (v[0] === 9 && v[1] <= 7));
}
/**
 * Can a node of platform `node` run an image built for `image`? Both are normalized first.
 *
 * Follows containerd/platforms `Only(node).Match(image)` (compare.go `platformVector`), Windows versions
 * included (platform_windows_compat.go, see ./windows.ts), with one decision of ours: an arm64 node runs
 * arm/* images only when it declares `aarch32`. containerd assumes AArch32 support, but it is optional in
 * ARMv8 and absent from current server cores (Graviton 3/4, Ampere One, Apple M-series), so by default an
 * arm64 pool cannot be trusted to run a 32-bit image.
 *
 * An image that is `unknown/unknown` (an attestation) is run by no node.
 */
function nodeRuns(node, image) {
    const n = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(node);
    const i = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(image);
    if ((0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .isUnknownPlatform */ ._H)(i) || n.os !== i.os)
        return false;
    if (n.os === 'windows' && !(0,_windows_js__WEBPACK_IMPORTED_MODULE_1__/* .windowsVersionRuns */ .Yh)(n.osVersion, i.osVersion))
        return false;
    const nv = n.variant ?? '';
    const iv = i.variant ?? '';
    if (n.architecture === i.architecture && nv === iv)
        return true;
    switch (n.architecture) {
        case 'amd64':
            // containerd appends plain 386 to every amd64 vector: x86-64 CPUs run 32-bit x86 code.
            if (i.architecture === '386')
                return iv === '';
            return i.architecture === 'amd64' && amd64Runs(nv, iv);
        case 'arm':
            return i.architecture === 'arm' && armRuns(nv, iv);
        case 'arm64':
            // compare.go: "All arm64/v8.x and arm64/v9.x are compatible with arm/v8 (32-bits) and below".
            if (i.architecture === 'arm')
                return node.aarch32 === true && arm64Known(nv) && armRuns('v8', iv);
            return i.architecture === 'arm64' && arm64Runs(nv, iv);
        default:
            return false;
    }
}
/** Of `imagePlatforms`, is there one the node runs? (`nodeRuns` for each.) */
function nodeRunsAny(node, imagePlatforms) {
    return imagePlatforms.some((image) => nodeRuns(node, image));
}
/** Chunks of digits compare as numbers, so v10 sorts after v9 and Windows build 9200 before 17763. */
function naturalCompare(a, b) {
    const ca = a.match(/\d+|\D+/g) ?? [];
    const cb = b.match(/\d+|\D+/g) ?? [];
    for (let k = 0; k < Math.min(ca.length, cb.length); k++) {
        const x = ca[k];
        const y = cb[k];
        if (x === y)
            continue;
        const numeric = /^\d/.test(x) && /^\d/.test(y);
        if (numeric && Number(x) !== Number(y))
            return Number(x) < Number(y) ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return ca.length - cb.length;
}
/**
 * Total order over normalized platforms for sorting and deduplication: OS, architecture, variant, then
 * `osVersion` (absent first). Two Windows platforms that print the same (`formatPlatform` omits
 * `os.version`) but differ in build are different platforms here, since they run on different nodes.
 */
function comparePlatforms(a, b) {
    const x = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(a);
    const y = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(b);
    return (naturalCompare(x.os, y.os) ||
        naturalCompare(x.architecture, y.architecture) ||
        naturalCompare(x.variant ?? '', y.variant ?? '') ||
        naturalCompare(x.osVersion ?? '', y.osVersion ?? ''));
}
/** Equal after normalization, `osVersion` included (see comparePlatforms). */
function samePlatform(a, b) {
    return comparePlatforms(a, b) === 0;
}


/***/ }),

/***/ 5143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   Dk: () => (/* binding */ KNOWN_OS),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Y8: () => (/* binding */ parsePlatform),
/* harmony export */   _H: () => (/* binding */ isUnknownPlatform),
/* harmony export */   dE: () => (/* binding */ KNOWN_ARCH)
/* harmony export */ });
/**
 * Operating systems Go knows (containerd/platforms database.go `isKnownOS`, from go/build/syslist.go).
 * Tells "linux" (an OS with no architecture: an error) from "arm64", and which OS names a node may have.
 */
const KNOWN_OS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(' '));
/**
 * Architectures Go knows (containerd/platforms database.go `isKnownArch`). A bare specifier must name
 * one of these after normalization, so a typo such as `amd46` is an error rather than linux/amd46.
 */
const KNOWN_ARCH = new Set(('386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le ' +
    'mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm').split(' '));
/** 32-bit x86 spellings: containerd maps `i386`; `i486`..`i686` and `x86` are uname/distro names for the same ABI. */
const X86_32 = new Set(['386', 'i386', 'i486', 'i586', 'i686', 'x86']);
/**
 * `armv7l`, `armv6l`, `armv5tel`, `armv8l` (uname -m, Alpine/Debian names): 32-bit arm at that ISA level.
 * `armv8l` is a 32-bit userland on an ARMv8 CPU, so it is arm/v8, not arm64 (that is `aarch64`).
 */
const ARM32_ARCH = /^armv(\d+)[a-z]*$/;
/**
 * A variant written as a bare or prefixed version: `7`, `v7`, `armv7`, `8.1`, `armv8`. Real lists carry
 * `armv7`/`armv8` in the variant field (containers/image testdata v2list.manifest.json); containerd keeps
 * those verbatim, which would make linux/arm/armv7 match nothing. We read them as the version they name.
 */
const VERSION_VARIANT = /^(?:arm)?v?(\d+)(?:\.(\d+))?$/;
function str(value) {
    return typeof value === 'string' ? value.trim().toLowerCase() : '';
}
/** containerd/platforms database.go `normalizeOS`, except that an empty OS stays '' (see normalizePlatform). */
function normalizeOS(os) {
    return os === 'macos' ? 'darwin' : os;
}
/** `v7`, `v8.1` for a version-like variant; anything else (`unrecognized-present`) unchanged. */
function versionVariant(variant) {
    const m = VERSION_VARIANT.exec(variant);
    if (!m)
        return variant;
    return m[2] === undefined ? `v${m[1]}` : `v${m[1]}.${m[2]}`;
}
/**
 * containerd/platforms database.go `normalizeArch`, with the additions named in the comments:
 * default variants are dropped where containerd drops them (amd64 v1, arm64 v8), and arm keeps v7
 * explicitly, so every platform has exactly one printed form.
 */
function normalizeArch(arch, variant) {
    if (X86_32.has(arch)) {
        // containerd clears the variant for i386; `386` itself keeps whatever variant it was given.
        return { architecture: '386', variant: arch === '386' ? variant : '' };
    }
    switch (arch) {
        case 'x86_64':
        case 'x86-64':
        case 'amd64': {
            const v = versionVariant(variant);
            return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
        }
        case 'aarch64':
        case 'arm64': {
            const v = versionVariant(variant);
            // v8 (and v8.0) is arm64's baseline; containerd's newer database.go also folds v9.0 into v9.
            if (v === 'v8' || v === 'v8.0')
                return { architecture: 'arm64', variant: '' };
            return { architecture: 'arm64', variant: v === 'v9.0' ? 'v9' : v };
        }
        case 'armhf':
            return { architecture: 'arm', variant: 'v7' };
        case 'armel':
            return { architecture: 'arm', variant: 'v6' };
        case 'arm':
            // An arm image without a variant is v7 (containerd: "treated as equivalent to armhf").
            return { architecture: 'arm', variant: variant === '' ? 'v7' : versionVariant(variant) };
    }
    const arm32 = ARM32_ARCH.exec(arch);
    if (arm32)
        return { architecture: 'arm', variant: `v${arm32[1]}` };
    return { architecture: arch, variant };
}
function build(os, architecture, variant, osVersion) {
    const p = { os, architecture };
    if (variant !== '')
        p.variant = variant;
    if (osVersion !== '')
        p.osVersion = osVersion;
    return p;
}
/**
 * Normalize a platform the way containerd/platforms `Normalize` does (platforms.go): lowercase,
 * `macos` -> `darwin`, architecture aliases and default variants (see `normalizeArch`).
 *
 * Unlike containerd, an absent or empty `os` stays '' instead of becoming the host's OS: the host
 * running archcheck says nothing about the image. Callers decide what a missing OS means.
 * `os.version` (Windows build) is kept verbatim in `osVersion`. Never throws.
 */
function normalizePlatform(raw) {
    const { architecture, variant } = normalizeArch(str(raw.architecture), str(raw.variant));
    const rawVersion = typeof raw['os.version'] === 'string' ? raw['os.version'] : raw.osVersion;
    const osVersion = typeof rawVersion === 'string' ? rawVersion.trim() : '';
    return build(normalizeOS(str(raw.os)), architecture, variant, osVersion);
}
/** containerd's `specifierRe`, plus `.` so that arm64 variants such as `v8.2` can be written. */
const COMPONENT = /^[A-Za-z0-9_.-]+$/;
/** containerd's `osAndVersionRe`: `windows(10.0.17763)`. */
const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;
/**
 * Parse a user-written platform: `os[(osVersion)]/arch[/variant]` or a bare architecture, following
 * containerd/platforms platforms.go `Parse`, normalized like `normalizePlatform`.
 *
 * A bare architecture (`arm64`, `x86_64`) means linux: containerd would take the host's OS, but
 * archcheck describes Kubernetes nodes, which are linux unless said otherwise. A bare OS (`linux`) is an
 * error, since there is no host architecture to borrow. Wildcards are rejected as containerd does.
 */
function parsePlatform(spec) {
    const text = spec.trim();
    if (text === '')
        return { error: 'empty platform: expected os/arch[/variant], for example linux/arm64' };
    if (text.includes('*'))
        return { error: `"${spec}": wildcards are not supported` };
    const parts = text.split('/');
    if (parts.length > 3)
        return { error: `"${spec}": too many "/" components: expected os/arch[/variant]` };
    const names = ['OS', 'architecture', 'variant'];
    for (const [i, part] of parts.entries()) {
        if (part === '')
            return { error: `"${spec}": empty ${names[i]}: expected os/arch[/variant]` };
        if (i > 0 && !COMPONENT.test(part)) {
            return { error: `"${spec}": invalid ${names[i]} "${part}": use letters, digits, ".", "_" or "-"` };
        }
    }
    const [first = '', arch, variant = ''] = parts;
    const osMatch = OS_AND_VERSION.exec(first);
    if (!osMatch)
        return {
            error: `"${spec}": invalid OS "${first}": expected a name such as linux or windows(10.0.17763)`,
        };
    const os = normalizeOS(osMatch[1].toLowerCase());
    const osVersion = osMatch[2] ?? '';
    if (arch === undefined) {
        if (KNOWN_OS.has(os))
            return { error: `"${spec}" names an OS but no architecture: write ${os}/<arch>` };
        const bare = normalizeArch(first.toLowerCase(), '');
        if (!KNOWN_ARCH.has(bare.architecture))
            return { error: `"${spec}": unknown architecture` };
        return build('linux', bare.architecture, bare.variant, '');
    }
    const n = normalizeArch(arch.toLowerCase(), variant.toLowerCase());
    return build(os, n.architecture, n.variant, osVersion);
}
/**
 * The one printed form: `os/arch[/variant]` of the normalized platform (containerd/platforms `Format`,
 * which also omits `os.version`). An empty OS or architecture prints as `unknown` so that the form always
 * has two non-empty segments and parses back.
 */
function formatPlatform(p) {
    const n = normalizePlatform(p);
    const head = `${n.os || 'unknown'}/${n.architecture || 'unknown'}`;
    return n.variant ? `${head}/${n.variant}` : head;
}
/**
 * True for `unknown/unknown`, the platform buildkit gives its attestation manifests
 * (https://docs.docker.com/build/metadata/attestations/attestation-storage/). A platform with neither OS
 * nor architecture counts too: it declares nothing a node could run.
 */
function isUnknownPlatform(p) {
    const n = normalizePlatform(p);
    return (n.os === '' || n.os === 'unknown') && (n.architecture === '' || n.architecture === 'unknown');
}


/***/ }),

/***/ 4553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ux: () => (/* binding */ windowsBuildLabel),
/* harmony export */   Yh: () => (/* binding */ windowsVersionRuns)
/* harmony export */ });
/* unused harmony export windowsVersion */
/** Windows Server 2022 (ltsc2022): the first host that runs images of other builds. */
const LTSC2022 = 20348;
/** Stable-ABI LTSC releases, ascending (containerd `compatLTSCReleases`): ltsc2022, ltsc2025. */
const COMPAT_LTSC = [LTSC2022, 26100];
/** Go's strconv.ParseUint(s, 10, bits): decimal digits only, within the unsigned range. */
function parseUint(text, max) {
    if (!/^\d+$/.test(text))
        return undefined;
    const n = Number(text);
    return n <= max ? n : undefined;
}
/**
 * `10.0.20348.2113` -> {10, 0, 20348}: major and minor are uint8, the build uint16, as containerd reads them.
 * Anything else (fewer than three parts, out of range, not digits) is undefined, containerd's zero version.
 */
function windowsVersion(osVersion) {
    const [major, minor, build] = (osVersion ?? '').split('.');
    if (build === undefined)
        return undefined;
    const v = {
        major: parseUint(major ?? '', 255),
        minor: parseUint(minor ?? '', 255),
        build: parseUint(build, 65535),
    };
    if (v.major === undefined || v.minor === undefined || v.build === undefined)
        return undefined;
    return v;
}
/**
 * containerd `checkWindowsHostAndContainerCompat`: major.minor must be equal; a host older than ltsc2022 needs
 * the exact build; a newer host runs images from the latest LTSC before it (ltsc2022 for ltsc2022 itself) up
 * to its own build, so Windows Server 2025 and Windows 11 22H2/23H2 run ltsc2022 images.
 */
function hostRuns(host, image) {
    if (host.major !== image.major || host.minor !== image.minor)
        return false;
    if (host.build < LTSC2022)
        return host.build === image.build;
    const oldest = [...COMPAT_LTSC].reverse().find((ltsc) => host.build > ltsc) ?? LTSC2022;
    return oldest <= image.build && image.build <= host.build;
}
/**
 * containerd `windowsVersionMatcher.Match`: a node without a (readable) version, or an image without one,
 * matches on OS and architecture alone; an image whose version does not parse matches no versioned node.
 */
function windowsVersionRuns(nodeVersion, imageVersion) {
    const host = windowsVersion(nodeVersion);
    if (host === undefined || !imageVersion)
        return true;
    const image = windowsVersion(imageVersion) ?? { major: 0, minor: 0, build: 0 };
    return hostRuns(host, image);
}
/**
 * The value the kubelet gives the `node.kubernetes.io/windows-build` label: `major.minor.build`
 * (pkg/kubelet/kubelet_node_status.go, from the host's OS version), e.g. `10.0.20348`.
 */
function windowsBuildLabel(osVersion) {
    const v = windowsVersion(osVersion);
    return v ? `${v.major}.${v.minor}.${v.build}` : undefined;
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ub: () => (/* binding */ verifyDigest),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Content digests as the OCI image spec defines them: `algorithm ":" encoded`, where the registered
 * algorithms are sha256 (64 lowercase hex) and sha512 (128 lowercase hex).
 * https://github.com/opencontainers/image-spec/blob/v1.1.0/descriptor.md#digests
 */
const ENCODED_LENGTH = { sha256: 64, sha512: 128 };
/** The spec's grammar for any digest; registered algorithms are checked more strictly below. */
const DIGEST_GRAMMAR = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
/**
 * Splits a digest of a registered algorithm (sha256, sha512) whose hex has the right length and case.
 * Anything else is `undefined`: callers must not build file paths or URLs from unchecked digests.
 */
function parseDigest(digest) {
    const match = DIGEST_GRAMMAR.exec(digest);
    if (!match)
        return undefined;
    const [, algorithm = '', encoded = ''] = match;
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        return undefined;
    if (encoded.length !== ENCODED_LENGTH[algorithm] || !/^[a-f0-9]+$/.test(encoded))
        return undefined;
    return { algorithm, encoded };
}
/** `sha256:<hex>` of the bytes, the form every OCI descriptor and registry uses. */
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/**
 * True when the bytes hash to `expected` (sha256 or sha512). A malformed digest or an algorithm we cannot
 * compute is `false`: content we cannot verify is not trusted.
 */
function verifyDigest(bytes, expected) {
    const parsed = parseDigest(expected);
    if (!parsed)
        return false;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(parsed.algorithm).update(bytes).digest('hex') === parsed.encoded;
}


/***/ }),

/***/ 4564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ classifyAddress),
/* harmony export */   GN: () => (/* binding */ parseCidr),
/* harmony export */   Rk: () => (/* binding */ hostAddress),
/* harmony export */   js: () => (/* binding */ unmapIpv4),
/* harmony export */   r5: () => (/* binding */ parseIp),
/* harmony export */   sr: () => (/* binding */ inCidr),
/* harmony export */   v_: () => (/* binding */ formatIp)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

function parseV4(text) {
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(text))
        return undefined;
    return Uint8Array.from(text.split('.').map(Number));
}
function parseV6(text) {
    // A zone (`fe80::1%eth0`) names an interface, not a different address.
    let s = text.replace(/%.*$/, '');
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(s))
        return undefined;
    const lastColon = s.lastIndexOf(':');
    const dotted = s.slice(lastColon + 1);
    if (dotted.includes('.')) {
        const v4 = parseV4(dotted);
        const hex = (hi, lo) => ((hi << 8) | lo).toString(16);
        s = `${s.slice(0, lastColon + 1)}${hex(v4[0], v4[1])}:${hex(v4[2], v4[3])}`;
    }
    const [head = '', tail] = s.split('::');
    const groups = (part) => (part ? part.split(':') : []);
    const left = groups(head);
    const right = tail === undefined ? [] : groups(tail);
    const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
    const all = [...left, ...fill, ...right];
    const bytes = new Uint8Array(16);
    all.forEach((g, i) => {
        const n = Number.parseInt(g, 16);
        bytes[i * 2] = n >> 8;
        bytes[i * 2 + 1] = n & 0xff;
    });
    return bytes;
}
/** Parses a literal IPv4 (dotted quad) or IPv6 address, brackets and zone allowed; undefined for anything else. */
function parseIp(text) {
    const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    const v4 = parseV4(bare);
    if (v4)
        return { family: 4, bytes: v4 };
    const v6 = parseV6(bare);
    return v6 ? { family: 6, bytes: v6 } : undefined;
}
/**
 * The address a URL host denotes, after the WHATWG URL host parser (what undici dials): `2130706433`,
 * `0x7f.1`, `017700000001` and `127.1` are all 127.0.0.1 there. Undefined for a DNS name.
 */
function hostAddress(host) {
    const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    try {
        return parseIp(new URL(`http://${bracketed}/`).hostname);
    }
    catch {
        return undefined;
    }
}
function formatIp(ip) {
    if (ip.family === 4)
        return [...ip.bytes].join('.');
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push(((ip.bytes[i] << 8) | ip.bytes[i + 1]).toString(16));
    // Canonical text (RFC 5952) through the URL serializer, which compresses the longest zero run.
    return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}
function parseCidr(text) {
    const slash = text.lastIndexOf('/');
    const network = parseIp(slash < 0 ? text : text.slice(0, slash));
    if (!network)
        return undefined;
    const max = network.family === 4 ? 32 : 128;
    if (slash < 0)
        return { network, prefix: max };
    const bits = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bits) || Number(bits) > max)
        return undefined;
    return { network, prefix: Number(bits) };
}
function inCidr(ip, cidr) {
    if (ip.family !== cidr.network.family)
        return false;
    for (let bit = 0; bit < cidr.prefix; bit += 8) {
        const take = Math.min(8, cidr.prefix - bit);
        const mask = (0xff << (8 - take)) & 0xff;
        if ((ip.bytes[bit / 8] & mask) !== (cidr.network.bytes[bit / 8] & mask))
            return false;
    }
    return true;
}
/** The IPv4 address inside `::ffff:a.b.c.d` (RFC 4291 section 2.5.5.2), which the kernel dials as IPv4. */
function unmapIpv4(ip) {
    const mapped = ip.family === 6 && ip.bytes.subarray(0, 10).every((b) => b === 0);
    return mapped && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff
        ? { family: 4, bytes: ip.bytes.slice(12) }
        : ip;
}
/**
 * The special-purpose blocks (RFC 6890 and the IANA IPv4/IPv6 Special-Purpose Address Registries,
 * https://www.iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry), plus
 * multicast (RFC 5771, RFC 4291) and IPv4's reserved 240/4. Most specific block wins.
 */
const V4 = [
    ['0.0.0.0/8', 'unspecified', '"this network" (RFC 791)'],
    ['10.0.0.0/8', 'private', 'private (RFC 1918)'],
    ['100.64.0.0/10', 'private', 'carrier-grade NAT shared (RFC 6598)'],
    ['127.0.0.0/8', 'loopback', 'loopback (RFC 1122)'],
    ['169.254.0.0/16', 'link-local', 'link-local, where cloud metadata services live (RFC 3927)'],
    ['172.16.0.0/12', 'private', 'private (RFC 1918)'],
    ['192.0.0.0/24', 'reserved', 'IETF protocol assignments (RFC 6890)'],
    ['192.0.2.0/24', 'reserved', 'documentation TEST-NET-1 (RFC 5737)'],
    ['192.88.99.0/24', 'reserved', '6to4 relay anycast (RFC 7526)'],
    ['192.168.0.0/16', 'private', 'private (RFC 1918)'],
    ['198.18.0.0/15', 'reserved', 'benchmarking (RFC 2544)'],
    ['198.51.100.0/24', 'reserved', 'documentation TEST-NET-2 (RFC 5737)'],
    ['203.0.113.0/24', 'reserved', 'documentation TEST-NET-3 (RFC 5737)'],
    ['224.0.0.0/4', 'multicast', 'multicast (RFC 5771)'],
    ['240.0.0.0/4', 'reserved', 'reserved and broadcast (RFC 1112, RFC 919)'],
];
const V6 = [
    ['::/128', 'unspecified', 'unspecified (RFC 4291)'],
    ['::1/128', 'loopback', 'loopback (RFC 4291)'],
    ['64:ff9b:1::/48', 'private', 'local-use NAT64 (RFC 8215)'],
    ['100::/64', 'reserved', 'discard-only (RFC 6666)'],
    ['2001::/23', 'reserved', 'IETF protocol assignments (RFC 2928)'],
    ['2001:db8::/32', 'reserved', 'documentation (RFC 3849)'],
    ['3fff::/20', 'reserved', 'documentation (RFC 9637)'],
    ['fc00::/7', 'private', 'unique local (RFC 4193)'],
    ['fe80::/10', 'link-local', 'link-local (RFC 4291)'],
    ['fec0::/10', 'private', 'deprecated site-local (RFC 3879)'],
    ['ff00::/8', 'multicast', 'multicast (RFC 4291)'],
];
const table = (rows) => rows
    .map(([block, cls, name]) => ({ block, cidr: parseCidr(block), cls, name }))
    .sort((a, b) => b.cidr.prefix - a.cidr.prefix);
/**
 * Parsed on first use, not at load: a run that reads only `oci:` mirrors never classifies an address, and
 * parsing the IPv6 blocks costs the CLI's start-up a few milliseconds.
 */
let blocks;
function specialBlocks() {
    blocks ??= {
        v4: table(V4),
        v6: table(V6),
        // Blocks that carry an IPv4 address the traffic ends up at: NAT64 (RFC 6052) and 6to4 (RFC 3056).
        nat64: parseCidr('64:ff9b::/96'),
        sixToFour: parseCidr('2002::/16'),
        global: parseCidr('2000::/3'),
    };
    return blocks;
}
/** The class of an address; IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they carry. */
function classifyAddress(address) {
    const ip = unmapIpv4(address);
    const { v4, v6, nat64, sixToFour, global } = specialBlocks();
    if (ip !== address)
        return embedded(classifyAddress(ip), 'IPv4-mapped');
    if (ip.family === 6 && inCidr(ip, nat64))
        return embedded(classifyAddress({ family: 4, bytes: ip.bytes.slice(12) }), 'NAT64');
    if (ip.family === 6 && inCidr(ip, sixToFour))
        return embedded(classifyAddress({ family: 4, bytes: ip.bytes.slice(2, 6) }), '6to4');
    const row = (ip.family === 4 ? v4 : v6).find((r) => inCidr(ip, r.cidr));
    if (row)
        return { class: row.cls, block: row.block, name: row.name };
    if (ip.family === 6 && !inCidr(ip, global))
        return { class: 'reserved', block: '(outside 2000::/3)', name: 'not global unicast (RFC 4291)' };
    return { class: 'public', name: 'public' };
}
function embedded(inner, via) {
    return inner.class === 'public' ? inner : { ...inner, name: `${via} ${inner.name}` };
}


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ namesHost),
/* harmony export */   Jr: () => (/* binding */ isAllowed),
/* harmony export */   jO: () => (/* binding */ splitAllowText),
/* harmony export */   jR: () => (/* binding */ parseAllowList)
/* harmony export */ });
/* harmony import */ var _address_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4564);

/**
 * The blocks link-local addresses (cloud metadata: 169.254.169.254, fd00:ec2::254 aside) live in; parsed on
 * first use, as the first IPv6 parse costs start-up a few milliseconds that `oci:`-only runs never need.
 */
let linkLocalBlocks;
const linkLocalBlockList = () => (linkLocalBlocks ??= [(0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)('169.254.0.0/16'), (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)('fe80::/10')]);
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
/** Splits the comma/newline separated text of the action input or the environment variable. */
function splitAllowText(text) {
    return (text ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseEntry(value) {
    const text = value.trim();
    if (text.includes('*')) {
        return {
            error: `"${text}": wildcards are not accepted; name the host, or a CIDR such as 10.0.0.0/8 (link-local addresses such as 169.254.169.254 need a CIDR inside 169.254.0.0/16)`,
        };
    }
    if (text.includes('/')) {
        const cidr = (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)(text);
        return cidr
            ? { kind: 'cidr', text, cidr }
            : { error: `"${text}" is not a CIDR such as 10.0.0.0/8 or fd00::/8` };
    }
    const literal = (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIp */ .r5)(text);
    if (literal)
        return { kind: 'cidr', text, cidr: (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)(text.replace(/^\[|\]$/g, '')) };
    const port = /^(.*):(\d{1,5})$/.exec(text);
    const name = (port ? port[1] : text).toLowerCase().replace(/\.$/, '');
    const portNumber = port ? Number(port[2]) : undefined;
    if (portNumber !== undefined && (portNumber < 1 || portNumber > 65535))
        return { error: `"${text}": port ${port[2]} is out of range` };
    const bare = name.replace(/^\[|\]$/g, '');
    if (!HOST.test(name) && !(0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIp */ .r5)(bare)) {
        return { error: `"${text}" is not a host name, HOST:PORT, an IP address or a CIDR` };
    }
    return portNumber === undefined
        ? { kind: 'host', text, host: bare }
        : { kind: 'host', text, host: bare, port: portNumber };
}
/**
 * Parses allow-list values (trusted side only: CLI flags, action inputs, environment). `where` names the
 * flag or variable for the error message.
 */
function parseAllowList(values, where) {
    const entries = [];
    for (const value of values) {
        if (!value.trim())
            continue;
        const entry = parseEntry(value);
        if ('error' in entry)
            return { error: `${where}: ${entry.error}` };
        entries.push(entry);
    }
    return entries;
}
function hostMatches(entry, target) {
    const name = target.hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
    const literal = (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIp */ .r5)(name);
    const same = literal
        ? (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIp */ .r5)(entry.host) !== undefined && (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .inCidr */ .sr)(literal, (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)(entry.host))
        : entry.host === name;
    return same && (entry.port === undefined || entry.port === target.port);
}
function cidrMatches(cidr, address) {
    return (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .inCidr */ .sr)((0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .unmapIpv4 */ .js)(address), cidr) || (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .inCidr */ .sr)(address, cidr);
}
/**
 * Whether the allow list lets a request reach `target` whose address is of class `cls`. Link-local
 * addresses (cloud metadata) pass only a CIDR lying wholly inside a link-local block, never a host name or
 * a wide range such as 0.0.0.0/0.
 */
function isAllowed(list, target, cls) {
    const linkLocal = cls.class === 'link-local';
    return list.some((entry) => {
        if (entry.kind === 'host')
            return !linkLocal && hostMatches(entry, target);
        if (!target.address || !cidrMatches(entry.cidr, target.address))
            return false;
        return !linkLocal || linkLocalBlockList().some((block) => withinBlock(entry.cidr, block));
    });
}
function withinBlock(inner, outer) {
    const network = (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .unmapIpv4 */ .js)(inner.network);
    const prefix = network === inner.network ? inner.prefix : inner.prefix - 96;
    return prefix >= outer.prefix && (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .inCidr */ .sr)(network, outer);
}
/** Whether the user named this host (or its literal address) explicitly: what lets credentials go over plain HTTP. */
function namesHost(list, target) {
    return list.some((entry) => entry.kind === 'host'
        ? hostMatches(entry, target)
        : target.address !== undefined && cidrMatches(entry.cidr, target.address));
}


/***/ }),

/***/ 5659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ DOCKER_HUB_ORIGIN),
/* harmony export */   Mj: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   N2: () => (/* binding */ describeEndpoint),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Z6: () => (/* binding */ normalizeRegistryHost),
/* harmony export */   nQ: () => (/* binding */ defaultEndpoint),
/* harmony export */   v0: () => (/* binding */ parseMirror),
/* harmony export */   y0: () => (/* binding */ apiUrl)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Docker Hub: references say `docker.io`, the API lives at `registry-1.docker.io` and docker's config
 * stores its credentials under the legacy index URL (docker/cli registry `IndexServer`).
 */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ORIGIN = 'https://registry-1.docker.io';
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
]);
/** Lowercase host, Docker Hub's aliases folded into `docker.io`. */
function normalizeRegistryHost(host) {
    const lower = host.trim().toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
/**
 * Hosts spoken to over plain HTTP when no mirror says otherwise: loopback only, as go-containerregistry's
 * `name.Registry.Scheme` does for localhost and 127.0.0.1 (a kind or `docker run registry` setup).
 */
function isLoopback(host) {
    const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}
/** The registry's own endpoint: HTTPS (loopback: HTTP), Docker Hub at registry-1.docker.io. */
function defaultEndpoint(registry) {
    const host = normalizeRegistryHost(registry);
    if (host === DOCKER_HUB) {
        return {
            registry: host,
            origin: DOCKER_HUB_ORIGIN,
            prefix: '',
            credentialHost: DOCKER_HUB,
            mirror: false,
        };
    }
    const scheme = isLoopback(host) ? 'http' : 'https';
    return { registry: host, origin: `${scheme}://${host}`, prefix: '', credentialHost: host, mirror: false };
}
/**
 * Reads one `registries.mirrors` value: `oci:<dir>`, `https://host[:port][/prefix]` or
 * `http://host[:port][/prefix]`. A relative `oci:` directory is taken against `baseDir`.
 */
function parseMirror(registry, spec, baseDir = process.cwd()) {
    const host = normalizeRegistryHost(registry);
    const value = spec.trim();
    if (value.startsWith('oci:')) {
        const dir = value.slice('oci:'.length);
        if (!dir)
            return { error: `mirror for ${registry}: "oci:" needs a directory, e.g. oci:./mirror` };
        return { kind: 'oci', dir: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(baseDir, dir) };
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return {
            error: `mirror for ${registry}: ${JSON.stringify(spec)} is not oci:<dir>, https://host[/prefix] or http://host[/prefix]`,
        };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return {
            error: `mirror for ${registry}: scheme ${url.protocol} is not supported; use https://, http:// or oci:`,
        };
    }
    if (url.username || url.password) {
        return {
            error: `mirror for ${registry}: do not put credentials in the mirror URL; use registries.credentials or docker login`,
        };
    }
    if (url.search || url.hash)
        return { error: `mirror for ${registry}: a mirror URL takes no query or fragment` };
    const prefix = url.pathname.replace(/^\/+|\/+$/g, '');
    return {
        kind: 'http',
        endpoint: { registry: host, origin: url.origin, prefix, credentialHost: url.host, mirror: true },
    };
}
/** The repository path on the endpoint: the mirror's prefix, then the upstream repository. */
function repositoryPath(endpoint, repository) {
    return endpoint.prefix ? `${endpoint.prefix}/${repository}` : repository;
}
/** `https://host/v2/<prefix>/<repo>/<kind>/<reference>` (distribution spec "Pulling manifests" / "Pulling blobs"). */
function apiUrl(endpoint, repository, kind, reference) {
    return `${endpoint.origin}/v2/${repositoryPath(endpoint, repository)}/${kind}/${reference}`;
}
/** How the endpoint is named to people: the registry, and the mirror when one serves it. */
function describeEndpoint(endpoint) {
    if (!endpoint.mirror)
        return endpoint.registry;
    return `${endpoint.registry} (mirror ${endpoint.origin}${endpoint.prefix ? `/${endpoint.prefix}` : ''})`;
}


/***/ }),

/***/ 506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ indexPlatforms),
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   M3: () => (/* binding */ platformFromConfig),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Z2: () => (/* binding */ MEDIA_TYPES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   i8: () => (/* binding */ isImageConfigMediaType),
/* harmony export */   o_: () => (/* binding */ emptyIndexReason)
/* harmony export */ });
/* harmony import */ var _platforms_match_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2165);
/* harmony import */ var _platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5143);


/**
 * Media types of the manifest documents we read, from the OCI image spec
 * (https://github.com/opencontainers/image-spec/blob/v1.1.0/media-types.md) and Docker's distribution
 * specs (https://github.com/distribution/distribution/blob/main/docs/content/spec/manifest-v2-2.md and
 * manifest-v2-1.md for schema1).
 */
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
};
/**
 * Accept header values, most preferred first, for fetching any manifest kind. Indexes come first: we want
 * every platform of a tag, never the one a registry would pick for us.
 */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifest,
    MEDIA_TYPES.dockerSchema1Signed,
    MEDIA_TYPES.dockerSchema1,
];
const KIND_OF = {
    [MEDIA_TYPES.ociIndex]: 'index',
    [MEDIA_TYPES.dockerList]: 'index',
    [MEDIA_TYPES.ociManifest]: 'manifest',
    [MEDIA_TYPES.dockerManifest]: 'manifest',
    [MEDIA_TYPES.dockerSchema1]: 'schema1',
    [MEDIA_TYPES.dockerSchema1Signed]: 'schema1',
};
/**
 * Config media types that may hold an image config. Besides the two specified ones, a missing type and
 * the generic ones are allowed because some tools wrote them (containers/image fixtures use
 * application/octet-stream); the content must then still name an os and architecture.
 */
const IMAGE_CONFIG_TYPES = new Set([
    MEDIA_TYPES.ociConfig,
    MEDIA_TYPES.dockerConfig,
    '',
    'application/octet-stream',
    'application/json',
]);
/** buildkit's attestation descriptors: https://github.com/moby/buildkit/blob/master/docs/attestations/attestation-storage.md */
const REFERENCE_TYPE_ANNOTATION = 'vnd.docker.reference.type';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
/** Media type without parameters, lowercased; generic transport types say nothing about the document. */
function essence(contentType) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    return type === 'application/json' || type === 'application/octet-stream' || type === 'text/plain'
        ? ''
        : type;
}
function decodeJson(bytes) {
    let value;
    try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch (error) {
        return `not JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    return isObject(value) ? value : 'not a JSON object';
}
function rawPlatform(v) {
    if (!isObject(v))
        return undefined;
    const out = {};
    for (const key of ['os', 'architecture', 'variant', 'os.version']) {
        const value = str(v[key]);
        if (value !== undefined)
            out[key] = value;
    }
    return out;
}
/** A descriptor, or why it is not one. Fields we do not use are dropped; unknown fields are allowed by the spec. */
function parseDescriptor(v, where) {
    if (!isObject(v))
        return `${where} is not an object`;
    if (typeof v.digest !== 'string')
        return `${where}.digest is not a string`;
    if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0) {
        return `${where}.size is not a non-negative integer`;
    }
    const d = { digest: v.digest, size: v.size };
    if (str(v.mediaType) !== undefined)
        d.mediaType = str(v.mediaType);
    if (str(v.artifactType) !== undefined)
        d.artifactType = str(v.artifactType);
    const platform = rawPlatform(v.platform);
    if (platform)
        d.platform = platform;
    if (isObject(v.annotations)) {
        const entries = Object.entries(v.annotations).filter((e) => typeof e[1] === 'string');
        d.annotations = Object.fromEntries(entries);
    }
    return d;
}
/** The media type a document without a usable one declares by its shape. */
function sniff(doc) {
    if (typeof doc.schemaVersion === 'number' && doc.schemaVersion !== 1 && doc.schemaVersion !== 2) {
        return { reason: `unsupported schemaVersion ${doc.schemaVersion}` };
    }
    if (Array.isArray(doc.manifests))
        return MEDIA_TYPES.ociIndex;
    // An image config has a `config` object too (the runtime config), but no digest in it and no schemaVersion.
    if (isObject(doc.config) && ('digest' in doc.config || doc.schemaVersion === 2)) {
        return doc.config.mediaType === MEDIA_TYPES.dockerConfig
            ? MEDIA_TYPES.dockerManifest
            : MEDIA_TYPES.ociManifest;
    }
    if (Array.isArray(doc.fsLayers) || doc.schemaVersion === 1) {
        return 'signatures' in doc ? MEDIA_TYPES.dockerSchema1Signed : MEDIA_TYPES.dockerSchema1;
    }
    if (typeof doc.architecture === 'string' || isObject(doc.rootfs)) {
        return { reason: 'an image config, not a manifest' };
    }
    return { reason: 'not a manifest: no manifests, config or fsLayers' };
}
/** schema1 carries the architecture at the top and the OS in the newest history entry's v1 JSON. */
function schema1Platform(doc) {
    const architecture = str(doc.architecture);
    if (!architecture)
        return 'schema1 manifest has no architecture';
    let v1 = {};
    const history = doc.history;
    if (Array.isArray(history) && isObject(history[0]) && typeof history[0].v1Compatibility === 'string') {
        try {
            v1 = rawPlatform(JSON.parse(history[0].v1Compatibility)) ?? {};
        }
        catch {
            // A broken v1Compatibility string only loses the OS; docker defaulted schema1 images to linux.
        }
    }
    return (0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizePlatform */ .FL)({ ...v1, os: v1.os || 'linux', architecture });
}
/**
 * Parse manifest bytes; the mediaType field wins, else the content type, else sniff (manifests vs config
 * vs fsLayers); schemaVersion other than 2 (or 1 for schema1) is invalid. Never throws.
 * Specs: image-index.md and manifest.md of the OCI image spec, Docker manifest-v2-2.md and manifest-v2-1.md.
 */
function parseManifest(bytes, contentType) {
    const doc = decodeJson(bytes);
    if (typeof doc === 'string')
        return { kind: 'invalid', reason: doc };
    if (doc.mediaType !== undefined && typeof doc.mediaType !== 'string') {
        return { kind: 'invalid', reason: 'mediaType is not a string' };
    }
    const declared = str(doc.mediaType) || essence(contentType);
    const mediaType = declared || sniff(doc);
    if (typeof mediaType !== 'string')
        return { kind: 'invalid', reason: mediaType.reason };
    const kind = KIND_OF[mediaType];
    if (!kind)
        return { kind: 'invalid', reason: `unsupported media type ${mediaType}` };
    const version = kind === 'schema1' ? 1 : 2;
    if (doc.schemaVersion !== version) {
        return {
            kind: 'invalid',
            reason: `schemaVersion ${JSON.stringify(doc.schemaVersion)} for ${mediaType}, expected ${version}`,
        };
    }
    switch (kind) {
        case 'index': {
            if (!Array.isArray(doc.manifests))
                return { kind: 'invalid', reason: `${mediaType} without a manifests array` };
            const manifests = [];
            for (const [i, entry] of doc.manifests.entries()) {
                const d = parseDescriptor(entry, `manifests[${i}]`);
                if (typeof d === 'string')
                    return { kind: 'invalid', reason: d };
                manifests.push(d);
            }
            return { kind, mediaType, manifests };
        }
        case 'manifest': {
            const config = parseDescriptor(doc.config, 'config');
            if (typeof config === 'string')
                return { kind: 'invalid', reason: config };
            const artifactType = str(doc.artifactType);
            return artifactType === undefined
                ? { kind, mediaType, config }
                : { kind, mediaType, config, artifactType };
        }
        case 'schema1': {
            const platform = schema1Platform(doc);
            return typeof platform === 'string'
                ? { kind: 'invalid', reason: platform }
                : { kind, mediaType, platform };
        }
        default: {
            const unreachable = kind;
            return { kind: 'invalid', reason: `unhandled kind ${String(unreachable)}` };
        }
    }
}
/** True for buildkit attestation manifests: annotation vnd.docker.reference.type, or platform unknown/unknown. */
function isAttestation(d) {
    if (d.annotations?.[REFERENCE_TYPE_ANNOTATION] !== undefined)
        return true;
    return d.platform !== undefined && (0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .isUnknownPlatform */ ._H)((0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizePlatform */ .FL)(d.platform));
}
/** Normalized, de-duplicated, sorted platforms of an index's image children (attestations skipped; children without platform ignored). */
function indexPlatforms(manifests) {
    const out = [];
    for (const d of manifests) {
        if (!d.platform || isAttestation(d))
            continue;
        const p = (0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizePlatform */ .FL)(d.platform);
        if (!out.some((q) => (0,_platforms_match_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(p, q)))
            out.push(p);
    }
    return out.sort(_platforms_match_js__WEBPACK_IMPORTED_MODULE_0__/* .comparePlatforms */ .UX);
}
/**
 * Why an index that names no image platform is not an image we can judge, or undefined when it names one. An
 * empty index, or one listing only other indexes (nested, which a runtime follows one level at most and we do
 * not read over HTTP), or only attestations, is unknown, not "an image for no platform": a mismatch finding
 * would blame the wrong thing.
 */
function emptyIndexReason(manifests) {
    if (indexPlatforms(manifests).length > 0)
        return undefined;
    if (manifests.length === 0)
        return 'the image index is empty: it lists no manifests';
    const nested = manifests.filter((d) => d.mediaType !== undefined && KIND_OF[d.mediaType] === 'index');
    if (nested.length === manifests.length) {
        return `the image index lists only other indexes (${nested.length}), not images: nested indexes are not followed`;
    }
    return 'the image index lists no container image platform (only attestations or entries without a platform)';
}
/**
 * Whether a config of this media type can be an image config (so its blob is worth reading). Artifacts
 * (Helm charts, the OCI empty descriptor, signatures) declare their own config media type.
 */
function isImageConfigMediaType(mediaType) {
    return IMAGE_CONFIG_TYPES.has((mediaType ?? '').split(';')[0].trim().toLowerCase());
}
/**
 * Platform of an image config blob (OCI or Docker config: os, architecture, variant, os.version); an error
 * when it is not an image config (e.g. artifacts, Helm chart configs) or cannot be read.
 * https://github.com/opencontainers/image-spec/blob/v1.1.0/config.md#properties
 */
function platformFromConfig(bytes, configMediaType) {
    const notAnImage = (error) => ({ error, cause: 'not-an-image' });
    if (!isImageConfigMediaType(configMediaType)) {
        return notAnImage(`config media type ${configMediaType}: not a container image`);
    }
    const doc = decodeJson(bytes);
    if (typeof doc === 'string')
        return { error: `config is ${doc}`, cause: 'invalid' };
    const raw = rawPlatform(doc) ?? {};
    if (!raw.os || !raw.architecture)
        return notAnImage('config names no os and architecture: not a container image');
    const platform = (0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizePlatform */ .FL)(raw);
    if ((0,_platforms_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .isUnknownPlatform */ ._H)(platform))
        return notAnImage('config platform is unknown/unknown (an attestation, not an image)');
    return platform;
}


/***/ }),

/***/ 7846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ isFailure),
/* harmony export */   f: () => (/* binding */ fail)
/* harmony export */ });
const fail = (cause, reason, outage) => outage ? { kind: 'error', cause, reason, outage } : { kind: 'error', cause, reason };
const isFailure = (v) => typeof v === 'object' && v !== null && v.kind === 'error';


/***/ }),

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aY: () => (/* binding */ findOnPath),
/* harmony export */   pd: () => (/* binding */ execText)
/* harmony export */ });
/* unused harmony export STDERR_LIMIT */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _subprocess_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9462);




// Running the external tools that render sources (helm, kustomize, kubectl): no shell, output as values.
/** Full path of `name` on `PATH`, or undefined. */
function findOnPath(name, env) {
    for (const dir of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter))) {
        if (!dir)
            continue;
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return file;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
/** Longest stderr kept from a failed tool: it may quote files it read, and it ends up in findings. */
const STDERR_LIMIT = 2048;
/**
 * Runs a program without a shell and collects its output; a failure to start or a non-zero exit is a value.
 * The program sees only the variables `allow` grants ({@link subprocessEnv}), never the job's whole environment.
 */
function execText(command, args, options) {
    return new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(command, args, {
            cwd: options.cwd,
            env: (0,_subprocess_env_js__WEBPACK_IMPORTED_MODULE_3__/* .subprocessEnv */ .l6)(options.env, options.allow),
            timeout: options.timeoutMs,
            maxBuffer: 256 * 1024 * 1024,
            encoding: 'utf8',
        }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ ok: true, stdout });
            // Node's message names the tool by the path it was found at (`Command failed: /usr/local/bin/helm ...`):
            // findings name it as the user calls it.
            const reason = error.killed
                ? `timed out after ${options.timeoutMs / 1000} s`
                : (error.message.split('\n')[0] ?? String(error)).split(command).join(node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(command));
            resolve({ ok: false, stderr: stderr.trim().slice(-STDERR_LIMIT), error: reason });
        });
    });
}


/***/ }),

/***/ 9462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QF: () => (/* binding */ KUSTOMIZE_ENV),
/* harmony export */   Tl: () => (/* binding */ HELM_ENV),
/* harmony export */   l6: () => (/* binding */ subprocessEnv),
/* harmony export */   pc: () => (/* binding */ CREDENTIAL_HELPER_ENV)
/* harmony export */ });
// The environment every program archcheck starts gets (kustomize, kubectl, helm, docker credential helpers).
// The job's environment holds the workflow's token (INPUT_GITHUB-TOKEN), the runner's own tokens (ACTIONS_*)
// and whatever secrets the workflow exported; the programs run on files the pull request wrote, so they get
// only what they need to work. SECURITY.md ("Subprocess environments") lists the choices and why.
/**
 * What any program needs to start and reach the network the way the workflow set it up: the search path, a home
 * and temp directory, the locale, proxies and CA bundles (both spellings: curl and Go read the lowercase ones),
 * and on Windows the variables the C runtime and DNS resolver need. XDG_* are the config/cache/data dirs that
 * kustomize, helm and the credential helpers read.
 */
const BASE = {
    names: [
        'PATH',
        'HOME',
        'TMPDIR',
        'TEMP',
        'TMP',
        'LANG',
        'LANGUAGE',
        'TZ',
        'HTTP_PROXY',
        'HTTPS_PROXY',
        'NO_PROXY',
        'ALL_PROXY',
        'SSL_CERT_FILE',
        'SSL_CERT_DIR',
        'NODE_EXTRA_CA_CERTS',
        // Windows
        'SYSTEMROOT',
        'WINDIR',
        'PATHEXT',
        'COMSPEC',
        'USERPROFILE',
        'APPDATA',
        'LOCALAPPDATA',
    ],
    prefixes: ['LC_', 'XDG_'],
};
/** `kubectl kustomize` / `kustomize build`: the base only (no KUBECONFIG: building reads no cluster). */
const KUSTOMIZE_ENV = {};
/** `helm template`: helm's own settings (HELM_CACHE_HOME, HELM_CONFIG_HOME, HELM_REGISTRY_CONFIG, ...). */
const HELM_ENV = { prefixes: ['HELM_'] };
/**
 * `docker-credential-<name> get`: the docker config dir, the session bus (secretservice, pass), and the cloud
 * SDK variables the cloud helpers read for their identity (ecr-login: AWS_*; gcloud: GOOGLE_*, CLOUDSDK_*;
 * acr-env: AZURE_*). Those are the workflow's own cloud credentials, put there for exactly this.
 */
const CREDENTIAL_HELPER_ENV = {
    names: ['DOCKER_CONFIG', 'DBUS_SESSION_BUS_ADDRESS'],
    prefixes: ['AWS_', 'GOOGLE_', 'CLOUDSDK_', 'AZURE_'],
};
/**
 * The environment for a child process: the variables of `env` that {@link BASE} or `allow` name, nothing else.
 * Unset values are dropped (`spawn` would pass the text "undefined").
 */
function subprocessEnv(env, allow) {
    const names = new Set([...BASE.names, ...(allow.names ?? [])].map((n) => n.toUpperCase()));
    const prefixes = [...BASE.prefixes, ...(allow.prefixes ?? [])];
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const upper = name.toUpperCase();
        if (names.has(upper) || prefixes.some((p) => upper.startsWith(p)))
            out[name] = value;
    }
    return out;
}


/***/ }),

/***/ 7688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ findIgnoreComments)
/* harmony export */ });
/* unused harmony export IGNORE_MARKER */
/** The marker every inline suppression starts with; files without it are not scanned line by line. */
const IGNORE_MARKER = 'archcheck:ignore';
// `#` starts a YAML comment at the line start or after whitespace (YAML 1.2 §6.6); the marker must follow it.
const COMMENT = /(^|\s)#\s*archcheck:ignore(?=\s|$)(.*)$/;
/**
 * The inline suppressions of a file's text, by a cheap scan that only runs when the marker occurs at all.
 * A `#` inside a quoted scalar followed by the marker would be read as a comment too; that text is no image.
 */
function findIgnoreComments(text) {
    if (!text.includes(IGNORE_MARKER))
        return [];
    const found = [];
    text.split(/\r\n|\r|\n/).forEach((content, index) => {
        const match = COMMENT.exec(content);
        if (!match)
            return;
        const hash = (match.index ?? 0) + (match[1]?.length ?? 0);
        const rest = match[2] ?? '';
        const separator = rest.indexOf(' -- ');
        const rulesText = separator >= 0 ? rest.slice(0, separator) : rest.replace(/\s--\s*$/, '');
        const reason = separator >= 0 ? rest.slice(separator + 4).trim() : '';
        const line = index + 1;
        const comment = {
            line,
            column: hash + 1,
            appliesTo: content.slice(0, hash).trim() === '' ? line + 1 : line,
            rules: rulesText.split(/[\s,]+/).filter(Boolean),
        };
        if (reason)
            comment.reason = reason;
        found.push(comment);
    });
    return found;
}


/***/ }),

/***/ 2724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _Y: () => (/* binding */ extractWorkloads),
  uP: () => (/* binding */ podKind),
  PO: () => (/* binding */ podlessKind)
});

// EXTERNAL MODULE: ./src/documents/ast.ts
var ast = __webpack_require__(5102);
;// CONCATENATED MODULE: ./src/suppressions/annotations.ts

const IGNORE_ANNOTATION = 'archcheck.io/ignore';
const IGNORE_REASON_ANNOTATION = 'archcheck.io/ignore-reason';
/** Reads the suppression annotations of an object's own metadata (as kube-linter reads its ignore annotations). */
function readIgnoreAnnotation(obj) {
    const annotations = (0,ast/* asMap */.$H)(obj.ctx, (0,ast/* child */.jf)(obj.ctx, (0,ast/* asMap */.$H)(obj.ctx, (0,ast/* child */.jf)(obj.ctx, obj.map, 'metadata')), 'annotations'));
    const node = (0,ast/* child */.jf)(obj.ctx, annotations, IGNORE_ANNOTATION);
    const value = (0,ast/* scalarString */.Cg)(obj.ctx, node);
    if (value === undefined)
        return undefined;
    const ignore = {
        rules: value.split(/[\s,]+/).filter(Boolean),
        location: (0,ast/* locate */.x5)(obj.ctx, node),
    };
    const reason = (0,ast/* scalarString */.Cg)(obj.ctx, (0,ast/* child */.jf)(obj.ctx, annotations, IGNORE_REASON_ANNOTATION))?.trim();
    if (reason)
        ignore.reason = reason;
    return ignore;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/images/reference.ts + 2 modules
var reference = __webpack_require__(3935);
;// CONCATENATED MODULE: ./src/workloads/pod-spec.ts


const CONTAINER_LISTS = [
    ['initContainers', 'init'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeral'],
];
/** Reads every container of a PodSpec map (containers, initContainers, ephemeralContainers). */
function readContainers(ctx, podSpec) {
    const uses = [];
    for (const [field, type] of CONTAINER_LISTS) {
        const list = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, podSpec, field));
        if (!list)
            continue;
        list.items.forEach((item, index) => {
            const container = (0,ast/* asMap */.$H)(ctx, item);
            if (container)
                uses.push(readContainer(ctx, container, type, `${field}[${index}]`));
        });
    }
    return uses;
}
/** One container map -> ContainerUse; an absent or non-string image is kept, with a parse error saying so. */
function readContainer(ctx, container, type, fallbackName) {
    const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, container, 'name')) ?? fallbackName;
    // Kubernetes' image field is a string: `image: 1234` is rejected by the API server, so it is not an image.
    const imageNode = (0,ast/* writtenChild */.SP)(ctx, container, 'image');
    const image = (0,ast/* stringValue */.r$)(ctx, imageNode);
    const location = (0,ast/* locate */.x5)(ctx, imageNode ?? (0,ast/* keyNode */.qe)(ctx, container, 'name') ?? container);
    if (image === undefined) {
        const reason = imageNode ? 'image is not a string' : 'container has no image';
        return { name, type, image: '', location, parseError: { ok: false, kind: 'empty', reason } };
    }
    const parsed = (0,reference/* parseImageReference */.o_)(image);
    const use = parsed.ok
        ? { name, type, image, location, ref: parsed.ref }
        : { name, type, image, location, parseError: parsed };
    const command = stringList(ctx, (0,ast/* child */.jf)(ctx, container, 'command'));
    const args = stringList(ctx, (0,ast/* child */.jf)(ctx, container, 'args'));
    if (command)
        use.command = command;
    if (args)
        use.args = args;
    return use;
}
/** A list of strings, as Kubernetes' `command`/`args` must be; anything else the API server rejects. */
function stringList(ctx, node) {
    const seq = (0,ast/* asSeq */.wH)(ctx, node);
    if (!seq)
        return undefined;
    const items = seq.items.map((item) => (0,ast/* stringValue */.r$)(ctx, item));
    return items.every((i) => i !== undefined) ? items : undefined;
}
/**
 * Reads nodeSelector, required node affinity and tolerations. Preferred affinity only weighs nodes, it never
 * excludes one, so it is not read. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
 */
function readScheduling(ctx, podSpec) {
    const scheduling = { nodeSelector: [], tolerations: [] };
    if (!podSpec)
        return scheduling;
    const selectorNode = (0,ast/* child */.jf)(ctx, podSpec, 'nodeSelector');
    const selector = (0,ast/* asMap */.$H)(ctx, selectorNode);
    if (selector) {
        scheduling.nodeSelectorLocation = (0,ast/* locate */.x5)(ctx, (0,ast/* keyNode */.qe)(ctx, podSpec, 'nodeSelector'));
        for (const pair of selector.items) {
            const key = (0,ast/* scalarString */.Cg)(ctx, pair.key);
            const value = (0,ast/* scalarString */.Cg)(ctx, pair.value) ?? '';
            if (key !== undefined)
                scheduling.nodeSelector.push({ key, value, location: (0,ast/* locate */.x5)(ctx, pair.key) });
        }
    }
    const nodeAffinity = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, podSpec, 'affinity')), 'nodeAffinity'));
    const requiredKey = 'requiredDuringSchedulingIgnoredDuringExecution';
    const required = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, nodeAffinity, requiredKey));
    if (required) {
        scheduling.requiredAffinityLocation = (0,ast/* locate */.x5)(ctx, (0,ast/* keyNode */.qe)(ctx, nodeAffinity, requiredKey));
        const terms = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, required, 'nodeSelectorTerms'));
        scheduling.requiredTerms = (terms?.items ?? []).flatMap((item) => {
            const term = (0,ast/* asMap */.$H)(ctx, item);
            return term ? [readTerm(ctx, term)] : [];
        });
    }
    const tolerations = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, podSpec, 'tolerations'));
    for (const item of tolerations?.items ?? []) {
        const t = (0,ast/* asMap */.$H)(ctx, item);
        if (!t)
            continue;
        const toleration = { location: (0,ast/* locate */.x5)(ctx, t) };
        for (const field of ['key', 'operator', 'value', 'effect']) {
            const v = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, t, field));
            if (v !== undefined)
                toleration[field] = v;
        }
        scheduling.tolerations.push(toleration);
    }
    const runtimeClass = (0,ast/* child */.jf)(ctx, podSpec, 'runtimeClassName');
    const runtimeClassName = (0,ast/* scalarString */.Cg)(ctx, runtimeClass);
    if (runtimeClassName)
        scheduling.runtimeClassName = { name: runtimeClassName, location: (0,ast/* locate */.x5)(ctx, runtimeClass) };
    return scheduling;
}
function readTerm(ctx, term) {
    const expressions = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, term, 'matchExpressions'));
    const matchExpressions = [];
    for (const item of expressions?.items ?? []) {
        const e = (0,ast/* asMap */.$H)(ctx, item);
        if (!e)
            continue;
        const values = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, e, 'values'));
        matchExpressions.push({
            key: (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, e, 'key')) ?? '',
            operator: (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, e, 'operator')) ?? '',
            values: (values?.items ?? []).flatMap((v) => {
                const s = (0,ast/* scalarString */.Cg)(ctx, v);
                return s === undefined ? [] : [s];
            }),
            location: (0,ast/* locate */.x5)(ctx, e),
        });
    }
    const fields = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, term, 'matchFields'));
    return { matchExpressions, hasMatchFields: (fields?.items.length ?? 0) > 0, location: (0,ast/* locate */.x5)(ctx, term) };
}

;// CONCATENATED MODULE: ./src/workloads/generic.ts



const generic_CONTAINER_LISTS = [
    ['initContainers', 'init'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeral'],
];
/** Fields that never hold what the object runs: identity and what the controller reports back. */
const SKIPPED_KEYS = new Set(['metadata', 'status']);
/** Deep enough for any real pod template (CronJob-like nesting is 5), shallow enough to stop odd input. */
const MAX_DEPTH = 24;
/**
 * The generic pass for unknown kinds (kube-linter's "find the pod spec in any object", without a kind table):
 * every map whose `containers` is a list holding at least one map with an `image` key is a pod spec. Its
 * containers without `image` are left out: in operator CRs (Prometheus, ThanosRuler) those are strategic-merge
 * patches over containers the operator supplies, not containers of their own. A pod spec is not searched for
 * further pod specs inside it. `seen` collects every node walked (tests count it to prove the walk is linear).
 */
function findPodSpecs(ctx, root, seen = new Set()) {
    const found = [];
    const visit = (node, path, depth) => {
        if (depth > MAX_DEPTH)
            return;
        const n = (0,ast/* deref */.LA)(ctx, node);
        // Aliases are never expanded: a node reached twice (a 690-byte alias bomb names 9^9 paths) is walked once.
        if (!n || seen.has(n))
            return;
        seen.add(n);
        if ((0,dist/* isSeq */.oP)(n)) {
            n.items.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1));
            return;
        }
        if (!(0,dist/* isMap */.jh)(n))
            return;
        const containers = imageContainers(ctx, n);
        if (containers.length > 0) {
            found.push({ map: n, part: path, containers });
            return;
        }
        for (const pair of n.items) {
            const key = (0,ast/* scalarString */.Cg)(ctx, pair.key);
            if (key === undefined || (depth === 0 && SKIPPED_KEYS.has(key)))
                continue;
            visit(pair.value, path ? `${path}.${key}` : key, depth + 1);
        }
    };
    visit(root, '', 0);
    return found;
}
function imageContainers(ctx, map) {
    const list = (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, map, 'containers'));
    if (!list || !list.items.some((item) => (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, item), 'image') !== undefined))
        return [];
    return generic_CONTAINER_LISTS.flatMap(([field, type]) => ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, map, field))?.items ?? []).flatMap((item, index) => {
        const container = (0,ast/* asMap */.$H)(ctx, item);
        if (!container || (0,ast/* child */.jf)(ctx, container, 'image') === undefined)
            return [];
        return [readContainer(ctx, container, type, `${field}[${index}]`)];
    }));
}

// EXTERNAL MODULE: ./src/workloads/kinds.ts
var kinds = __webpack_require__(5013);
;// CONCATENATED MODULE: ./src/workloads/crds/source.ts



/** Every node at `path` under `root`, `*` taking each list item (labelled by its `name`, else its index). */
function expandPath(ctx, root, path) {
    let current = [{ node: root, part: '' }];
    path.forEach((step, i) => {
        const next = [];
        for (const { node, part } of current) {
            if (step !== '*') {
                const value = (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, node), step);
                if (value)
                    next.push({ node: value, part });
                continue;
            }
            (0,ast/* asSeq */.wH)(ctx, node)?.items.forEach((item, index) => {
                const itemNode = (0,ast/* asMap */.$H)(ctx, item) ?? (0,ast/* asSeq */.wH)(ctx, item);
                if (!itemNode)
                    return;
                const label = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, (0,ast/* asMap */.$H)(ctx, itemNode), 'name')) ?? String(index);
                next.push({ node: itemNode, part: `${part ? `${part}.` : ''}${path[i - 1] ?? ''}[${label}]` });
            });
        }
        current = next;
    });
    return current;
}
/** The first map found at any of `paths` (the first that the object has). */
function firstMap(ctx, root, paths) {
    return paths
        .map((path) => (0,ast/* asMap */.$H)(ctx, expandPath(ctx, root, path)[0]?.node))
        .find((map) => map !== undefined);
}
function workloadOf(obj, extra, containers, scheduling) {
    const workload = {
        kind: obj.kind,
        apiVersion: obj.apiVersion,
        name: obj.name,
        location: obj.location,
        containers,
        scheduling,
    };
    if (obj.namespace)
        workload.namespace = obj.namespace;
    if (extra.part)
        workload.part = extra.part;
    if (extra.inferred)
        workload.inferred = true;
    return workload;
}
/** Every map of the list at `field`, read as a container named by its `name` (else `field[index]`). */
function listOf(ctx, map, field, type) {
    return ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, map, field))?.items ?? []).flatMap((item, index) => {
        const container = (0,ast/* asMap */.$H)(ctx, item);
        return container ? [readContainer(ctx, container, type, `${field}[${index}]`)] : [];
    });
}
/** `use` running `image` instead: parsed again, so its reference or parse error is that image's. */
function withImage(use, image) {
    const { ref: _ref, parseError: _error, ...rest } = use;
    const parsed = (0,reference/* parseImageReference */.o_)(image);
    return parsed.ok ? { ...rest, image, ref: parsed.ref } : { ...rest, image, parseError: parsed };
}
/** A container for an image found outside a pod spec (values, overrides): parsed like any other. */
function imageUse(name, image, location) {
    return withImage({ name, type: 'container', image, location }, image);
}

;// CONCATENATED MODULE: ./src/workloads/crds/argo.ts



const ROLLOUT_JOB = {
    from: 'podSpec',
    path: ['spec', 'metrics', '*', 'provider', 'job', 'spec', 'template', 'spec'],
};
const ARGO_WORKFLOW = {
    from: 'argoTemplates',
    templates: ['spec', 'templates', '*'],
    workflow: ['spec'],
};
/**
 * Argo's workload kinds: Argo Rollouts (argoproj.io/v1alpha1 Rollout, Experiment, AnalysisTemplate, AnalysisRun),
 * Argo Workflows (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow), Argo CD Application.
 */
const ARGO_CRDS = {
    'argoproj.io/Rollout': [{ from: 'podSpec', path: ['spec', 'template', 'spec'] }],
    'argoproj.io/Experiment': [{ from: 'podSpec', path: ['spec', 'templates', '*', 'template', 'spec'] }],
    'argoproj.io/AnalysisTemplate': [ROLLOUT_JOB],
    'argoproj.io/ClusterAnalysisTemplate': [ROLLOUT_JOB],
    'argoproj.io/AnalysisRun': [ROLLOUT_JOB],
    'argoproj.io/Workflow': [ARGO_WORKFLOW],
    'argoproj.io/WorkflowTemplate': [ARGO_WORKFLOW],
    'argoproj.io/ClusterWorkflowTemplate': [ARGO_WORKFLOW],
    'argoproj.io/CronWorkflow': [
        {
            from: 'argoTemplates',
            templates: ['spec', 'workflowSpec', 'templates', '*'],
            workflow: ['spec', 'workflowSpec'],
        },
    ],
    'argoproj.io/Application': [
        { from: 'kustomizeImages', path: ['spec', 'source', 'kustomize', 'images'] },
        { from: 'kustomizeImages', path: ['spec', 'sources', '*', 'kustomize', 'images'] },
    ],
};
/** Each Argo Workflows template that runs containers, as one workload. */
function readArgoTemplates(obj, templates, workflowPath) {
    const { ctx } = obj;
    const workflow = (0,ast/* asMap */.$H)(ctx, expandPath(ctx, obj.map, workflowPath)[0]?.node);
    return expandPath(ctx, obj.map, templates).flatMap(({ node, part }) => {
        const template = (0,ast/* asMap */.$H)(ctx, node);
        const containers = template ? argoContainers(ctx, template) : [];
        if (!template || containers.length === 0)
            return [];
        return [workloadOf(obj, { part }, containers, argoScheduling(ctx, template, workflow))];
    });
}
/**
 * An Argo Workflows template's pod: `container` or `script` (named `main`), `containerSet.containers`,
 * `initContainers` and `sidecars`. https://argo-workflows.readthedocs.io/en/latest/fields/#template
 */
function argoContainers(ctx, template) {
    const single = ['container', 'script'].flatMap((field) => {
        const map = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, template, field));
        return map ? [readContainer(ctx, map, 'container', 'main')] : [];
    });
    const set = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, template, 'containerSet'));
    return [
        ...listOf(ctx, template, 'initContainers', 'init'),
        ...single,
        ...(set ? listOf(ctx, set, 'containers', 'container') : []),
        ...listOf(ctx, template, 'sidecars', 'container'),
    ];
}
/**
 * The controller sets each of nodeSelector, affinity and tolerations from the template when it has one, else
 * from the workflow spec (argo-workflows workflow/controller/workflowpod.go `addSchedulingConstraints`).
 */
function argoScheduling(ctx, template, workflow) {
    const own = readScheduling(ctx, template);
    const inherited = readScheduling(ctx, workflow);
    const result = { ...own };
    if (own.nodeSelector.length === 0 && !(0,ast/* child */.jf)(ctx, template, 'nodeSelector')) {
        result.nodeSelector = inherited.nodeSelector;
        if (inherited.nodeSelectorLocation)
            result.nodeSelectorLocation = inherited.nodeSelectorLocation;
    }
    if (!(0,ast/* child */.jf)(ctx, template, 'affinity') && inherited.requiredTerms) {
        result.requiredTerms = inherited.requiredTerms;
        if (inherited.requiredAffinityLocation)
            result.requiredAffinityLocation = inherited.requiredAffinityLocation;
    }
    if (own.tolerations.length === 0)
        result.tolerations = inherited.tolerations;
    return result;
}
/** Argo CD `kustomize.images` at `path`, one workload per list found. */
function readKustomizeImages(obj, path) {
    return expandPath(obj.ctx, obj.map, path).flatMap(({ node, part }) => {
        const containers = argoCdImages(obj.ctx, node);
        return containers.length > 0
            ? [
                workloadOf(obj, { part: part || 'kustomize.images' }, containers, readScheduling(obj.ctx, undefined)),
            ]
            : [];
    });
}
/** Argo CD `kustomize.images`: `[old=]new[:tag][@digest]`; the image that runs is the part after `=`. */
function argoCdImages(ctx, node) {
    return ((0,ast/* asSeq */.wH)(ctx, node)?.items ?? []).flatMap((item, index) => {
        const text = (0,ast/* scalarString */.Cg)(ctx, item);
        if (text === undefined)
            return [];
        const image = text.slice(text.lastIndexOf('=') + 1);
        // A name-only override keeps the manifest's tag, which is not written here.
        if (!/[:@]/.test(image.slice(image.lastIndexOf('/') + 1)))
            return [];
        return [imageUse(`images[${index}]`, image, (0,ast/* locate */.x5)(ctx, item))];
    });
}

;// CONCATENATED MODULE: ./src/workloads/crds/helm-values.ts



/** Flux helm-controller v2 HelmRelease: the `image` values it passes its chart. */
const FLUX_CRDS = {
    'helm.toolkit.fluxcd.io/HelmRelease': [{ from: 'helmValues', path: ['spec', 'values'] }],
};
/** The images in the values at `path`, as one workload (`values`) scheduled by the values' own nodeSelector. */
function readHelmValues(obj, path) {
    const { ctx } = obj;
    return expandPath(ctx, obj.map, path).flatMap(({ node }) => {
        const values = (0,ast/* asMap */.$H)(ctx, node);
        const containers = values ? valuesImages(ctx, values, 'values') : [];
        return containers.length > 0
            ? [workloadOf(obj, { part: 'values' }, containers, readScheduling(ctx, values))]
            : [];
    });
}
/**
 * `image` values of a Helm release: plain strings, and `{registry, repository, tag, digest}` objects. An object
 * without tag or digest takes the chart's appVersion, which we cannot see, so it is not guessed.
 */
function valuesImages(ctx, map, path, depth = 0, seen = new Set()) {
    // Each map is read once, however many aliases name it: an alias bomb in values must not expand.
    if (depth > 32 || seen.has(map))
        return [];
    seen.add(map);
    return map.items.flatMap((pair) => {
        const key = (0,ast/* scalarString */.Cg)(ctx, pair.key);
        if (key === undefined)
            return [];
        const here = `${path}.${key}`;
        const value = (0,ast/* asMap */.$H)(ctx, pair.value);
        if (key === 'image') {
            const text = (0,ast/* scalarString */.Cg)(ctx, pair.value);
            if (text !== undefined)
                return [imageUse(here, text, (0,ast/* locate */.x5)(ctx, pair.value))];
            const get = (k) => (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, value, k));
            const repository = get('repository');
            const tag = get('tag');
            const digest = get('digest');
            if (value && repository && (tag || digest)) {
                const registry = get('registry');
                const image = `${registry ? `${registry}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
                const at = (0,ast/* child */.jf)(ctx, value, digest ? 'digest' : 'tag') ?? (0,ast/* keyNode */.qe)(ctx, value, 'repository');
                return [imageUse(here, image, (0,ast/* locate */.x5)(ctx, at))];
            }
        }
        return value ? valuesImages(ctx, value, here, depth + 1, seen) : [];
    });
}

;// CONCATENATED MODULE: ./src/workloads/crds/tekton-params.ts

/**
 * `$(params.name)`, `$(params["name"])` and `$(params['name'])`, also as `$(inputs.params.name)` (v1alpha1's form,
 * which Tekton long kept as an alias of `params`). Array and object forms (`$(params.list[*])`)
 * are not strings and stay unresolved. https://tekton.dev/docs/pipelines/variables/
 */
const REFERENCE = /\$\((?:inputs\.)?params(?:\.([A-Za-z0-9_-]+)|\[\s*(["'])([^"'\]]+)\2\s*\])\)/g;
/** Values naming values: a pipeline run's value fills a pipeline task's, which fills the task's. */
const tekton_params_MAX_DEPTH = 4;
/** Longer than any image reference (a name of 255 and a tag of 128): a longer result is not an image. */
const MAX_LENGTH = 1024;
/** The string `default`s of `spec.params` (`type: string` or untyped; arrays and objects cannot be images). */
function paramDefaults(ctx, spec) {
    return tableOf(ctx, spec, 'default', []);
}
/** The string `value`s a run or a pipeline task passes in its `params`, resolved against `outer`. */
function paramValues(ctx, holder, outer) {
    return tableOf(ctx, holder, 'value', outer);
}
function tableOf(ctx, holder, field, outer) {
    const entries = new Map();
    for (const item of (0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, holder, 'params'))?.items ?? []) {
        const param = (0,ast/* asMap */.$H)(ctx, item);
        const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, param, 'name'));
        const type = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, param, 'type')) ?? 'string';
        const node = (0,ast/* child */.jf)(ctx, param, field);
        // Written as a string: `default: 1.10` is the number 1.1 to YAML, not the tag a person meant.
        const text = (0,ast/* stringValue */.r$)(ctx, node);
        if (name === undefined || type !== 'string' || text === undefined || entries.has(name))
            continue;
        entries.set(name, { text, param: { name, from: field, location: (0,ast/* locate */.x5)(ctx, node) } });
    }
    return { entries, outer };
}
/** `text` with each `$(params...)` replaced by its value from `scope`; unknown ones are left as written. */
function substituteParams(text, scope, depth = 0) {
    // Not an image, and each reference could grow it by a whole value: left as written, unsubstituted.
    if (text.length > MAX_LENGTH)
        return { text, params: [], missing: [] };
    const params = [];
    const missing = [];
    const result = text.replace(REFERENCE, (whole, dotted, _quote, quoted) => {
        const name = dotted ?? quoted ?? '';
        const table = scope.find((t) => t.entries.has(name));
        const entry = table?.entries.get(name);
        if (!entry || !table || depth >= tekton_params_MAX_DEPTH) {
            missing.push(name);
            return whole;
        }
        const inner = substituteParams(entry.text, table.outer, depth + 1);
        if (inner.text.length > MAX_LENGTH) {
            missing.push(name);
            return whole;
        }
        params.push(entry.param, ...inner.params);
        missing.push(...inner.missing);
        return inner.text;
    });
    return result.length > MAX_LENGTH ? { text, params: [], missing: [] } : { text: result, params, missing };
}

;// CONCATENATED MODULE: ./src/workloads/crds/tekton.ts




const tekton = (layout) => [{ from: 'tekton', layout }];
/**
 * Tekton Pipelines v1 (and v1beta1, v1alpha1 for StepAction): every task spec is one pod of steps and sidecars.
 * https://tekton.dev/docs/pipelines/tasks/ and https://tekton.dev/docs/pipelines/stepactions/
 */
const TEKTON_CRDS = {
    'tekton.dev/Task': tekton('task'),
    'tekton.dev/ClusterTask': tekton('task'),
    'tekton.dev/TaskRun': tekton('taskRun'),
    'tekton.dev/Pipeline': tekton('pipeline'),
    'tekton.dev/PipelineRun': tekton('pipelineRun'),
    'tekton.dev/StepAction': tekton('stepAction'),
};
/**
 * The workloads of a Tekton object, images filled from params the way a run fills them: a run's `value`, else
 * the task's `default`, else (in a pipeline) the value the pipeline task passes or the pipeline's own default.
 */
function readTekton(obj, layout) {
    const { ctx } = obj;
    const spec = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, obj.map, 'spec'));
    if (!spec)
        return [];
    switch (layout) {
        case 'task':
            return taskWorkloads(obj, spec, '', [paramDefaults(ctx, spec)], undefined);
        case 'taskRun': {
            const taskSpec = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, spec, 'taskSpec'));
            if (!taskSpec)
                return [];
            const scope = [paramValues(ctx, spec, []), paramDefaults(ctx, taskSpec)];
            return taskWorkloads(obj, taskSpec, '', scope, (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, spec, 'podTemplate')));
        }
        case 'pipeline':
            return pipelineWorkloads(obj, spec, [], undefined);
        case 'pipelineRun': {
            const pipelineSpec = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, spec, 'pipelineSpec'));
            // v1 moved the pod template under taskRunTemplate; v1beta1 has it at spec.podTemplate.
            const podTemplate = firstMap(ctx, spec, [['taskRunTemplate', 'podTemplate'], ['podTemplate']]);
            const run = [paramValues(ctx, spec, [])];
            return pipelineSpec ? pipelineWorkloads(obj, pipelineSpec, run, podTemplate) : [];
        }
        case 'stepAction': {
            // A StepAction's spec is one step: its image, command, args and params.
            const use = tektonContainer(ctx, spec, obj.name, [paramDefaults(ctx, spec)], undefined);
            return [workloadOf(obj, {}, [use], readScheduling(ctx, undefined))];
        }
        default: {
            const never = layout;
            return never;
        }
    }
}
/**
 * One workload per pipeline task with an embedded `taskSpec` (a `taskRef` names a Task checked where it is).
 * Tekton propagates a pipeline's params into embedded task specs, so those are looked up last.
 */
function pipelineWorkloads(obj, pipelineSpec, run, podTemplate) {
    const { ctx } = obj;
    const pipeline = [...run, paramDefaults(ctx, pipelineSpec)];
    return ['tasks', 'finally'].flatMap((list) => expandPath(ctx, pipelineSpec, [list, '*']).flatMap(({ node, part }) => {
        const task = (0,ast/* asMap */.$H)(ctx, node);
        const taskSpec = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, task, 'taskSpec'));
        if (!taskSpec)
            return [];
        const scope = [paramValues(ctx, task, pipeline), paramDefaults(ctx, taskSpec), ...pipeline];
        return taskWorkloads(obj, taskSpec, part, scope, podTemplate);
    }));
}
function taskWorkloads(obj, taskSpec, part, scope, podTemplate) {
    const { ctx } = obj;
    // A step without an image takes the stepTemplate's (https://tekton.dev/docs/pipelines/tasks/#specifying-a-step-template).
    const templateImage = (0,ast/* writtenChild */.SP)(ctx, (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, taskSpec, 'stepTemplate')), 'image');
    const containers = [];
    const stepActions = [];
    ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, taskSpec, 'steps'))?.items ?? []).forEach((item, index) => {
        const step = (0,ast/* asMap */.$H)(ctx, item);
        if (!step)
            return;
        const ref = (0,ast/* asMap */.$H)(ctx, (0,ast/* child */.jf)(ctx, step, 'ref'));
        if (ref)
            stepActions.push(stepActionUse(ctx, step, ref, `steps[${index}]`));
        else
            containers.push(tektonContainer(ctx, step, `steps[${index}]`, scope, templateImage));
    });
    ((0,ast/* asSeq */.wH)(ctx, (0,ast/* child */.jf)(ctx, taskSpec, 'sidecars'))?.items ?? []).forEach((item, index) => {
        const sidecar = (0,ast/* asMap */.$H)(ctx, item);
        if (sidecar)
            containers.push(tektonContainer(ctx, sidecar, `sidecars[${index}]`, scope, undefined));
    });
    if (containers.length === 0 && stepActions.length === 0)
        return [];
    const workload = workloadOf(obj, { part }, containers, readScheduling(ctx, podTemplate));
    if (stepActions.length > 0)
        workload.stepActions = stepActions;
    return [workload];
}
/** A step that runs a StepAction: Tekton rejects one that also sets `image`, so it has no image of its own. */
function stepActionUse(ctx, step, ref, fallback) {
    const use = {
        step: (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, step, 'name')) ?? fallback,
        location: (0,ast/* locate */.x5)(ctx, (0,ast/* keyNode */.qe)(ctx, step, 'ref') ?? step),
    };
    const name = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, ref, 'name'));
    const resolver = (0,ast/* scalarString */.Cg)(ctx, (0,ast/* child */.jf)(ctx, ref, 'resolver'));
    if (name)
        use.name = name;
    if (resolver)
        use.resolver = resolver;
    return use;
}
/**
 * A step or sidecar, its image (or the inherited `stepTemplate` image, at that line) with `$(params...)` filled
 * from `scope`. When a param has no value here, the image is left as written, a parameter each run sets.
 */
function tektonContainer(ctx, map, fallback, scope, inherited) {
    const own = readContainer(ctx, map, 'container', fallback);
    const inheritedImage = (0,ast/* writtenChild */.SP)(ctx, map, 'image') ? undefined : (0,ast/* stringValue */.r$)(ctx, inherited);
    const base = inheritedImage === undefined
        ? own
        : { ...withImage(own, inheritedImage), location: (0,ast/* locate */.x5)(ctx, inherited) };
    if (!base.image.includes('$('))
        return base;
    const filled = substituteParams(base.image, scope);
    if (filled.missing.length > 0) {
        const names = filled.missing.map((n) => `"${n}"`).join(', ');
        const reason = `${base.image} uses Tekton param ${names}, which has no default here: each run sets it, so the image is ` +
            'not known until then; give the param a default (spec.params[].default) to have that image checked';
        return { ...base, parseError: { ok: false, kind: 'parameter', reason } };
    }
    if (filled.params.length === 0)
        return base;
    return { ...withImage(base, filled.text), written: { image: base.image, params: filled.params } };
}

;// CONCATENATED MODULE: ./src/workloads/crds/index.ts








const KNATIVE_TEMPLATE = { from: 'podSpec', path: ['spec', 'template', 'spec'] };
/**
 * Workload custom resources by `group/kind` (versions do not move these fields). Data, not code: a new kind is
 * one row, in the file of its family. Here: Knative Serving v1 and KEDA v1alpha1 ScaledJob.
 */
const WORKLOAD_CRDS = {
    ...ARGO_CRDS,
    'serving.knative.dev/Service': [KNATIVE_TEMPLATE],
    'serving.knative.dev/Configuration': [KNATIVE_TEMPLATE],
    'serving.knative.dev/Revision': [{ from: 'podSpec', path: ['spec'] }],
    'keda.sh/ScaledJob': [{ from: 'podSpec', path: ['spec', 'jobTargetRef', 'template', 'spec'] }],
    ...TEKTON_CRDS,
    ...FLUX_CRDS,
};
/**
 * API groups whose objects describe other objects, never run them: policy engines' patterns (Kyverno's
 * `image: "public.ecr.aws/*"`), graph and composition templates (kro's `${schema.spec.image}`, Crossplane's
 * patched bases), admission constraints. Their `containers` are matched or generated, not pods, so they are
 * not workloads. A group matches itself and its subgroups (`policies.kyverno.io`).
 */
const NOT_WORKLOAD_GROUPS = [
    'kyverno.io',
    'kro.run',
    'gatekeeper.sh',
    'kubewarden.io',
    'wgpolicyk8s.io',
    'jspolicy.com',
    'apiextensions.crossplane.io',
];
function isNotWorkloadGroup(group) {
    return NOT_WORKLOAD_GROUPS.some((g) => group === g || group.endsWith(`.${g}`));
}
/** Groups of Kubernetes itself: their kinds are either built-in workloads or hold no pods, never a generic pass. */
function isKubernetesGroup(group) {
    return (['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling'].includes(group) || group.endsWith('.k8s.io'));
}
/**
 * Workloads of a non-built-in object: from the table when its kind is known, else from a generic search for pod
 * specs (marked `inferred`). CustomResourceDefinitions are skipped whole: their schemas name `image`,
 * `containers` and `nodeSelector` as properties, not values; so are policies and templates.
 */
function extractCustomWorkloads(obj) {
    const group = (0,kinds/* apiGroup */.oI)(obj.apiVersion);
    if (obj.kind === 'CustomResourceDefinition' || isKubernetesGroup(group) || isNotWorkloadGroup(group))
        return [];
    const sources = WORKLOAD_CRDS[`${group}/${obj.kind}`];
    if (!sources) {
        return findPodSpecs(obj.ctx, obj.map).map(({ map, part, containers }) => workloadOf(obj, { part, inferred: true }, containers, readScheduling(obj.ctx, map)));
    }
    return sources.flatMap((source) => readSource(obj, source));
}
function readSource(obj, source) {
    const { ctx } = obj;
    switch (source.from) {
        case 'podSpec':
            return expandPath(ctx, obj.map, source.path).flatMap(({ node, part }) => {
                const spec = (0,ast/* asMap */.$H)(ctx, node);
                return spec ? [workloadOf(obj, { part }, readContainers(ctx, spec), readScheduling(ctx, spec))] : [];
            });
        case 'argoTemplates':
            return readArgoTemplates(obj, source.templates, source.workflow);
        case 'tekton':
            return readTekton(obj, source.layout);
        case 'helmValues':
            return readHelmValues(obj, source.path);
        case 'kustomizeImages':
            return readKustomizeImages(obj, source.path);
        default: {
            const never = source;
            return never;
        }
    }
}

;// CONCATENATED MODULE: ./src/workloads/extract.ts





/**
 * Finds the workloads of one object: its pod template(s) with containers and scheduling constraints.
 * Built-in kinds by one table lookup, workload CRDs by another (crds/), other custom resources by a generic
 * search for pod specs; Kubernetes' own other kinds return [] cheaply. `image` keys elsewhere (CRD schemas,
 * ConfigMaps) are never read as containers.
 */
function extractWorkloads(obj) {
    const workloads = extractFrom(obj);
    const ignore = workloads.length > 0 ? readIgnoreAnnotation(obj) : undefined;
    if (ignore)
        for (const w of workloads)
            w.ignore = ignore;
    return workloads;
}
/**
 * Kinds whose workloads are found without a key naming `image`: built-in workloads (reported even with no
 * container) and the workload CRDs' table (an Argo `container:` or Tekton step with no image is still one).
 * Every other kind yields a workload only through a key naming `image` (the generic pass looks for
 * `containers[].image`, Helm values for `image`, Argo CD for `images`), so the parser skips composing documents
 * of other kinds that have none. Extraction that ever finds a workload otherwise must widen this test.
 */
function podKind(apiVersion, kind) {
    return ((0,kinds/* builtinPodSpecPath */.df)(apiVersion, kind) !== undefined ||
        WORKLOAD_CRDS[`${(0,kinds/* apiGroup */.oI)(apiVersion)}/${kind}`] !== undefined);
}
/** CustomResourceDefinitions: their schemas name `image` and `containers` as properties, never read (crds.ts). */
function podlessKind(apiVersion, kind) {
    return kind === 'CustomResourceDefinition' && (0,kinds/* apiGroup */.oI)(apiVersion) === 'apiextensions.k8s.io';
}
function extractFrom(obj) {
    const specPath = (0,kinds/* builtinPodSpecPath */.df)(obj.apiVersion, obj.kind);
    if (!specPath)
        return extractCustomWorkloads(obj);
    const podSpec = (0,ast/* asMap */.$H)(obj.ctx, (0,ast/* pathGet */.aj)(obj.ctx, obj.map, specPath));
    const workload = {
        kind: obj.kind,
        apiVersion: obj.apiVersion,
        name: obj.name,
        location: obj.location,
        containers: podSpec ? readContainers(obj.ctx, podSpec) : [],
        scheduling: readScheduling(obj.ctx, podSpec),
    };
    if (obj.namespace)
        workload.namespace = obj.namespace;
    return [workload];
}


/***/ }),

/***/ 5013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   df: () => (/* binding */ builtinPodSpecPath),
/* harmony export */   oI: () => (/* binding */ apiGroup)
/* harmony export */ });
/* unused harmony export BUILTIN_POD_SPEC_PATHS */
/**
 * Where built-in workload kinds keep their pod spec. Data, not code: a new kind is one row.
 * Keyed by API group (`''` is the core group) and kind; versions do not move the pod spec.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/
 */
const BUILTIN_POD_SPEC_PATHS = {
    '/Pod': ['spec'],
    '/PodTemplate': ['template', 'spec'],
    '/ReplicationController': ['spec', 'template', 'spec'],
    'apps/Deployment': ['spec', 'template', 'spec'],
    'apps/StatefulSet': ['spec', 'template', 'spec'],
    'apps/DaemonSet': ['spec', 'template', 'spec'],
    'apps/ReplicaSet': ['spec', 'template', 'spec'],
    // extensions/v1beta1 served these until 1.16; old repos still carry them.
    'extensions/Deployment': ['spec', 'template', 'spec'],
    'extensions/DaemonSet': ['spec', 'template', 'spec'],
    'extensions/ReplicaSet': ['spec', 'template', 'spec'],
    'batch/Job': ['spec', 'template', 'spec'],
    'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** The API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> ``. */
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
function builtinPodSpecPath(apiVersion, kind) {
    return BUILTIN_POD_SPEC_PATHS[`${apiGroup(apiVersion)}/${kind}`];
}


/***/ }),

/***/ 7285:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// Generated by scripts/build-schema-validator.mjs from schema/archcheck.schema.json: do not edit.
// `npm run bundle` regenerates it; test/config/schema-validator.integration.test.ts fails when it is stale.
module.exports = validate10;module.exports["default"] = validate10;const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/archcheck/archcheck/main/schema/archcheck.schema.json","title":"archcheck configuration (.archcheck.yaml)","type":"object","additionalProperties":false,"properties":{"clusters":{"description":"The clusters manifests deploy to, and their node pools.","type":"array","items":{"$ref":"#/definitions/cluster"}},"include":{"description":"Globs (relative to this file) of extra files to read, e.g. rendered charts saved as .txt.","type":"array","items":{"type":"string","minLength":1}},"exclude":{"description":"Globs (relative to this file) of files and directories not to read.","type":"array","items":{"type":"string","minLength":1}},"registries":{"type":"object","additionalProperties":false,"properties":{"mirrors":{"description":"Registry host -> oci:<dir> (OCI layouts), https://host[:port][/prefix] or http://host[:port][/prefix].","type":"object","additionalProperties":{"type":"string","pattern":"^(oci:.+|https?://.+)$"}},"credentials":{"description":"Registry host -> names of environment variables holding credentials (never the values). Only ARCHCHECK_* variables: the repository's config must not reach the workflow's other secrets.","type":"object","additionalProperties":{"type":"object","additionalProperties":false,"properties":{"usernameEnv":{"$ref":"#/definitions/envName"},"passwordEnv":{"$ref":"#/definitions/envName"},"tokenEnv":{"$ref":"#/definitions/envName"}}}},"concurrency":{"type":"integer","minimum":1,"maximum":64},"timeoutSeconds":{"description":"Per-request timeout in seconds (default 30). At most 2147483: Node's timers hold at most 2^31-1 ms.","type":"number","exclusiveMinimum":0,"maximum":2147483},"deadlineSeconds":{"description":"Deadline for resolving every image, in seconds (default 300). At most 2147483: Node's timers hold at most 2^31-1 ms.","type":"number","exclusiveMinimum":0,"maximum":2147483}}},"helm":{"description":"Helm releases to render with `helm template` and check; findings point at the values line that sets each image.","type":"array","items":{"$ref":"#/definitions/helmChart"}},"kustomize":{"description":"How kustomizations are found and built (`kustomize build` or `kubectl kustomize`).","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Build kustomizations (default true); false reads their files as plain manifests.","type":"boolean"},"roots":{"description":"Directories (relative to this file) to build; default: every kustomization found that no other includes.","type":"array","items":{"type":"string","minLength":1}},"loadRestrictor":{"description":"rootOnly (kustomize's default) only: `none` (as --load-restrictor LoadRestrictionsNone) lets a build read any file on the runner, so it is accepted only from the workflow (action input kustomize-load-restrictor, CLI flag --kustomize-load-restrictor), never from this file.","enum":["rootOnly"]},"command":{"description":"auto (kustomize if on PATH, else kubectl), kustomize, or kubectl.","enum":["auto","kustomize","kubectl"]}}},"deep":{"description":"Deep verification: read each image build a node pool pulls (its config, and the header of the program the container runs) to catch builds labelled with the wrong platform and binaries built for another CPU. Byte budgets and the cache directory are set on the command line or in the action's inputs, not here.","type":"boolean"},"rules":{"description":"Rule id -> level (off, error, warning, notice).","type":"object","propertyNames":{"enum":["image-arch-mismatch","no-eligible-nodes","workload-not-checked","invalid-image-reference","image-not-found","image-unresolved","digest-mismatch","deprecated-arch-label","mutable-image-tag","yaml-parse-error","render-error","kustomize-image-unused","image-platform-mislabeled","binary-arch-mismatch","deep-check-incomplete"]},"additionalProperties":{"enum":["off","error","warning","notice"]}},"ignore":{"description":"Suppressions: a finding matching every field of an entry is reported as suppressed and counts toward nothing.","type":"array","items":{"$ref":"#/definitions/ignoreEntry"}}},"definitions":{"envName":{"type":"string","pattern":"^ARCHCHECK_[A-Za-z0-9_]+$"},"helmChart":{"type":"object","additionalProperties":false,"required":["chart"],"properties":{"chart":{"description":"Chart directory (relative to this file), or a reference helm resolves (repo/name, oci://...).","type":"string","minLength":1,"pattern":"^[^-]"},"release":{"description":"Release name; default: the chart's directory name.","type":"string","minLength":1,"pattern":"^[^-]"},"namespace":{"type":"string","minLength":1},"version":{"description":"Chart version, for charts from a repository.","type":"string","minLength":1},"values":{"description":"Values files (relative to this file), in order: later files win, as with helm -f.","type":"array","items":{"type":"string","minLength":1}},"set":{"description":"Values as with helm --set key=value (keys in helm's a.b[0].c form).","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"cluster":{"description":"Name of the cluster the release deploys to.","type":"string","minLength":1}}},"cluster":{"type":"object","additionalProperties":false,"required":["name","nodePools"],"properties":{"name":{"type":"string","minLength":1},"paths":{"description":"Globs (relative to this file) of the manifests deployed to this cluster; default: all.","type":"array","items":{"type":"string","minLength":1}},"nodePools":{"description":"A list of pools written by hand, or {from, pools} to read them from Karpenter, eksctl or node-list files.","if":{"type":"array"},"then":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/nodePool"}},"else":{"type":"object","additionalProperties":false,"required":["from"],"properties":{"from":{"description":"Globs (relative to this file, inside it) of Karpenter NodePool/Provisioner, eksctl ClusterConfig or NodeList files.","type":"array","minItems":1,"items":{"type":"string","minLength":1}},"pools":{"description":"Pools written by hand, added to those read from files.","type":"array","items":{"$ref":"#/definitions/nodePool"}}}}},"admission":{"description":"Opt-in facts the cluster adds when it admits a pod, which manifests cannot show.","type":"object","additionalProperties":false,"properties":{"gkeArm64Toleration":{"description":"GKE: pods that select arm64 get the toleration for kubernetes.io/arch=arm64:NoSchedule.","type":"boolean"},"runtimeClasses":{"description":"A pod's runtimeClassName adds its RuntimeClass's scheduling.nodeSelector and tolerations.","type":"boolean"}}}}},"ignoreEntry":{"type":"object","additionalProperties":false,"required":["rule"],"properties":{"rule":{"description":"Rule id, or * for every rule.","type":"string","minLength":1},"workload":{"description":"Glob over Kind/namespace/name (namespace empty when the manifest sets none).","type":"string","minLength":1},"image":{"description":"Glob over the image as written or its canonical form.","type":"string","minLength":1},"paths":{"description":"Globs (relative to this file) over the file the finding points at.","type":"array","items":{"type":"string","minLength":1}},"reason":{"description":"Why the finding is accepted.","type":"string","minLength":1},"expires":{"description":"YYYY-MM-DD: the last day the entry suppresses.","type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}},"nodePool":{"type":"object","additionalProperties":false,"required":["name","arch"],"properties":{"name":{"type":"string","minLength":1},"arch":{"description":"Platform of the pool's nodes, as --arch takes it: an architecture (amd64, arm64, arm, 386, ppc64le, s390x, riscv64; aliases such as x86_64 and aarch64 are accepted), arch/variant (arm64/v8, arm/v7), or os/arch[/variant] (linux/arm/v7, windows/amd64).","type":"string","minLength":1},"os":{"description":"Default linux (when arch does not name the OS).","type":"string","minLength":1},"variant":{"description":"e.g. v7 for arm, v8.2 for arm64 (when arch does not name the variant).","type":"string","minLength":1},"osVersion":{"description":"Windows build, e.g. 10.0.20348; also sets the node.kubernetes.io/windows-build label.","type":"string","minLength":1},"aarch32":{"description":"arm64 only: the CPUs also run 32-bit Arm (arm/v5..v8) images, as on Graviton 2, Ampere Altra and Raspberry Pi. Default false: Graviton 3 and later have no AArch32.","type":"boolean"},"labels":{"type":"object","additionalProperties":{"type":"string"}},"taints":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["key","effect"],"properties":{"key":{"type":"string","minLength":1},"value":{"type":"string"},"effect":{"enum":["NoSchedule","PreferNoSchedule","NoExecute"]}}}}}}}};const schema15 = {"type":"string","pattern":"^ARCHCHECK_[A-Za-z0-9_]+$"};const schema18 = {"type":"object","additionalProperties":false,"required":["chart"],"properties":{"chart":{"description":"Chart directory (relative to this file), or a reference helm resolves (repo/name, oci://...).","type":"string","minLength":1,"pattern":"^[^-]"},"release":{"description":"Release name; default: the chart's directory name.","type":"string","minLength":1,"pattern":"^[^-]"},"namespace":{"type":"string","minLength":1},"version":{"description":"Chart version, for charts from a repository.","type":"string","minLength":1},"values":{"description":"Values files (relative to this file), in order: later files win, as with helm -f.","type":"array","items":{"type":"string","minLength":1}},"set":{"description":"Values as with helm --set key=value (keys in helm's a.b[0].c form).","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"cluster":{"description":"Name of the cluster the release deploys to.","type":"string","minLength":1}}};const schema19 = {"type":"object","additionalProperties":false,"required":["rule"],"properties":{"rule":{"description":"Rule id, or * for every rule.","type":"string","minLength":1},"workload":{"description":"Glob over Kind/namespace/name (namespace empty when the manifest sets none).","type":"string","minLength":1},"image":{"description":"Glob over the image as written or its canonical form.","type":"string","minLength":1},"paths":{"description":"Globs (relative to this file) over the file the finding points at.","type":"array","items":{"type":"string","minLength":1}},"reason":{"description":"Why the finding is accepted.","type":"string","minLength":1},"expires":{"description":"YYYY-MM-DD: the last day the entry suppresses.","type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}};const func2 = Object.prototype.hasOwnProperty;const func3 = (__webpack_require__(6214)/* ["default"] */ .A);const schema12 = {"type":"object","additionalProperties":false,"required":["name","nodePools"],"properties":{"name":{"type":"string","minLength":1},"paths":{"description":"Globs (relative to this file) of the manifests deployed to this cluster; default: all.","type":"array","items":{"type":"string","minLength":1}},"nodePools":{"description":"A list of pools written by hand, or {from, pools} to read them from Karpenter, eksctl or node-list files.","if":{"type":"array"},"then":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/nodePool"}},"else":{"type":"object","additionalProperties":false,"required":["from"],"properties":{"from":{"description":"Globs (relative to this file, inside it) of Karpenter NodePool/Provisioner, eksctl ClusterConfig or NodeList files.","type":"array","minItems":1,"items":{"type":"string","minLength":1}},"pools":{"description":"Pools written by hand, added to those read from files.","type":"array","items":{"$ref":"#/definitions/nodePool"}}}}},"admission":{"description":"Opt-in facts the cluster adds when it admits a pod, which manifests cannot show.","type":"object","additionalProperties":false,"properties":{"gkeArm64Toleration":{"description":"GKE: pods that select arm64 get the toleration for kubernetes.io/arch=arm64:NoSchedule.","type":"boolean"},"runtimeClasses":{"description":"A pod's runtimeClassName adds its RuntimeClass's scheduling.nodeSelector and tolerations.","type":"boolean"}}}}};const schema13 = {"type":"object","additionalProperties":false,"required":["name","arch"],"properties":{"name":{"type":"string","minLength":1},"arch":{"description":"Platform of the pool's nodes, as --arch takes it: an architecture (amd64, arm64, arm, 386, ppc64le, s390x, riscv64; aliases such as x86_64 and aarch64 are accepted), arch/variant (arm64/v8, arm/v7), or os/arch[/variant] (linux/arm/v7, windows/amd64).","type":"string","minLength":1},"os":{"description":"Default linux (when arch does not name the OS).","type":"string","minLength":1},"variant":{"description":"e.g. v7 for arm, v8.2 for arm64 (when arch does not name the variant).","type":"string","minLength":1},"osVersion":{"description":"Windows build, e.g. 10.0.20348; also sets the node.kubernetes.io/windows-build label.","type":"string","minLength":1},"aarch32":{"description":"arm64 only: the CPUs also run 32-bit Arm (arm/v5..v8) images, as on Graviton 2, Ampere Altra and Raspberry Pi. Default false: Graviton 3 and later have no AArch32.","type":"boolean"},"labels":{"type":"object","additionalProperties":{"type":"string"}},"taints":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["key","effect"],"properties":{"key":{"type":"string","minLength":1},"value":{"type":"string"},"effect":{"enum":["NoSchedule","PreferNoSchedule","NoExecute"]}}}}}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.nodePools === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nodePools"},message:"must have required property '"+"nodePools"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((((key0 === "name") || (key0 === "paths")) || (key0 === "nodePools")) || (key0 === "admission"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func3(data0) < 1){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.paths !== undefined){let data1 = data.paths;if(Array.isArray(data1)){const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(typeof data2 === "string"){if(func3(data2) < 1){const err5 = {instancePath:instancePath+"/paths/" + i0,schemaPath:"#/properties/paths/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/paths/" + i0,schemaPath:"#/properties/paths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/paths",schemaPath:"#/properties/paths/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.nodePools !== undefined){let data3 = data.nodePools;const _errs9 = errors;let valid3 = true;const _errs10 = errors;if(!(Array.isArray(data3))){const err8 = {};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}var _valid0 = _errs10 === errors;errors = _errs9;if(vErrors !== null){if(_errs9){vErrors.length = _errs9;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs12 = errors;if(Array.isArray(data3)){if(data3.length < 1){const err9 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/then/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}const len1 = data3.length;for(let i1=0; i1<len1; i1++){let data4 = data3[i1];if(data4 && typeof data4 == "object" && !Array.isArray(data4)){if(data4.name === undefined){const err10 = {instancePath:instancePath+"/nodePools/" + i1,schemaPath:"#/definitions/nodePool/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data4.arch === undefined){const err11 = {instancePath:instancePath+"/nodePools/" + i1,schemaPath:"#/definitions/nodePool/required",keyword:"required",params:{missingProperty: "arch"},message:"must have required property '"+"arch"+"'"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}for(const key1 in data4){if(!((((((((key1 === "name") || (key1 === "arch")) || (key1 === "os")) || (key1 === "variant")) || (key1 === "osVersion")) || (key1 === "aarch32")) || (key1 === "labels")) || (key1 === "taints"))){const err12 = {instancePath:instancePath+"/nodePools/" + i1,schemaPath:"#/definitions/nodePool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data4.name !== undefined){let data5 = data4.name;if(typeof data5 === "string"){if(func3(data5) < 1){const err13 = {instancePath:instancePath+"/nodePools/" + i1+"/name",schemaPath:"#/definitions/nodePool/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/nodePools/" + i1+"/name",schemaPath:"#/definitions/nodePool/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data4.arch !== undefined){let data6 = data4.arch;if(typeof data6 === "string"){if(func3(data6) < 1){const err15 = {instancePath:instancePath+"/nodePools/" + i1+"/arch",schemaPath:"#/definitions/nodePool/properties/arch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/nodePools/" + i1+"/arch",schemaPath:"#/definitions/nodePool/properties/arch/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data4.os !== undefined){let data7 = data4.os;if(typeof data7 === "string"){if(func3(data7) < 1){const err17 = {instancePath:instancePath+"/nodePools/" + i1+"/os",schemaPath:"#/definitions/nodePool/properties/os/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/nodePools/" + i1+"/os",schemaPath:"#/definitions/nodePool/properties/os/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data4.variant !== undefined){let data8 = data4.variant;if(typeof data8 === "string"){if(func3(data8) < 1){const err19 = {instancePath:instancePath+"/nodePools/" + i1+"/variant",schemaPath:"#/definitions/nodePool/properties/variant/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/nodePools/" + i1+"/variant",schemaPath:"#/definitions/nodePool/properties/variant/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data4.osVersion !== undefined){let data9 = data4.osVersion;if(typeof data9 === "string"){if(func3(data9) < 1){const err21 = {instancePath:instancePath+"/nodePools/" + i1+"/osVersion",schemaPath:"#/definitions/nodePool/properties/osVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/nodePools/" + i1+"/osVersion",schemaPath:"#/definitions/nodePool/properties/osVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data4.aarch32 !== undefined){if(typeof data4.aarch32 !== "boolean"){const err23 = {instancePath:instancePath+"/nodePools/" + i1+"/aarch32",schemaPath:"#/definitions/nodePool/properties/aarch32/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data4.labels !== undefined){let data11 = data4.labels;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key2 in data11){if(typeof data11[key2] !== "string"){const err24 = {instancePath:instancePath+"/nodePools/" + i1+"/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/nodePool/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/nodePools/" + i1+"/labels",schemaPath:"#/definitions/nodePool/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data4.taints !== undefined){let data13 = data4.taints;if(Array.isArray(data13)){const len2 = data13.length;for(let i2=0; i2<len2; i2++){let data14 = data13[i2];if(data14 && typeof data14 == "object" && !Array.isArray(data14)){if(data14.key === undefined){const err26 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2,schemaPath:"#/definitions/nodePool/properties/taints/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(data14.effect === undefined){const err27 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2,schemaPath:"#/definitions/nodePool/properties/taints/items/required",keyword:"required",params:{missingProperty: "effect"},message:"must have required property '"+"effect"+"'"};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}for(const key3 in data14){if(!(((key3 === "key") || (key3 === "value")) || (key3 === "effect"))){const err28 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2,schemaPath:"#/definitions/nodePool/properties/taints/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data14.key !== undefined){let data15 = data14.key;if(typeof data15 === "string"){if(func3(data15) < 1){const err29 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2+"/key",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}else {const err30 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2+"/key",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data14.value !== undefined){if(typeof data14.value !== "string"){const err31 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2+"/value",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data14.effect !== undefined){let data17 = data14.effect;if(!(((data17 === "NoSchedule") || (data17 === "PreferNoSchedule")) || (data17 === "NoExecute"))){const err32 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2+"/effect",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/effect/enum",keyword:"enum",params:{allowedValues: schema13.properties.taints.items.properties.effect.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/nodePools/" + i1+"/taints/" + i2,schemaPath:"#/definitions/nodePool/properties/taints/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/nodePools/" + i1+"/taints",schemaPath:"#/definitions/nodePool/properties/taints/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath:instancePath+"/nodePools/" + i1,schemaPath:"#/definitions/nodePool/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}}else {const err36 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/then/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}var _valid0 = _errs12 === errors;valid3 = _valid0;ifClause0 = "then";}else {const _errs45 = errors;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.from === undefined){const err37 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/else/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'"};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}for(const key4 in data3){if(!((key4 === "from") || (key4 === "pools"))){const err38 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/else/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data3.from !== undefined){let data18 = data3.from;if(Array.isArray(data18)){if(data18.length < 1){const err39 = {instancePath:instancePath+"/nodePools/from",schemaPath:"#/properties/nodePools/else/properties/from/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}const len3 = data18.length;for(let i3=0; i3<len3; i3++){let data19 = data18[i3];if(typeof data19 === "string"){if(func3(data19) < 1){const err40 = {instancePath:instancePath+"/nodePools/from/" + i3,schemaPath:"#/properties/nodePools/else/properties/from/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}else {const err41 = {instancePath:instancePath+"/nodePools/from/" + i3,schemaPath:"#/properties/nodePools/else/properties/from/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}else {const err42 = {instancePath:instancePath+"/nodePools/from",schemaPath:"#/properties/nodePools/else/properties/from/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data3.pools !== undefined){let data20 = data3.pools;if(Array.isArray(data20)){const len4 = data20.length;for(let i4=0; i4<len4; i4++){let data21 = data20[i4];if(data21 && typeof data21 == "object" && !Array.isArray(data21)){if(data21.name === undefined){const err43 = {instancePath:instancePath+"/nodePools/pools/" + i4,schemaPath:"#/definitions/nodePool/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if(data21.arch === undefined){const err44 = {instancePath:instancePath+"/nodePools/pools/" + i4,schemaPath:"#/definitions/nodePool/required",keyword:"required",params:{missingProperty: "arch"},message:"must have required property '"+"arch"+"'"};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}for(const key5 in data21){if(!((((((((key5 === "name") || (key5 === "arch")) || (key5 === "os")) || (key5 === "variant")) || (key5 === "osVersion")) || (key5 === "aarch32")) || (key5 === "labels")) || (key5 === "taints"))){const err45 = {instancePath:instancePath+"/nodePools/pools/" + i4,schemaPath:"#/definitions/nodePool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data21.name !== undefined){let data22 = data21.name;if(typeof data22 === "string"){if(func3(data22) < 1){const err46 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/name",schemaPath:"#/definitions/nodePool/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}else {const err47 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/name",schemaPath:"#/definitions/nodePool/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data21.arch !== undefined){let data23 = data21.arch;if(typeof data23 === "string"){if(func3(data23) < 1){const err48 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/arch",schemaPath:"#/definitions/nodePool/properties/arch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/arch",schemaPath:"#/definitions/nodePool/properties/arch/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data21.os !== undefined){let data24 = data21.os;if(typeof data24 === "string"){if(func3(data24) < 1){const err50 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/os",schemaPath:"#/definitions/nodePool/properties/os/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/os",schemaPath:"#/definitions/nodePool/properties/os/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data21.variant !== undefined){let data25 = data21.variant;if(typeof data25 === "string"){if(func3(data25) < 1){const err52 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/variant",schemaPath:"#/definitions/nodePool/properties/variant/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}else {const err53 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/variant",schemaPath:"#/definitions/nodePool/properties/variant/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data21.osVersion !== undefined){let data26 = data21.osVersion;if(typeof data26 === "string"){if(func3(data26) < 1){const err54 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/osVersion",schemaPath:"#/definitions/nodePool/properties/osVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}else {const err55 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/osVersion",schemaPath:"#/definitions/nodePool/properties/osVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}if(data21.aarch32 !== undefined){if(typeof data21.aarch32 !== "boolean"){const err56 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/aarch32",schemaPath:"#/definitions/nodePool/properties/aarch32/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data21.labels !== undefined){let data28 = data21.labels;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key6 in data28){if(typeof data28[key6] !== "string"){const err57 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/labels/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/nodePool/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}}else {const err58 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/labels",schemaPath:"#/definitions/nodePool/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}if(data21.taints !== undefined){let data30 = data21.taints;if(Array.isArray(data30)){const len5 = data30.length;for(let i5=0; i5<len5; i5++){let data31 = data30[i5];if(data31 && typeof data31 == "object" && !Array.isArray(data31)){if(data31.key === undefined){const err59 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5,schemaPath:"#/definitions/nodePool/properties/taints/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}if(data31.effect === undefined){const err60 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5,schemaPath:"#/definitions/nodePool/properties/taints/items/required",keyword:"required",params:{missingProperty: "effect"},message:"must have required property '"+"effect"+"'"};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}for(const key7 in data31){if(!(((key7 === "key") || (key7 === "value")) || (key7 === "effect"))){const err61 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5,schemaPath:"#/definitions/nodePool/properties/taints/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data31.key !== undefined){let data32 = data31.key;if(typeof data32 === "string"){if(func3(data32) < 1){const err62 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5+"/key",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}else {const err63 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5+"/key",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}if(data31.value !== undefined){if(typeof data31.value !== "string"){const err64 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5+"/value",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data31.effect !== undefined){let data34 = data31.effect;if(!(((data34 === "NoSchedule") || (data34 === "PreferNoSchedule")) || (data34 === "NoExecute"))){const err65 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5+"/effect",schemaPath:"#/definitions/nodePool/properties/taints/items/properties/effect/enum",keyword:"enum",params:{allowedValues: schema13.properties.taints.items.properties.effect.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}}else {const err66 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints/" + i5,schemaPath:"#/definitions/nodePool/properties/taints/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}}else {const err67 = {instancePath:instancePath+"/nodePools/pools/" + i4+"/taints",schemaPath:"#/definitions/nodePool/properties/taints/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}}else {const err68 = {instancePath:instancePath+"/nodePools/pools/" + i4,schemaPath:"#/definitions/nodePool/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}}else {const err69 = {instancePath:instancePath+"/nodePools/pools",schemaPath:"#/properties/nodePools/else/properties/pools/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}}else {const err70 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/else/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}var _valid0 = _errs45 === errors;valid3 = _valid0;ifClause0 = "else";}if(!valid3){const err71 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}if(data.admission !== undefined){let data35 = data.admission;if(data35 && typeof data35 == "object" && !Array.isArray(data35)){for(const key8 in data35){if(!((key8 === "gkeArm64Toleration") || (key8 === "runtimeClasses"))){const err72 = {instancePath:instancePath+"/admission",schemaPath:"#/properties/admission/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data35.gkeArm64Toleration !== undefined){if(typeof data35.gkeArm64Toleration !== "boolean"){const err73 = {instancePath:instancePath+"/admission/gkeArm64Toleration",schemaPath:"#/properties/admission/properties/gkeArm64Toleration/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}if(data35.runtimeClasses !== undefined){if(typeof data35.runtimeClasses !== "boolean"){const err74 = {instancePath:instancePath+"/admission/runtimeClasses",schemaPath:"#/properties/admission/properties/runtimeClasses/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath:instancePath+"/admission",schemaPath:"#/properties/admission/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}}else {const err76 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}validate11.errors = vErrors;return errors === 0;}const pattern0 = new RegExp("^(oci:.+|https?://.+)$", "u");const pattern1 = new RegExp("^ARCHCHECK_[A-Za-z0-9_]+$", "u");const pattern4 = new RegExp("^[^-]", "u");const pattern6 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://raw.githubusercontent.com/archcheck/archcheck/main/schema/archcheck.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.clusters !== undefined){let data0 = data.clusters;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){if(!(validate11(data0[i0], {instancePath:instancePath+"/clusters/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err1 = {instancePath:instancePath+"/clusters",schemaPath:"#/properties/clusters/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.include !== undefined){let data2 = data.include;if(Array.isArray(data2)){const len1 = data2.length;for(let i1=0; i1<len1; i1++){let data3 = data2[i1];if(typeof data3 === "string"){if(func3(data3) < 1){const err2 = {instancePath:instancePath+"/include/" + i1,schemaPath:"#/properties/include/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/include/" + i1,schemaPath:"#/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.exclude !== undefined){let data4 = data.exclude;if(Array.isArray(data4)){const len2 = data4.length;for(let i2=0; i2<len2; i2++){let data5 = data4[i2];if(typeof data5 === "string"){if(func3(data5) < 1){const err5 = {instancePath:instancePath+"/exclude/" + i2,schemaPath:"#/properties/exclude/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/exclude/" + i2,schemaPath:"#/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/exclude",schemaPath:"#/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.registries !== undefined){let data6 = data.registries;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){for(const key1 in data6){if(!(((((key1 === "mirrors") || (key1 === "credentials")) || (key1 === "concurrency")) || (key1 === "timeoutSeconds")) || (key1 === "deadlineSeconds"))){const err8 = {instancePath:instancePath+"/registries",schemaPath:"#/properties/registries/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data6.mirrors !== undefined){let data7 = data6.mirrors;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key2 in data7){let data8 = data7[key2];if(typeof data8 === "string"){if(!pattern0.test(data8)){const err9 = {instancePath:instancePath+"/registries/mirrors/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/registries/properties/mirrors/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^(oci:.+|https?://.+)$"},message:"must match pattern \""+"^(oci:.+|https?://.+)$"+"\""};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/registries/mirrors/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/registries/properties/mirrors/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/registries/mirrors",schemaPath:"#/properties/registries/properties/mirrors/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data6.credentials !== undefined){let data9 = data6.credentials;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){for(const key3 in data9){let data10 = data9[key3];if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key4 in data10){if(!(((key4 === "usernameEnv") || (key4 === "passwordEnv")) || (key4 === "tokenEnv"))){const err12 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/registries/properties/credentials/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data10.usernameEnv !== undefined){let data11 = data10.usernameEnv;if(typeof data11 === "string"){if(!pattern1.test(data11)){const err13 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/usernameEnv",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^ARCHCHECK_[A-Za-z0-9_]+$"},message:"must match pattern \""+"^ARCHCHECK_[A-Za-z0-9_]+$"+"\""};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/usernameEnv",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data10.passwordEnv !== undefined){let data12 = data10.passwordEnv;if(typeof data12 === "string"){if(!pattern1.test(data12)){const err15 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/passwordEnv",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^ARCHCHECK_[A-Za-z0-9_]+$"},message:"must match pattern \""+"^ARCHCHECK_[A-Za-z0-9_]+$"+"\""};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/passwordEnv",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data10.tokenEnv !== undefined){let data13 = data10.tokenEnv;if(typeof data13 === "string"){if(!pattern1.test(data13)){const err17 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^ARCHCHECK_[A-Za-z0-9_]+$"},message:"must match pattern \""+"^ARCHCHECK_[A-Za-z0-9_]+$"+"\""};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/registries/credentials/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/registries/properties/credentials/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/registries/credentials",schemaPath:"#/properties/registries/properties/credentials/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data6.concurrency !== undefined){let data14 = data6.concurrency;if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){const err21 = {instancePath:instancePath+"/registries/concurrency",schemaPath:"#/properties/registries/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(typeof data14 == "number"){if(data14 > 64 || isNaN(data14)){const err22 = {instancePath:instancePath+"/registries/concurrency",schemaPath:"#/properties/registries/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(data14 < 1 || isNaN(data14)){const err23 = {instancePath:instancePath+"/registries/concurrency",schemaPath:"#/properties/registries/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}if(data6.timeoutSeconds !== undefined){let data15 = data6.timeoutSeconds;if(typeof data15 == "number"){if(data15 > 2147483 || isNaN(data15)){const err24 = {instancePath:instancePath+"/registries/timeoutSeconds",schemaPath:"#/properties/registries/properties/timeoutSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if(data15 <= 0 || isNaN(data15)){const err25 = {instancePath:instancePath+"/registries/timeoutSeconds",schemaPath:"#/properties/registries/properties/timeoutSeconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/registries/timeoutSeconds",schemaPath:"#/properties/registries/properties/timeoutSeconds/type",keyword:"type",params:{type: "number"},message:"must be number"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data6.deadlineSeconds !== undefined){let data16 = data6.deadlineSeconds;if(typeof data16 == "number"){if(data16 > 2147483 || isNaN(data16)){const err27 = {instancePath:instancePath+"/registries/deadlineSeconds",schemaPath:"#/properties/registries/properties/deadlineSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483"};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if(data16 <= 0 || isNaN(data16)){const err28 = {instancePath:instancePath+"/registries/deadlineSeconds",schemaPath:"#/properties/registries/properties/deadlineSeconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}else {const err29 = {instancePath:instancePath+"/registries/deadlineSeconds",schemaPath:"#/properties/registries/properties/deadlineSeconds/type",keyword:"type",params:{type: "number"},message:"must be number"};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/registries",schemaPath:"#/properties/registries/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data.helm !== undefined){let data17 = data.helm;if(Array.isArray(data17)){const len3 = data17.length;for(let i3=0; i3<len3; i3++){let data18 = data17[i3];if(data18 && typeof data18 == "object" && !Array.isArray(data18)){if(data18.chart === undefined){const err31 = {instancePath:instancePath+"/helm/" + i3,schemaPath:"#/definitions/helmChart/required",keyword:"required",params:{missingProperty: "chart"},message:"must have required property '"+"chart"+"'"};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}for(const key5 in data18){if(!(((((((key5 === "chart") || (key5 === "release")) || (key5 === "namespace")) || (key5 === "version")) || (key5 === "values")) || (key5 === "set")) || (key5 === "cluster"))){const err32 = {instancePath:instancePath+"/helm/" + i3,schemaPath:"#/definitions/helmChart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data18.chart !== undefined){let data19 = data18.chart;if(typeof data19 === "string"){if(func3(data19) < 1){const err33 = {instancePath:instancePath+"/helm/" + i3+"/chart",schemaPath:"#/definitions/helmChart/properties/chart/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}if(!pattern4.test(data19)){const err34 = {instancePath:instancePath+"/helm/" + i3+"/chart",schemaPath:"#/definitions/helmChart/properties/chart/pattern",keyword:"pattern",params:{pattern: "^[^-]"},message:"must match pattern \""+"^[^-]"+"\""};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}else {const err35 = {instancePath:instancePath+"/helm/" + i3+"/chart",schemaPath:"#/definitions/helmChart/properties/chart/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data18.release !== undefined){let data20 = data18.release;if(typeof data20 === "string"){if(func3(data20) < 1){const err36 = {instancePath:instancePath+"/helm/" + i3+"/release",schemaPath:"#/definitions/helmChart/properties/release/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}if(!pattern4.test(data20)){const err37 = {instancePath:instancePath+"/helm/" + i3+"/release",schemaPath:"#/definitions/helmChart/properties/release/pattern",keyword:"pattern",params:{pattern: "^[^-]"},message:"must match pattern \""+"^[^-]"+"\""};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/helm/" + i3+"/release",schemaPath:"#/definitions/helmChart/properties/release/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data18.namespace !== undefined){let data21 = data18.namespace;if(typeof data21 === "string"){if(func3(data21) < 1){const err39 = {instancePath:instancePath+"/helm/" + i3+"/namespace",schemaPath:"#/definitions/helmChart/properties/namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}else {const err40 = {instancePath:instancePath+"/helm/" + i3+"/namespace",schemaPath:"#/definitions/helmChart/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data18.version !== undefined){let data22 = data18.version;if(typeof data22 === "string"){if(func3(data22) < 1){const err41 = {instancePath:instancePath+"/helm/" + i3+"/version",schemaPath:"#/definitions/helmChart/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}else {const err42 = {instancePath:instancePath+"/helm/" + i3+"/version",schemaPath:"#/definitions/helmChart/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data18.values !== undefined){let data23 = data18.values;if(Array.isArray(data23)){const len4 = data23.length;for(let i4=0; i4<len4; i4++){let data24 = data23[i4];if(typeof data24 === "string"){if(func3(data24) < 1){const err43 = {instancePath:instancePath+"/helm/" + i3+"/values/" + i4,schemaPath:"#/definitions/helmChart/properties/values/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}else {const err44 = {instancePath:instancePath+"/helm/" + i3+"/values/" + i4,schemaPath:"#/definitions/helmChart/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/helm/" + i3+"/values",schemaPath:"#/definitions/helmChart/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data18.set !== undefined){let data25 = data18.set;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){for(const key6 in data25){let data26 = data25[key6];if(((typeof data26 !== "string") && (!(typeof data26 == "number"))) && (typeof data26 !== "boolean")){const err46 = {instancePath:instancePath+"/helm/" + i3+"/set/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/helmChart/properties/set/additionalProperties/type",keyword:"type",params:{type: schema18.properties.set.additionalProperties.type},message:"must be string,number,boolean"};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath:instancePath+"/helm/" + i3+"/set",schemaPath:"#/definitions/helmChart/properties/set/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data18.cluster !== undefined){let data27 = data18.cluster;if(typeof data27 === "string"){if(func3(data27) < 1){const err48 = {instancePath:instancePath+"/helm/" + i3+"/cluster",schemaPath:"#/definitions/helmChart/properties/cluster/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/helm/" + i3+"/cluster",schemaPath:"#/definitions/helmChart/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath:instancePath+"/helm/" + i3,schemaPath:"#/definitions/helmChart/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}else {const err51 = {instancePath:instancePath+"/helm",schemaPath:"#/properties/helm/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data.kustomize !== undefined){let data28 = data.kustomize;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key7 in data28){if(!((((key7 === "enabled") || (key7 === "roots")) || (key7 === "loadRestrictor")) || (key7 === "command"))){const err52 = {instancePath:instancePath+"/kustomize",schemaPath:"#/properties/kustomize/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data28.enabled !== undefined){if(typeof data28.enabled !== "boolean"){const err53 = {instancePath:instancePath+"/kustomize/enabled",schemaPath:"#/properties/kustomize/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data28.roots !== undefined){let data30 = data28.roots;if(Array.isArray(data30)){const len5 = data30.length;for(let i5=0; i5<len5; i5++){let data31 = data30[i5];if(typeof data31 === "string"){if(func3(data31) < 1){const err54 = {instancePath:instancePath+"/kustomize/roots/" + i5,schemaPath:"#/properties/kustomize/properties/roots/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}else {const err55 = {instancePath:instancePath+"/kustomize/roots/" + i5,schemaPath:"#/properties/kustomize/properties/roots/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}}else {const err56 = {instancePath:instancePath+"/kustomize/roots",schemaPath:"#/properties/kustomize/properties/roots/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data28.loadRestrictor !== undefined){if(!(data28.loadRestrictor === "rootOnly")){const err57 = {instancePath:instancePath+"/kustomize/loadRestrictor",schemaPath:"#/properties/kustomize/properties/loadRestrictor/enum",keyword:"enum",params:{allowedValues: schema11.properties.kustomize.properties.loadRestrictor.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}if(data28.command !== undefined){let data33 = data28.command;if(!(((data33 === "auto") || (data33 === "kustomize")) || (data33 === "kubectl"))){const err58 = {instancePath:instancePath+"/kustomize/command",schemaPath:"#/properties/kustomize/properties/command/enum",keyword:"enum",params:{allowedValues: schema11.properties.kustomize.properties.command.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}}else {const err59 = {instancePath:instancePath+"/kustomize",schemaPath:"#/properties/kustomize/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data.deep !== undefined){if(typeof data.deep !== "boolean"){const err60 = {instancePath:instancePath+"/deep",schemaPath:"#/properties/deep/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data.rules !== undefined){let data35 = data.rules;if(data35 && typeof data35 == "object" && !Array.isArray(data35)){for(const key8 in data35){const _errs82 = errors;if(!(((((((((((((((key8 === "image-arch-mismatch") || (key8 === "no-eligible-nodes")) || (key8 === "workload-not-checked")) || (key8 === "invalid-image-reference")) || (key8 === "image-not-found")) || (key8 === "image-unresolved")) || (key8 === "digest-mismatch")) || (key8 === "deprecated-arch-label")) || (key8 === "mutable-image-tag")) || (key8 === "yaml-parse-error")) || (key8 === "render-error")) || (key8 === "kustomize-image-unused")) || (key8 === "image-platform-mislabeled")) || (key8 === "binary-arch-mismatch")) || (key8 === "deep-check-incomplete"))){const err61 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.propertyNames.enum},message:"must be equal to one of the allowed values",propertyName:key8};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}var valid24 = _errs82 === errors;if(!valid24){const err62 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key8},message:"property name must be valid"};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}for(const key9 in data35){let data36 = data35[key9];if(!((((data36 === "off") || (data36 === "error")) || (data36 === "warning")) || (data36 === "notice"))){const err63 = {instancePath:instancePath+"/rules/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.additionalProperties.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}}else {const err64 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data.ignore !== undefined){let data37 = data.ignore;if(Array.isArray(data37)){const len6 = data37.length;for(let i6=0; i6<len6; i6++){let data38 = data37[i6];if(data38 && typeof data38 == "object" && !Array.isArray(data38)){if(data38.rule === undefined){const err65 = {instancePath:instancePath+"/ignore/" + i6,schemaPath:"#/definitions/ignoreEntry/required",keyword:"required",params:{missingProperty: "rule"},message:"must have required property '"+"rule"+"'"};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}for(const key10 in data38){if(!((((((key10 === "rule") || (key10 === "workload")) || (key10 === "image")) || (key10 === "paths")) || (key10 === "reason")) || (key10 === "expires"))){const err66 = {instancePath:instancePath+"/ignore/" + i6,schemaPath:"#/definitions/ignoreEntry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data38.rule !== undefined){let data39 = data38.rule;if(typeof data39 === "string"){if(func3(data39) < 1){const err67 = {instancePath:instancePath+"/ignore/" + i6+"/rule",schemaPath:"#/definitions/ignoreEntry/properties/rule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}else {const err68 = {instancePath:instancePath+"/ignore/" + i6+"/rule",schemaPath:"#/definitions/ignoreEntry/properties/rule/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}if(data38.workload !== undefined){let data40 = data38.workload;if(typeof data40 === "string"){if(func3(data40) < 1){const err69 = {instancePath:instancePath+"/ignore/" + i6+"/workload",schemaPath:"#/definitions/ignoreEntry/properties/workload/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}else {const err70 = {instancePath:instancePath+"/ignore/" + i6+"/workload",schemaPath:"#/definitions/ignoreEntry/properties/workload/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}if(data38.image !== undefined){let data41 = data38.image;if(typeof data41 === "string"){if(func3(data41) < 1){const err71 = {instancePath:instancePath+"/ignore/" + i6+"/image",schemaPath:"#/definitions/ignoreEntry/properties/image/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}else {const err72 = {instancePath:instancePath+"/ignore/" + i6+"/image",schemaPath:"#/definitions/ignoreEntry/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data38.paths !== undefined){let data42 = data38.paths;if(Array.isArray(data42)){const len7 = data42.length;for(let i7=0; i7<len7; i7++){let data43 = data42[i7];if(typeof data43 === "string"){if(func3(data43) < 1){const err73 = {instancePath:instancePath+"/ignore/" + i6+"/paths/" + i7,schemaPath:"#/definitions/ignoreEntry/properties/paths/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}else {const err74 = {instancePath:instancePath+"/ignore/" + i6+"/paths/" + i7,schemaPath:"#/definitions/ignoreEntry/properties/paths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath:instancePath+"/ignore/" + i6+"/paths",schemaPath:"#/definitions/ignoreEntry/properties/paths/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}if(data38.reason !== undefined){let data44 = data38.reason;if(typeof data44 === "string"){if(func3(data44) < 1){const err76 = {instancePath:instancePath+"/ignore/" + i6+"/reason",schemaPath:"#/definitions/ignoreEntry/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}else {const err77 = {instancePath:instancePath+"/ignore/" + i6+"/reason",schemaPath:"#/definitions/ignoreEntry/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}if(data38.expires !== undefined){let data45 = data38.expires;if(typeof data45 === "string"){if(!pattern6.test(data45)){const err78 = {instancePath:instancePath+"/ignore/" + i6+"/expires",schemaPath:"#/definitions/ignoreEntry/properties/expires/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"+"\""};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}else {const err79 = {instancePath:instancePath+"/ignore/" + i6+"/expires",schemaPath:"#/definitions/ignoreEntry/properties/expires/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}}else {const err80 = {instancePath:instancePath+"/ignore/" + i6,schemaPath:"#/definitions/ignoreEntry/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}}else {const err81 = {instancePath:instancePath+"/ignore",schemaPath:"#/properties/ignore/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}}else {const err82 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}validate10.errors = vErrors;return errors === 0;}


/***/ })

};
