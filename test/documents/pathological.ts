/**
 * Generators of hostile YAML, shared by the tests and the benchmark: each is small to write and used to cost
 * time exponential or quadratic in its size.
 */

/** `levels` lists of `width` aliases to the list before: 9 levels of 9 name 9^9 leaves in under 700 bytes. */
export function aliasBomb(levels = 9, width = 9, kind = 'Widget'): string {
  const lines = ['apiVersion: example.com/v1', `kind: ${kind}`, 'metadata: {name: bomb}', 'a0: &a0 [x]'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  }
  lines.push(`spec: {template: {spec: {containers: [{name: c, image: busybox}], x: *a${levels}}}}`);
  return `${lines.join('\n')}\n`;
}

/** A ConfigMap whose data holds `count` aliases to one anchor: `Alias.resolve` walks the document per alias. */
export function manyAliases(count = 5_000): string {
  const data = Array.from({ length: count }, (_, i) => `  k${i}: *v`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many}\nanchor: &v value\ndata:\n${data.join('\n')}\n`;
}

/** A ConfigMap with `count` distinct keys: the library's duplicate-key check compares each to every other. */
export function wideMap(count = 60_000): string {
  const data = Array.from({ length: count }, (_, i) => `  key${i}: v${i}`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n${data.join('\n')}\n`;
}

/** A `kind: List` of `count` Deployments, each with one container. */
export function bigList(count: number): string {
  const item = (i: number) =>
    [
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      `  metadata: {name: web-${i}, labels: {app: web-${i}, tier: frontend}}`,
      '  spec:',
      '    template:',
      '      spec:',
      '        containers:',
      `        - {name: app, image: "registry.example.com/team/web:${i}", ports: [{containerPort: 8080}]}`,
    ].join('\n');
  return `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: count }, (_, i) => item(i)).join('\n')}\n`;
}
