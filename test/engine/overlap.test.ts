import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import { canonicalImage, type ImageRef } from '../../src/images/reference.js';
import { RecordingLogger } from '../../src/logger.js';
import type { ImageSource, Resolution } from '../../src/registry/source.js';
import { index, linux } from './fake-source.js';

const FILES = 40;
let dir: string;

const deployment = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  template:
    spec:
      containers:
        - name: app
          image: example.com/app-${i % 10}:1
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-overlap-'));
  for (let i = 0; i < FILES; i++) await writeFile(path.join(dir, `app-${i}.yaml`), deployment(i));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes each resolve into the run's log, so its place among the stages' lines shows when it started. */
class LoggingSource implements ImageSource {
  constructor(private readonly logger: RecordingLogger) {}
  async resolve(ref: ImageRef): Promise<Resolution> {
    this.logger.debug(`resolve ${canonicalImage(ref)}`);
    return index(linux('amd64'), linux('arm64'));
  }
}

test('images resolve while files are still being parsed, each once', async () => {
  const logger = new RecordingLogger();
  const report = await runArchcheck(
    { cwd: dir, paths: ['.'] },
    { logger, imageSource: new LoggingSource(logger), env: {} },
  );
  const messages = logger.lines.map((l) => l.message);
  const resolves = messages.filter((m) => m.startsWith('resolve '));
  const parsed = messages.findIndex((m) => /^\d+ file\(s\), \d+ workload\(s\) in/.test(m));
  expect(resolves).toHaveLength(10);
  expect(new Set(resolves).size).toBe(10);
  // The first image was asked for before the last file was parsed, not after the parse stage ended.
  expect(messages.indexOf(resolves[0]!)).toBeLessThan(parsed);
  expect(messages[parsed]).toMatch(new RegExp(`^${FILES} file\\(s\\), ${FILES} workload\\(s\\) in`));
  expect(report.findings.filter((f) => f.rule.startsWith('image-'))).toEqual([]);
});
