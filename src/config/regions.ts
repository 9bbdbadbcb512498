/**
 * Genesys Cloud region names and the domain each one is served from (API host
 * `api.<domain>`, login host `login.<domain>`), as the official SDKs list them.
 */
export const REGION_DOMAINS: Readonly<Record<string, string>> = Object.freeze({
  'us-east-1': 'mypurecloud.com',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'mx-central-1': 'mxc1.pure.cloud',
  'eu-west-1': 'mypurecloud.ie',
  'eu-west-2': 'euw2.pure.cloud',
  'eu-central-1': 'mypurecloud.de',
  'eu-central-2': 'euc2.pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'ap-southeast-1': 'apse1.pure.cloud',
  'ap-southeast-2': 'mypurecloud.com.au',
  'ap-northeast-1': 'mypurecloud.jp',
  'ap-northeast-2': 'apne2.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
});

const KNOWN_DOMAINS = new Set(Object.values(REGION_DOMAINS));

/** One label under pure.cloud, the pattern every region since 2020 has followed. */
const PURE_CLOUD_REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*\.pure\.cloud$/;

/**
 * The domain for a region name (`eu-west-1`, `eu_west_1`, any case) or for a bare domain.
 *
 * A domain is accepted when it is one of the listed ones or a single label under
 * `pure.cloud` (so a region opened after this list was written still works).
 * Intentionally not any domain: a typo such as `mypurecloud.co` would send the client
 * secret to a host nobody here controls. Anything else belongs in GENESYS_CLOUD_API_URL.
 * Returns undefined when the value is neither.
 */
export function domainForRegion(value: string): string | undefined {
  const lowered = value.trim().toLowerCase();
  const asRegion = REGION_DOMAINS[lowered.replaceAll('_', '-')];
  if (asRegion !== undefined) {
    return asRegion;
  }

  const asDomain = lowered.replace(/\.$/, '');
  if (KNOWN_DOMAINS.has(asDomain) || PURE_CLOUD_REGION.test(asDomain)) {
    return asDomain;
  }
  return undefined;
}
