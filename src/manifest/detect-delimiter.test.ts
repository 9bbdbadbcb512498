import { describe, expect, it } from '@jest/globals';

import { detectDelimiter } from './detect-delimiter.js';

const detect = (text: string) => detectDelimiter(Buffer.from(text));

describe('detectDelimiter', () => {
  it('picks semicolon when the header has more semicolons than commas', () => {
    expect(detect('email;action;Cost Centre\na,b;c\n')).toBe(';');
  });

  it('ignores delimiters inside quoted header cells', () => {
    expect(detect('"Name, Surname, Initials";email;"x,y"\n')).toBe(';');
  });

  it('decides from the header, not from data rows', () => {
    expect(detect('email,action\na;b;c;d;e\n')).toBe(',');
  });

  it('passes over leading blank lines and lines of bare delimiters', () => {
    expect(detect('\r\n  \n,,,,,\nemail;action\n')).toBe(';');
  });

  it('falls back to comma for a single column, a tie and an empty file', () => {
    expect([detect('email\n'), detect('a;b,c\n'), detect('')]).toEqual([',', ',', ',']);
  });
});
