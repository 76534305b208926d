import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/data/csv.ts';

const frame = (columns: Record<string, unknown[]>) => ({
  names: Object.keys(columns),
  columns,
  length: Object.values(columns)[0].length,
});

describe('toCsv', () => {
  it('writes a header and CRLF rows', () => {
    expect(toCsv(frame({ a: [1, 2], b: ['x', 'y'] }))).toBe('a,b\r\n1,x\r\n2,y\r\n');
  });
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['plain', 'plain'],
  ])('escapes the text cell %j as %j (formula injection)', (text, expected) => {
    expect(toCsv(frame({ t: [text] })).split('\r\n')[1]).toBe(expected);
  });
  it('never escapes numbers: a negative number stays a number', () => {
    expect(toCsv(frame({ n: [-3.5] }))).toBe('n\r\n-3.5\r\n');
  });
  it('quotes delimiters, quotes and line breaks', () => {
    expect(toCsv(frame({ t: ['a,b', 'say "hi"', 'two\nlines'] }))).toBe('t\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });
  it('writes null, undefined and NaN as empty cells, and 64-bit ids as text exactly', () => {
    expect(toCsv(frame({ a: [null, undefined, NaN], id: ['10000000000000019794', 'x', 'y'] }))).toBe(
      'a,id\r\n,10000000000000019794\r\n,x\r\n,y\r\n',
    );
  });
  it('can leave formulas alone for internal loading', () => {
    expect(toCsv(frame({ t: ['=1'] }), { escapeFormulas: false })).toBe('t\r\n=1\r\n');
  });
});
