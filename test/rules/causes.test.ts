import { expect, test } from 'vitest';
import type { ResolutionCause } from '../../src/registry/source.js';
import { ruleForRenderProblem, ruleForResolution } from '../../src/rules/causes.js';
import type { RenderProblem } from '../../src/workloads/workload.js';

// The rule ids are a public contract: a cause moving to another rule changes reports, so each is pinned.
test.each<[ResolutionCause, string]>([
  ['not-found', 'image-not-found'],
  ['integrity', 'digest-mismatch'],
  ['unauthorized', 'image-unresolved'],
  ['rate-limited', 'image-unresolved'],
  ['unreachable', 'image-unresolved'],
  ['timeout', 'image-unresolved'],
  ['refused', 'image-unresolved'],
  ['registry-error', 'image-unresolved'],
  ['not-an-image', 'image-unresolved'],
  ['invalid', 'image-unresolved'],
  ['cancelled', 'image-unresolved'],
  ['internal', 'image-unresolved'],
])('a resolution that failed for %s is reported as %s', (cause, rule) => {
  expect(ruleForResolution(cause)).toBe(rule);
});

test.each<[RenderProblem['cause'], string]>([
  ['invalid', 'render-error'],
  ['tool-missing', 'render-error'],
  ['build-failed', 'render-error'],
  ['image-entry-unused', 'kustomize-image-unused'],
])('a render problem of cause %s is reported as %s', (cause, rule) => {
  expect(ruleForRenderProblem(cause)).toBe(rule);
});
