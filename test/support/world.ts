import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Image, type Index, attestation, blob, image, index, writeOciLayout } from './images.js';
import { pushDistribution, skopeoCopy } from './push.js';
import { type RunningRegistry, startRegistry } from './registry.js';
import { type TokenServer, startTokenServer } from './token-server.js';

/** The images every registry test resolves, named by scenario, with where they were pushed. */
export interface Scenarios {
  ociIndex: Index;
  ociSingle: Image;
  dockerList: Index;
  dockerSchema2: Image;
  helmChart: Image;
}

export interface World {
  dir: string;
  /** No auth. */
  open: RunningRegistry;
  /** htpasswd Basic auth, same storage. */
  basic: RunningRegistry;
  /** `auth: token` with our token server, same storage. */
  token: RunningRegistry;
  tokenServer: TokenServer;
  scenarios: Scenarios;
  users: {
    basic: { user: string; password: string };
    token: { user: string; password: string };
    refreshToken: string;
  };
  stop(): Promise<void>;
}

export const TOKEN_SERVICE = 'archcheck-test-registry';
const TOKEN_ISSUER = 'archcheck-test-issuer';

function helmChart(): Image {
  const config = blob(
    'application/vnd.cncf.helm.config.v1+json',
    JSON.stringify({ name: 'demo', version: '0.1.0', apiVersion: 'v2' }),
  );
  const chart = blob(
    'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
    Buffer.from('not really a chart'),
  );
  const manifest = blob(
    'application/vnd.oci.image.manifest.v1+json',
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
      layers: [{ mediaType: chart.mediaType, digest: chart.digest, size: chart.size }],
    }),
  );
  return { manifest, config, layers: [chart], platform: { os: 'unknown', architecture: 'unknown' } };
}

/**
 * Starts three registries over one storage root (no auth, htpasswd, token) plus the token server, and
 * pushes the scenarios: OCI layouts with `skopeo copy --all`, Docker-typed images with the Distribution API.
 * Repositories: scenarios/{oci-index,oci-single,docker-list,docker-schema2,helm-chart}:v1, and the schema2
 * image again as hub-proxy/library/nginx:1.27 (a pull-through cache's path prefix) and copies/oci-single:v1.
 */
export async function startWorld(): Promise<World> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-registry-'));
  const root = path.join(dir, 'storage');
  const stops: (() => Promise<void>)[] = [];
  try {
    const open = await startRegistry({ root, dir });
    stops.push(open.stop);
    const amd64 = image({ os: 'linux', architecture: 'amd64' });
    const arm64 = image({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    const scenarios: Scenarios = {
      ociIndex: index([amd64, arm64], { attestations: [attestation(amd64), attestation(arm64)] }),
      ociSingle: image({ os: 'linux', architecture: 'arm', variant: 'v7' }),
      dockerList: index(
        [
          image({ os: 'linux', architecture: 'amd64' }, { docker: true }),
          image({ os: 'linux', architecture: 's390x' }, { docker: true }),
        ],
        { docker: true },
      ),
      dockerSchema2: image({ os: 'linux', architecture: 'ppc64le' }, { docker: true }),
      helmChart: helmChart(),
    };
    const layout = path.join(dir, 'layout');
    await writeOciLayout(layout, { 'oci-index': scenarios.ociIndex, 'oci-single': scenarios.ociSingle });
    await Promise.all([
      skopeoCopy(layout, 'oci-index', open.host, 'scenarios/oci-index', 'v1'),
      skopeoCopy(layout, 'oci-single', open.host, 'scenarios/oci-single', 'v1'),
      pushDistribution(open.host, 'scenarios/docker-list', 'v1', scenarios.dockerList),
      pushDistribution(open.host, 'scenarios/docker-schema2', 'v1', scenarios.dockerSchema2),
      pushDistribution(open.host, 'scenarios/helm-chart', 'v1', scenarios.helmChart),
      pushDistribution(open.host, 'hub-proxy/library/nginx', '1.27', scenarios.dockerSchema2),
      pushDistribution(open.host, 'copies/oci-single', 'v1', scenarios.ociSingle),
    ]);

    const users = {
      basic: { user: 'basic-user', password: 'basic-Pa55-word-7c1f' },
      token: { user: 'token-user', password: 'token-Pa55-word-93ab' },
      refreshToken: 'refresh-token-5d2e8a90',
    };
    const basic = await startRegistry({
      root,
      dir,
      auth: { kind: 'htpasswd', users: { [users.basic.user]: users.basic.password } },
    });
    stops.push(basic.stop);
    const tokenServer = await startTokenServer({
      dir,
      issuer: TOKEN_ISSUER,
      service: TOKEN_SERVICE,
      users: { [users.token.user]: users.token.password },
      refreshTokens: { [users.refreshToken]: users.token.user },
    });
    stops.push(tokenServer.stop);
    const token = await startRegistry({
      root,
      dir,
      auth: {
        kind: 'token',
        realm: tokenServer.realm,
        service: TOKEN_SERVICE,
        issuer: TOKEN_ISSUER,
        rootCertBundle: tokenServer.certPath,
      },
    });
    stops.push(token.stop);
    return {
      dir,
      open,
      basic,
      token,
      tokenServer,
      scenarios,
      users,
      stop: async () => {
        await Promise.all(stops.map((s) => s()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(stops.map((s) => s()));
    throw error;
  }
}

/**
 * Writes an executable `docker-credential-<name>` that answers `get` for the listed servers the way
 * docker-credential-helpers do, and appends each server URL it was asked for to `<bin>/<name>.calls`.
 */
export async function writeCredentialHelper(
  bin: string,
  name: string,
  answers: Record<string, { Username: string; Secret: string }>,
): Promise<string> {
  await mkdir(bin, { recursive: true });
  const cases = Object.entries(answers)
    .map(
      ([server, creds]) =>
        `  '${server}') printf '%s' '${JSON.stringify({ ServerURL: server, ...creds })}' ;;`,
    )
    .join('\n');
  const script = `#!/bin/sh
[ "$1" = get ] || { echo "unsupported action $1" >&2; exit 1; }
server=$(cat)
printf '%s\\n' "$server" >> '${path.join(bin, `${name}.calls`)}'
case "$server" in
${cases}
  *) printf 'credentials not found in native keychain\\n'; exit 1 ;;
esac
`;
  const file = path.join(bin, `docker-credential-${name}`);
  await writeFile(file, script);
  await chmod(file, 0o755);
  return file;
}
