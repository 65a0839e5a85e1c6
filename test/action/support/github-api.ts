import { afterEach, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/**
 * A GitHub REST API on loopback for the action's tests. Every request is checked against GitHub's published
 * OpenAPI description (@octokit/openapi, api.github.com): the method and path must match an operation, path
 * and query parameters must match their schemas, and the JSON body must match the operation's request body
 * schema. Whatever the description rejects is recorded in `violations`, which the tests assert empty.
 */

export interface ApiRequest {
  method: string;
  /** The operation's path template, e.g. `/repos/{owner}/{repo}/check-runs`. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  authorization?: string;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Handlers by `METHOD template`; a request no handler takes gets 404 and is listed in `unhandled`. */
export type Handlers = Record<string, (req: ApiRequest, api: GitHubApi) => ApiReply>;

export interface GitHubApi {
  url: string;
  requests: ApiRequest[];
  violations: string[];
  unhandled: string[];
  close(): Promise<void>;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  parameters: { name: string; in: string; required?: boolean; validate: ValidateFunction }[];
  body?: { required: boolean; validate: ValidateFunction };
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown }>>;
  components: Record<string, Record<string, unknown>>;
}

let spec: { doc: OpenApi; ajv: Ajv; operations: Map<string, Operation[]> } | undefined;

function load() {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApi;
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; `example`, `x-github` and friends are ignored.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  ajvFormats.default(ajv);
  ajv.addSchema({ $id: 'github', components: doc.components });
  spec = { doc, ajv, operations: new Map() };
  return spec;
}

/** Local `#/components/...` refs point into the `github` schema registered once. */
function compile(ajv: Ajv, schema: unknown): ValidateFunction {
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"github#/components/')));
}

function resolve<T>(doc: OpenApi, value: unknown): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as T;
  const [, , group, name] = ref.split('/');
  return resolve(doc, doc.components[group!]![name!]);
}

function operations(method: string): Operation[] {
  const { doc, ajv, operations: cache } = load();
  const cached = cache.get(method);
  if (cached) return cached;
  const list: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const op = item[method.toLowerCase()];
    if (!op) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      })}$`,
    );
    const lazy = () => {
      const parameters = (op.parameters ?? []).map((p) => {
        const param = resolve<{ name: string; in: string; required?: boolean; schema: unknown }>(doc, p);
        return {
          name: param.name,
          in: param.in,
          required: param.required,
          validate: compile(ajv, param.schema),
        };
      });
      const requestBody = op.requestBody
        ? resolve<{ required?: boolean; content: Record<string, { schema: unknown }> }>(doc, op.requestBody)
        : undefined;
      const schema = requestBody?.content['application/json']?.schema;
      return {
        parameters,
        body: schema
          ? { required: requestBody?.required ?? false, validate: compile(ajv, schema) }
          : undefined,
      };
    };
    let compiled: ReturnType<typeof lazy> | undefined;
    list.push({
      method,
      template,
      pattern,
      names,
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      get parameters() {
        return (compiled ??= lazy()).parameters;
      },
      get body() {
        return (compiled ??= lazy()).body;
      },
    });
  }
  cache.set(method, list);
  return list;
}

/** Checks one request against the description; returns the operation and the problems found. */
export function validateRequest(
  method: string,
  pathname: string,
  query: URLSearchParams,
  body: unknown,
): { op?: Operation; params: Record<string, string>; problems: string[] } {
  const matches = operations(method)
    .map((op) => ({ op, m: op.pattern.exec(pathname) }))
    .filter((x) => x.m)
    .sort((a, b) => b.op.literals - a.op.literals);
  const found = matches[0];
  if (!found)
    return { params: {}, problems: [`${method} ${pathname}: no such operation in the REST API description`] };
  const { op, m } = found;
  const params = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(m![i + 1]!)]));
  const where = `${method} ${op.template}`;
  const problems: string[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const raw = p.in === 'path' ? params[p.name] : (query.get(p.name) ?? undefined);
    if (raw === undefined) {
      if (p.required) problems.push(`${where}: missing ${p.in} parameter ${p.name}`);
      continue;
    }
    if (!p.validate(coerce(raw)))
      problems.push(`${where}: ${p.in} parameter ${p.name}=${raw}: ${JSON.stringify(p.validate.errors)}`);
  }
  const declared = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const key of query.keys())
    if (!declared.has(key)) problems.push(`${where}: undeclared query parameter ${key}`);
  if (op.body) {
    if (body === undefined) {
      if (op.body.required) problems.push(`${where}: request body required`);
    } else if (!op.body.validate(body)) {
      problems.push(`${where}: body rejected: ${JSON.stringify(op.body.validate.errors).slice(0, 2000)}`);
    }
  } else if (body !== undefined) problems.push(`${where}: takes no request body`);
  return { op, params, problems };
}

/** Query and path values arrive as text; their schemas say integer or string. */
function coerce(raw: string): unknown {
  return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
}

export async function startGitHubApi(handlers: Handlers): Promise<GitHubApi> {
  load();
  const api: GitHubApi = { url: '', requests: [], violations: [], unhandled: [], close: async () => {} };
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      api.violations.push(`test server error: ${String(error)}`);
      res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        api.violations.push(`${req.method} ${url.pathname}: body is not JSON`);
      }
    }
    const method = req.method ?? 'GET';
    const { op, params, problems } = validateRequest(method, url.pathname, url.searchParams, body);
    api.violations.push(...problems);
    const request: ApiRequest = {
      method,
      template: op?.template ?? url.pathname,
      params,
      query: url.searchParams,
      body,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    api.requests.push(request);
    const handler = handlers[`${method} ${request.template}`];
    if (!handler) api.unhandled.push(`${method} ${request.template}`);
    const reply = handler ? handler(request, api) : { status: 404, body: { message: 'Not Found' } };
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(payload);
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => new Promise((ok) => server.close(() => ok()));
  return api;
}

/** One page of `items` by `per_page`/`page`, with the Link header Octokit's paginate follows. */
export function paginate<T>(req: ApiRequest, api: GitHubApi, items: readonly T[], path: string): ApiReply {
  const perPage = Number(req.query.get('per_page') ?? 30);
  const page = Number(req.query.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (page < last)
    headers.link = `<${api.url}${path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${api.url}${path}?per_page=${perPage}&page=${last}>; rel="last"`;
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}

/**
 * For a test file: `serve(handlers)` starts the API for one test; after each test it must have seen no request
 * the OpenAPI description rejects and none without a handler, and it is closed.
 */
export function loopbackGitHubApi(): (handlers: Handlers) => Promise<GitHubApi> {
  let api: GitHubApi | undefined;
  afterEach(async () => {
    const current = api;
    api = undefined;
    if (!current) return;
    await current.close();
    expect(current.violations).toEqual([]);
    expect(current.unhandled).toEqual([]);
  });
  return async (handlers) => (api = await startGitHubApi(handlers));
}
