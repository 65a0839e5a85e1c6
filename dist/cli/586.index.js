export const id = 586;
export const ids = [586];
export const modules = {

/***/ 4319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _images_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3935);


/**
 * A finding's identity across commits: rule, cluster, workload kind/namespace/name, container, image repository
 * (not the tag or digest: a version bump keeps it) and the platforms at issue. Lines are left out, so moved
 * lines keep it, and so is the file when there is a workload, so renamed files do too; a finding about no
 * workload (a parse error) has nothing else that names it, so its file is kept.
 */
function fingerprint(f) {
    const identity = [
        f.rule,
        f.cluster ?? '',
        f.workload
            ? `${f.workload.kind}/${f.workload.namespace ?? ''}/${f.workload.name}`
            : `file:${f.file ?? ''}`,
        f.container ?? '',
        f.image ? repository(f.image) : '',
        [...(f.platforms ?? [])].sort().join(','),
    ];
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}
function repository(image) {
    const parsed = (0,_images_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(image);
    return parsed.ok ? `${parsed.ref.registry}/${parsed.ref.repository}` : image;
}


/***/ }),

/***/ 3935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KN: () => (/* binding */ canonicalImage),
  RB: () => (/* binding */ isMutableTag),
  o_: () => (/* binding */ parseImageReference)
});

// UNUSED EXPORTS: formatImageRef

;// CONCATENATED MODULE: ./src/images/grammar.ts
/**
 * The pieces of the image reference grammar, each checked on its own so a failure can name the part that
 * is wrong. The patterns are those of distribution/reference regexp.go (v0.6):
 * https://github.com/distribution/reference/blob/v0.6.0/regexp.go
 * Every check returns `undefined` when the part is valid, else a reason for a person.
 *
 * Why piecewise rather than one anchored `ReferenceRegexp`: Go's RE2 is linear on any input, a JavaScript
 * backtracking engine is not, and one big pattern can only say "invalid reference format".
 */
/** `RepositoryNameTotalLengthMax`: since distribution/reference#9 it bounds the path only, not the domain. */
const REPOSITORY_NAME_MAX = 255;
/** `tag = [\w][\w.-]{0,127}` (from docker/docker graph/tags.go): 128 characters at most. */
const TAG = /^[\w][\w.-]{0,127}$/;
const TAG_MAX = 128;
/**
 * `pathComponent = alphanumeric (separator alphanumeric)*` with `alphanumeric = [a-z0-9]+` and
 * `separator = [._]|__|[-]+` (one period, one or two underscores, any number of dashes).
 */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** `domainNameComponent = [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`: a DNS label, case kept. */
const DOMAIN_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
/** `ipv6address = \[(?:[a-fA-F0-9:]+)\]`: no zone identifiers, no IPv4-mapped forms. */
const IPV6 = /^\[[a-fA-F0-9:]+\]$/;
/** `optionalPort = (?::[0-9]+)?`: digits only; the grammar sets no range. */
const PORT = /^[0-9]+$/;
/**
 * `digestPat = [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`, split at the
 * first `:` into its algorithm and its hex.
 */
const DIGEST_ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/;
const XDIGITS = /^[0-9a-fA-F]+$/;
const DIGEST_HEX_MIN = 32;
/**
 * The algorithms `digest.Parse` accepts in Docker (opencontainers/go-digest algorithm.go: sha256, sha384,
 * sha512, lowercase hex only), with the hex length each needs.
 * https://github.com/opencontainers/go-digest/blob/v1.0.0/algorithm.go
 */
const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
/** `identifier = [a-f0-9]{64}`: ParseNormalizedNamed refuses it, as it is an image ID, not a name. */
const IDENTIFIER = /^[a-f0-9]{64}$/;
/**
 * Quotes a value for a message, JSON-style, so spaces, tabs and empty strings stay visible; a value past
 * 200 characters is cut so one absurd manifest value cannot flood a report.
 */
