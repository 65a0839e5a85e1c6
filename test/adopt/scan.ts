import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { EngineOptions } from '../../src/engine/options.js';
import type { Report } from '../../src/engine/report.js';
import { runArchcheck } from '../../src/engine/run.js';
import { RecordingLogger } from '../../src/logger.js';
import { imageTable } from '../engine/fake-source.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes a small tree (path -> text) to a temporary directory. */
export async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archcheck-adopt-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the engine over a tree with the shared image table (example.com/amd64-only lacks arm64). */
export async function scan(
  files: Record<string, string>,
  options: Partial<EngineOptions> = {},
  today = '2026-06-15',
): Promise<{ report: Report; warnings: string[]; infos: string[]; cwd: string }> {
  const cwd = await tree(files);
  const logger = new RecordingLogger();
  const report = await runArchcheck(
    { cwd, paths: ['.'], ...options },
    { logger, imageSource: imageTable(), now: () => new Date(`${today}T12:00:00Z`) },
  );
  const of = (level: string) => logger.lines.filter((l) => l.level === level).map((l) => l.message);
  return { report, warnings: of('warning'), infos: of('info'), cwd };
}

/** A Deployment of one amd64-only container, `extra` lines inserted before the `image:` line. */
export function deployment(
  name: string,
  opts: { above?: string; trailing?: string; metadata?: string } = {},
): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(opts.metadata ? [opts.metadata] : []),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    ...(opts.above ? [`          ${opts.above}`] : []),
    `          image: example.com/amd64-only:1.0${opts.trailing ? ` ${opts.trailing}` : ''}`,
    '',
  ].join('\n');
}

/** One cluster with amd64 and arm64 pools: an amd64-only image fails on arm64. */
export const CLUSTER = `clusters:
  - name: prod
    nodePools:
      - { name: x86, arch: amd64 }
      - { name: graviton, arch: arm64 }
`;
