/**
 * One "run" for the concurrency test: writes and reads back the same entries other processes write at the
 * same time, and prints how many reads did not return exactly what was written (must be 0).
 */
import { sha256Digest } from '../../src/registry/digest.js';
import { DiskCache } from '../../src/registry/cache/store.js';

const [root = '', count = '50'] = process.argv.slice(2);
const cache = new DiskCache(root);
const entries = Array.from({ length: Number(count) }, (_, i) =>
  Buffer.from(`{"entry":${i},"pad":"${'x'.repeat(i * 40)}"}`),
);
let wrong = 0;
for (let round = 0; round < 3; round++) {
  await Promise.all(
    entries.map(async (bytes) => {
      const digest = sha256Digest(bytes);
      await cache.put(digest, bytes);
      await cache.remember(`registry.test/repo:${bytes.length}`, digest);
      const back = await cache.get(digest);
      if (back && !Buffer.from(back).equals(bytes)) wrong++;
      // Another process may have evicted it (undefined), never replaced it with something else.
      const hint = await cache.hint(`registry.test/repo:${bytes.length}`);
      if (hint !== undefined && hint !== digest) wrong++;
    }),
  );
  await cache.prune(8 * 1024);
}
console.log(JSON.stringify({ wrong, dropped: cache.counters.dropped }));