const q = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 197)}...` : value);
/** The first character that no production of the part allows, for a message that points at it. */
function firstBadChar(value, allowed) {
    for (const ch of value)
        if (!allowed.test(ch))
            return ch;
    return undefined;
}
/** Checks `host[:port]` as `domainAndPort` defines it (`host = domainName | ipv6address`). */
function checkDomain(domain) {
    let host = domain;
    let port;
    if (domain.startsWith('[')) {
        const close = domain.indexOf(']');
        if (close < 0)
            return `invalid registry host ${q(domain)}: IPv6 address has no closing "]"`;
        host = domain.slice(0, close + 1);
        const rest = domain.slice(close + 1);
        if (rest !== '') {
            if (!rest.startsWith(':'))
                return `invalid registry host ${q(domain)}: unexpected ${q(rest)} after "]"`;
            port = rest.slice(1);
        }
        if (!IPV6.test(host))
            return `invalid registry host ${q(domain)}: IPv6 address may hold only hex digits and ":"`;
    }
    else {
        const colon = domain.indexOf(':');
        if (colon >= 0) {
            host = domain.slice(0, colon);
            port = domain.slice(colon + 1);
        }
        for (const label of host.split('.')) {
            if (label === '')
                return `invalid registry host ${q(domain)}: empty label in ${q(host)}`;
            if (DOMAIN_LABEL.test(label))
                continue;
            const bad = firstBadChar(label, /[a-zA-Z0-9-]/);
            return bad === undefined
                ? `invalid registry host ${q(domain)}: label ${q(label)} must not start or end with "-"`
                : `invalid registry host ${q(domain)}: character ${q(bad)} is not allowed in a host name`;
        }
    }
    if (port !== undefined && !PORT.test(port)) {
        return `invalid registry host ${q(domain)}: port ${q(port)} must be digits`;
    }
    return undefined;
}
/** Checks one `/`-separated component of the repository path (lowercase already checked). */
function checkPathComponent(component, path) {
    if (PATH_COMPONENT.test(component))
        return undefined;
    const where = `invalid repository name ${q(path)}`;
    if (component === '')
        return `${where}: empty path component (a leading, trailing or doubled "/")`;
    const bad = firstBadChar(component, /[a-z0-9._-]/);
    if (bad !== undefined)
        return `${where}: character ${q(bad)} is not allowed in ${q(component)}`;
    if (!/^[a-z0-9]/.test(component) || !/[a-z0-9]$/.test(component)) {
        return `${where}: component ${q(component)} must start and end with a lowercase letter or digit`;
    }
    return (`${where}: component ${q(component)} has an invalid separator ` +
        `(allowed between letters and digits: one ".", one or two "_", or any number of "-")`);
}
/** Checks a tag: `[\w][\w.-]{0,127}`. */
function checkTag(tag) {
    if (TAG.test(tag))
        return undefined;
    const where = `invalid tag ${q(tag)}`;
    if (tag === '')
        return `${where}: nothing after ":"`;
    const bad = firstBadChar(tag, /[\w.-]/);
    if (bad !== undefined)
        return `${where}: character ${q(bad)} is not allowed in a tag`;
    if (!/^\w/.test(tag))
        return `${where}: a tag must start with a letter, digit or "_"`;
    return `${where}: tag is ${tag.length} characters, at most ${TAG_MAX} are allowed`;
}
/** Checks a digest against the reference grammar, then as go-digest's `Digest.Validate` does. */
function checkDigest(digest) {
    const where = `invalid digest ${q(digest)}`;
    const colon = digest.indexOf(':');
    if (colon < 0)
        return `${where}: expected algorithm:hex, such as sha256:<64 hex digits>`;
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    if (!DIGEST_ALGORITHM.test(algorithm))
        return `${where}: invalid algorithm ${q(algorithm)}`;
    if (!XDIGITS.test(hex)) {
        const bad = firstBadChar(hex, /[0-9a-fA-F]/);
        return bad === undefined ? `${where}: no hex after ":"` : `${where}: ${q(bad)} is not a hex digit`;
    }
    const needed = DIGEST_HEX_LENGTH[algorithm];
    if (needed === undefined) {
        if (hex.length < DIGEST_HEX_MIN)
            return `${where}: at least ${DIGEST_HEX_MIN} hex digits are required`;
        return `${where}: unsupported digest algorithm ${q(algorithm)} (supported: sha256, sha384, sha512)`;
    }
    if (hex.length !== needed) {
        return `${where}: digest has ${hex.length} hex digits, ${algorithm} needs ${needed}`;
    }
    if (hex !== hex.toLowerCase())
        return `${where}: ${algorithm} hex must be lowercase`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/images/placeholders.ts
/**
 * Strings that stand where an image will be once some tool has run: templates, environment variables,
 * printf formats, ko import paths. They are not references, and saying "invalid reference format" about
 * them would send the user looking in the wrong place, so each gets its own kind and remediation.
 * None of `{`, `$`, `%`, `*`, `?` is allowed anywhere in the reference grammar, so these checks never claim a
 * string that would have parsed.
 */
/** ko's `StrictScheme` for "build this Go import path": https://github.com/ko-build/ko/blob/v0.15.2/pkg/build/strict.go */
const KO_PREFIX = 'ko://';
/** `{{ ... }}`: Helm and Go text/template, also Argo Workflows parameters and mustache. */
const TEMPLATE = /\{\{[\s\S]*?\}\}|\{\{/;
/**
 * Tekton variables, set by each TaskRun/PipelineRun: `$(params.x)`, `$(params["x"])`, `$(context.taskRun.name)`,
 * `$(tasks.build.results.url)`. https://tekton.dev/docs/pipelines/variables/ The closing `)` is optional, as in
 * ENV below: a match then never fails after scanning, so unclosed openings cannot make the search quadratic.
 */
const PARAMETER = /\$\((?:params|context|tasks|steps|workspaces|results|inputs)[.[][^)]*\)?/;
/** `${VAR}`, `$VAR` (POSIX shell, envsubst) and `$(VAR)` (kustomize vars, Makefiles). */
const ENV = /\$\{[^}]*\}?|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$[A-Za-z_][A-Za-z0-9_]*/;
/** A Go/C printf verb: `%s`, `%d`, `%v`, `%q`, with optional explicit index, flags, width. */
const PRINTF = /%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[sdvq]/;
/** Policy engines' wildcards (Kyverno's `*` and `?`): a pattern that matches images, not one image. */
const PATTERN = /[*?]/;
/** Shortens what we quote back so a huge value does not flood the report. */
function excerpt(value) {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}
/**
 * The placeholder `image` is, if it is one. Checked in this order because a Helm chart may well contain
 * `${...}` inside its `{{ }}` and the template is what must be dealt with first.
 */
function detectPlaceholder(image) {
    if (image.startsWith(KO_PREFIX)) {
        return {
            kind: 'ko',
            reason: `${excerpt(image)} is a ko build-time import path, not an image reference: it is resolved when ` +
                '`ko` builds and publishes the image (`ko resolve` / `ko apply`); check the manifests ko resolves instead',
        };
    }
    const template = TEMPLATE.exec(image);
    if (template) {
        return {
            kind: 'template',
            reason: `${excerpt(template[0])} is an unrendered Helm/Go template, not an image reference; render the chart ` +
                'first (`helm template`, or the tool that fills it in) and check the rendered manifests',
        };
    }
    const parameter = PARAMETER.exec(image);
    if (parameter) {
        return {
            kind: 'parameter',
            reason: `${excerpt(parameter[0])} is a pipeline parameter, set by each run: the image is not known until then; ` +
                'give the parameter a default (spec.params[].default) to have that image checked',
        };
    }
    const env = ENV.exec(image);
    if (env) {
        return {
            kind: 'env',
            reason: `${excerpt(env[0])} is an environment variable placeholder: environment substitution was not done; ` +
                'run it first (`envsubst` or your deploy tooling) and check the substituted manifests',
        };
    }
    const printf = PRINTF.exec(image);
    if (printf) {
        return {
            kind: 'printf',
            reason: `${excerpt(printf[0])} in ${excerpt(image)} is a printf format verb: this is a format string that a ` +
                'program fills in (for example with the account and region), not an image; check the manifest it generates',
        };
    }
    if (PATTERN.test(image)) {
        return {
            kind: 'pattern',
            reason: `${excerpt(image)} is a wildcard pattern (as policies write to match images), not an image reference`,
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/images/reference.ts


/** distribution/reference normalize.go `defaultDomain`, `legacyDefaultDomain`, `officialRepoPrefix`, `defaultTag`. */
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const LOCALHOST = 'localhost';
const syntax = (reason) => ({ ok: false, kind: 'syntax', reason });
/**
 * distribution/reference normalize.go `splitDockerDomain`: the part before the first `/` is a registry
 * when it is `localhost`, contains `.` or `:` (a host name, IPv4, `host:port`, `[IPv6]:port`), or has an
 * uppercase letter (namespaces are lowercase, so it can only be a host); else the name is on Docker Hub.
 * Docker Hub names of one component live under `library/`; `index.docker.io` is Docker Hub's legacy name.
 * https://github.com/distribution/reference/blob/v0.6.0/normalize.go
 */
function splitDockerDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { domain: DEFAULT_DOMAIN, path: OFFICIAL_REPO_PREFIX + name, explicitDomain: false };
    const first = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    let domain;
    let path;
    let explicitDomain = true;
    if (first === LOCALHOST)
        [domain, path] = [first, rest];
    else if (first === LEGACY_DEFAULT_DOMAIN)
        [domain, path] = [DEFAULT_DOMAIN, rest];
    else if (/[.:]/.test(first) || first.toLowerCase() !== first)
        [domain, path] = [first, rest];
    else
        [domain, path, explicitDomain] = [DEFAULT_DOMAIN, name, false];
    if (domain === DEFAULT_DOMAIN && !path.includes('/'))
        path = OFFICIAL_REPO_PREFIX + path;
    return { domain, path, explicitDomain };
}
/**
 * Parses an image reference the way Docker and Kubernetes runtimes do: distribution/reference's grammar
 * (`reference := name [":" tag] ["@" digest]`, reference.go) with `ParseNormalizedNamed`'s normalization
 * (implicit `docker.io` and `library/`, `index.docker.io`, lowercase repository check), and go-digest's
 * digest validation. Placeholders that some tool fills in later (templates, env vars, printf, `ko://`) get
 * their own failure kind. Never throws.
 * https://github.com/distribution/reference/blob/v0.6.0/reference.go
 *
 * Deliberate differences from Docker, all about inputs Docker accepts only by accident: surrounding
 * whitespace is reported rather than silently failing; a first component taken as a registry must be a
 * valid host (Docker would re-read `foo_bar.com/x` as a registry-less path and then fail to pull it).
 */
