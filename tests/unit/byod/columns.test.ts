/**
 * The large-file paths of the "Your data" parser hold to the plain ones: the scan of delimited text
 * against a character-by-character reference parser written here, the text columns against the
 * record arrays (same cells, same messages), and the number readers that work on character codes
 * against parseNumber and cellEvidence, over many generated cells.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/lib/random.ts';
import { cellAt, parseDelimited, scanDelimited, TextColumn } from '../../../src/lib/byod/delimited.ts';
import { tableFromRecords, tableFromScan } from '../../../src/lib/byod/table.ts';
import { cellEvidence, decideColumn, parseNumber, plainEvidence, plainNumber } from '../../../src/lib/byod/numbers.ts';
import { prepare } from '../../../src/lib/byod/prepare.ts';
import { emptyMapping } from '../../../src/lib/byod/mapping.ts';

/** RFC 4180 records, one character at a time (the parser the scan replaced, reduced to its rules). */
function reference(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0].trim() === '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error('unclosed');
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = value;
      while (i < text.length && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else if (c === d) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
    } else field += text[i++];
  }
  endRow();
  return rows;
}

const pick = <T,>(u: () => number, xs: readonly T[]) => xs[Math.floor(u() * xs.length)];

describe('scanDelimited', () => {
  const pieces = ['a', 'bc', ' ', '1', '2.5', '"', '""', '"x,y"', '"q""q"', ',', ';', '\n', '\r\n', '\r', '<b>', '=1', 'é'];
  it('cuts 3,000 generated texts into the same records as the reference parser', async () => {
    const u = rng(15);
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: 1 + Math.floor(u() * 30) }, () => pick(u, pieces)).join('');
      const d = u() < 0.5 ? ',' : ';';
      let want: string[][] | 'unclosed';
      try {
        want = reference(text, d);
      } catch {
        want = 'unclosed';
      }
      if (want === 'unclosed') await expect(parseDelimited(text, { delimiter: d, file: 'f.csv' }), JSON.stringify(text)).rejects.toThrow(/never closed/);
      else expect(await parseDelimited(text, { delimiter: d, file: 'f.csv' }), JSON.stringify(text)).toEqual(want);
    }
  });

  it('grows past its first estimate of the cells (short first lines, long later ones)', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(10) + Array.from({ length: 5000 }, (_, i) => `${'x'.repeat(i % 7)},${i}`).join('\n');
    const s = scanDelimited(text, { delimiter: ',', file: 'f.csv' });
    expect(s.records).toBe(5011);
    expect(s.rowStart[s.records]).toBe(2 * 5011);
  });

  it('reports progress, and stops past the row limit', () => {
    const shares: number[] = [];
    scanDelimited('a\n' + '1\n'.repeat(100), { delimiter: ',', file: 'f.csv', chunkRows: 10, onProgress: (s) => shares.push(s) });
    expect(shares.length).toBe(11);
    expect(shares.at(-1)).toBe(1);
    // The limit counts data rows: the header is not one.
    expect(scanDelimited('a\n1\n2\n3\n', { delimiter: ',', file: 'f.csv', maxRows: 3 }).records).toBe(4);
    expect(() => scanDelimited('a\n1\n2\n3\n', { delimiter: ',', file: 'f.csv', maxRows: 2 })).toThrow(/"f.csv" has more than 2 rows; this page analyses at most 2 in your browser/);
  });
});

