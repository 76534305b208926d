import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineNames, joinKey, proposeKey } from '../../../src/lib/byod/join.ts';
import { ROSTER, SALES } from '../../fixtures/byod/join.ts';

describe('two files as one header', () => {
  it('keeps the first file\'s names and marks the second file\'s that clash with the file name', () => {
    const { names, origin } = combineNames(['Discount code', 'Orders'], ['Creator', 'discount code ', 'Orders', 'Orders (b.csv)'], 'b.csv');
    expect(names).toEqual(['Discount code', 'Orders', 'Creator', 'discount code  (b.csv)', 'Orders (b.csv)', 'Orders (b.csv) (b.csv, 2)']);
    expect(origin.get('Orders (b.csv)')).toEqual({ file: 1, name: 'Orders' });
    expect(origin.get('Orders (b.csv) (b.csv, 2)')).toEqual({ file: 1, name: 'Orders (b.csv)' });
    expect(origin.get('Orders')).toEqual({ file: 0, name: 'Orders' });
  });

  it('proposes the key: a shared column name (the most key-like), else the most key-like column of each', () => {
    expect(proposeKey(['Discount code', 'Orders', 'Gross sales'], ['Creator', 'Instagram handle', 'Discount code', 'Followers'])).toEqual(['Discount code', 'Discount code']);
    expect(proposeKey(['Date', 'Orders'], ['Followers', 'date'])).toEqual(['Date', 'date']);
    expect(proposeKey(['Promo code', 'Orders'], ['Creator', 'Followers'])).toEqual(['Promo code', 'Creator']);
  });

  it('compares keys as join.sql does: spaces around trimmed, case ignored, blank matching nothing', () => {
    expect([joinKey(' CREATOR7 '), joinKey('creator7'), joinKey('\tx'), joinKey('   '), joinKey(null)]).toEqual(['creator7', 'creator7', '\tx', null, null]);
  });

  it('the committed roster is the one the module writes, and it shares codes with the sales report', () => {
    expect(readFileSync(new URL(`../../fixtures/byod/${ROSTER.file}`, import.meta.url), 'utf8')).toBe(ROSTER.text);
    expect(SALES.text.split('\n')[0]).toBe('Discount code,Orders,Gross sales,Discounts,Returns,Net sales,Taxes,Total sales');
  });
});
