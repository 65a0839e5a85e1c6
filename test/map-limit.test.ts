import { expect, test } from 'vitest';
import { limiter, mapLimit } from '../src/map-limit.js';

/** Tasks that finish when told, recording how many ran at once. */
function tasks() {
  let running = 0;
  let peak = 0;
  const finish: (() => void)[] = [];
  const started: number[] = [];
  const task = (id: number) => async () => {
    running++;
    peak = Math.max(peak, running);
    started.push(id);
    await new Promise<void>((resolve) => finish.push(resolve));
    running--;
    return id;
  };
  return { task, finish, started, peak: () => peak };
}

const ticks = () => new Promise((resolve) => setTimeout(resolve, 0));

test.each([
  ['one at a time', 1, 5],
  ['three at a time', 3, 7],
  ['more room than tasks', 10, 4],
])('limiter: %s, in the order called', async (_name, limit, n) => {
  const gate = limiter(limit);
  const t = tasks();
  const all = Promise.all(Array.from({ length: n }, (_, i) => gate(t.task(i))));
  for (let i = 0; i < n; i++) {
    await ticks();
    expect(t.started.length).toBeLessThanOrEqual(Math.min(n, i + limit));
    t.finish.shift()?.();
  }
  // A task called while others wait queues behind them.
  const late = gate(t.task(n));
  await ticks();
  while (t.finish.length > 0) {
    t.finish.shift()?.();
    await ticks();
  }
  expect(await all).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(await late).toBe(n);
  expect(t.started).toEqual(Array.from({ length: n + 1 }, (_, i) => i));
  expect(t.peak()).toBe(Math.min(limit, n));
});

test('limiter: a failing task frees its slot and rejects only its caller', async () => {
  const gate = limiter(1);
  const failed = gate(() => Promise.reject(new Error('boom')));
  const next = gate(async () => 'ran');
  await expect(failed).rejects.toThrow('boom');
  expect(await next).toBe('ran');
});

test('mapLimit keeps input order', async () => {
  const delays = [30, 0, 10, 0];
  const out = await mapLimit(delays, 2, async (ms) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ms;
  });
  expect(out).toEqual(delays);
});