function parseImageReference(input) {
    if (typeof input !== 'string')
        return syntax(`image must be a string, got ${typeof input}`);
    if (input.trim() === '') {
        return { ok: false, kind: 'empty', reason: input === '' ? 'image is empty' : 'image is only whitespace' };
    }
    const placeholder = detectPlaceholder(input);
    if (placeholder)
        return { ok: false, kind: placeholder.kind, reason: placeholder.reason };
    if (input !== input.trim()) {
        return syntax(`invalid reference format: leading or trailing whitespace in ${q(input)}; remove it`);
    }
    const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(input);
    if (scheme) {
        return syntax(`invalid reference format: a URL scheme ${q(scheme[0])} is not part of an image reference`);
    }
    if (IDENTIFIER.test(input)) {
        return syntax(`invalid repository name (${input}), cannot specify 64-byte hexadecimal strings: this is an image ID; ` +
            'write repository@sha256:<id> to pin an image by digest');
    }
    return parseReference(input);
}
/** The grammar proper, on a string already known to be no placeholder and free of outer whitespace. */
function parseReference(input) {
    // Neither a name nor a tag may hold "@" or a digest "/", so the split points are unambiguous.
    const at = input.indexOf('@');
    if (at >= 0 && input.indexOf('@', at + 1) >= 0) {
        return syntax(`invalid reference format: more than one "@" in ${q(input)}`);
    }
    const nameAndTag = at >= 0 ? input.slice(0, at) : input;
    const digest = at >= 0 ? input.slice(at + 1) : undefined;
    // A tag follows the last ":" only when no "/" comes after it; an earlier ":" belongs to a registry port.
    const colon = nameAndTag.lastIndexOf(':');
    const hasTag = colon > nameAndTag.lastIndexOf('/');
    const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
    const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
    if (name === '')
        return syntax(`invalid reference format: no repository name in ${q(input)}`);
    const { domain, path, explicitDomain } = splitDockerDomain(name);
    const writtenPath = explicitDomain ? name.slice(name.indexOf('/') + 1) : name;
    // ParseNormalizedNamed checks case before the grammar, so this is the message Docker users know.
    if (path.toLowerCase() !== path) {
        return syntax(`invalid reference format: repository name must be lowercase (${q(writtenPath)})`);
    }
    if (explicitDomain) {
        const bad = checkDomain(domain);
        if (bad)
            return syntax(bad);
    }
    for (const component of path.split('/')) {
        const bad = checkPathComponent(component, writtenPath);
        if (bad)
            return syntax(bad);
    }
    if (tag !== undefined) {
        const bad = checkTag(tag);
        if (bad)
            return syntax(bad);
    }
    // Since distribution/reference#9 only the path counts toward the limit, not the registry host.
    if (path.length > REPOSITORY_NAME_MAX) {
        return syntax(`invalid reference format: repository name must not be more than ${REPOSITORY_NAME_MAX} characters ` +
            `(${q(path)} has ${path.length})`);
    }
    if (digest !== undefined) {
        const bad = checkDigest(digest);
        if (bad)
            return syntax(bad);
    }
    const ref = { registry: domain, repository: path };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return { ok: true, ref };
}
/**
 * The key one image is resolved by: `registry/repository@digest` when pinned (the tag is then ignored, as
 * `ParseDockerRef` does), else `registry/repository:tag`, with `TagNameOnly`'s default tag `latest`.
 * https://github.com/distribution/reference/blob/v0.6.0/normalize.go
 */
