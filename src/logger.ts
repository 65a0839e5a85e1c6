/**
 * How libraries talk to people without knowing where they run: the action maps this onto `@actions/core`,
 * the CLI onto stderr, tests onto a recording logger.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** Something the user should change; say what. */
  warning(message: string): void;
  /** One stage of the run (discover, parse, resolve, check, report). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that keeps every line, for tests. */
export class RecordingLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warning' | 'group'; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'group', message: name });
    return fn();
  }
}
