/**
 * V8 keeps a string cut from a longer one (`slice`, the YAML parsers' scalars) or joined from pieces as a view of
 * its parent: one image name kept in a Workload keeps its whole file's text alive. At 100,000 documents that was
 * most of the run's live heap after parsing (files' texts, not the values). Shorter strings are always copies.
 */
const VIEW_MIN_LENGTH = 13;

/**
 * Replaces, in place, every string of 13 or more characters in a tree of plain objects and arrays with a copy of
 * its own (one copy per distinct string in the tree), so the values outlive the text they were read from without
 * holding it. Other objects (class instances, maps) are left as they are. Returns `value`.
 */
export function detachStrings<T>(value: T): T {
  const copies = new Map<string, string>();
  const own = (s: string): string => {
    if (s.length < VIEW_MIN_LENGTH) return s;
    let copy = copies.get(s);
    if (copy === undefined) {
      // A JSON round trip allocates a flat string and keeps every code unit, lone surrogates included.
      copy = JSON.parse(JSON.stringify(s)) as string;
      copies.set(copy, copy);
    }
    return copy;
  };
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 64) return;
    const plain = Array.isArray(node) || Object.getPrototypeOf(node) === Object.prototype;
    if (!plain) return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = own(item);
      else walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return value;
}
