import { nodeRuns } from '../platforms/match.js';
import type { NodePlatform } from '../platforms/platform.js';

/**
 * What the first bytes of a file say about running it: an ELF binary for some machine, a script naming its
 * interpreter, or something the kernel will not execute.
 */
export type Executable =
  | {
      kind: 'elf';
      /** The OCI architecture (`amd64`, `arm64`, ...), or undefined for a machine OCI has no name for. */
      architecture?: string;
      /** As `file` prints it: `ELF 64-bit LSB x86-64`. */
      description: string;
    }
  | { kind: 'script'; interpreter: string; argument?: string }
  | { kind: 'unknown'; description: string };

/** Bytes to read from the start of a file: the kernel reads as many for `#!` lines (BINPRM_BUF_SIZE). */
export const HEAD_BYTES = 256;

interface Machine {
  name: string;
  /** The OCI architecture for a class (32/64) and byte order. */
  arch(bits: 32 | 64, little: boolean): string | undefined;
}

/**
 * e_machine values (the System V gABI, Linux's include/uapi/linux/elf-em.h) and the OCI architecture
 * names Go and containerd/platforms use for them.
 */
const MACHINES: Readonly<Record<number, Machine>> = {
  3: { name: 'Intel 80386', arch: (bits) => (bits === 32 ? '386' : undefined) },
  8: {
    name: 'MIPS',
    arch: (bits, little) => (bits === 64 ? 'mips64' : 'mips') + (little ? 'le' : ''),
  },
  21: {
    name: '64-bit PowerPC',
    arch: (bits, little) => (bits === 64 ? (little ? 'ppc64le' : 'ppc64') : undefined),
  },
  22: { name: 'IBM S/390', arch: (bits) => (bits === 64 ? 's390x' : undefined) },
  40: { name: 'ARM', arch: (bits) => (bits === 32 ? 'arm' : undefined) },
  62: { name: 'x86-64', arch: (bits) => (bits === 64 ? 'amd64' : undefined) },
  183: { name: 'ARM aarch64', arch: (bits) => (bits === 64 ? 'arm64' : undefined) },
  243: { name: 'RISC-V', arch: (bits) => (bits === 64 ? 'riscv64' : undefined) },
  258: { name: 'LoongArch', arch: (bits) => (bits === 64 ? 'loong64' : undefined) },
};

/**
 * Reads an ELF identification and e_machine (the System V gABI's ELF header: EI_CLASS at 4, EI_DATA at 5,
 * e_machine at 18 in the file's byte order), or a `#!` line as Linux's binfmt_script reads it (the
 * interpreter, then the rest of the line as one optional argument).
 */
export function readExecutable(head: Uint8Array): Executable {
  if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    return readElf(head);
  }
  if (head[0] === 0x23 && head[1] === 0x21) return readShebang(head);
  if (head.length === 0) return { kind: 'unknown', description: 'an empty file' };
  return { kind: 'unknown', description: 'neither an ELF binary nor a #! script' };
}

function readElf(head: Uint8Array): Executable {
  const cls = head[4];
  const data = head[5];
  if (head.length < 20 || (cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) {
    return { kind: 'unknown', description: 'a truncated or malformed ELF header' };
  }
  const bits = cls === 1 ? 32 : 64;
  const little = data === 1;
  const machine = little ? head[18]! | (head[19]! << 8) : (head[18]! << 8) | head[19]!;
  const known = MACHINES[machine];
  const description = `ELF ${bits}-bit ${little ? 'LSB' : 'MSB'} ${known?.name ?? `machine ${machine}`}`;
  const architecture = known?.arch(bits, little);
  return architecture ? { kind: 'elf', architecture, description } : { kind: 'elf', description };
}

function readShebang(head: Uint8Array): Executable {
  const text = Buffer.from(head.subarray(2)).toString('latin1');
  const end = text.indexOf('\n');
  if (end < 0 && head.length >= HEAD_BYTES) {
    return { kind: 'unknown', description: 'a #! line longer than the kernel reads' };
  }
  const line = (end < 0 ? text : text.slice(0, end)).replace(/[ \t\r]+$/, '').replace(/^[ \t]+/, '');
  const match = /^(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return { kind: 'unknown', description: 'a #! line without an interpreter' };
  const [, interpreter = '', argument] = match;
  return argument ? { kind: 'script', interpreter, argument } : { kind: 'script', interpreter };
}

/**
 * Whether a node runs an ELF binary of this architecture, by the same rules as images (../platforms/match.ts):
 * amd64 nodes run 386, arm64 nodes run 32-bit Arm only when declared `aarch32`. A 32-bit Arm binary is taken
 * at the lowest variant (v5): its header does not say which it needs, and the report must not guess high.
 */
export function nodeRunsBinary(node: NodePlatform, architecture: string): boolean {
  const variant = architecture === 'arm' ? { variant: 'v5' } : {};
  return nodeRuns(node, { os: 'linux', architecture, ...variant });
}
