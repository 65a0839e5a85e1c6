import { safeTerminalText } from '../reporters/untrusted.js';

function useColor(stream: { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** The one place the CLI writes to a terminal or a CI log. */
export interface GuardedStream {
  /** Whether color escapes (SGR only) may pass: the stream is a terminal or FORCE_COLOR says so. */
  color: boolean;
  write(text: string): void;
}

/**
 * Every write passes {@link safeTerminalText}: reports and log lines quote names, images and file names from the
 * scanned tree, and a `run:` step's log reads `::error ...` lines as workflow commands. Color escapes survive
 * only where colors are on; no other escape sequence ever does.
 */
export function guarded(stream: NodeJS.WriteStream): GuardedStream {
  const color = useColor(stream);
  return { color, write: (text) => void stream.write(safeTerminalText(text, color)) };
}
