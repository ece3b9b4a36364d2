/**
 * AWS region names and the partition each belongs to, checked without a cloud call. The pattern
 * follows the SDK's partitions.json (`^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$` and the cn, us-gov,
 * us-iso*, eu-isoe and eusc (European Sovereign Cloud) families), loosened to any lower-case
 * prefix so a region launched after this release is not refused.
 */

const REGION = /^[a-z]{2,5}(-[a-z]+)+-\d{1,2}$/;

/** True when `text` has the shape of a region name (`us-east-1`, `us-gov-west-1`, `eusc-de-east-1`). */
export function isRegionName(text: string): boolean {
  return REGION.test(text);
}

/** The partition a region is in, as its ARNs spell it (`aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, …). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** Partitions ARNs may name. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;
