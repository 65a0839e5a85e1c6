import { expect, test } from 'vitest';
import { Limiter } from '../../src/registry/http/limiter.js';

/** Holds the only slot until released, queues `waiters` behind it, and returns the order they ran in. */
async function order(waiters: [string, number][], abort?: string): Promise<string[]> {
  const limiter = new Limiter(1);
  const ran: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const holding = limiter.run(() => gate);
  const controllers = new Map(waiters.map(([name]) => [name, new AbortController()]));
  const queued = waiters.map(([name, priority]) =>
    limiter
      .run(
        async () => {
          ran.push(name);
        },
        controllers.get(name)!.signal,
        priority,
      )
      .catch(() => undefined),
  );
  if (abort) controllers.get(abort)!.abort();
  release();
  await Promise.all([holding, ...queued]);
  return ran;
}

test.each([
  [
    'one priority: first come first served',
    [
      ['a', 0],
      ['b', 0],
      ['c', 0],
    ],
    undefined,
    ['a', 'b', 'c'],
  ],
  [
    'higher first, first come first served within each',
    [
      ['head1', 0],
      ['get1', 1],
      ['head2', 0],
      ['get2', 1],
    ],
    undefined,
    ['get1', 'get2', 'head1', 'head2'],
  ],
  [
    'an aborted waiter leaves the queue',
    [
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ],
    'b',
    ['a', 'c'],
  ],
] as [string, [string, number][], string | undefined, string[]][])(
  '%s',
  async (_name, waiters, abort, expected) => {
    expect(await order(waiters, abort)).toEqual(expected);
  },
);
