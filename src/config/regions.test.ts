import { describe, expect, it } from '@jest/globals';
import { domainForRegion, REGION_DOMAINS } from './regions.js';

describe('domainForRegion', () => {
  const regions = Object.entries(REGION_DOMAINS);

  it('lists every region of the Genesys Cloud API facts', () => {
    expect(regions).toHaveLength(17);
  });

  it.each(regions)(
    'maps %s, written with - or _ and in any case, to %s',
    (name, domain) => {
      expect(domainForRegion(name)).toBe(domain);
      expect(domainForRegion(name.replaceAll('-', '_'))).toBe(domain);
      expect(domainForRegion(name.toUpperCase().replaceAll('-', '_'))).toBe(domain);
    },
  );

  it.each(regions.map(([, domain]) => domain))('accepts the bare domain %s', (domain) => {
    expect(domainForRegion(domain)).toBe(domain);
    expect(domainForRegion(` ${domain.toUpperCase()}.`)).toBe(domain);
  });

  it('accepts a region domain under pure.cloud that the table does not list yet', () => {
    expect(domainForRegion('xyz9.pure.cloud')).toBe('xyz9.pure.cloud');
  });

  it.each([
    'eu-west-9',
    'mypurecloud.co',
    'example.com',
    'api.mypurecloud.ie',
    '',
    'a.b.pure.cloud',
  ])('refuses %j', (value) => {
    expect(domainForRegion(value)).toBeUndefined();
  });
});
