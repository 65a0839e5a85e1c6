/** The user's configuration or command line is wrong: exit 2 with this message, no stack. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Turns any thrown value (an Error, a string, anything) into a message fit for a person. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return `unexpected error: ${JSON.stringify(error)}`;
  } catch {
    return `unexpected error: ${String(error)}`;
  }
}
