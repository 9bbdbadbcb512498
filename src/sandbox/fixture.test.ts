import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors/config-error.js';
import { loadOrgFixture } from './org.js';

const MANIFEST = new URL('../../manifests/example-leavers.csv', import.meta.url);

describe('loadOrgFixture', () => {
  it('loads the bundled org with the public sandbox client', async () => {
    const fixture = await loadOrgFixture();

    expect(fixture.clients).toContainEqual({
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
    });
    expect(new Set(fixture.users.map((u) => u.id)).size).toBe(fixture.users.length);
  });

  it('holds every leaver of the example manifest in the state its outcome needs', async () => {
    const fixture = await loadOrgFixture();
    const states = (email: string) =>
      fixture.users
        .filter((u) => u.email === email)
        .map((u) => u.state)
        .sort();

    expect(states('alice.archer@example.com')).toEqual(['active']);
    expect(states('carol.cooper@example.com')).toEqual(['inactive']);
    expect(states('erin.evans@example.com')).toEqual(['deleted']);
    expect(states('ivan.ives@example.com')).toEqual(['active', 'active']);
    expect(states('judy.jones@example.com')).toEqual(['active', 'deleted']);
    expect(states('nobody.here@example.com')).toEqual([]);
  });

  it('has a user for every well-formed email row of the example manifest but one', async () => {
    const fixture = await loadOrgFixture();
    const known = new Set(fixture.users.map((u) => u.email));
    const emails = (await readFile(MANIFEST, 'utf8'))
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]?.trim().toLowerCase() ?? '')
      .filter((email) => email.includes('@'));

    expect(emails.filter((e) => !known.has(e))).toEqual(['nobody.here@example.com']);
  });

  it('throws a ConfigError naming the path when the file is missing', async () => {
    const load = loadOrgFixture('/nonexistent/org.json');

    await expect(load).rejects.toBeInstanceOf(ConfigError);
    await expect(load).rejects.toThrow('/nonexistent/org.json');
  });
});
