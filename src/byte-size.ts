// Byte sizes as trusted-side settings write them (flags, action inputs): `--max-file-size`, deep mode's budgets.

const MiB = 1024 * 1024;

/** SI units are powers of 1000, IEC units powers of 1024 (`MB` vs `MiB`), as `du --si` and `numfmt` read them. */
const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: MiB,
  gib: 1024 * MiB,
};

/** `1048576`, `64MiB`, `100MB`, `1.5GiB` -> bytes; undefined when it is not a size. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `67108864` -> `64 MiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MiB).toFixed(1)} MiB`;
}
