/**
 * AWS instance families whose processors are AWS Graviton (arm64): the family name ends its generation digit with
 * `g` (`m6g`, `c7gn`, `r8gd`, `x2gd`, `im4gn`, `is4gen`, `i4g`, `g5g`, `hpc7g`), plus the first-generation `a1`.
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html ("g: AWS Graviton processors").
 */
const GRAVITON_FAMILY = /^(?:a1|[a-z]+\d+g[a-z]*)$/;

/** `m6g.large` -> `arm64`; anything else EC2 sells for EKS nodes is x86_64 (`amd64`). */
export function archOfInstanceType(instanceType: string): 'amd64' | 'arm64' {
  const family = instanceType.trim().toLowerCase().split('.')[0] ?? '';
  return GRAVITON_FAMILY.test(family) ? 'arm64' : 'amd64';
}
