import { describe, expect, it } from '@jest/globals';

import { isEmailAddress, normaliseEmail } from './email.js';

describe('isEmailAddress', () => {
  it.each(['alice@example.com', 'a.b+tag@mail.example.co.uk', 'O.Brien@Example.COM'])(
    'accepts %s',
    (value) => {
      expect(isEmailAddress(value)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['no at sign', 'alice.example.com'],
    ['two at signs', 'alice@x@example.com'],
    ['empty local part', '@example.com'],
    ['no dot in the domain', 'alice@localhost'],
    ['an empty domain label', 'alice@example..com'],
    ['a trailing dot', 'alice@example.com.'],
    ['a space', 'alice smith@example.com'],
    ['a name instead', 'Alice Archer'],
  ])('refuses %s', (_label, value) => {
    expect(isEmailAddress(value)).toBe(false);
  });

  it('refuses an address over 254 characters and accepts one of exactly 254', () => {
    const domain = '@example.com';
    expect(isEmailAddress(`${'a'.repeat(254 - domain.length)}${domain}`)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(255 - domain.length)}${domain}`)).toBe(false);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases so the same leaver compares equal', () => {
    expect(normaliseEmail('  Alice.Archer@Example.COM \t')).toBe(
      'alice.archer@example.com',
    );
  });
});
