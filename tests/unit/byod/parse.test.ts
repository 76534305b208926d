import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/byod/decode.ts';
import { detectDelimiter, detectFormat, detectLineEnding } from '../../../src/lib/byod/sniff.ts';
import { parseDelimited } from '../../../src/lib/byod/delimited.ts';
import { parseNumber } from '../../../src/lib/byod/numbers.ts';
import { tableFromObjects, tableFromRecords } from '../../../src/lib/byod/table.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', enc('a,b\r\n1,é'), 'a,b\r\n1,é', 'utf-8', false],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('h,é')]), 'h,é', 'utf-8', true],
    ['UTF-16 LE with BOM', Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x2c, 0, 0xe9, 0]), 'h,é', 'utf-16le', true],
    ['windows-1252', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x80]), 'café,€', 'windows-1252', false],
    ['empty', new Uint8Array(0), '', 'utf-8', false],
  ])('%s', (_, bytes, text, encoding, bom) => {
    const d = decodeBytes(bytes as Uint8Array, 'f.csv');
    expect([d.text, d.encoding, d.bom]).toEqual([text, encoding, bom]);
    expect(Boolean(d.note)).toBe(encoding === 'windows-1252');
  });

  it('calls NUL bytes binary, naming the byte', () => {
    expect(() => decodeBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'x.zip')).toThrow(/"x.zip" looks like a binary file, not text: byte 5 is a NUL/);
  });
});

describe('sniff', () => {
  it.each([
    ['a.csv', 'PAR1....', 'parquet'],
    ['a.csv', '[{"a":1}]', 'json'],
    ['a.txt', '\ufeff  {"a":1}\n', 'json'],
    ['a.ndjson', 'x', 'json'],
    ['a.tsv', 'a\tb', 'csv'],
  ])('format of %s starting %j is %s', (name, start, format) => {
    expect(detectFormat(name, enc(start))).toBe(format);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\n"x,y"\t2', '\t'],
    ['a|b\n1|2', '|'],
    ['"a,b";c;d\n1;2;3', ';'],
    ['single', ','],
  ])('delimiter of %j is %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it.each([
    ['a\r\nb', 'CRLF'],
    ['a\rb\rc', 'CR'],
    ['a\nb', 'LF'],
    ['"x\ny"\r\nz', 'CRLF'],
    ['abc', 'none'],
  ])('line ending of %j is %s', (text, e) => {
    expect(detectLineEnding(text)).toBe(e);
  });
});

describe('parseDelimited', () => {
  const parse = (text: string, delimiter = ',') => parseDelimited(text, { delimiter, file: 'f.csv', chunkRows: 2 });
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2\r\n3,4', [['a', 'b'], ['1', '2'], ['3', '4']]],
    ['a,b\r1,2\r3,4\r', [['a', 'b'], ['1', '2'], ['3', '4']]],
    ['a,b\n"x, y","line1\nline2"\n', [['a', 'b'], ['x, y', 'line1\nline2']]],
    ['a,b\n"say ""hi""",\n', [['a', 'b'], ['say "hi"', '']]],
    ['a,b\n\n\n1,2\n\n', [['a', 'b'], ['1', '2']]],
    ['a;b\n1,5;2', [['a', 'b'], ['1,5', '2']], ';'],
  ])('%j', async (text, rows, d = ',') => {
    expect(await parse(text, d)).toEqual(rows);
  });

  it('an unclosed quote names the row where it opens', async () => {
    await expect(parse('a,b\n1,2\n"oops,3\n4,5')).rejects.toThrow(/"f.csv", row 3: a quoted value opens here and is never closed/);
  });

  it('stops past the row limit', async () => {
    await expect(parseDelimited('a\n1\n2\n3\n', { delimiter: ',', file: 'f.csv', maxRows: 2 })).rejects.toThrow(/more than 2 rows/);
  });
});

describe('parseNumber', () => {
  it.each([
    ['12', false, 12],
    [' 1,234,567 ', false, 1234567],
    ['1.5e3', false, 1500],
    ['$250.50', false, 250.5],
    ['12.5k', false, 12500],
    ['1.2M', false, 1200000],
    ['1.234,5', true, 1234.5],
    ['12,5', true, 12.5],
    ['-3', false, -3],
    ['', false, null],
    ['N/A', false, null],
    [null, false, null],
    [42, false, 42],
    ['twelve', false, NaN],
    ['12,5', false, NaN],
    ['1e400', false, Infinity],
    [true, false, NaN],
  ])('%j (decimal comma %s) → %s', (v, dc, expected) => {
    expect(parseNumber(v, dc).value).toBe(expected);
  });
});

describe('tableFromRecords', () => {
  it('makes columns from the header and rows', () => {
    const t = tableFromRecords([['handle', 'followers'], ['a', '1'], ['b', '2']], 'f.csv', [], []);
    expect(t.names).toEqual(['handle', 'followers']);
    expect(t.columns).toEqual([['a', 'b'], ['1', '2']]);
    expect(t.rows).toBe(2);
  });

  it.each([
    [[['12000', '35'], ['500', '2']], /"f.csv" has no header row: row 1 holds values \("12000", "35"\)/],
    [[['handle', '', 'x'], ['a', '1', '2']], /"f.csv", row 1, column 2: the column name is blank/],
    [[['followers', 'x', 'Followers'], ['1', '2', '3']], /"f.csv", row 1: the column name "Followers" appears twice \(columns 1 and 3\)/],
    [[['a', 'b'], ['1', '2'], ['1', '2', '3']], /"f.csv", row 3: it has 3 fields but the header has 2/],
    [[['a', 'b']], /has a header but no data rows/],
    [[], /contains no data/],
  ])('refuses %j', (records, message) => {
    expect(() => tableFromRecords(records, 'f.csv', [], [])).toThrow(message);
  });

  it('notes markup in names and cells without refusing it', () => {
    const t = tableFromRecords([['<b>handle</b>', 'followers'], ['<script>alert(1)</script>', '1'], ['ok', '2']], 'f.csv', [], []);
    expect(t.notes.join()).toMatch(/1 column name \("<b>handle<\/b>"\) and 1 cell \(first at "f.csv", row 2, column "<b>handle<\/b>"\) contain HTML or script markup/);
  });
});

describe('tableFromObjects', () => {
  it('takes the union of keys and turns bigints into numbers', () => {
    const t = tableFromObjects([{ a: 1n, b: 'x' }, { b: 'y', c: true }], 'f.json', [], []);
    expect(t.names).toEqual(['a', 'b', 'c']);
    expect(t.columns).toEqual([[1, null], ['x', 'y'], [null, true]]);
  });
  it('refuses a record that is not an object', () => {
    expect(() => tableFromObjects([{ a: 1 }, [1, 2] as never], 'f.json', [], [])).toThrow(/record 2: expected an object/);
  });
});
