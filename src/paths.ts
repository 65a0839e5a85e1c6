import path from 'node:path';

/**
 * `to` relative to `from`, `/`-separated on every OS: the one form reports, `paths:` globs and config
 * entries use, whatever separator `path.relative` returns.
 */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
