/**
 * A platform as the OCI image index describes it, normalized once (see ./normalize.ts) and compared by one
 * function (see ./match.ts). https://github.com/opencontainers/image-spec/blob/main/image-index.md
 */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  osVersion?: string;
}

/**
 * A node's platform: the platform it pulls images for, plus what its CPU runs beyond that. `aarch32`: an
 * arm64 CPU that also runs 32-bit Arm code (Graviton 2, Ampere Altra, Raspberry Pi); Graviton 3 and later
 * do not, so it is false unless declared.
 */
export interface NodePlatform extends Platform {
  aarch32?: boolean;
}
