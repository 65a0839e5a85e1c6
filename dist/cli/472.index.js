export const id = 472;
export const ids = [472];
export const modules = {

/***/ 7472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildHttpStack: () => (/* binding */ buildHttpStack)
});

;// CONCATENATED MODULE: ./src/registry/http/challenge.ts
const TOKEN = /[A-Za-z0-9!#$%&'*+.^_`|~-]+/y;
/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235 section 4.1: `challenge = auth-scheme
 * [ 1*SP #auth-param ]`, params `token = ( token / quoted-string )`, challenges separated by commas), e.g.
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"`.
 * Never throws; garbage yields fewer challenges.
 */
function parseChallenges(header) {
    const out = [];
    let pos = 0;
    const skip = (chars) => {
        while (pos < header.length && chars.test(header[pos]))
            pos++;
    };
    const token = () => {
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(header);
        if (!m)
            return undefined;
        pos = TOKEN.lastIndex;
        return m[0];
    };
    const quoted = () => {
        pos++; // opening quote
        let value = '';
        while (pos < header.length && header[pos] !== '"') {
            if (header[pos] === '\\' && pos + 1 < header.length)
                pos++;
            value += header[pos];
            pos++;
        }
        pos++; // closing quote
        return value;
    };
    while (pos < header.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme)
            break;
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        out.push(challenge);
        for (;;) {
            skip(/[\s,]/);
            const start = pos;
            const name = token();
            if (!name)
                break;
            skip(/\s/);
            if (header[pos] !== '=') {
                pos = start; // a token not followed by "=" starts the next challenge
                break;
            }
            pos++;
            skip(/\s/);
            const value = header[pos] === '"' ? quoted() : (token() ?? '');
            challenge.params[name.toLowerCase()] = value;
        }
    }
    return out;
}
/** The challenge we answer: Bearer over Basic (docker CLI's preference), anything else unsupported. */
function pickChallenge(challenges) {
    return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}

// EXTERNAL MODULE: ./src/registry/source.ts
var source = __webpack_require__(7846);
// EXTERNAL MODULE: ./src/registry/http/endpoint.ts
var http_endpoint = __webpack_require__(5659);
;// CONCATENATED MODULE: ./src/registry/http/failures.ts


/** The outage a breaker-made transport error stands for. */
function outageOf(error) {
    if ((error.kind !== 'unreachable' && error.kind !== 'rate-limited') || !error.host)
        return undefined;
    return { registry: error.host, kind: error.kind, reason: error.message };
}
/** Error codes of the distribution spec's error body (`{"errors":[{"code":...}]}`), at most three. */
function registryCodes(body) {
    try {
        const doc = JSON.parse(Buffer.from(body).toString('utf8'));
        if (!Array.isArray(doc.errors))
            return [];
        return doc.errors
            .map((e) => e?.code)
            .filter((c) => typeof c === 'string' && /^[A-Z_]{1,40}$/.test(c))
            .slice(0, 3);
    }
    catch {
        return [];
    }
}
const NOT_FOUND_CODES = new Set(['MANIFEST_UNKNOWN', 'NAME_UNKNOWN', 'TAG_INVALID']);
/** How to hand credentials to archcheck for this host, in the order they are looked up. */
function credentialAdvice(endpoint, credential) {
    const host = endpoint.credentialHost;
    if (credential) {
        return `the credentials from ${credential.source} were refused or lack pull access; check them with \`docker pull\``;
    }
    const ghcr = host === 'ghcr.io' ? ', or set GITHUB_TOKEN to a token with `packages: read`' : '';
    const login = host === http_endpoint/* DOCKER_HUB */.Xb ? '`docker login`' : `\`docker login ${host}\``;
    return (`no credentials were found for ${host}: run ${login} (or configure a docker credential helper), or name ` +
        `environment variables under registries.credentials."${host}" in .archcheck.yaml${ghcr}`);
}
/** Docker Hub's rate limit headers (docs.docker.com/docker-hub/usage/pulls), when the registry sent them. */
function rateLimitDetail(headers) {
    const parts = ['ratelimit-remaining', 'ratelimit-limit']
        .filter((h) => headers[h] !== undefined)
        .map((h) => `${h}: ${headers[h].slice(0, 40)}`);
    const source = headers['docker-ratelimit-source'];
    return parts.length > 0
        ? ` (${parts.join(', ')}${source ? `, counted for ${source.slice(0, 45)}` : ''})`
        : '';
}
/**
 * The Resolution for a final non-2xx answer: 404 and the spec's MANIFEST_UNKNOWN / NAME_UNKNOWN are
 * not-found; 401/403 say who refused and how to give credentials; 429 names the rate limit; anything
 * else (5xx after retries) is a registry error with the status.
 */
