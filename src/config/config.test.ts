import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { loadConfig, loadDotEnv } from './config.js';

const SECRET = 'sup3r-s3cret-value';
const CLIENT = {
  GENESYS_CLOUD_CLIENT_ID: 'client-1',
  GENESYS_CLOUD_CLIENT_SECRET: SECRET,
};

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('derives the API and login hosts from a region name', () => {
    expect(loadConfig({ ...CLIENT, GENESYS_CLOUD_REGION: 'eu_west_1' })).toEqual({
      apiUrl: 'https://api.mypurecloud.ie',
      loginUrl: 'https://login.mypurecloud.ie',
      clientId: 'client-1',
      clientSecret: SECRET,
    });
  });

  it('derives the hosts from a bare domain', () => {
    const config = loadConfig({ ...CLIENT, GENESYS_CLOUD_REGION: 'usw2.pure.cloud' });
    expect(config.apiUrl).toBe('https://api.usw2.pure.cloud');
    expect(config.loginUrl).toBe('https://login.usw2.pure.cloud');
  });

  it('uses the API URL for login too when only the API URL is set, without a region', () => {
    const config = loadConfig({
      ...CLIENT,
      GENESYS_CLOUD_API_URL: 'http://127.0.0.1:8787/',
    });
    expect(config.apiUrl).toBe('http://127.0.0.1:8787');
    expect(config.loginUrl).toBe('http://127.0.0.1:8787');
  });

  it('lets both URLs override the region', () => {
    const config = loadConfig({
      ...CLIENT,
      GENESYS_CLOUD_REGION: 'us-east-1',
      GENESYS_CLOUD_API_URL: 'https://proxy.example.com/api',
      GENESYS_CLOUD_LOGIN_URL: 'https://proxy.example.com/login',
    });
    expect(config.apiUrl).toBe('https://proxy.example.com/api');
    expect(config.loginUrl).toBe('https://proxy.example.com/login');
  });

  it('lets the login URL alone override the region', () => {
    const config = loadConfig({
      ...CLIENT,
      GENESYS_CLOUD_REGION: 'eu-central-1',
      GENESYS_CLOUD_LOGIN_URL: 'https://login.proxy.example.com',
    });
    expect(config.apiUrl).toBe('https://api.mypurecloud.de');
    expect(config.loginUrl).toBe('https://login.proxy.example.com');
  });

  it('names an unknown region and shows good values', () => {
    const error = refusal({ ...CLIENT, GENESYS_CLOUD_REGION: 'eu-west-9' });
    expect(error.variable).toBe('GENESYS_CLOUD_REGION');
    expect(error.message).toBe(
      'GENESYS_CLOUD_REGION "eu-west-9" is not a Genesys Cloud region; use a region name ' +
        'such as eu-west-1 or a domain such as mypurecloud.ie',
    );
  });

  it.each([
    [
      'GENESYS_CLOUD_REGION',
      { GENESYS_CLOUD_CLIENT_ID: 'c', GENESYS_CLOUD_CLIENT_SECRET: 's' },
    ],
    [
      'GENESYS_CLOUD_CLIENT_ID',
      { GENESYS_CLOUD_REGION: 'eu-west-1', GENESYS_CLOUD_CLIENT_SECRET: 's' },
    ],
    [
      'GENESYS_CLOUD_CLIENT_SECRET',
      { GENESYS_CLOUD_REGION: 'eu-west-1', GENESYS_CLOUD_CLIENT_ID: 'c' },
    ],
  ])('names %s when it is missing or blank', (variable, env) => {
    for (const blank of [undefined, '', '   ']) {
      const error = refusal({ ...env, [variable]: blank });
      expect(error.variable).toBe(variable);
      expect(error.message).toMatch(new RegExp(`^${variable} is not set; set it to`));
    }
  });

  it.each(['GENESYS_CLOUD_API_URL', 'GENESYS_CLOUD_LOGIN_URL'])(
    'refuses plain http to a remote host in %s',
    (variable) => {
      const error = refusal({
        ...CLIENT,
        GENESYS_CLOUD_REGION: 'eu-west-1',
        [variable]: 'http://proxy.example.com',
      });
      expect(error.variable).toBe(variable);
      expect(error.message).toMatch(/not loopback/);
    },
  );

  it('reports every problem at once, one line each', () => {
    const error = refusal({
      GENESYS_CLOUD_REGION: 'mars-1',
      GENESYS_CLOUD_API_URL: 'nonsense',
    });
    expect(error.variable).toBe(
      'GENESYS_CLOUD_REGION, GENESYS_CLOUD_API_URL, GENESYS_CLOUD_CLIENT_ID, ' +
        'GENESYS_CLOUD_CLIENT_SECRET',
    );
    expect(error.message.split('\n')).toHaveLength(5);
  });

  it('never puts the secret in a message, even next to other problems', () => {
    const error = refusal({
      GENESYS_CLOUD_CLIENT_SECRET: SECRET,
      GENESYS_CLOUD_REGION: SECRET,
    });
    expect(error.message).toContain('GENESYS_CLOUD_CLIENT_ID');
    expect(
      JSON.stringify({ message: error.message, context: error.context }),
    ).not.toContain('sup3r');
  });
});

describe('loadDotEnv', () => {
  function dirWithEnv(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'offboard-config-'));
    writeFileSync(join(dir, '.env'), text);
    return dir;
  }

  it('fills in variables from <cwd>/.env without overriding the environment', () => {
    const dir = dirWithEnv(
      'GENESYS_CLOUD_REGION=eu-west-1\nGENESYS_CLOUD_CLIENT_ID=from-file\n',
    );
    const env: NodeJS.ProcessEnv = { GENESYS_CLOUD_CLIENT_ID: 'from-env' };

    loadDotEnv(dir, env);

    expect(env).toEqual({
      GENESYS_CLOUD_REGION: 'eu-west-1',
      GENESYS_CLOUD_CLIENT_ID: 'from-env',
    });
  });

  it('accepts a directory without .env', () => {
    const env: NodeJS.ProcessEnv = {};
    loadDotEnv(mkdtempSync(join(tmpdir(), 'offboard-config-')), env);
    expect(env).toEqual({});
  });
});