function canonicalImage(ref) {
    const name = `${ref.registry}/${ref.repository}`;
    if (ref.digest)
        return `${name}@${ref.digest}`;
    return `${name}:${ref.tag ?? DEFAULT_TAG}`;
}
/** `registry/repository[:tag][@digest]`, as written after normalization (reference.go `reference.String`). */
function formatImageRef(ref) {
    let text = `${ref.registry}/${ref.repository}`;
    if (ref.tag !== undefined)
        text += `:${ref.tag}`;
    if (ref.digest !== undefined)
        text += `@${ref.digest}`;
    return text;
}
/**
 * True when what the reference names can change under you: no digest, and no tag or the tag `latest`
 * (the tag Docker and the kubelet pull when none is written). Other tags can be moved too, but moving
 * them is a publisher's choice; `latest` is moved by design.
 */
function isMutableTag(ref) {
    return !ref.digest && (ref.tag === undefined || ref.tag === DEFAULT_TAG);
}


/***/ }),

/***/ 7586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FORMAT_IDS: () => (/* binding */ FORMAT_IDS),
  REPORTERS: () => (/* binding */ REPORTERS),
  d: () => (/* binding */ isFormatId)
});

// UNUSED EXPORTS: actionFormats

;// CONCATENATED MODULE: ./src/reporters/xml.ts
/**
 * XML 1.0 escaping for the XML reporters (JUnit, Checkstyle). Twenty lines of our own instead of a builder
 * library: we only write elements and attributes, never parse, and every untrusted string passes here.
 */
