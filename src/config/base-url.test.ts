import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../errors/config-error.js';
import { isLoopbackHost, parseBaseUrl } from './base-url.js';

const NAME = 'GENESYS_CLOUD_API_URL';

function problemWith(value: string): ConfigError {
  try {
    parseBaseUrl(NAME, value);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${value} to be refused`);
}

describe('parseBaseUrl', () => {
  it('drops trailing slashes and keeps a path prefix', () => {
    expect(parseBaseUrl(NAME, 'https://api.mypurecloud.ie/')).toBe(
      'https://api.mypurecloud.ie',
    );
    expect(parseBaseUrl(NAME, 'https://proxy.example.com/genesys//')).toBe(
      'https://proxy.example.com/genesys',
    );
  });

  it.each([
    'http://127.0.0.1:8787',
    'http://localhost:9000/',
    'http://[::1]:8080',
    'http://127.9.9.9',
  ])('allows plain http to the loopback address %s', (value) => {
    expect(parseBaseUrl(NAME, value)).toBe(value.replace(/\/$/, ''));
  });

  it('refuses plain http to any other host and says why', () => {
    const error = problemWith('http://api.mypurecloud.ie');
    expect(error.variable).toBe(NAME);
    expect(error.message).toMatch(/GENESYS_CLOUD_API_URL .*not loopback.*https/);
  });

  it.each([
    ['api.mypurecloud.ie', /is not a URL/],
    ['ftp://api.mypurecloud.ie', /must use https/],
    ['https://api.mypurecloud.ie?x=1', /query or fragment/],
    ['https://api.mypurecloud.ie/#top', /query or fragment/],
  ])('refuses %s, naming the variable and a good value', (value, problem) => {
    const error = problemWith(value);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(NAME);
    expect(error.message).toContain('https://api.mypurecloud.ie');
  });

  it('refuses credentials in the URL without echoing them', () => {
    const error = problemWith('https://user:hunter2@api.mypurecloud.ie');
    expect(error.message).toMatch(/must not contain credentials/);
    expect(error.message).not.toContain('hunter2');
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from look-alikes', () => {
    expect(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['127.example.com', '10.0.0.1', '[::2]', 'localhost.evil.com', 'a.localhost'].map(
        isLoopbackHost,
      ),
    ).toEqual([false, false, false, false, false]);
  });
});