describe('tableFromScan', () => {
  const both = async (text: string) => {
    const fromRecords = (() => {
      try {
        return tableFromRecords(reference(text, ','), 'f.csv', [], []);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    const fromScan = (() => {
      try {
        return tableFromScan(scanDelimited(text, { delimiter: ',', file: 'f.csv' }), 'f.csv', [], []);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    return { fromRecords, fromScan };
  };

  it.each([
    ['handle,followers\na,1\nb,2\n'],
    ['"h,1","f""2"\n"x""y",3\n"a,b",4\n'],
    ['12000,35\n1,2\n'],
    ['handle,,x\na,1,2\n'],
    ['f,x,F\n1,2,3\n'],
    ['a,b\n1,2\n1,2,3\n'],
    ['a,b\n'],
    ['\n\n'],
    ['<b>h</b>,f\n<script>x</script>,1\nok,2\n"a<i>",3\n"=cmd",4\njavascript:void(0),5\n'],
    ['h,f\n"x"<img src=y>,1\n'],
  ])('%j: the same table or the same message as from records', async (text) => {
    const { fromRecords, fromScan } = await both(text);
    if (typeof fromRecords === 'string') return expect(fromScan).toBe(fromRecords);
    if (typeof fromScan === 'string') throw new Error(fromScan);
    expect(fromScan.names).toEqual(fromRecords.names);
    expect(fromScan.rows).toBe(fromRecords.rows);
    expect(fromScan.notes).toEqual(fromRecords.notes);
    expect(fromScan.columns.every((c) => c instanceof TextColumn)).toBe(true);
    fromScan.columns.forEach((c, j) => expect(Array.from({ length: c.length }, (_, i) => cellAt(c, i))).toEqual(fromRecords.columns[j]));
  });
});

describe('reading numbers from character codes', () => {
  const alphabet = ['0', '1', '2', '5', '9', '.', ',', '$', '€', '£', ' ', '-', 'k', 'e', '%'];
  const cells: string[] = ['', '0', '00', '0.5', '.5', '5.', '.', ',5', '5,', '1,234', '1,234.5', '1,234.', '1.234,5', '$1,200.00', '$', '$.', '1,2', '12,345,678', '1234,567', '0,123', '9007199254740993', '1.00000000000000000000001', '123456789012345678901234', '€12,5'];
  const u = rng(7);
  for (let k = 0; k < 60000; k++) cells.push(Array.from({ length: 1 + Math.floor(u() * 9) }, () => pick(u, alphabet)).join(''));
  for (let k = 0; k < 20000; k++) cells.push(`${Math.floor(u() * 1e6)}.${String(Math.floor(u() * 1e4)).padStart(1 + Math.floor(u() * 4), '0')}`);

  it('plainNumber reads a cell as parseNumber does, or leaves it to parseNumber', () => {
    let fast = 0;
    for (const comma of [false, true]) {
      for (const c of cells) {
        const v = plainNumber(`x${c}y`, 1, 1 + c.length, comma);
        if (v === undefined) continue;
        fast++;
        expect(v, `${JSON.stringify(c)} comma ${comma}`).toBe(parseNumber(c, comma).value);
      }
    }
    expect(fast).toBeGreaterThan(25000); // the fast path takes the plain cells (20,000 decimals in each mode, and some of the rest)
  });

  it('plainEvidence says what cellEvidence says, or leaves the cell to it', () => {
    let fast = 0;
    for (const c of cells) {
      const e = plainEvidence(`x${c}y`, 1, 1 + c.length);
      if (e === undefined) continue;
      fast++;
      expect(e, JSON.stringify(c)).toBe(cellEvidence(c));
    }
    expect(fast).toBeGreaterThan(20000);
  });

  it('a text column decides and reads its numbers as the same column as an array of strings', () => {
    const column = cells.slice(0, 3000).map((c) => c.replace(/[",\r\n]/g, '')).filter((c) => c.trim() !== '');
    const text = 'v\n' + column.join('\n') + '\n';
    const table = tableFromScan(scanDelimited(text, { delimiter: ',', file: 'f.csv' }), 'f.csv', [], []);
    const array = tableFromRecords([['v'], ...column.map((c) => [c])], 'f.csv', [], []);
    for (const fallback of ['.', ','] as const) expect(decideColumn(table.columns[0], fallback)).toEqual(decideColumn(array.columns[0], fallback));
    // prepare reads the whole column: the same numbers, or the same message at the same row.
    const mapping = { ...emptyMapping(), reach: 'v', conversions: 'v' };
    const run = (t: typeof table) => {
      try {
        return Array.from(prepare(t, mapping, false).reach);
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(run(table)).toEqual(run(array));
    const plain = tableFromScan(scanDelimited('v\n' + cells.slice(-2000).join('\n'), { delimiter: ',', file: 'f.csv' }), 'f.csv', [], []);
    expect(Array.from(prepare(plain, mapping, false).reach)).toEqual(cells.slice(-2000).map((c) => parseNumber(c, false).value));
  });
});
