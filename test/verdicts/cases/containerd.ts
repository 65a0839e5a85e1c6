import type { ParseCase, PlatformCase } from './types.js';

// Not ported, because no node decides with them: TestOnlyStrict (exact matching, without the sub-platforms a
// node runs), Test_PlatformOrder (which of several matching Windows images a host prefers), TestFormat*.

/** Why an arm64 pool does not run 32-bit Arm images unless it says `aarch32: true`. */
export const NO_AARCH32 =
  'arm64 pools run no 32-bit Arm unless declared aarch32: AArch32 is optional in ARMv8 and absent from Graviton 3 and later';

const ONLY = 'containerd/platforms compare_test.go TestOnly';

/**
 * TestOnly, transcribed: `Only(platform).Match(image)` for each platform and the images it must and must not
 * match. `Only` is how a node picks what it runs (a node also runs its sub-platforms), so every case applies.
 */
const only: { platform: string; runs: string[]; fails: string[] }[] = [
  {
    platform: 'linux/amd64',
    runs: ['linux/amd64', 'linux/386'],
    fails: ['linux/amd64/v2', 'linux/arm/v7', 'linux/arm64', 'windows/amd64', 'windows/arm'],
  },
  {
    platform: 'linux/amd64/v2',
    runs: ['linux/amd64', 'linux/amd64/v1', 'linux/amd64/v2', 'linux/386'],
    fails: [
      'linux/amd64/v3',
      'linux/amd64/v4',
      'linux/arm/v7',
      'linux/arm64',
      'windows/amd64',
      'windows/arm',
    ],
  },
  {
    platform: 'linux/386',
    runs: ['linux/386'],
    fails: ['linux/amd64', 'linux/arm/v7', 'linux/arm64', 'windows/amd64', 'windows/arm'],
  },
  {
    platform: 'windows/amd64',
    runs: ['windows/amd64', 'windows(10.0.17763)/amd64'],
    fails: ['linux/amd64', 'linux/arm/v7', 'linux/arm64', 'windows/arm'],
  },
  {
    platform: 'linux/arm/v8',
    runs: ['linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8'],
    fails: ['linux/amd64', 'linux/arm/v4', 'linux/arm64', 'windows/amd64', 'windows/arm'],
  },
  {
    platform: 'linux/arm/v7',
    runs: ['linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7'],
    fails: ['linux/amd64', 'linux/arm/v4', 'linux/arm/v8', 'linux/arm64', 'windows/amd64', 'windows/arm'],
  },
  {
    platform: 'linux/arm/v6',
    runs: ['linux/arm/v5', 'linux/arm/v6'],
    fails: [
      ...['linux/amd64', 'linux/arm', 'linux/arm/v4', 'linux/arm/v7', 'linux/arm/v8', 'linux/arm64'],
      ...['windows/amd64', 'windows/arm'],
    ],
  },
  {
    platform: 'linux/arm/v5',
    runs: ['linux/arm/v5'],
    fails: [
      ...['linux/amd64', 'linux/arm', 'linux/arm/v4', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8'],
      ...['linux/arm64', 'windows/amd64', 'windows/arm'],
    ],
  },
  {
    platform: 'linux/arm/v4',
    runs: ['linux/arm/v4'],
    fails: [
      ...['linux/amd64', 'linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8'],
      ...['linux/arm64', 'windows/amd64', 'windows/arm'],
    ],
  },
  {
    platform: 'linux/arm64/v9',
    runs: [
      ...['linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8', 'linux/arm64'],
      ...['linux/arm64/v8', 'linux/arm64/v8.1', 'linux/arm64/v8.2', 'linux/arm64/v8.3', 'linux/arm64/v8.4'],
      ...['linux/arm64/v8.5', 'linux/arm64/v9', 'linux/arm64/v9.0'],
    ],
    fails: ['linux/amd64', 'linux/arm/v4', 'windows/amd64', 'windows/arm', 'linux/arm64/v8.6'],
  },
  {
    platform: 'linux/arm64/v8.1',
    runs: [
      ...['linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8', 'linux/arm64'],
      ...['linux/arm64/v8', 'linux/arm64/v8.1'],
    ],
    fails: ['linux/amd64', 'linux/arm/v4', 'linux/arm/v9', 'linux/arm64/v9', 'windows/amd64', 'windows/arm'],
  },
  {
    platform: 'linux/arm64',
    runs: [
      ...['linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm/v8', 'linux/arm64'],
      'linux/arm64/v8',
    ],
    fails: ['linux/amd64', 'linux/arm/v4', 'linux/arm/v9', 'linux/arm64/v9', 'windows/amd64', 'windows/arm'],
  },
];

function is32BitArmOnArm64(node: string, image: string): boolean {
  return node.startsWith('linux/arm64') && /^linux\/arm(\/|$)/.test(image);
}

/** Every TestOnly pair; an arm64 platform's 32-bit Arm images twice: as archcheck's default, and with aarch32. */
export const containerdOnly: PlatformCase[] = only.flatMap(({ platform, runs, fails }) =>
  [...runs.map((image) => [image, true] as const), ...fails.map((image) => [image, false] as const)].flatMap(
    ([image, upstream]): PlatformCase[] => {
      const base = { source: ONLY, name: `${platform} matches ${image}`, node: platform, image, upstream };
      if (!upstream || !is32BitArmOnArm64(platform, image)) return [base];
      return [
        { ...base, archcheck: false, reason: NO_AARCH32 },
        { ...base, name: `${base.name} (aarch32 pool)`, aarch32: true },
      ];
    },
  ),
);

/** containerd's Windows build names (platform_windows_compat.go). */
const BUILD = { ltsc2019: 17763, ltsc2022: 20348, v22H2Win11: 22621, v23H2: 25398, ltsc2025: 26100 } as const;

const COMPAT = 'containerd/platforms platform_windows_compat_test.go Test_PlatformCompat';

/** Test_PlatformCompat: host build x container build (both 10.0.x), run `Host_<host>_Ctr_<ctr>`. */
const compat: [host: keyof typeof BUILD, ctr: keyof typeof BUILD, shouldRun: boolean][] = [
  ['ltsc2019', 'ltsc2019', true],
  ['ltsc2019', 'ltsc2022', false],
  ['ltsc2022', 'ltsc2019', false],
  ['ltsc2022', 'ltsc2022', true],
  ['v22H2Win11', 'ltsc2019', false],
  ['v22H2Win11', 'ltsc2022', true],
  ['v23H2', 'ltsc2019', false],
  ['v23H2', 'ltsc2022', true],
  ['ltsc2025', 'ltsc2022', true],
  ['ltsc2022', 'ltsc2025', false],
  ['ltsc2022', 'v22H2Win11', false],
  ['ltsc2025', 'v22H2Win11', true],
];

export const containerdWindows: PlatformCase[] = [
  ...compat.map(([host, ctr, upstream]) => ({
    source: COMPAT,
    name: `Host_${BUILD[host]}_Ctr_${BUILD[ctr]}`,
    node: `windows(10.0.${BUILD[host]})/amd64`,
    image: `windows(10.0.${BUILD[ctr]}.1)/amd64`,
    upstream,
  })),
  // Not in the test table but in the same function: "check major minor versions of host and guest".
  {
    source: 'containerd/platforms platform_windows_compat.go checkWindowsHostAndContainerCompat',
    name: 'major.minor must match',
    node: 'windows(10.0.17763)/amd64',
    image: 'windows(6.3.17763.1)/amd64',
    upstream: false,
  },
];

const PARSE = 'containerd/platforms platforms_test.go TestParseSelector';

/**
 * TestParseSelector's `matches`: images that `NewMatcher(Parse(input))` matches, written into the descriptor as
 * listed (aliases and all), so archcheck's normalization is checked on the way.
 */
export const containerdParseMatches: PlatformCase[] = [
  ...[
    { os: 'linux', architecture: 'aarch64' },
    { os: 'linux', architecture: 'aarch64', variant: 'v8' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
  ].map((image) => ({ node: 'linux/arm64', image })),
  ...[
    { os: 'linux', architecture: 'aarch64' },
    { os: 'linux', architecture: 'aarch64', variant: 'v8' },
    { os: 'linux', architecture: 'arm64' },
  ].map((image) => ({ node: 'linux/arm64/v8', image })),
  ...[
    { os: 'linux', architecture: 'arm', variant: 'v7' },
    { os: 'linux', architecture: 'armhf' },
    { os: 'linux', architecture: 'arm', variant: '7' },
  ].map((image) => ({ node: 'linux/arm', image })),
  { node: 'linux/arm/v6', image: { os: 'linux', architecture: 'armel' } },
  ...[
    { os: 'linux', architecture: 'arm' },
    { os: 'linux', architecture: 'armhf' },
  ].map((image) => ({ node: 'linux/arm/v7', image })),
].map(({ node, image }) => ({
  source: PARSE,
  name: `${node} matches ${[image.os, image.architecture, image.variant].filter(Boolean).join('/')}`,
  node,
  image,
  upstream: true,
}));

/** Why a bare OS is an error: containerd fills in the architecture of the machine it runs on. */
export const NO_HOST_DEFAULT =
  'a node platform cannot depend on the machine archcheck runs on: a bare OS names no architecture';

const bareOS = (name: string, platform: string): ParseCase => ({
  source: PARSE,
  name,
  upstream: platform,
  archcheck: { error: 'names an OS but no architecture' },
  reason: NO_HOST_DEFAULT,
});

/** OS features (`+gpu`) and %-escaped versions: a bare OS as well, rejected before that for their syntax. */
const bareOSWithOptions = (name: string, platform: string): ParseCase => ({
  ...bareOS(name, platform),
  archcheck: { error: 'invalid OS' },
  reason: `${NO_HOST_DEFAULT}; OS features and %-escapes in os.version are not read (no node pool declares them)`,
});

/**
 * TestParseSelector's inputs (the wildcard cases are skipped upstream too). A bare architecture takes the host's
 * OS upstream and linux here, which agree on the linux hosts CI runs on; a bare OS takes the host's architecture
 * upstream and is an error here.
 */
export const containerdParse: ParseCase[] = [
  ...(
    [
      ['linux/arm64', 'linux/arm64'],
      ['linux/arm64/v8', 'linux/arm64'],
      ['linux/arm', 'linux/arm/v7'],
      ['linux/arm/v6', 'linux/arm/v6'],
      ['linux/arm/v7', 'linux/arm/v7'],
      ['arm', 'linux/arm/v7'],
      ['armel', 'linux/arm/v6'],
      ['armhf', 'linux/arm/v7'],
      ['Aarch64', 'linux/arm64'],
      ['x86_64', 'linux/amd64'],
      ['Linux/x86_64', 'linux/amd64'],
      ['i386', 'linux/386'],
      ['s390x', 'linux/s390x'],
      ['linux/s390x', 'linux/s390x'],
    ] as const
  ).map(([name, upstream]) => ({ source: PARSE, name, upstream })),
  bareOS('linux', 'linux/amd64'),
  bareOS('macOS', 'darwin/amd64'),
  bareOS('windows', 'windows/amd64'),
  bareOS('windows()', 'windows/amd64'),
  bareOS('windows(10.0.17763)', 'windows/amd64'),
  bareOSWithOptions('windows(10.0.17763+win32k)', 'windows/amd64'),
  bareOSWithOptions('linux(+gpu)', 'linux/amd64'),
  bareOSWithOptions('linux(+gpu+simd)', 'linux/amd64'),
  bareOSWithOptions('linux(+unsorted+erofs)', 'linux/amd64'),
  bareOSWithOptions('windows(10.0.17763%2Bbuild.42)', 'windows/amd64'),
  bareOSWithOptions('windows(10.0.17763%2Bbuild.42+win32k)', 'windows/amd64'),
  bareOSWithOptions('windows(50%25done)', 'windows/amd64'),
];