// XML 1.0 §2.2 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Anything else
// (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed, so it is spelled out instead.
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const TEXT = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// In attributes, parsers turn raw tabs and newlines into spaces (§3.3.3), so they are written as references.
const ATTRIBUTE = {
    ...TEXT,
    '"': '&quot;',
    "'": '&apos;',
    '\n': '&#10;',
    '\t': '&#9;',
};
function visible(s) {
    return s.replace(FORBIDDEN, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
/** Character data: `&`, `<`, `>` escaped; characters XML forbids shown as `\uXXXX`. */
function xmlText(s) {
    return visible(s).replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}
/** An attribute value for a double-quoted attribute, whitespace kept through attribute normalization. */
function xmlAttribute(s) {
    return visible(String(s)).replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE[c] ?? c);
}
/** `name="value"` pairs, skipping undefined values, in the order given. */
function attributes(values) {
    return Object.entries(values)
        .filter((e) => e[1] !== undefined)
        .map(([k, v]) => ` ${k}="${xmlAttribute(v)}"`)
        .join('');
}
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

;// CONCATENATED MODULE: ./src/reporters/checkstyle.ts

/** Checkstyle's severities are error, warning, info and ignore. */
const SEVERITY = { error: 'error', warning: 'warning', notice: 'info' };
/**
 * Checkstyle XML (the format of https://checkstyle.org, read by reviewdog, Jenkins warnings-ng, SonarQube and
 * Bitbucket/Azure plugins): one `<file>` per file checked, one `<error>` per finding. Files with workloads
 * and no finding are listed empty, as Checkstyle lists every audited file, so consumers clear old issues.
 * `source` follows ESLint's checkstyle formatter (`<tool>.rules.<id>`).
 */
function formatCheckstyle(report) {
    const files = new Map();
    for (const f of report.findings) {
        const errors = files.get(f.location.file) ?? [];
        errors.push(`    <error${attributes({
            line: f.location.line,
            column: f.location.column,
            severity: SEVERITY[f.severity],
            message: f.message,
            source: `archcheck.rules.${f.rule}`,
        })}/>`);
        files.set(f.location.file, errors);
    }
    for (const w of report.workloads)
        if (!files.has(w.file))
            files.set(w.file, []);
    const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
    for (const [file, errors] of files) {
        if (errors.length === 0)
            out.push(`  <file${attributes({ name: file })}/>`);
        else
            out.push(`  <file${attributes({ name: file })}>`, ...errors, '  </file>');
    }
    out.push('</checkstyle>');
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(4319);
;// CONCATENATED MODULE: ./src/rules/docs.ts
/** archcheck's repository: SARIF's `informationUri`, and the root of every rule's docs page. */
const REPOSITORY_URL = 'https://github.com/archcheck/archcheck';
/** The page that explains rule `id` (docs/rules/<id>.md, on the default branch; a test keeps one per rule). */
function ruleDocsUrl(id) {
    return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}

;// CONCATENATED MODULE: ./src/reporters/sarif.ts


/**
 * The key under `partialFingerprints`; bump the suffix if the hashed fields ever change. v2 hashes what the
 * baseline does (the image repository, not its tag), so a version bump keeps the alert open instead of closing
 * it and opening a new one.
 */
const FINGERPRINT_KEY = 'archcheckFindingHash/v2';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** SARIF 2.1.0 §3.27.10: `error`, `warning`, `note`. */
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/**
 * Turns a report into a SARIF 2.1.0 log (OASIS SARIF v2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
 * shaped for GitHub code scanning's `upload-sarif`: one run, rules with help text, results whose
 * `physicalLocation.region` is the `image:` value (or selector), and `partialFingerprints` that do not
 * depend on the line, so an alert follows its finding when lines above it move.
 */
function toSarif(report, options) {
    const rules = [...options.rules];
    // Suppressed and baseline findings are results too: SARIF carries `suppressions` and `baselineState`.
    const findings = [...report.findings, ...(report.suppressed ?? []), ...(report.baseline ?? [])];
    const compared = (report.baseline?.length ?? 0) > 0;
    for (const f of findings) {
        // A finding from a rule the caller did not list still needs a descriptor for `ruleIndex`.
        if (!rules.some((r) => r.id === f.rule)) {
            rules.push({
                id: f.rule,
                defaultSeverity: f.severity,
                description: f.rule,
                impact: '',
                remediation: '',
            });
        }
    }
    // Only the listed rules have a docs page; a descriptor made up above gets no helpUri.
    const documented = new Set(options.rules.map((r) => r.id));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const fingerprints = fingerprintAll(findings);
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'archcheck',
                        ...(options.toolVersion
                            ? { version: options.toolVersion, semanticVersion: options.toolVersion }
                            : {}),
                        informationUri: options.informationUri ?? REPOSITORY_URL,
                        rules: rules.map((r) => descriptor(r, documented.has(r.id))),
                    },
                },
                // Our columns count UTF-16 code units (JavaScript string indices), SARIF's default for this kind.
                columnKind: 'utf16CodeUnits',
                results: findings.map((f, i) => result(f, index.get(f.rule) ?? 0, fingerprints[i] ?? '', compared)),
            },
        ],
    };
}
/** The SARIF log as the file `upload-sarif` reads. */
function formatSarif(report, options) {
    return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
function descriptor(rule, documented) {
    const parts = [
        rule.description,
        rule.impact && `Impact: ${rule.impact}`,
        rule.remediation && `Fix: ${rule.remediation}`,
    ];
    const markdown = [
        `**${rule.id}**: ${rule.description}`,
        rule.impact && `**Impact:** ${rule.impact}`,
        rule.remediation && `**How to fix:** ${rule.remediation}`,
    ];
    return {
        id: rule.id,
        name: pascalCase(rule.id),
        shortDescription: { text: rule.description },
        fullDescription: { text: [rule.description, rule.impact].filter(Boolean).join(' ') },
        help: { text: parts.filter(Boolean).join('\n'), markdown: markdown.filter(Boolean).join('\n\n') },
        ...(documented ? { helpUri: ruleDocsUrl(rule.id) } : {}),
        defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
        properties: { tags: ['kubernetes', 'multi-arch'], precision: 'high' },
    };
}
function result(f, ruleIndex, fingerprint, compared) {
    const { file, line, column, endLine, endColumn } = f.location;
    const region = { startLine: line, startColumn: column };
    if (endLine !== undefined && endColumn !== undefined) {
        region.endLine = endLine;
        region.endColumn = endColumn;
    }
    const properties = {};
    if (f.cluster)
        properties.cluster = f.cluster;
    if (f.workload)
        properties.workload = f.workload;
    if (f.container)
        properties.container = f.container;
    if (f.image)
        properties.image = f.image;
    if (f.nodePools?.length)
        properties.nodePools = f.nodePools;
    if (f.platforms?.length)
        properties.platforms = f.platforms;
    return {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' }, region },
            },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        // SARIF 2.1.0 §3.35: `inSource` for comments and annotations in the manifest, `external` for the config.
        ...(f.suppressed
            ? {
                suppressions: [
                    {
                        kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
                        ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
                    },
                ],
            }
            : {}),
        ...(compared ? { baselineState: f.baseline ? 'unchanged' : 'new' } : {}),
        ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
}
/**
 * The baseline's fingerprint of each finding (rule, cluster, workload, container, image repository, platforms;
 * never the line or tag). Findings that share it (two parse errors in one file) are told apart by their order,
 * as CodeQL does with its occurrence suffix.
 */
function fingerprintAll(findings) {
    const seen = new Map();
    return findings.map((f) => {
        const key = (0,fingerprint/* fingerprint */.R)({ ...f, file: f.location.file });
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        return `${key}:${occurrence}`;
    });
}
/** A relative path as a URI reference (RFC 3986): each segment percent-encoded, `/` kept. */
function fileUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
function pascalCase(id) {
    return id
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./src/reporters/codeclimate.ts

/** GitLab's severities, lowest first: info, minor, major, critical, blocker. */
const codeclimate_SEVERITY = {
    // An error is a pod that will not start (exec format error, Pending) once deployed.
    error: 'critical',
    warning: 'major',
    notice: 'info',
};
/**
 * GitLab Code Quality JSON (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * an array of issues. GitLab compares fingerprints between the base and head pipelines, so the fingerprint
 * is the SARIF one: a hash of what the finding is about, never its line, the same for the same finding on
 * every run. The `type` and `categories` fields make it a valid Code Climate report too.
 */
function formatCodeClimate(report) {
    const fingerprints = fingerprintAll(report.findings);
    const issues = report.findings.map((f, i) => ({
        type: 'issue',
        description: f.message,
        check_name: f.rule,
        fingerprint: fingerprints[i] ?? '',
        severity: codeclimate_SEVERITY[f.severity],
        categories: ['Bug Risk'],
        location: { path: f.location.file, lines: { begin: f.location.line } },
    }));
    return `${JSON.stringify(issues, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/reporters/json.ts
/**
 * The JSON report, a public contract (documented in the README, `version` bumps on breaking change):
 * findings are flattened to `file`/`line`/`column` so other tools need no knowledge of our types.
 */
function toJsonReport(report) {
    return {
        version: report.version,
        // Suppressed and baseline findings stay in the report, marked, after those that count.
        findings: [...report.findings, ...(report.suppressed ?? []), ...(report.baseline ?? [])].map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            file: f.location.file,
            line: f.location.line,
            column: f.location.column,
            endLine: f.location.endLine,
            endColumn: f.location.endColumn,
            cluster: f.cluster,
            workload: f.workload,
            template: f.template,
            container: f.container,
            image: f.image,
            nodePools: f.nodePools,
            platforms: f.platforms,
            suppressed: f.suppressed,
            baseline: f.baseline,
        })),
        images: report.images,
        workloads: report.workloads,
        clusters: report.clusters,
        matrix: report.matrix,
        unmatchedFiles: report.unmatchedFiles,
        notices: report.notices,
        unreachableRegistries: report.unreachableRegistries,
        stats: report.stats,
    };
}
function formatJson(report) {
    return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/reporters/junit.ts

/**
 * JUnit XML as Jenkins (junit plugin), GitLab (`artifacts:reports:junit`) and Azure Pipelines
 * (PublishTestResults, JUnit) read it: one `<testsuite>` per manifest file, one `<testcase>` per workload and
 * per container, so a clean run still lists what was checked and test counts stay stable between runs.
 * Error findings are `<failure>`s; warnings and notices go to the case's `<system-out>`, visible but not
 * failing. `file` and `line` on `<testcase>` are the attributes GitLab and pytest's xunit1 use; strict Ant
 * schema readers ignore them.
 */
function formatJunit(report) {
    const cases = testCases(report);
    const suites = new Map();
    for (const c of cases)
        suites.set(c.file, [...(suites.get(c.file) ?? []), c]);
    const failing = (c) => c.findings.some((f) => f.severity === 'error');
    const counts = (list) => ({
        tests: list.length,
        failures: list.filter(failing).length,
        errors: 0,
        skipped: 0,
        time: 0,
    });
    const out = [XML_DECLARATION, `<testsuites${attributes({ name: 'archcheck', ...counts(cases) })}>`];
    for (const [file, list] of suites) {
        out.push(`  <testsuite${attributes({ name: file, ...counts(list) })}>`);
        for (const c of list)
            out.push(...testCase(c));
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return `${out.join('\n')}\n`;
}
function testCase(c) {
    const head = `    <testcase${attributes({ name: c.name, classname: c.file, file: c.file, line: c.line, time: 0 })}`;
    const errors = c.findings.filter((f) => f.severity === 'error');
    const others = c.findings.filter((f) => f.severity !== 'error');
    if (errors.length === 0 && others.length === 0)
        return [`${head}/>`];
    const body = [`${head}>`];
    if (errors.length > 0) {
        const type = [...new Set(errors.map((f) => f.rule))].join(',');
        const message = errors.map((f) => f.message).join('\n');
        body.push(`      <failure${attributes({ message, type })}>${xmlText(details(errors))}</failure>`);
    }
    if (others.length > 0)
        body.push(`      <system-out>${xmlText(details(others))}</system-out>`);
    body.push('    </testcase>');
    return body;
}
function details(findings) {
    return findings
        .map((f) => `${f.location.file}:${f.location.line}:${f.location.column}: ${f.severity} ${f.rule}: ${f.message}`)
        .join('\n');
}
function identity(kind, namespace, name, container) {
    return JSON.stringify([kind, namespace ?? '', name, container ?? null]);
}
function testCases(report) {
    const cases = [];
    for (const w of report.workloads) {
        const label = `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
        cases.push({
            file: w.file,
            name: label,
            line: w.line,
            identity: identity(w.kind, w.namespace, w.name),
            findings: [],
        });
        for (const c of w.containers) {
            cases.push({
                file: c.file ?? w.file,
                name: `${label}, container "${c.name}"`,
                line: c.line,
                identity: identity(w.kind, w.namespace, w.name, c.name),
                findings: [],
            });
        }
    }
    for (const f of report.findings) {
        if (!f.workload) {
            cases.push({
                file: f.location.file,
                name: `${f.rule} at ${f.location.line}:${f.location.column}`,
                line: f.location.line,
                findings: [f],
            });
            continue;
        }
        const id = identity(f.workload.kind, f.workload.namespace, f.workload.name, f.container);
        // The same workload can come from two files (overlays): prefer the one the finding points into.
        const candidates = cases.filter((c) => c.identity === id);
        const target = candidates.find((c) => c.file === f.location.file) ?? candidates[0];
        if (target)
            target.findings.push(f);
        else {
            const { kind, namespace, name } = f.workload;
            const label = `${kind} ${namespace ? `${namespace}/` : ''}${name}${f.container ? `, container "${f.container}"` : ''}`;
            cases.push({ file: f.location.file, name: label, line: f.location.line, identity: id, findings: [f] });
        }
    }
    return cases;
}

;// CONCATENATED MODULE: ./src/reporters/set-aside.ts
/** Rows listed in the collapsed block; the JSON and SARIF reports hold all of them. */
const MAX_ROWS = 30;
/** `2 suppressed, 1 already in the baseline`, or '' when nothing was set aside. */
function setAsideCounts(report) {
    const parts = [];
    const suppressed = report.suppressed?.length ?? 0;
    const baseline = report.baseline?.length ?? 0;
    if (suppressed > 0)
        parts.push(`${suppressed} suppressed`);
    if (baseline > 0)
        parts.push(`${baseline} already in the baseline`);
    return parts.join(', ');
}
/**
 * The collapsed block of findings that do not count (suppressed, or already in the baseline), so reviewers
 * see what a pull request silenced: suppressions come from the files the pull request itself may change.
 * `md` escapes text from the scanned tree (reasons, file names) for Markdown.
 */
function setAsideMarkdown(report, h, md) {
    const counts = setAsideCounts(report);
    if (!counts)
        return '';
    const all = [...(report.suppressed ?? []), ...(report.baseline ?? [])];
    const rows = all.slice(0, MAX_ROWS).map((f) => `| ${md(f.rule)} | ${md(where(f))} | ${md(why(f))} |`);
    const more = all.length > MAX_ROWS ? `\n\n_${all.length - MAX_ROWS} more in the JSON and SARIF reports._` : '';
    return (`${h}# Not counted: ${counts}\n\n<details><summary>${all.length} finding(s) set aside (not counted toward fail-on)</summary>\n\n` +
        `| Rule | Location | Why |\n| --- | --- | --- |\n${rows.join('\n')}${more}\n\n</details>\n`);
}
/** One line for the text report, or '' when nothing was set aside. */
function setAsideLine(report) {
    const counts = setAsideCounts(report);
    return counts
        ? `not counted: ${counts} (--format json lists them; --no-ignore counts suppressed ones)`
        : '';
}
function where(f) {
    return `${f.location.file}:${f.location.line}`;
}
function why(f) {
    if (f.suppressed)
        return `suppressed (${f.suppressed.kind})${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''}`;
    return 'in the baseline';
}

// EXTERNAL MODULE: ./src/images/reference.ts + 2 modules
var reference = __webpack_require__(3935);
;// CONCATENATED MODULE: ./src/reporters/outages.ts

/** Images named per registry line before "and N more": the JSON report has them all. */
const SHOWN_IMAGES = 3;
/**
 * One sentence per cut-off registry, e.g. `registry-1.docker.io unreachable (ENOTFOUND from ...): 12 images
 * not checked: a, b, c and 9 more`. Plain text: each sink escapes it for itself.
 */
function describeOutage(entry) {
    const what = entry.kind === 'unreachable' ? 'unreachable' : 'rate-limited the run';
    const n = entry.images.length;
    const shown = entry.images.slice(0, SHOWN_IMAGES).join(', ');
    const more = n > SHOWN_IMAGES ? ` and ${n - SHOWN_IMAGES} more` : '';
    return `${entry.registry} ${what} (${entry.reason}): ${n} image${n === 1 ? '' : 's'} not checked: ${shown}${more}`;
}
/**
 * Whether a finding is one image's `image-unresolved` for a registry the report already names once: text
 * outputs fold these into the registry's line.
 */
function foldedIntoOutage(report) {
    const images = new Set(report.unreachableRegistries.flatMap((e) => e.images));
    if (images.size === 0)
        return () => false;
    return (f) => {
        if (f.rule !== 'image-unresolved' || f.image === undefined)
            return false;
        const parsed = (0,reference/* parseImageReference */.o_)(f.image);
        return parsed.ok && images.has((0,reference/* canonicalImage */.KN)(parsed.ref));
    };
}

;// CONCATENATED MODULE: ./src/reporters/text.ts



const COLORS = {
    error: [31, 39],
    warning: [33, 39],
    notice: [36, 39],
    dim: [2, 22],
    bold: [1, 22],
};
/** Lines per file before "and N more" (JSON and SARIF stay complete). */
const MAX_LINES_PER_FILE = 15;
const RANK = { error: 0, warning: 1, notice: 2 };
/** `a, b, c and 9 more`: long lists stay one line. */
function capList(items, max = 3) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/**
 * Findings of the same rule, severity and image are one line at their first position ("... (in 12 workloads:
 * a, b, c and 9 more)"); files with errors come before files with only warnings or notices, and each file's
 * lines are ordered by severity, then position.
 */
function collapse(findings) {
    const byKey = new Map();
    const lines = [];
    for (const f of findings) {
        const key = f.image === undefined ? undefined : `${f.rule}\u0000${f.severity}\u0000${f.image}`;
        const existing = key === undefined ? undefined : byKey.get(key);
        const workload = f.workload ? `${f.workload.kind}/${f.workload.name}` : undefined;
        if (existing) {
            if (workload && !existing.workloads.includes(workload))
                existing.workloads.push(workload);
            continue;
        }
        const line = { first: f, workloads: workload ? [workload] : [] };
        if (key !== undefined)
            byKey.set(key, line);
        lines.push(line);
    }
    const files = new Map();
    for (const line of lines) {
        const list = files.get(line.first.location.file) ?? [];
        list.push(line);
        files.set(line.first.location.file, list);
    }
    const worst = (list) => Math.min(...list.map((l) => RANK[l.first.severity]));
    for (const list of files.values())
        list.sort((a, b) => RANK[a.first.severity] - RANK[b.first.severity] ||
            a.first.location.line - b.first.location.line ||
            a.first.location.column - b.first.location.column);
    return new Map([...files].sort((a, b) => worst(a[1]) - worst(b[1])));
}
/** Output for people: findings grouped by file, repeats collapsed, then registries not reached, notices and a summary. */
function formatText(report, options) {
    const paint = (style, s) => options.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s;
    const out = [];
    const folded = foldedIntoOutage(report);
    const shown = report.findings.filter((finding) => !folded(finding));
    for (const [file, lines] of collapse(shown)) {
        if (out.length > 0)
            out.push('');
        out.push(paint('bold', file));
        for (const { first: f, workloads } of lines.slice(0, MAX_LINES_PER_FILE)) {
            const pos = `${f.location.line}:${f.location.column}`.padEnd(8);
            const where = workloads.length > 1 ? ` (in ${workloads.length} workloads: ${capList(workloads)})` : '';
            out.push(`  ${paint('dim', pos)} ${paint(f.severity, f.severity.padEnd(7))} ${f.message}${where}  ${paint('dim', f.rule)}`);
        }
        if (lines.length > MAX_LINES_PER_FILE)
            out.push(`  ${paint('dim', `and ${lines.length - MAX_LINES_PER_FILE} more (see --format json)`)}`);
    }
    for (const outage of report.unreachableRegistries) {
        if (out.length > 0)
            out.push('');
        out.push(`${paint('warning', 'warning:')} ${describeOutage(outage)}`);
    }
    for (const notice of report.notices) {
        if (out.length > 0)
            out.push('');
        out.push(paint('notice', `note: ${notice}`));
    }
    const setAside = setAsideLine(report);
    if (setAside)
        out.push(...(out.length > 0 ? [''] : []), paint('dim', setAside));
    out.push(...ruleDocs(shown, paint));
    if (out.length > 0)
        out.push('');
    out.push(summaryLine(report, paint));
    return `${out.join('\n')}\n`;
}
/** Where each rule of the listed findings is explained (docs/rules/<id>.md). */
function ruleDocs(shown, paint) {
    const ids = [...new Set(shown.map((f) => f.rule))].sort();
    if (ids.length === 0)
        return [];
    return ['', 'rule docs:', ...ids.map((id) => `  ${id} ${paint('dim', ruleDocsUrl(id))}`)];
}
function summaryLine(report, paint) {
    const { findings: n, workloads, images, files } = report.stats;
    const counts = ['error', 'warning', 'notice']
        .map((s) => (n[s] > 0 ? paint(s, `${n[s]} ${s}${n[s] === 1 ? '' : 's'}`) : `0 ${s}s`))
        .join(', ');
    const total = n.error + n.warning + n.notice;
    const head = total === 0
        ? paint('bold', '✓ no problems')
        : paint('bold', `✖ ${total} problem${total === 1 ? '' : 's'}`);
    return `${head} (${counts}) in ${workloads} workload(s), ${images} image(s), ${files} file(s)`;
}

;// CONCATENATED MODULE: ./src/reporters/index.ts






/** Every output format by its `--format` id. A new format is a file beside this one plus one entry here. */
const REPORTERS = {
    text: {
        description: 'for people: findings grouped by file and a summary line',
        extension: '.txt',
        render: (report, ctx) => formatText(report, { color: ctx.color }),
    },
    json: {
        description: 'the JSON report, a versioned contract (see "JSON report")',
        extension: '.json',
        action: { input: 'json-file', output: 'report' },
        render: formatJson,
    },
    sarif: {
        description: 'SARIF 2.1.0 for GitHub code scanning (upload-sarif) and other SARIF viewers',
        extension: '.sarif',
        action: { input: 'sarif-file', output: 'sarif-file' },
        render: (report, ctx) => formatSarif(report, { rules: ctx.rules, toolVersion: ctx.toolVersion }),
    },
    junit: {
        description: 'JUnit XML for Jenkins, GitLab and Azure Pipelines test reports',
        extension: '.xml',
        action: { input: 'junit-file', output: 'junit-file' },
        render: formatJunit,
    },
    checkstyle: {
        description: 'Checkstyle XML for reviewdog, Jenkins warnings-ng and other lint viewers',
        extension: '.xml',
        render: formatCheckstyle,
    },
    codeclimate: {
        description: 'GitLab Code Quality JSON (artifacts:reports:codequality)',
        extension: '.json',
        render: formatCodeClimate,
    },
};
const FORMAT_IDS = Object.keys(REPORTERS);
function isFormatId(id) {
    return Object.hasOwn(REPORTERS, id);
}
/** The formats the action can write, with their inputs and outputs. */
function actionFormats() {
    return FORMAT_IDS.flatMap((id) => {
        const action = REPORTERS[id].action;
        return action ? [{ id, ...action }] : [];
    });
}


/***/ })

};
