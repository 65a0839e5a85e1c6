/**
 * Windows host/container version compatibility, after containerd/platforms platform_windows_compat.go
 * (`getWindowsOSVersion`, `checkWindowsHostAndContainerCompat`, `windowsVersionMatcher.Match`), which follows
 * https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility
 */
interface WindowsVersion {
  major: number;
  minor: number;
  build: number;
}

/** Windows Server 2022 (ltsc2022): the first host that runs images of other builds. */
const LTSC2022 = 20348;
/** Stable-ABI LTSC releases, ascending (containerd `compatLTSCReleases`): ltsc2022, ltsc2025. */
const COMPAT_LTSC = [LTSC2022, 26100] as const;

/** Go's strconv.ParseUint(s, 10, bits): decimal digits only, within the unsigned range. */
function parseUint(text: string, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * `10.0.20348.2113` -> {10, 0, 20348}: major and minor are uint8, the build uint16, as containerd reads them.
 * Anything else (fewer than three parts, out of range, not digits) is undefined, containerd's zero version.
 */
export function windowsVersion(osVersion: string | undefined): WindowsVersion | undefined {
  const [major, minor, build] = (osVersion ?? '').split('.');
  if (build === undefined) return undefined;
  const v = {
    major: parseUint(major ?? '', 255),
    minor: parseUint(minor ?? '', 255),
    build: parseUint(build, 65535),
  };
  if (v.major === undefined || v.minor === undefined || v.build === undefined) return undefined;
  return v as WindowsVersion;
}

/**
 * containerd `checkWindowsHostAndContainerCompat`: major.minor must be equal; a host older than ltsc2022 needs
 * the exact build; a newer host runs images from the latest LTSC before it (ltsc2022 for ltsc2022 itself) up
 * to its own build, so Windows Server 2025 and Windows 11 22H2/23H2 run ltsc2022 images.
 */
function hostRuns(host: WindowsVersion, image: WindowsVersion): boolean {
  if (host.major !== image.major || host.minor !== image.minor) return false;
  if (host.build < LTSC2022) return host.build === image.build;
  const oldest = [...COMPAT_LTSC].reverse().find((ltsc) => host.build > ltsc) ?? LTSC2022;
  return oldest <= image.build && image.build <= host.build;
}

/**
 * containerd `windowsVersionMatcher.Match`: a node without a (readable) version, or an image without one,
 * matches on OS and architecture alone; an image whose version does not parse matches no versioned node.
 */
export function windowsVersionRuns(
  nodeVersion: string | undefined,
  imageVersion: string | undefined,
): boolean {
  const host = windowsVersion(nodeVersion);
  if (host === undefined || !imageVersion) return true;
  const image = windowsVersion(imageVersion) ?? { major: 0, minor: 0, build: 0 };
  return hostRuns(host, image);
}

/**
 * The value the kubelet gives the `node.kubernetes.io/windows-build` label: `major.minor.build`
 * (pkg/kubelet/kubelet_node_status.go, from the host's OS version), e.g. `10.0.20348`.
 */
export function windowsBuildLabel(osVersion: string | undefined): string | undefined {
  const v = windowsVersion(osVersion);
  return v ? `${v.major}.${v.minor}.${v.build}` : undefined;
}
