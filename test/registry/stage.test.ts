import { expect, test } from 'vitest';
import { canonicalImage, type ImageRef, parseImageReference } from '../../src/images/reference.js';
import { RecordingLogger } from '../../src/logger.js';
import type { ImageSource, Resolution } from '../../src/registry/source.js';
import { openImageStage } from '../../src/registry/stage.js';
import type { Workload } from '../../src/workloads/workload.js';

const at = { file: 'deploy.yaml', line: 1, column: 1 };

/** A Deployment whose containers run `images` (as written). */
function workload(...images: string[]): Workload {
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    name: 'app',
    location: at,
    containers: images.map((image, i) => {
      const parsed = parseImageReference(image);
      if (!parsed.ok) throw new Error(parsed.reason);
      return { name: `c${i}`, type: 'container', image, ref: parsed.ref, location: at };
    }),
    scheduling: { nodeSelector: [], tolerations: [] },
  };
}

/** An image source whose answers wait until the test releases them; records every call, in order. */
class HeldSource implements ImageSource {
  readonly calls: string[] = [];
  readonly #held: (() => void)[] = [];
  inFlight = 0;
  peak = 0;

  constructor(private readonly fail?: string) {}

  async resolve(ref: ImageRef): Promise<Resolution> {
    const key = canonicalImage(ref);
    this.calls.push(key);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    await new Promise<void>((resolve) => this.#held.push(resolve));
    this.inFlight--;
    if (key === this.fail) throw new Error('source bug');
    return {
      kind: 'single',
      digest: `sha256:${'a'.repeat(64)}`,
      platform: { os: 'linux', architecture: 'amd64' },
    };
  }

  release(): void {
    for (const go of this.#held.splice(0)) go();
  }
}

const settings = { mirrors: {}, credentials: {}, concurrency: 2, timeoutMs: 1000, deadlineMs: 1000 };
const ticks = () => new Promise((resolve) => setTimeout(resolve, 0));

function open(source: HeldSource) {
  const logger = new RecordingLogger();
  const stage = openImageStage({ settings, env: {}, logger, imageSource: source, noCache: true });
  return { stage, logger };
}

test('an image starts resolving when the first unit naming it arrives, once per canonical reference', async () => {
  const source = new HeldSource();
  const { stage } = open(source);
  stage.add([workload('nginx:1.27', 'docker.io/library/nginx:1.27')]);
  await ticks();
  expect(source.calls).toEqual(['docker.io/library/nginx:1.27']);
  stage.add([workload('index.docker.io/library/nginx:1.27', 'example.com/api:2')]);
  await ticks();
  expect(source.calls).toEqual(['docker.io/library/nginx:1.27', 'example.com/api:2']);
  source.release();
  const resolutions = await stage.resolutions();
  expect([...resolutions.keys()]).toEqual(['docker.io/library/nginx:1.27', 'example.com/api:2']);
});

test('at most four times the registry concurrency images are worked on at once', async () => {
  const source = new HeldSource();
  const { stage } = open(source);
  stage.add([workload(...Array.from({ length: 20 }, (_, i) => `example.com/app-${i}:1`))]);
  for (let i = 0; i < 5; i++) {
    await ticks();
    source.release();
  }
  await stage.resolutions();
  expect(source.calls).toHaveLength(20);
  expect(source.peak).toBe(settings.concurrency * 4);
});

test('a source that throws costs that image only, as an internal error', async () => {
  const source = new HeldSource('example.com/bad:1');
  const { stage } = open(source);
  stage.add([workload('example.com/bad:1', 'example.com/good:1')]);
  await ticks();
  source.release();
  const resolutions = await stage.resolutions();
  expect(resolutions.get('example.com/bad:1')).toMatchObject({ kind: 'error', cause: 'internal' });
  expect(resolutions.get('example.com/good:1')?.kind).toBe('single');
});

test.each([
  ['few images: the total only', 3, ['3 unique image(s) in']],
  [
    'twenty and more: progress in tenths',
    20,
    [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]
      .map((n) => `resolved ${n}/20 image(s)`)
      .concat('20 unique image(s) in'),
  ],
])('the "Resolve images" stage logs %s', async (_name, n, lines) => {
  const source = new HeldSource();
  const { stage, logger } = open(source);
  stage.add([workload(...Array.from({ length: n }, (_, i) => `example.com/app-${i}:1`))]);
  const done = stage.resolutions();
  for (let i = 0; i < 5; i++) {
    await ticks();
    source.release();
  }
  await done;
  expect(logger.lines[0]).toEqual({ level: 'group', message: 'Resolve images' });
  expect(logger.lines.slice(1).map((l) => l.message.replace(/ in \d+ ms$/, ' in'))).toEqual(lines);
});

test('nothing to resolve: an empty map, and closing an injected source spends nothing', async () => {
  const { stage } = open(new HeldSource());
  expect((await stage.resolutions()).size).toBe(0);
  expect(await stage.close()).toBeUndefined();
});
