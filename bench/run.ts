/**
 * `npm run bench`: every benchmark, each reporting ratios to a baseline measured in the same run
 * (bare YAML parsing, plain kustomize builds, skopeo, the latency floor for registry resolution, `node -e 0`).
 */
import { benchDeep } from './deep.js';
import { benchFirstRun } from './firstrun.js';
import { benchOverlap } from './overlap.js';
import { benchParse } from './parse.js';
import { benchPathological } from './pathological.js';
import { benchRegistry } from './registry.js';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';

const only = process.argv.slice(2);
const benches: [string, () => Promise<string>][] = [
  ['parse', benchParse],
  ['pathological', benchPathological],
  ['render', benchRender],
  ['registry', benchRegistry],
  ['deep', benchDeep],
  ['firstrun', benchFirstRun],
  ['startup', benchStartup],
  ['overlap', benchOverlap],
];
for (const [name, run] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`## ${name}`);
  console.log(await run());
  console.log();
}
