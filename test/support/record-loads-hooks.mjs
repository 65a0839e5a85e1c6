// Module customization hooks (https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks) for
// record-loads.mjs. Registered last, they run first and see the URL the other loaders (tsx) resolve to.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(file, `${result.url}\n`);
  return result;
}
