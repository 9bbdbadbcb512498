import { describe, expect, it } from '@jest/globals';
import { csvCell } from './csv-cell.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a cell a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['a;b', '"a;b"'],
  ])('quotes a cell holding a delimiter, quote or line break: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves plain text, emails and numbers as they are', () => {
    expect(csvCell('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvCell('ada@example.com')).toBe('ada@example.com');
    expect(csvCell(17)).toBe('17');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes undefined as an empty cell', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });
});
