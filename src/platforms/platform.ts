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
