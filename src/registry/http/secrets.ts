import type { Logger } from '../../logger.js';

/** Shortest value worth redacting: shorter strings (`x`, `1`) would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every credential and token this run has seen, so any text leaving the registry code (logs, reasons,
 * errors) can be scrubbed of them. Redaction is a second line of defence: messages are built from hosts,
 * status codes and registry error codes, never from credentials, in the first place.
 */
export class Secrets {
  readonly #values = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (value === undefined || value.length < MIN_SECRET_LENGTH) continue;
      this.#values.add(value);
      // Basic credentials travel base64-encoded; a token may be echoed URL-encoded.
      this.#values.add(encodeURIComponent(value));
    }
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const value of [...this.#values].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = out.split(value).join('***');
    }
    return out;
  }
}

/** A logger that passes every message through `secrets.redact` before the real logger sees it. */
export function redactingLogger(logger: Logger, secrets: Secrets): Logger {
  return {
    debug: (m) => logger.debug(secrets.redact(m)),
    info: (m) => logger.info(secrets.redact(m)),
    warning: (m) => logger.warning(secrets.redact(m)),
    group: (name, fn) => logger.group(secrets.redact(name), fn),
  };
}
