import type { RegistryUsage } from '../registry/http/usage.js';

/**
 * One line on what resolving cost, e.g. "Registry requests: 1 ping, 1 token, 40 manifest HEADs, 2 manifest
 * GETs, 1 blob GET; 58 from the cache. docker.io pulls spent: 2 (93 left)." Undefined when nothing was asked.
 */
export function describeUsage(usage: RegistryUsage | undefined): string | undefined {
  if (!usage) return undefined;
  const parts: [number, string][] = [
    [usage.pings, 'ping'],
    [usage.tokens, 'token'],
    [usage.manifestHeads, 'manifest HEAD'],
    [usage.manifestGets, 'manifest GET'],
    [usage.blobGets, 'blob GET'],
  ];
  const sent = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
  if (sent.length === 0 && usage.cacheHits === 0) return undefined;
  let text = `Registry requests: ${sent.length > 0 ? sent.join(', ') : 'none'}`;
  if (usage.cacheHits > 0) text += `; ${usage.cacheHits} read from the cache`;
  text += '.';
  for (const quota of usage.quotas) {
    const host = quota.origin.replace(/^https?:\/\//, '');
    const name = host === 'registry-1.docker.io' ? 'Docker Hub' : host;
    text += ` ${name} pulls spent: ${quota.pulls} (${quota.remaining} left).`;
  }
  return text;
}