function failureForStatus(ctx, response, attempts, credential) {
    const { status, headers, body } = response;
    const codes = registryCodes(body);
    const where = (0,http_endpoint/* describeEndpoint */.N2)(ctx.endpoint);
    const label = `HTTP ${status}${codes.length ? ` ${codes.join(', ')}` : ''}`;
    if (ctx.what === 'manifest' && (status === 404 || codes.some((c) => NOT_FOUND_CODES.has(c)))) {
        return (0,source/* fail */.f)('not-found', `${ctx.image} was not found on ${where} (${label})`);
    }
    if (status === 401 || status === 403) {
        const hub = ctx.endpoint.registry === http_endpoint/* DOCKER_HUB */.Xb && !credential
            ? ' (Docker Hub also answers this for repositories that do not exist)'
            : '';
        return (0,source/* fail */.f)('unauthorized', `${where} refused access to the ${ctx.what} of ${ctx.image} (${label})${hub}; ${credentialAdvice(ctx.endpoint, credential)}`);
    }
    if (status === 429) {
        const wait = headers['retry-after'] ? `, Retry-After ${headers['retry-after'].slice(0, 40)}` : '';
        return (0,source/* fail */.f)('rate-limited', `${where} rate limit reached while reading the ${ctx.what} of ${ctx.image} (${label}${wait})${rateLimitDetail(headers)}; ` +
            `retry later, log in to get a higher limit, or configure a mirror under registries.mirrors`);
    }
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    return (0,source/* fail */.f)('registry-error', `${where} answered ${label} for the ${ctx.what} of ${ctx.image}${tries}`);
}
/** The Resolution for a request that got no answer. */
function failureForTransport(ctx, error, attempts) {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    const what = `the ${ctx.what} of ${ctx.image} from ${(0,http_endpoint/* describeEndpoint */.N2)(ctx.endpoint)}`;
    switch (error.kind) {
        case 'deadline':
            return (0,source/* fail */.f)('timeout', `gave up on ${what}: the overall registry deadline passed; raise registries.deadlineSeconds if the registry is slow`);
        case 'timeout':
            return (0,source/* fail */.f)('timeout', `timed out reading ${what}: ${error.message}; raise registries.timeoutSeconds if the registry is slow`);
        case 'too-large':
            return (0,source/* fail */.f)('refused', `refused ${what}: ${error.message}`);
        case 'network':
            return (0,source/* fail */.f)('unreachable', `cannot reach ${what}${tries}: ${error.message}`);
        case 'blocked':
            return (0,source/* fail */.f)('refused', `not connecting for ${what}: ${error.message}`);
        case 'unreachable':
            return (0,source/* fail */.f)('unreachable', `cannot reach ${what}: ${error.host} is unreachable (${error.message}); it is not tried again this run`, outageOf(error));
        case 'rate-limited':
            return (0,source/* fail */.f)('rate-limited', `not reading ${what}: ${error.host} rate-limited this run (${error.message}), so no further requests are sent to it; ` +
                'retry later, log in to get a higher limit, or configure a mirror under registries.mirrors', outageOf(error));
        default: {
            const unreachable = error.kind;
            return (0,source/* fail */.f)('internal', `cannot read ${what}: ${String(unreachable)}`);
        }
    }
}
/** The Resolution when no Authorization could be had: refused credentials say how to give others. */
function failureForAuth(ctx, refusal) {
    const where = (0,http_endpoint/* describeEndpoint */.N2)(ctx.endpoint);
    const what = `the ${ctx.what} of ${ctx.image}`;
    switch (refusal.cause) {
        case 'refused':
            return (0,source/* fail */.f)('unauthorized', `${where} refused access to ${what}: ${refusal.reason}; ${credentialAdvice(ctx.endpoint, refusal.credential)}`);
        case 'rate-limited':
            return (0,source/* fail */.f)('rate-limited', `${where} rate limit reached at its token service while reading ${what}: ${refusal.reason}; retry later or log in`, refusal.outage);
        case 'unavailable':
        case 'guarded':
            return (0,source/* fail */.f)(refusal.cause === 'guarded' ? 'refused' : 'unreachable', `cannot authenticate to ${where} for ${what}: ${refusal.reason}`, refusal.outage);
        default: {
            const unreachable = refusal.cause;
            return (0,source/* fail */.f)('internal', `cannot authenticate to ${where}: ${String(unreachable)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/registry/http/token.ts

/** OAuth2 `client_id` docker sends; token servers log it (distribution docs/spec/auth/oauth.md). */
const CLIENT_ID = 'archcheck';
/** The token spec's default lifetime when the server names none (token.md, `expires_in`). */
const DEFAULT_LIFETIME_S = 60;
/**
 * Gets a registry token (distribution docs/spec/auth/token.md and oauth.md): a refresh token (docker's
 * `identitytoken`) is exchanged with `POST grant_type=refresh_token`; a username and password go as Basic
 * on `GET realm?service=&scope=`; no credential asks anonymously. Credentials are never sent to a
 * plain-HTTP realm unless the registry itself is plain HTTP or the realm is on loopback.
 */
async function fetchToken(transport, req, credential, signal) {
    let realm;
    try {
        realm = new URL(req.realm);
    }
    catch {
        return { ok: false, refused: false, reason: `the registry named an invalid token realm` };
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
        return {
            ok: false,
            refused: false,
            reason: `the registry named a token realm with scheme ${realm.protocol}`,
        };
    }
    if (credential && !transport.mayCarryCredentials(realm)) {
        return {
            ok: false,
            refused: false,
            guarded: true,
            reason: `the token realm ${realm.origin} is plain HTTP; credentials are not sent over plain HTTP unless ` +
                `the host is allowed with --allow-private-registry ${realm.host}`,
        };
    }
    let request;
    if (credential?.kind === 'identity') {
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: credential.token,
            client_id: CLIENT_ID,
        });
        if (req.service)
            form.set('service', req.service);
        if (req.scopes.length > 0)
            form.set('scope', req.scopes.join(' '));
        request = {
            url: realm.href,
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
        };
    }
    else {
        if (req.service)
            realm.searchParams.set('service', req.service);
        for (const scope of req.scopes)
            realm.searchParams.append('scope', scope);
        const headers = {};
        if (credential?.kind === 'basic') {
            headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
        }
        request = { url: realm.href, headers };
    }
    const sent = await transport.sendWithRetry(request, signal);
    if (!sent.ok) {
        const outage = outageOf(sent.error);
        const reason = `token request failed: ${outage ? `${sent.error.host} ${outage.kind} (${sent.error.message})` : sent.error.message}`;
        const guarded = sent.error.kind === 'blocked' ? { guarded: true } : {};
        return { ok: false, refused: false, reason, ...guarded, ...(outage ? { outage } : {}) };
    }
    const { status, body } = sent.response;
    if (status === 401 || status === 403) {
        return {
            ok: false,
            refused: true,
            status,
            reason: `the token service ${realm.origin} refused the credentials (HTTP ${status})`,
        };
    }
    if (status !== 200) {
        return {
            ok: false,
            refused: false,
            status,
            reason: `the token service ${realm.origin} answered HTTP ${status}`,
        };
    }
    let doc;
    try {
        doc = JSON.parse(Buffer.from(body).toString('utf8'));
    }
    catch {
        return {
            ok: false,
            refused: false,
            reason: `the token service ${realm.origin} answered something that is not JSON`,
        };
    }
    const token = typeof doc.token === 'string' && doc.token ? doc.token : doc.access_token;
    if (typeof token !== 'string' || !token) {
        return { ok: false, refused: false, reason: `the token service ${realm.origin} answered no token` };
    }
    const lifetime = typeof doc.expires_in === 'number' && doc.expires_in > 0 ? doc.expires_in : DEFAULT_LIFETIME_S;
    return { ok: true, token, lifetimeMs: lifetime * 1000 };
}

;// CONCATENATED MODULE: ./src/registry/http/auth.ts


/** Tokens this close to expiry are fetched again rather than risk a 401 mid-run. */
const EXPIRY_MARGIN_MS = 10_000;
/** A refused token younger than this is not fetched again: the token service would grant the same. */
const RECENT_MS = 30_000;
/**
 * Bytes of `scope=` parameters in one token request. Common HTTP servers refuse request lines past 8 KiB
 * (nginx's large_client_header_buffers, Go's 1 MiB header limit is looser): half that leaves room for the
 * realm, the service and proxies. Docker Hub scopes are ~40 bytes, so about a hundred repositories a token.
 */
const MAX_SCOPE_BYTES = 4096;
/** Splits scopes into batches whose encoded `&scope=` parameters fit `maxBytes` each (a huge scope goes alone). */
function batchScopes(scopes, maxBytes = MAX_SCOPE_BYTES) {
    const batches = [];
    let current = [];
    let size = 0;
    for (const scope of [...new Set(scopes)].sort()) {
        const cost = '&scope='.length + encodeURIComponent(scope).length;
        if (current.length > 0 && size + cost > maxBytes) {
            batches.push(current);
            current = [];
            size = 0;
        }
        current.push(scope);
        size += cost;
    }
    if (current.length > 0)
        batches.push(current);
    return batches;
}
/**
 * The auth layer: learns each origin's scheme once (`GET /v2/`, as the docker CLI pings), then sends
 * Basic credentials or a Bearer token per repository scope up front, so a warm run costs no 401 round
 * trips. Tokens are cached per origin, credential and scope set for the run, and fetched once when
 * several requests want the same one. Distribution spec: docs/spec/auth/token.md.
 *
 * Scopes planned ahead (`plan`) share tokens: one token request names every repository of the origin planned
 * so far (`scope` repeated), in batches that keep the request short, instead of one token per repository.
 */
class Authenticator {
    #deps;
    #schemes = new Map();
    #tokens = new Map();
    /** Planned scopes not in a batch yet, by origin. */
    #planned = new Map();
    #batches = new Map();
    /** The latest token request per origin, settled or not. */
    #fetching = new Map();
    #now;
    constructor(deps) {
        this.#deps = deps;
        this.#now = deps.now ?? Date.now;
    }
    /**
     * Scopes `origin` will be asked for this run; they are requested together once the first is needed. Plans may
     * arrive while the run goes on: scopes planned after a batch was formed go into the next one.
     */
    plan(origin, scopes) {
        const batched = this.#batches.get(origin);
        const planned = this.#planned.get(origin) ?? new Set();
        for (const scope of scopes)
            if (!batched?.has(scope))
                planned.add(scope);
        this.#planned.set(origin, planned);
    }
    /** The planned batch holding every one of `scopes`, or `scopes` itself. */
    async #batchOf(origin, scopes) {
        const first = scopes[0] ?? '';
        if (!this.#batches.get(origin)?.has(first) && this.#planned.get(origin)?.has(first)) {
            // Scopes planned while a token is on its way wait for it: all that arrive meanwhile then share the next
            // request, so tokens grow with how long the plan keeps arriving, not with the number of repositories.
            await this.#fetching.get(origin);
            this.#formBatches(origin);
        }
        const batch = this.#batches.get(origin)?.get(first);
        return batch && scopes.every((s) => batch.includes(s)) ? batch : scopes;
    }
    /** Every planned scope of `origin` not yet in a batch, batched now. */
    #formBatches(origin) {
        const pending = this.#planned.get(origin);
        if (!pending || pending.size === 0)
            return;
        const batches = this.#batches.get(origin) ?? new Map();
        for (const batch of batchScopes([...pending]))
            for (const scope of batch)
                batches.set(scope, batch);
        this.#batches.set(origin, batches);
        pending.clear();
    }
    /** The header to send first to `origin` for `scope` (e.g. `repository:library/nginx:pull`). */
    async authorize(origin, credentialHost, scope, signal) {
        const scheme = await this.#scheme(origin, signal);
        if (scheme.kind === 'none' || scheme.kind === 'unknown')
            return { ok: true };
        const credential = await this.#deps.credentials.get(credentialHost);
        if (scheme.kind === 'basic')
            return basic(credential);
        return this.#bearer(origin, scheme, credential, [scope], false, signal);
    }
    /**
     * Answers a 401: reads its challenge and returns the header to retry with. `sent` is the header the refused
     * request carried; a refused Basic credential is final, a refused token is fetched anew once.
     */
    async answer(origin, credentialHost, wwwAuthenticate, scope, sent, signal) {
        const challenge = pickChallenge(parseChallenges(wwwAuthenticate ?? ''));
        const credential = await this.#deps.credentials.get(credentialHost);
        if (!challenge) {
            return {
                ok: false,
                cause: 'refused',
                credential,
                reason: 'HTTP 401 without a Basic or Bearer challenge',
            };
        }
        if (challenge.scheme === 'basic') {
            this.#schemes.set(origin, Promise.resolve({ kind: 'basic' }));
            if (sent)
                return {
                    ok: false,
                    cause: 'refused',
                    credential,
                    reason: 'the registry refused the credentials (HTTP 401)',
                };
            return basic(credential);
        }
        const realm = challenge.params.realm;
        if (!realm)
            return { ok: false, cause: 'refused', credential, reason: 'a Bearer challenge without a realm' };
        const scheme = { kind: 'bearer', realm, service: challenge.params.service };
        this.#schemes.set(origin, Promise.resolve(scheme));
        const scopes = new Set([scope, ...(challenge.params.scope ?? '').split(' ').filter(Boolean)]);
        return this.#bearer(origin, scheme, credential, [...scopes], sent !== undefined, signal);
    }
    #scheme(origin, signal) {
        let scheme = this.#schemes.get(origin);
        if (!scheme) {
            scheme = this.#ping(origin, signal);
            this.#schemes.set(origin, scheme);
        }
        return scheme;
    }
    async #ping(origin, signal) {
        const sent = await this.#deps.transport.sendWithRetry({ url: `${origin}/v2/` }, signal);
        if (!sent.ok)
            return { kind: 'unknown' };
        this.#deps.usage?.record('ping', origin);
        const { status, headers } = sent.response;
        if (status >= 200 && status < 300)
            return { kind: 'none' };
        if (status !== 401)
            return { kind: 'unknown' };
        const challenge = pickChallenge(parseChallenges(headers['www-authenticate'] ?? ''));
        if (challenge?.scheme === 'basic')
            return { kind: 'basic' };
        if (challenge?.scheme === 'bearer' && challenge.params.realm) {
            return { kind: 'bearer', realm: challenge.params.realm, service: challenge.params.service };
        }
        return { kind: 'unknown' };
    }
    async #bearer(origin, scheme, credential, wanted, fresh, signal) {
        // docker's `registrytoken` is the Bearer token itself; no token service is asked.
        if (credential?.kind === 'registry')
            return { ok: true, header: `Bearer ${credential.token}`, credential };
        const scopes = await this.#batchOf(origin, wanted);
        const key = [
            origin,
            credential?.source ?? '',
            scheme.realm,
            scheme.service ?? '',
            [...scopes].sort().join(' '),
        ].join('|');
        let cached = this.#tokens.get(key);
        if (cached) {
            const known = await cached;
            const current = this.#tokens.get(key);
            // Someone replaced it while we waited: use theirs. A failure stands for the run. A token is fetched
            // again when it is about to expire, or when refused (`fresh`) unless it is brand new: a new token
            // for the same scope would be refused the same way.
            if (current !== cached)
                cached = current;
            else if (!('failed' in known)) {
                const now = this.#now();
                if (known.expiresAt - now < EXPIRY_MARGIN_MS || (fresh && now - known.fetchedAt > RECENT_MS))
                    cached = undefined;
            }
        }
        if (!cached) {
            const request = { realm: scheme.realm, service: scheme.service, scopes };
            cached = fetchToken(this.#deps.transport, request, credential, signal).then((result) => {
                if (!result.ok) {
                    const cause = result.status === 429 || result.outage?.kind === 'rate-limited'
                        ? 'rate-limited'
                        : result.refused
                            ? 'refused'
                            : result.guarded
                                ? 'guarded'
                                : 'unavailable';
                    return { failed: result.reason, cause, ...(result.outage ? { outage: result.outage } : {}) };
                }
                this.#deps.usage?.record('token', origin);
                this.#deps.secrets.add(result.token);
                this.#deps.logger.debug(`registry token for ${origin} scope ${scopes.join(' ')} (${credential ? credential.source : 'anonymous'})`);
                const now = this.#now();
                return { token: result.token, expiresAt: now + result.lifetimeMs, fetchedAt: now };
            });
            this.#tokens.set(key, cached);
            this.#fetching.set(origin, cached.catch(() => undefined));
        }
        const token = await cached;
        if ('failed' in token) {
            const { cause, failed: reason, outage } = token;
            return { ok: false, cause, credential, reason, ...(outage ? { outage } : {}) };
        }
        return { ok: true, header: `Bearer ${token.token}`, credential };
    }
}
function basic(credential) {
    if (credential?.kind === 'basic') {
        const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
        return { ok: true, header: `Basic ${encoded}`, credential };
    }
    if (!credential)
        return { ok: false, cause: 'refused', reason: 'the registry asks for a username and password' };
    return {
        ok: false,
        cause: 'refused',
        credential,
        reason: `the registry asks for a username and password; ${credential.source} holds a token`,
    };
}

;// CONCATENATED MODULE: ./src/registry/http/exchange.ts
/** An URL fit for logs: origin and path, never the query (presigned blob URLs carry signatures there). */
function describeUrl(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
/**
 * Sends `req` once through `dispatcher` and reads the whole answer, refusing bodies over `limit` bytes
 * (declared or sent). Redirects are not followed: the caller decides which headers may travel on.
 */
async function exchange(dispatcher, url, req, signal, limit) {
    const res = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: req.method ?? 'GET',
        headers: req.headers ?? {},
        body: req.body ?? null,
        // undici closes the connection after every HEAD unless told otherwise (a guard against servers that
        // send a body anyway); registries do not, and a warm run is mostly HEADs: a new TCP and TLS
        // handshake for each would cost more round trips than the HEADs themselves.
        ...(req.method === 'HEAD' ? { reset: false } : {}),
        signal,
    });
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > limit) {
        res.body.destroy();
        return {
            ok: false,
            error: {
                kind: 'too-large',
                message: `${describeUrl(url.href)} answered ${declared} bytes, more than ${limit}`,
            },
        };
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of res.body) {
        size += chunk.length;
        if (size > limit) {
            res.body.destroy();
            return {
                ok: false,
                error: { kind: 'too-large', message: `${describeUrl(url.href)} sent more than ${limit} bytes` },
            };
        }
        chunks.push(chunk);
    }
    const headers = {};
    for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return {
        ok: true,
        response: { url: url.href, status: res.statusCode, headers, body: Buffer.concat(chunks) },
    };
}

;// CONCATENATED MODULE: ./src/registry/http/client.ts



/** Redirects followed per request: registries redirect blobs to storage once, registry.k8s.io to a backend once. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * The Distribution API for one endpoint: authorized GETs that follow redirects. The Authorization header
 * goes only to the origin that asked for it: after a redirect to another origin (blob storage, a CDN, or the
 * same host over plain HTTP) the request goes bare, and only a 401 challenge from that origin earns it a
 * credential of its own, the one stored under its host. Headers made from credentials never go over plain
 * HTTP unless the user allowed that host (NetworkGuard.mayCarryCredentials).
 */
class RegistryClient {
    endpoint;
    #transport;
    #auth;
    #logger;
    #usage;
    constructor(endpoint, deps) {
        this.endpoint = endpoint;
        this.#transport = deps.transport;
        this.#auth = deps.auth;
        this.#logger = deps.logger;
        this.#usage = deps.usage;
    }
    /** `repository:<prefix/repo>:pull`, the scope distribution's token spec defines for reading. */
    scope(repository) {
        return `repository:${(0,http_endpoint/* repositoryPath */.SH)(this.endpoint, repository)}:pull`;
    }
    #credentialHost(origin) {
        return origin === this.endpoint.origin ? this.endpoint.credentialHost : new URL(origin).host;
    }
    /**
     * GETs (or HEADs) `url` on this endpoint with the scope's credentials; a non-2xx final answer becomes the
     * ResolutionFailure the caller's context describes. `extra` headers (deep mode's `Range`) go with every hop.
     */
    async get(url, accept, ctx, repository, signal, extra = {}, method = 'GET') {
        const kind = ctx.what === 'config blob' || ctx.what === 'layer blob'
            ? 'blob-get'
            : method === 'HEAD'
                ? 'manifest-head'
                : 'manifest-get';
        const scope = this.scope(repository);
        const first = await this.#auth.authorize(this.endpoint.origin, this.endpoint.credentialHost, scope, signal);
        if (!first.ok)
            return failureForAuth(ctx, first);
        let header = first.header;
        let credential = first.credential;
        let authOrigin = this.endpoint.origin;
        let current = url;
        let answered = false;
        for (let redirects = 0;;) {
            const origin = new URL(current).origin;
            const headers = accept ? { ...extra, accept } : { ...extra };
            const sending = header !== undefined && origin === authOrigin ? header : undefined;
            // A header made from credentials (Basic, or a token they bought) never crosses plain HTTP uninvited.
            if (sending && credential && !this.#transport.mayCarryCredentials(new URL(current))) {
                return failureForAuth(ctx, {
                    ok: false,
                    cause: 'guarded',
                    credential,
                    reason: `the credentials from ${credential.source} are not sent over plain HTTP to ${origin}; ` +
                        `if that network is trusted, allow the host with --allow-private-registry ${new URL(origin).host}`,
                });
            }
            if (sending)
                headers.authorization = sending;
            const sent = await this.#transport.sendWithRetry({ url: current, method, headers }, signal);
            if (!sent.ok)
                return failureForTransport(ctx, sent.error, sent.attempts);
            const { response } = sent;
            if (REDIRECTS.has(response.status) && response.headers.location) {
                if (++redirects > MAX_REDIRECTS)
                    return failureForStatus(ctx, response, sent.attempts, credential);
                current = new URL(response.headers.location, current).href;
                this.#logger.debug(`${describeUrl(url)} redirected to ${describeUrl(current)}`);
                continue;
            }
            if (response.status === 401 && !answered) {
                // One answer per request: a second 401 means the credential really is refused.
                answered = true;
                const decision = await this.#auth.answer(origin, this.#credentialHost(origin), response.headers['www-authenticate'], scope, sending, signal);
                if (!decision.ok)
                    return failureForAuth(ctx, decision);
                // The same header again would be refused again: report the registry's own answer.
                if (sending !== undefined && decision.header === sending) {
                    return failureForStatus(ctx, response, sent.attempts, decision.credential);
                }
                header = decision.header;
                credential = decision.credential;
                authOrigin = origin;
                continue;
            }
            this.#usage?.record(kind, origin, response.headers);
            if (response.status < 200 || response.status > 299)
                return failureForStatus(ctx, response, sent.attempts, credential);
            return { response };
        }
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/subprocess-env.ts
var subprocess_env = __webpack_require__(9462);
;// CONCATENATED MODULE: ./src/registry/http/cred-helper.ts


/** docker-credential-helpers `credentials.ErrCredentialsNotFound` text, printed on a miss. */
const NOT_FOUND = 'credentials not found in native keychain';
/** Helper names come from config files: only a plain name may become a program to run. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_OUTPUT = 64 * 1024;
/**
 * Runs `docker-credential-<name> get` as the docker CLI does (docker/docker-credential-helpers
 * client/client.go `Get`): the server URL on stdin, JSON `{ServerURL, Username, Secret}` on stdout; a miss
 * exits non-zero printing "credentials not found in native keychain". A `Username` of `<token>` means
 * `Secret` is an identity token (docker/cli credentials/native_store.go). The program is looked up on
 * `env.PATH`. Never throws; the helper's output never reaches a message, only its exit status.
 */
function runCredentialHelper(name, serverUrl, opts) {
    if (!HELPER_NAME.test(name)) {
        return Promise.resolve({
            kind: 'error',
            message: `credential helper name ${JSON.stringify(name)} is not a plain name`,
        });
    }
    const program = `docker-credential-${name}`;
    return new Promise((resolve) => {
        const env = (0,subprocess_env/* subprocessEnv */.l6)(opts.env, subprocess_env/* CREDENTIAL_HELPER_ENV */.pc);
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: opts.timeoutMs });
        let stdout = '';
        child.stdout.on('data', (chunk) => {
            if (stdout.length < MAX_OUTPUT)
                stdout += chunk.toString();
        });
        child.stderr.resume();
        child.on('error', (error) => {
            const why = error.code === 'ENOENT' ? 'is not on PATH' : `could not run (${error.code ?? 'error'})`;
            resolve({ kind: 'error', message: `${program} ${why}` });
        });
        child.on('close', (code, signal) => {
            if (code !== 0) {
                if (stdout.includes(NOT_FOUND))
                    return resolve({ kind: 'not-found' });
                const how = signal
                    ? `was stopped by ${signal} (timeout ${opts.timeoutMs} ms?)`
                    : `exited with status ${code}`;
                return resolve({ kind: 'error', message: `${program} get ${how}` });
            }
            try {
                const parsed = JSON.parse(stdout);
                const username = typeof parsed.Username === 'string' ? parsed.Username : '';
                const secret = typeof parsed.Secret === 'string' ? parsed.Secret : '';
                if (!secret)
                    return resolve({ kind: 'not-found' });
                resolve({ kind: 'found', username, secret });
            }
            catch {
                resolve({ kind: 'error', message: `${program} get printed something that is not JSON` });
            }
        });
        child.stdin.on('error', () => {
            // A helper that exits without reading stdin is judged by its exit status above.
        });
        child.stdin.end(serverUrl);
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/registry/http/docker-config.ts




const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json` (docker/cli cli/config/config.go `Dir`). */
function dockerConfigPath(env) {
    const dir = env.DOCKER_CONFIG || external_node_path_default().join(env.HOME || external_node_os_default().homedir(), '.docker');
    return external_node_path_default().join(dir, 'config.json');
}
/**
 * Reads docker's config file: undefined when there is none, an error (naming the file, never its content)
 * when it cannot be read or is not the JSON docker writes.
 */
async function readDockerConfig(env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        return { error: `cannot read docker config ${file} (${code ?? 'error'})` };
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return { error: `docker config ${file} is not valid JSON; fix it or point DOCKER_CONFIG elsewhere` };
    }
    if (!isObject(doc))
        return { error: `docker config ${file} is not a JSON object` };
    const auths = {};
    if (isObject(doc.auths)) {
        for (const [key, value] of Object.entries(doc.auths)) {
            if (!isObject(value))
                continue;
            const entry = {};
            for (const field of ['auth', 'username', 'password', 'identitytoken', 'registrytoken']) {
                const v = str(value[field]);
                if (v !== undefined)
                    entry[field] = v;
            }
            auths[key] = entry;
        }
    }
    const credHelpers = {};
    if (isObject(doc.credHelpers)) {
        for (const [key, value] of Object.entries(doc.credHelpers))
            if (str(value))
                credHelpers[key] = value;
    }
    const config = { file, auths, credHelpers };
    if (str(doc.credsStore))
        config.credsStore = doc.credsStore;
    return config;
}
/**
 * The server address docker uses as the key for a host: Docker Hub's legacy index URL, else the host
 * itself (docker/cli registry `GetAuthConfigKey`). Credential helpers receive this string on stdin.
 */
function serverAddress(host) {
    return (0,http_endpoint/* normalizeRegistryHost */.Z6)(host) === http_endpoint/* DOCKER_HUB */.Xb ? http_endpoint/* DOCKER_HUB_CONFIG_KEY */.Mj : host;
}
/** docker/cli credentials/file_store.go `ConvertToHostname`: drop the scheme and any path. */
function keyHost(key) {
    const stripped = key.replace(/^https?:\/\//i, '');
    return stripped.split('/')[0].toLowerCase();
}
/**
 * Does a config key (`auths` or `credHelpers`) name this host? Exact server address first, then the key's
 * hostname as docker's file store does; Docker Hub's aliases (`docker.io`, `index.docker.io`) count too, as
 * podman and go-containerregistry accept them.
 */
function keyMatches(key, host) {
    if (key === serverAddress(host))
        return true;
    const h = keyHost(key);
    const wanted = (0,http_endpoint/* normalizeRegistryHost */.Z6)(host);
    return h === host.toLowerCase() || (wanted === http_endpoint/* DOCKER_HUB */.Xb && (0,http_endpoint/* normalizeRegistryHost */.Z6)(h) === http_endpoint/* DOCKER_HUB */.Xb);
}
/** The entry (or helper name) of `table` for `host`: an exact server-address key wins over a hostname match. */
function lookup(table, host) {
    const exact = table[serverAddress(host)];
    if (exact !== undefined)
        return exact;
    const key = Object.keys(table).find((k) => keyMatches(k, host));
    return key === undefined ? undefined : table[key];
}

;// CONCATENATED MODULE: ./src/registry/http/credentials.ts



/**
 * Usernames a token is paired with when registries.credentials names only a token: what each registry's
 * docs say to pass to `docker login` with a token (GCR/Artifact Registry: oauth2accesstoken; ACR: the
 * null GUID for `az acr login --expose-token`). Elsewhere the name is not checked (GHCR) or must be given.
 */
function tokenUsername(host) {
    if (host === 'gcr.io' || host.endsWith('.gcr.io') || host.endsWith('-docker.pkg.dev'))
        return 'oauth2accesstoken';
    if (host.endsWith('.azurecr.io'))
        return '00000000-0000-0000-0000-000000000000';
    return 'archcheck';
}
/** docker/cli `decodeAuth` plus the token fields, in docker's precedence: registrytoken, identitytoken, user/password. */
function fromAuthEntry(entry, source) {
    if (entry.registrytoken)
        return { kind: 'registry', token: entry.registrytoken, source };
    let { username, password } = entry;
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    }
    if (entry.identitytoken)
        return { kind: 'identity', username: username ?? '', token: entry.identitytoken, source };
    if (username && password !== undefined)
        return { kind: 'basic', username, password, source };
    return undefined;
}
/**
 * Finds the credential for a host once per run, in the order the issue and the docker CLI use: docker
 * config (`credHelpers`, then `credsStore`, then `auths`), then `registries.credentials` environment
 * variables, then, for ghcr.io only, the GitHub token. Problems (a broken config, a failing helper) are
 * warnings: the host is then tried anonymously.
 */
class CredentialStore {
    #opts;
    #byHost = new Map();
    #config;
    constructor(opts) {
        this.#opts = opts;
    }
    get(host) {
        const key = (0,http_endpoint/* normalizeRegistryHost */.Z6)(host);
        let found = this.#byHost.get(key);
        if (!found) {
            found = this.#find(key).then((credential) => {
                if (credential)
                    this.#remember(credential);
                this.#opts.logger.debug(`registry credentials for ${key}: ${credential ? credential.source : 'none (anonymous)'}`);
                return credential;
            });
            this.#byHost.set(key, found);
        }
        return found;
    }
    #remember(c) {
        if (c.kind === 'basic') {
            this.#opts.secrets.add(c.password, Buffer.from(`${c.username}:${c.password}`).toString('base64'));
        }
        else {
            this.#opts.secrets.add(c.token);
        }
    }
    #dockerConfig() {
        this.#config ??= readDockerConfig(this.#opts.env).then((config) => {
            if (config && 'error' in config) {
                this.#opts.logger.warning(config.error);
                return undefined;
            }
            return config;
        });
        return this.#config;
    }
    async #find(host) {
        return (await this.#fromDockerConfig(host)) ?? this.#fromSettings(host) ?? this.#fromGitHub(host);
    }
    async #fromDockerConfig(host) {
        const config = await this.#dockerConfig();
        if (!config)
            return undefined;
        const helper = lookup(config.credHelpers, host) ?? config.credsStore;
        if (helper) {
            const source = `docker credential helper docker-credential-${helper}`;
            const answer = await runCredentialHelper(helper, serverAddress(host), this.#opts);
            if (answer.kind === 'found') {
                this.#opts.secrets.add(answer.secret);
                return answer.username === '<token>'
                    ? { kind: 'identity', username: '', token: answer.secret, source }
                    : { kind: 'basic', username: answer.username, password: answer.secret, source };
            }
            if (answer.kind === 'error') {
                this.#opts.logger.warning(`${answer.message} for ${host}; check the helper named in ${config.file}`);
            }
        }
        const entry = lookup(config.auths, host);
        return entry ? fromAuthEntry(entry, `docker config ${config.file}`) : undefined;
    }
    #fromSettings(host) {
        const names = lookup(this.#opts.settings, host);
        if (!names)
            return undefined;
        const read = (name) => (name ? this.#opts.env[name] || undefined : undefined);
        const source = `registries.credentials for ${host}`;
        const username = read(names.usernameEnv);
        const password = read(names.passwordEnv) ?? read(names.tokenEnv);
        const missing = [names.usernameEnv, names.passwordEnv, names.tokenEnv].filter((n) => n && !this.#opts.env[n]);
        if (missing.length > 0) {
            this.#opts.logger.warning(`${source}: environment variable ${missing.join(', ')} is not set or empty`);
        }
        if (password === undefined)
            return undefined;
        return { kind: 'basic', username: username ?? tokenUsername(host), password, source };
    }
    #fromGitHub(host) {
        if (host !== 'ghcr.io')
            return undefined;
        const token = this.#opts.githubToken || this.#opts.env.GITHUB_TOKEN;
        if (!token)
            return undefined;
        // GHCR checks the token, not the user name; GITHUB_ACTOR is what docker/login-action's docs pass.
        const username = this.#opts.env.GITHUB_ACTOR || 'archcheck';
        return { kind: 'basic', username, password: token, source: 'the GitHub token (GITHUB_TOKEN)' };
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: ./src/registry/http/address.ts
var http_address = __webpack_require__(4564);
// EXTERNAL MODULE: ./src/registry/http/allow-list.ts
var allow_list = __webpack_require__(1822);
;// CONCATENATED MODULE: ./src/registry/http/guard.ts



const systemResolver = (hostname) => external_node_dns_.promises.lookup(hostname, { all: true, verbatim: true });
/** The code on errors the guard raises, so the transport can tell a refusal from a network failure. */
const BLOCKED_CODE = 'ERR_ARCHCHECK_NON_PUBLIC_ADDRESS';
class BlockedAddressError extends Error {
    code = BLOCKED_CODE;
}
/** How to widen the guard, named in every refusal. */
const HOW_TO_ALLOW = 'archcheck only connects to public addresses unless told otherwise; if this registry is yours, allow it with ' +
    '--allow-private-registry, the action input allow-private-registries, or ARCHCHECK_ALLOW_PRIVATE_REGISTRIES';
const defaultPort = (protocol) => (protocol === 'http:' ? 80 : 443);
/** RFC 6761: `localhost` and names under it are loopback whatever DNS says. */
const isLocalhostName = (name) => /(^|\.)localhost\.?$/i.test(name);
/**
 * Refuses connections to non-public addresses unless the trusted side allowed them. Checked twice: on the
 * URL before a request is queued (literal addresses in any numeric form, `localhost`), and in the connector
 * on the address actually dialled after DNS, so a name that resolves (or rebinds) to a private address is
 * refused too. Requests through an HTTP proxy are resolved by the proxy: only the URL check applies there.
 */
class NetworkGuard {
    #allow;
    #resolve;
    constructor(allow, resolve = systemResolver) {
        this.#allow = allow;
        this.#resolve = resolve;
    }
    /** Why `url` may not be requested, judged from the URL alone; undefined when only DNS can tell. */
    checkUrl(url) {
        const port = Number(url.port) || defaultPort(url.protocol);
        const address = (0,http_address/* hostAddress */.Rk)(url.hostname);
        if (address)
            return this.#check({ hostname: url.hostname, port, address }, url.host);
        if (isLocalhostName(url.hostname)) {
            // Judged as the address it names: a CIDR covering 127.0.0.1 allows it, as does the name itself.
            const address = (0,http_address/* parseIp */.r5)('127.0.0.1');
            if ((0,allow_list/* isAllowed */.Jr)(this.#allow, { hostname: url.hostname, port, address }, (0,http_address/* classifyAddress */.DV)(address)))
                return undefined;
            return `${url.host} is a loopback name (RFC 6761); ${HOW_TO_ALLOW}`;
        }
        return undefined;
    }
    /** Whether credentials may go to `url` over plain HTTP: only to hosts the user allowed by name or address. */
    mayCarryCredentials(url) {
        if (url.protocol === 'https:')
            return true;
        const port = Number(url.port) || defaultPort(url.protocol);
        return (0,allow_list/* namesHost */.$r)(this.#allow, { hostname: url.hostname, port, address: (0,http_address/* hostAddress */.Rk)(url.hostname) });
    }
    #check(target, shown, resolvedFrom) {
        const cls = (0,http_address/* classifyAddress */.DV)(target.address);
        if (cls.class === 'public' || (0,allow_list/* isAllowed */.Jr)(this.#allow, target, cls))
            return undefined;
        const ip = (0,http_address/* formatIp */.v_)(target.address);
        const what = resolvedFrom ? `${resolvedFrom} resolves to ${ip}, ` : `${shown} is `;
        const block = cls.block ? `, ${cls.block}` : '';
        const linkLocal = cls.class === 'link-local'
            ? ` (link-local addresses need an explicit CIDR such as ${ip}/${target.address.family === 4 ? 32 : 128}; host names and wildcards do not cover them)`
            : '';
        return `${what}a ${cls.class} address (${cls.name}${block}); ${HOW_TO_ALLOW}${linkLocal}`;
    }
    /**
     * The addresses to dial for `hostname:port`, in DNS order: a literal is checked as is, a name is resolved and
     * every address it has must pass (a name with one private address among public ones is refused).
     */
    async resolve(hostname, port) {
        const literal = (0,http_address/* parseIp */.r5)(hostname);
        if (literal) {
            const refused = this.#check({ hostname, port, address: literal }, `${hostname}:${port}`);
            return refused ? { refused } : { addresses: [hostname] };
        }
        const found = await this.#resolve(hostname);
        for (const { address } of found) {
            const ip = (0,http_address/* parseIp */.r5)(address);
            if (!ip)
                return { refused: `${hostname} resolved to ${address}, which is not an IP address` };
            const refused = this.#check({ hostname, port, address: ip }, hostname, hostname);
            if (refused)
                return { refused };
        }
        if (found.length === 0)
            return { refused: `${hostname} resolved to no address` };
        return { addresses: found.map((a) => a.address) };
    }
}
/** Failures where the next address of the name may still answer (`localhost` as ::1, then 127.0.0.1). */
const NEXT_ADDRESS = new Set([
    'ECONNREFUSED',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EADDRNOTAVAIL',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * Wraps undici's connector: the host is resolved and checked here, then the checked addresses themselves are
 * dialled in turn (with the original name kept for TLS SNI and certificate checks), so no second lookup can
 * answer differently (no time-of-check/time-of-use gap, no DNS rebinding).
 */
function guardedConnector(guard, inner) {
    return (opts, callback) => {
        const port = Number(opts.port) || defaultPort(opts.protocol);
        const servername = opts.servername ?? ((0,http_address/* parseIp */.r5)(opts.hostname) ? undefined : opts.hostname);
        const dial = (addresses, at) => {
            inner({ ...opts, hostname: addresses[at], ...(servername ? { servername } : {}) }, (error, socket) => {
                const code = error?.code;
                if (error && at + 1 < addresses.length && typeof code === 'string' && NEXT_ADDRESS.has(code)) {
                    dial(addresses, at + 1);
                    return;
                }
                if (error)
                    callback(error, null);
                else
                    callback(null, socket);
            });
        };
        guard.resolve(opts.hostname, port).then((result) => {
            if ('refused' in result)
                callback(new BlockedAddressError(result.refused), null);
            else
                dial(result.addresses, 0);
        }, (error) => callback(error instanceof Error ? error : new Error(String(error)), null));
    };
}

;// CONCATENATED MODULE: ./src/registry/http/dispatcher.ts




const first = (env, ...names) => {
    for (const name of names)
        if (env[name] !== undefined)
            return env[name];
    return undefined;
};
/**
 * The trusted roots for the run: Node's bundled ones plus `NODE_EXTRA_CA_CERTS`, read explicitly so it
 * applies even when the variable reached us through the environment object rather than at process start.
 */
function caOptions(env) {
    const extra = env.NODE_EXTRA_CA_CERTS;
    if (!extra)
        return { options: {}, warnings: [] };
    try {
        return { options: { ca: [...(external_node_tls_default()).rootCertificates, (0,external_node_fs_.readFileSync)(extra, 'utf8')] }, warnings: [] };
    }
    catch (error) {
        const code = error.code ?? 'error';
        return {
            options: {},
            warnings: [
                `NODE_EXTRA_CA_CERTS=${extra} cannot be read (${code}); registries signed by that CA will fail TLS`,
            ],
        };
    }
}
/**
 * The undici dispatcher every registry request goes through. Proxies come from the run's environment
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, lowercase too, as curl and undici's EnvHttpProxyAgent read them);
 * plain-HTTP registries go through an HTTP proxy in absolute form, not a CONNECT tunnel, as curl does.
 *
 * Every TLS connection of the run shares one secure context. Given `ca` instead, Node builds a context per
 * connection, parsing all ~150 bundled roots each time (75 ms of CPU against 0.25 ms for the default
 * context: issue 14 measured 16 unreachable images taking twice as long). Without a proxy it is built on
 * the first TLS connection, so a run that reads only caches or `oci:` layouts never pays for it.
 */
function createDispatcher(opts) {
    const { options, warnings } = caOptions(opts.env);
    const create = opts.createSecureContext ?? (external_node_tls_default()).createSecureContext;
    let context;
    const secureContext = () => (context ??= create(options));
    let secure;
    let plain;
    const connect = guardedConnector(opts.guard, (connectOpts, callback) => {
        if (connectOpts.protocol === 'https:')
            (secure ??= (0,undici/* buildConnector */.gU)({ secureContext: secureContext() }))(connectOpts, callback);
        else
            (plain ??= (0,undici/* buildConnector */.gU)({}))(connectOpts, callback);
    });
    const common = { connections: opts.connections, connect };
    const httpProxy = first(opts.env, 'http_proxy', 'HTTP_PROXY');
    const httpsProxy = first(opts.env, 'https_proxy', 'HTTPS_PROXY');
    if (!httpProxy && !httpsProxy)
        return { dispatcher: new undici/* Agent */.g6(common), warnings };
    const tlsOptions = { secureContext: secureContext() };
    const dispatcher = new undici/* EnvHttpProxyAgent */.J2({
        ...common,
        // Empty strings, not undefined: undefined would make undici fall back to process.env.
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? '',
        noProxy: first(opts.env, 'no_proxy', 'NO_PROXY') ?? '',
        proxyTunnel: false,
        requestTls: tlsOptions,
        proxyTls: tlsOptions,
    });
    return { dispatcher, warnings };
}

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/registry/http/head.ts



/** Failures that say nothing about HEAD and that a GET would meet the same way: reported as they are. */
const FINAL = new Set([
    'timeout',
    'rate-limited',
    'refused',
    'cancelled',
    'internal',
]);
/**
 * Reads a HEAD's answer. `Docker-Content-Digest` is what HEAD is for (distribution spec, "Checking if
 * content exists in the registry"); a 2xx without it, a 405/501 or a 5xx after retries, and a HEAD the
 * server or a proxy drops (no answer after retries) mean the origin does not answer HEAD usefully. Other
 * failures (a 404, a 401) are read again with GET, whose body carries the registry's error codes.
 */
function readHead(got) {
    if (!(0,source/* isFailure */.N)(got)) {
        const digest = got.response.headers['docker-content-digest']?.trim();
        return digest && (0,registry_digest/* parseDigest */.m)(digest) ? { digest } : { get: true, headWorks: false };
    }
    if (got.cause === 'registry-error' || (got.cause === 'unreachable' && !got.outage))
        return { get: true, headWorks: false };
    return FINAL.has(got.cause) ? got : { get: true, headWorks: true };
}
/** Where an origin's HEAD support is remembered across runs, beside the tag hints. */
const memoryKey = (origin) => `HEAD ${origin}`;
/**
 * Per origin: whether HEAD works. The first HEAD to an origin not known yet goes alone (a probe) and the
 * origin's other tags wait for its verdict, so a registry without HEAD costs one wasted request per run,
 * not one per image. Once an origin answered a HEAD in any meaningful way (a digest, a 404, a 401, a
 * timeout), its HEADs go out in parallel; once it refused one, its tags are read with GET directly.
 *
 * With `memory` (the cache's tag hints), an origin whose HEAD answered with a digest in an earlier run is
 * not probed again: a warm run's HEADs all start at once. Should it stop answering HEAD, the HEADs already
 * in flight (at most the per-origin concurrency) fall back to GET and the memory is dropped.
 */
class HeadSupport {
    #origins = new Map();
    #memory;
    constructor(memory) {
        this.#memory = memory;
    }
    /** HEADs a tag with `send`, or answers `{get: true}` at once when `origin` is known not to do HEAD. */
    async announce(origin, send) {
        for (;;) {
            const state = this.#origins.get(origin) ?? this.#recall(origin);
            if (state === 'refused')
                return { get: true, headWorks: false };
            if (state instanceof Promise) {
                await state;
                continue;
            }
            // A bug below must not leave every later tag of the origin waiting on a rejected verdict.
            const answer = send().then(readHead, (error) => (0,source/* fail */.f)('internal', `HEAD to ${origin} failed unexpectedly: ${(0,errors/* errorMessage */.g)(error)}`));
            if (state === 'unknown') {
                this.#origins.set(origin, answer.then((a) => {
                    const works = !('get' in a) || a.headWorks;
                    this.#set(origin, works ? 'works' : 'refused');
                    // Off the waiters' path: they go as soon as the verdict is known.
                    if ('digest' in a)
                        void this.#memory?.remember(memoryKey(origin), a.digest);
                }));
            }
            else {
                void answer.then(async (a) => {
                    if (!('get' in a) || a.headWorks || this.#origins.get(origin) === 'refused')
                        return;
                    this.#set(origin, 'refused');
                    await this.#memory?.forget(memoryKey(origin));
                });
            }
            return answer;
        }
    }
    /** Looks the origin up in the memory once; every caller waits for the answer. */
    #recall(origin) {
        if (!this.#memory)
            return 'unknown';
        const memory = this.#memory;
        const recalled = memory.hint(memoryKey(origin)).then((digest) => {
            if (!(this.#origins.get(origin) instanceof Promise))
                return;
            this.#origins.set(origin, digest ? 'works' : 'unknown');
        });
        this.#origins.set(origin, recalled);
        return recalled;
    }
    #set(origin, state) {
        // A refusal seen by any request stands: one in flight when the probe succeeded may still meet one.
        if (this.#origins.get(origin) !== 'refused')
            this.#origins.set(origin, state);
    }
}

;// CONCATENATED MODULE: ./src/registry/http/memo.ts

/**
 * Fetches shared by key for the whole run: the first caller fetches, later and concurrent callers get its
 * answer. Only content checked against its digest is worth sharing this way; a failure is not kept, so
 * another caller (another repository, with other credentials) may still succeed.
 */
class FetchMemo {
    #entries = new Map();
    get(key, fetch) {
        let entry = this.#entries.get(key);
        if (!entry) {
            entry = fetch().then((result) => {
                if ((0,source/* isFailure */.N)(result))
                    this.#entries.delete(key);
                return result;
            });
            this.#entries.set(key, entry);
        }
        return entry;
    }
}

// EXTERNAL MODULE: ./src/images/reference.ts + 2 modules
var reference = __webpack_require__(3935);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var manifest = __webpack_require__(506);
;// CONCATENATED MODULE: ./src/registry/http/integrity.ts

/**
 * The bytes a manifest's digest is computed over. For everything but signed schema1 that is the bytes as
 * served. A signed schema1 manifest (JWS, libtrust) is digested without its signatures: the payload is the
 * served bytes up to `formatLength` followed by the base64url `formatTail`, both named in the first
 * signature's protected header (distribution manifest/schema1 and docker/libtrust jsonsign.go).
 */
function manifestPayload(bytes, parsed) {
    // Signatures decide, not the media type: registries label signed schema1 either way.
    if (parsed.kind !== 'schema1')
        return bytes;
    try {
        const doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
        const encoded = doc.signatures?.[0]?.protected;
        if (typeof encoded !== 'string')
            return bytes;
        const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
        const { formatLength, formatTail } = header;
        if (typeof formatLength !== 'number' || typeof formatTail !== 'string')
            return bytes;
        if (!Number.isSafeInteger(formatLength) || formatLength < 0 || formatLength > bytes.length)
            return bytes;
        return Buffer.concat([
            Buffer.from(bytes.subarray(0, formatLength)),
            Buffer.from(formatTail, 'base64url'),
        ]);
    }
    catch {
        return bytes;
    }
}
/**
 * Checks a manifest against the digest the reference pins and the `Docker-Content-Digest` the registry
 * announced (distribution spec: "the client SHOULD verify the returned manifest signature/digest").
 * Returns the digest of the payload, or the first mismatch.
 */
function checkManifestDigest(payload, pinned, announced) {
    const actual = (0,registry_digest/* sha256Digest */.sI)(payload);
    if (pinned !== undefined && !(0,registry_digest/* verifyDigest */.Ub)(payload, pinned)) {
        return { mismatch: { expected: pinned, actual, claimedBy: 'reference' } };
    }
    const header = announced?.trim();
    if (header && !(0,registry_digest/* verifyDigest */.Ub)(payload, header)) {
        return { mismatch: { expected: header, actual, claimedBy: 'Docker-Content-Digest' } };
    }
    return { digest: pinned ?? actual };
}

;// CONCATENATED MODULE: ./src/registry/http/content.ts






const ACCEPT = manifest/* MANIFEST_ACCEPT */.dY.join(', ');
/** The first ranged read is small (the file deep mode looks for is often near a layer's start); later ones grow. */
const FIRST_CHUNK = 64 * 1024;
const LARGEST_CHUNK = 1024 * 1024;
/**
 * Deep mode's reads from one repository over the Distribution API: manifests by digest (verified), config
 * blobs through the run's BlobCache, and layers as successive `Range` requests (RFC 9110 section 14), so a
 * reader that stops early has downloaded only what it read. A registry that ignores Range answers 200 with
 * the whole blob, which is then used as is (the transport's body limit still applies).
 */
function httpContent(client, blobs, ref) {
    const endpoint = client.endpoint;
    const image = (0,reference/* canonicalImage */.KN)(ref);
    const url = (kind, digest) => (0,http_endpoint/* apiUrl */.y0)(endpoint, ref.repository, kind, digest);
    const notBlob = (what, digest) => (0,source/* fail */.f)('integrity', `the ${what} ${digest} of ${image} served by ${(0,http_endpoint/* describeEndpoint */.N2)(endpoint)} does not hash to its digest`);
    return {
        async manifest(digest, signal) {
            const ctx = { endpoint, image, what: 'manifest' };
            const got = await client.get(url('manifests', digest), ACCEPT, ctx, ref.repository, signal);
            if ((0,source/* isFailure */.N)(got))
                return got;
            const { body, headers } = got.response;
            const payload = manifestPayload(body, (0,manifest/* parseManifest */.Ng)(body, headers['content-type']));
            return 'mismatch' in checkManifestDigest(payload, digest, undefined)
                ? notBlob('manifest', digest)
                : body;
        },
        blob(digest, signal) {
            return blobs.get(digest, async () => {
                const ctx = { endpoint, image, what: 'config blob' };
                const got = await client.get(url('blobs', digest), undefined, ctx, ref.repository, signal);
                if ((0,source/* isFailure */.N)(got))
                    return got;
                return (0,registry_digest/* verifyDigest */.Ub)(got.response.body, digest) ? got.response.body : notBlob('config blob', digest);
            });
        },
        async *openBlob(digest, maxBytes, signal) {
            const ctx = { endpoint, image, what: 'layer blob' };
            let offset = 0;
            let chunk = FIRST_CHUNK;
            while (offset < maxBytes) {
                const end = Math.min(offset + chunk, maxBytes) - 1;
                const range = { range: `bytes=${offset}-${end}` };
                const got = await client.get(url('blobs', digest), undefined, ctx, ref.repository, signal, range);
                if ((0,source/* isFailure */.N)(got)) {
                    yield got;
                    return;
                }
                const { status, body, headers } = got.response;
                if (status === 206) {
                    if (body.length === 0)
                        return;
                    yield body;
                    offset += body.length;
                    if (!moreAfter(headers['content-range'], offset))
                        return;
                }
                else {
                    // 200: the registry ignored Range and sent the whole blob.
                    const rest = body.subarray(offset, Math.min(body.length, maxBytes));
                    if (rest.length > 0)
                        yield rest;
                    return;
                }
                chunk = Math.min(chunk * 2, LARGEST_CHUNK);
            }
        },
    };
}
/** `Content-Range: bytes 0-65535/1234567`: whether bytes remain after `offset`; unknown totals read on. */
function moreAfter(contentRange, offset) {
    const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1];
    return total === undefined || offset < Number(total);
}

;// CONCATENATED MODULE: ./src/registry/http/resolve.ts








const resolve_ACCEPT = manifest/* MANIFEST_ACCEPT */.dY.join(', ');
/**
 * Resolves references on one HTTP endpoint: the manifest with every manifest kind in Accept, its digest
 * checked, then an index's child platforms (attestations skipped) or a single manifest's platform from its
 * config blob. The OCI distribution spec: https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pulling-manifests
 *
 * With a cache, what is known by digest is not fetched again: a digest-pinned reference whose manifest
 * (and config) are cached costs no request at all. A tag is HEADed first (Docker Hub does not count HEADs
 * as pulls) and its manifest read with GET only when the digest the HEAD names is not known, from this
 * tag, another tag or a pinned reference, in this run or an earlier one. Registries whose HEAD fails or
 * names no digest are read with GET (HeadSupport: one wasted HEAD per origin). Without a cache
 * (`--no-cache`) tags are read with GET directly: no digest could be known.
 *
 * `signal` is the shared work's deadline; de-duplication and per-caller cancellation live in the router.
 */
class HttpImageSource {
    #client;
    #deps;
    #cache;
    /** Manifests by repository and digest: a tag and a pinned reference to one image cost one GET. */
    #manifests = new FetchMemo();
    get client() {
        return this.#client;
    }
    constructor(client, deps) {
        this.#client = client;
        this.#deps = deps;
        this.#cache = deps.cache;
    }
    /** The manifest GETs `ref` may cost: none when pinned and cached or a tag read before, else one. */
    async expectedPulls(ref) {
        if (ref.digest)
            return (await this.#cache?.get(ref.digest)) ? 0 : 1;
        return this.#cache && (await this.#cache.hint(this.#tagKey(ref))) ? 0 : 1;
    }
    content(ref) {
        return httpContent(this.#client, this.#deps.blobs, ref);
    }
    async resolve(ref, signal = new AbortController().signal) {
        const image = (0,reference/* canonicalImage */.KN)(ref);
        if (ref.digest)
            return this.#byDigest(ref, image, ref.digest, signal);
        const tag = ref.tag ?? 'latest';
        if (!this.#cache)
            return this.#resolved(ref, image, await this.#get(ref, image, tag, signal), signal);
        const cache = this.#cache;
        const answer = await this.#head(ref, image, tag, signal);
        if ((0,source/* isFailure */.N)(answer))
            return answer;
        const resolution = 'digest' in answer
            ? await this.#byDigest(ref, image, answer.digest, signal)
            : await this.#resolved(ref, image, await this.#get(ref, image, tag, signal), signal);
        // The hint only estimates pulls up front (expectedPulls): rewritten when the tag moved.
        if (!(0,source/* isFailure */.N)(resolution))
            await cache.remember(this.#tagKey(ref), resolution.digest);
        return resolution;
    }
    /** Where a tag's hint is kept: per endpoint, since a mirror may lag behind the registry. */
    #tagKey(ref) {
        const endpoint = this.#client.endpoint;
        return `${endpoint.origin}/${(0,http_endpoint/* repositoryPath */.SH)(endpoint, ref.repository)}:${ref.tag ?? 'latest'}`;
    }
    async #cached(digest) {
        const bytes = await this.#cache?.get(digest);
        if (bytes)
            this.#deps.usage?.cacheHit();
        return bytes;
    }
    /** HEADs the tag, unless its origin is known not to answer HEAD this run. */
    #head(ref, image, tag, signal) {
        const endpoint = this.#client.endpoint;
        const ctx = { endpoint, image, what: 'manifest' };
        const url = (0,http_endpoint/* apiUrl */.y0)(endpoint, ref.repository, 'manifests', tag);
        return this.#deps.heads.announce(endpoint.origin, () => this.#client.get(url, resolve_ACCEPT, ctx, ref.repository, signal, {}, 'HEAD'));
    }
    /** A manifest by digest: from the cache, from a GET already made this run, or read now. */
    async #byDigest(ref, image, digest, signal) {
        const cached = await this.#cached(digest);
        if (cached)
            return this.#interpret(ref, image, cached, digest, undefined, signal);
        const key = `${(0,http_endpoint/* repositoryPath */.SH)(this.#client.endpoint, ref.repository)}@${digest}`;
        const got = await this.#manifests.get(key, () => this.#get(ref, image, digest, signal));
        return this.#resolved(ref, image, got, signal);
    }
    async #resolved(ref, image, got, signal) {
        if ((0,source/* isFailure */.N)(got))
            return got;
        return this.#interpret(ref, image, got.body, got.digest, got.contentType, signal, got.parsed);
    }
    /**
     * GETs the manifest by tag or digest and checks it against the digest asked for and the one the registry
     * announces; a checked manifest is kept in the cache.
     */
    async #get(ref, image, reference, signal) {
        const endpoint = this.#client.endpoint;
        const ctx = { endpoint, image, what: 'manifest' };
        const got = await this.#client.get((0,http_endpoint/* apiUrl */.y0)(endpoint, ref.repository, 'manifests', reference), resolve_ACCEPT, ctx, ref.repository, signal);
        if ((0,source/* isFailure */.N)(got))
            return got;
        const { body, headers } = got.response;
        const parsed = (0,manifest/* parseManifest */.Ng)(body, headers['content-type']);
        const asked = (0,registry_digest/* parseDigest */.m)(reference) ? reference : undefined;
        const checked = checkManifestDigest(manifestPayload(body, parsed), asked, headers['docker-content-digest']);
        if ('mismatch' in checked) {
            const { expected, actual, claimedBy } = checked.mismatch;
            const claim = claimedBy === 'Docker-Content-Digest'
                ? 'the Docker-Content-Digest the registry announced'
                : ref.digest
                    ? 'the digest the reference pins'
                    : 'the digest the registry announced for the tag';
            return (0,source/* fail */.f)('integrity', `the manifest ${(0,http_endpoint/* describeEndpoint */.N2)(endpoint)} served for ${image} hashes to ${actual}, not ${expected} (${claim}); ` +
                'the registry, a mirror or a proxy altered it: do not deploy it until the source is trusted');
        }
        const { digest } = checked;
        // Signed schema1 is digested without its signatures, so its bytes never verify as an entry: not kept.
        if (this.#cache && parsed.kind !== 'invalid' && (0,registry_digest/* verifyDigest */.Ub)(body, digest))
            await this.#cache.put(digest, body);
        return { body, digest, contentType: headers['content-type'], parsed };
    }
    async #interpret(ref, image, body, digest, contentType, signal, parsed = (0,manifest/* parseManifest */.Ng)(body, contentType)) {
        const endpoint = this.#client.endpoint;
        switch (parsed.kind) {
            case 'invalid':
                return (0,source/* fail */.f)('invalid', `the manifest of ${image} on ${(0,http_endpoint/* describeEndpoint */.N2)(endpoint)} cannot be read: ${parsed.reason}`);
            case 'index': {
                const empty = (0,manifest/* emptyIndexReason */.o_)(parsed.manifests);
                if (empty)
                    return (0,source/* fail */.f)('not-an-image', `${image} on ${(0,http_endpoint/* describeEndpoint */.N2)(endpoint)}: ${empty}`);
                return { kind: 'index', digest, platforms: (0,manifest/* indexPlatforms */.DB)(parsed.manifests) };
            }
            case 'schema1':
                return { kind: 'single', digest, platform: parsed.platform };
            case 'manifest': {
                const { config } = parsed;
                if (!(0,manifest/* isImageConfigMediaType */.i8)(config.mediaType) || parsed.artifactType !== undefined) {
                    const type = parsed.artifactType ?? config.mediaType;
                    return (0,source/* fail */.f)('not-an-image', `${image} is an OCI artifact (${type}), not a container image: no platform to check`);
                }
                const blob = await this.#configBlob(ref, image, config.digest, signal);
                if ((0,source/* isFailure */.N)(blob))
                    return blob;
                const platform = (0,manifest/* platformFromConfig */.M3)(blob, config.mediaType);
                if ('error' in platform)
                    return (0,source/* fail */.f)(platform.cause, `the config of ${image}: ${platform.error}`);
                return { kind: 'single', digest, platform };
            }
            default: {
                const unreachable = parsed;
                return (0,source/* fail */.f)('internal', `unhandled manifest ${JSON.stringify(unreachable)}`);
            }
        }
    }
    #configBlob(ref, image, digest, signal) {
        const endpoint = this.#client.endpoint;
        return this.#deps.blobs.get(digest, async () => {
            const cached = await this.#cached(digest);
            if (cached)
                return cached;
            const ctx = { endpoint, image, what: 'config blob' };
            const got = await this.#client.get((0,http_endpoint/* apiUrl */.y0)(endpoint, ref.repository, 'blobs', digest), undefined, ctx, ref.repository, signal);
            if ((0,source/* isFailure */.N)(got))
                return got;
            if (!(0,registry_digest/* verifyDigest */.Ub)(got.response.body, digest)) {
                return (0,source/* fail */.f)('integrity', `the config blob of ${image} served by ${(0,http_endpoint/* describeEndpoint */.N2)(endpoint)} does not hash to ${digest}`);
            }
            await this.#cache?.put(digest, got.response.body);
            return got.response.body;
        });
    }
}

;// CONCATENATED MODULE: ./src/registry/http/retry.ts
const DEFAULT_RETRY = {
    attempts: 4,
    connectAttempts: 2,
    connectRetryDelayMs: 50,
    rateLimitTrips: 3,
    rateLimitAttempts: 2,
    baseDelayMs: 250,
    maxDelayMs: 4_000,
    maxRetryAfterMs: 30_000,
};
/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Waits `ms`; false when `signal` aborted first. */
function sleep(ms, signal) {
    if (signal.aborted)
        return Promise.resolve(false);
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve(true);
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            resolve(false);
        };
        signal.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/registry/http/breaker.ts
/**
 * Error codes that mean the host cannot be reached at all, as opposed to a connection that broke midway:
 * DNS (getaddrinfo), the TCP connect, and the TLS handshake (OpenSSL verify codes, Node's ERR_TLS_* and
 * ERR_SSL_*, EPROTO for TLS spoken to a plain-HTTP port).
 */
const UNREACHABLE = new Set([
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_FAIL',
    'EAI_NODATA',
    'EAI_NONAME',
    'ECONNREFUSED',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'EADDRNOTAVAIL',
    'ENETDOWN',
    'UND_ERR_CONNECT_TIMEOUT',
    'EPROTO',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
function isUnreachableCode(code) {
    return code !== undefined && (UNREACHABLE.has(code) || /^ERR_(TLS|SSL)_/.test(code));
}
/** Hosts cut off for the rest of the run, and the 429s each host answered so far. */
class Breakers {
    #open = new Map();
    #rateLimited = new Map();
    #trips;
    constructor(rateLimitTrips) {
        this.#trips = Math.max(1, rateLimitTrips);
    }
    open(host) {
        return this.#open.get(host);
    }
    /** Cuts `host` off; the first reason stands, so every image of the host reports the same one. */
    tripUnreachable(host, reason) {
        let open = this.#open.get(host);
        if (!open) {
            open = { kind: 'unreachable', host, message: reason };
            this.#open.set(host, open);
        }
        return open;
    }
    /** Counts one 429 from `host`; true once it has answered enough of them to be left alone. */
    rateLimited(host) {
        const count = (this.#rateLimited.get(host) ?? 0) + 1;
        this.#rateLimited.set(host, count);
        if (count >= this.#trips && !this.#open.has(host)) {
            this.#open.set(host, {
                kind: 'rate-limited',
                host,
                message: `${count} HTTP 429 answers`,
            });
        }
        return count >= this.#trips;
    }
}

;// CONCATENATED MODULE: ./src/registry/http/limiter.ts
/**
 * A counting semaphore: at most `limit` holders at once, waiters served by priority (higher first), then
 * first come first served. The bounded-pool shape the style guide asks for instead of goroutine plumbing.
 */
class Limiter {
    #limit;
    #active = 0;
    #waiting = [];
    constructor(limit) {
        this.#limit = Math.max(1, Math.floor(limit));
    }
    /** Runs `fn` once a slot is free; an aborted signal gives up the wait (rejecting with the signal's reason). */
    async run(fn, signal, priority = 0) {
        await this.#acquire(signal, priority);
        try {
            return await fn();
        }
        finally {
            this.#release();
        }
    }
    #acquire(signal, priority) {
        signal?.throwIfAborted();
        if (this.#active < this.#limit) {
            this.#active++;
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const grant = () => {
                signal?.removeEventListener('abort', onAbort);
                this.#active++;
                resolve();
            };
            const waiter = { grant, priority };
            const onAbort = () => {
                const at = this.#waiting.indexOf(waiter);
                if (at >= 0)
                    this.#waiting.splice(at, 1);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            const after = this.#waiting.findLastIndex((w) => w.priority >= priority);
            this.#waiting.splice(after + 1, 0, waiter);
        });
    }
    #release() {
        this.#active--;
        this.#waiting.shift()?.grant();
    }
}
/** One limiter per key (a registry origin), all with the same limit, made on first use. */
class KeyedLimiter {
    #limit;
    #limiters = new Map();
    constructor(limit) {
        this.#limit = limit;
    }
    for(key) {
        let limiter = this.#limiters.get(key);
        if (!limiter) {
            limiter = new Limiter(this.#limit);
            this.#limiters.set(key, limiter);
        }
        return limiter;
    }
}

;// CONCATENATED MODULE: ./src/registry/http/transport.ts





const RETRYABLE_5XX = new Set([500, 502, 503, 504]);
function errorCode(error) {
    const e = error;
    const code = e?.code ?? e?.cause?.code;
    if (typeof code === 'string')
        return code;
    return typeof e?.message === 'string' ? e.message : 'connection failed';
}
/** The guard's refusal, wherever undici wrapped it. */
function blockedMessage(error) {
    for (let e = error; e;) {
        if (e.code === BLOCKED_CODE && typeof e.message === 'string')
            return e.message;
        e = e.cause;
    }
    return undefined;
}
/**
 * One HTTP exchange at a time, bounded per run and per origin, each with its own timeout and the run's
 * deadline. Redirects are not followed here: the caller decides which headers may travel to another host.
 */
class Transport {
    #opts;
    #all;
    #perOrigin;
    #breakers;
    constructor(opts) {
        this.#opts = opts;
        this.#all = new Limiter(opts.concurrency);
        this.#perOrigin = new KeyedLimiter(opts.concurrency);
        this.#breakers = new Breakers(opts.retry.rateLimitTrips);
    }
    /** Whether credentials may travel to `url`: HTTPS, or plain HTTP to a host the user allowed explicitly. */
    mayCarryCredentials(url) {
        return this.#opts.guard.mayCarryCredentials(url);
    }
    /** Sends once; `signal` is the run's deadline (or the shared work's), the timeout is added here. */
    async send(req, signal) {
        const url = new URL(req.url);
        const where = describeUrl(req.url);
        if (signal.aborted)
            return { ok: false, error: { kind: 'deadline', message: `deadline passed before ${where}` } };
        const refused = this.#opts.guard.checkUrl(url);
        if (refused)
            return { ok: false, error: { kind: 'blocked', message: refused } };
        // The timeout starts once a slot is ours: waiting behind other requests is not the server being slow.
        // A HEAD starts an image's chain of requests while a GET continues one (the manifest a HEAD named, its
        // config blob), so GETs go first: images already begun finish before new ones start, and a run ends
        // without a tail of images still waiting for their last round trips.
        const priority = req.method === 'HEAD' ? 0 : 1;
        let timeout;
        try {
            return await this.#perOrigin.for(url.origin).run(() => this.#all.run(async () => {
                // A breaker that tripped while this request waited for its slot holds it back too.
                const open = this.#breakers.open(url.host);
                if (open)
                    return { ok: false, error: { ...open } };
                timeout = AbortSignal.timeout(this.#opts.timeoutMs);
                return exchange(this.#opts.dispatcher, url, req, AbortSignal.any([signal, timeout]), this.#opts.maxBodyBytes ?? 16 * 1024 * 1024);
            }, signal, priority), signal, priority);
        }
        catch (error) {
            if (signal.aborted)
                return { ok: false, error: { kind: 'deadline', message: `deadline passed during ${where}` } };
            const blocked = blockedMessage(error);
            if (blocked)
                return { ok: false, error: { kind: 'blocked', message: blocked } };
            if (timeout?.aborted) {
                return {
                    ok: false,
                    error: {
                        kind: 'timeout',
                        message: `no complete answer within ${this.#opts.timeoutMs} ms from ${where}`,
                    },
                };
            }
            const code = errorCode(error);
            return { ok: false, error: { kind: 'network', code, message: `${code} from ${where}` } };
        }
    }
    /**
     * Sends with bounded retries: connection errors (including truncated bodies) and 500/502/503/504 back off
     * exponentially (or as Retry-After says); a 429 waits as Retry-After says when that is within
     * `maxRetryAfterMs`. Timeouts are not retried: the user's timeout already bounds the wait. The last
     * answer is returned as is, so the caller can report the status it ended on.
     *
     * Circuit breakers, per host for the run: a host that cannot be reached once its `connectAttempts` are
     * spent, or that answered `rateLimitTrips` 429s, gets no further request; its later requests fail at once.
     */
    async sendWithRetry(req, signal) {
        const policy = this.#opts.retry;
        const where = describeUrl(req.url);
        const host = new URL(req.url).host;
        for (let attempt = 1;; attempt++) {
            const open = this.#breakers.open(host);
            if (open)
                return { ok: false, error: { ...open }, attempts: attempt - 1 };
            const result = await this.send(req, signal);
            let wait;
            if (!result.ok) {
                const { kind, code } = result.error;
                const unreachable = kind === 'network' && isUnreachableCode(code);
                const limit = unreachable ? policy.connectAttempts : policy.attempts;
                if (kind !== 'network' || attempt >= limit) {
                    if (!unreachable)
                        return { ...result, attempts: attempt };
                    const tripped = this.#breakers.tripUnreachable(host, result.error.message);
                    this.#opts.logger.debug(`${host} unreachable (${result.error.message}): not tried again this run`);
                    return { ok: false, error: tripped, attempts: attempt };
                }
                wait = unreachable
                    ? policy.connectRetryDelayMs
                    : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
                this.#opts.logger.debug(`${result.error.message}; retry ${attempt}/${limit - 1} in ${wait} ms`);
            }
            else {
                const { status, headers } = result.response;
                if (status === 429 && this.#breakers.rateLimited(host)) {
                    this.#opts.logger.debug(`${host} rate-limited this run: no further requests are sent to it`);
                    return { ok: false, error: { ...this.#breakers.open(host) }, attempts: attempt };
                }
                const retryable = status === 429
                    ? attempt < policy.rateLimitAttempts
                    : RETRYABLE_5XX.has(status) && attempt < policy.attempts;
                if (!retryable)
                    return { ...result, attempts: attempt };
                const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
                wait = parseRetryAfter(headers['retry-after']) ?? backoff;
                if (wait > policy.maxRetryAfterMs)
                    return { ...result, attempts: attempt };
                this.#opts.logger.debug(`${req.method ?? 'GET'} ${where}: HTTP ${status}; retry in ${wait} ms`);
            }
            if (!(await sleep(wait, signal))) {
                return {
                    ok: false,
                    error: { kind: 'deadline', message: `deadline passed while waiting to retry ${where}` },
                    attempts: attempt,
                };
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/registry/cache/run-cache.ts
/**
 * The registry cache as one run sees it: each entry and tag hint is read from disk at most once per run.
 * The router's `plan` reads every tag's hint and every pinned manifest before the first request; the
 * resolutions that follow use those reads instead of queueing the same file reads again in libuv's small
 * thread pool, where they would delay the reads on the critical path (the docker config before the token
 * request, a manifest before its config blob). A miss is not kept: the entry may be written meanwhile.
 */
class RunCache {
    #cache;
    #entries = new Map();
    #hints = new Map();
    constructor(cache) {
        this.#cache = cache;
    }
    get(digest) {
        let read = this.#entries.get(digest);
        if (!read) {
            read = this.#cache.get(digest).then((bytes) => {
                if (!bytes)
                    this.#entries.delete(digest);
                return bytes;
            });
            this.#entries.set(digest, read);
        }
        return read;
    }
    put(digest, bytes) {
        return this.#cache.put(digest, bytes);
    }
    hint(reference) {
        let hint = this.#hints.get(reference);
        if (!hint) {
            hint = this.#cache.hint(reference);
            this.#hints.set(reference, hint);
        }
        return hint;
    }
    /** Remembers what `reference` points at now, writing only when that changed. */
    async remember(reference, digest) {
        if ((await this.hint(reference)) === digest)
            return;
        this.#hints.set(reference, Promise.resolve(digest));
        await this.#cache.remember(reference, digest);
    }
}

;// CONCATENATED MODULE: ./src/registry/http-stack.ts











function buildHttpStack(opts, shared) {
    const { logger, secrets, usage } = shared;
    const guard = new NetworkGuard(shared.allow, opts.resolver);
    const built = opts.dispatcher
        ? { dispatcher: opts.dispatcher, warnings: [] }
        : createDispatcher({ env: opts.env, connections: opts.settings.concurrency, guard });
    const { dispatcher, warnings } = built;
    for (const warning of warnings)
        logger.warning(warning);
    const transport = new Transport({
        guard,
        dispatcher,
        concurrency: opts.settings.concurrency,
        timeoutMs: opts.settings.timeoutMs,
        retry: { ...DEFAULT_RETRY, ...opts.retry },
        logger,
    });
    const credentials = new CredentialStore({
        env: opts.env,
        settings: opts.settings.credentials,
        githubToken: opts.githubToken,
        secrets,
        logger,
        timeoutMs: opts.settings.timeoutMs,
    });
    const auth = new Authenticator({
        transport,
        credentials,
        secrets,
        logger,
        usage,
        ...(opts.now ? { now: opts.now } : {}),
    });
    const blobs = new FetchMemo();
    const heads = new HeadSupport(opts.cache);
    const cache = opts.cache && new RunCache(opts.cache);
    return {
        dispatcher,
        auth,
        source: (endpoint) => new HttpImageSource(new RegistryClient(endpoint, { transport, auth, logger, usage }), {
            blobs,
            heads,
            cache,
            usage,
        }),
    };
}


/***/ })

};
