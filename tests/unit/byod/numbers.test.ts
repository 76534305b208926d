import { describe, expect, it } from 'vitest';
import { cellEvidence, decideColumn, parseNumber } from '../../../src/lib/byod/numbers.ts';

describe('parseNumber: numbers as people write them', () => {
  it.each([
    ['12.5K', false, 12500],
    ['1.2M', false, 1_200_000],
    ['1,2M', true, 1_200_000],
    ['2B', false, 2e9],
    ['$1,200.00', false, 1200],
    ['€1.200,50', true, 1200.5],
    ['1.200,50 €', true, 1200.5],
    ['£950', false, 950],
    ['1200 USD', false, 1200],
    ['USD 1,200.00', false, 1200],
    ['3.4%', false, 3.4],
    ['3,4 %', true, 3.4],
    ['80,5', true, 80.5],
    ['1,200', false, 1200],
    ['1,200', true, 1.2],
    ['1.200', true, 1200],
    ['1.200', false, 1.2],
    ['12 400', false, 12400],
    ['12\u00a0400', true, 12400],
    ['–', false, null],
    ['$', false, NaN],
    ['1,2,3', false, NaN],
  ])('%j (decimal comma %s) is %s', (v, comma, expected) => {
    expect(parseNumber(v, comma).value).toBe(expected);
  });
});

describe('cellEvidence: what one cell says about the decimal mark', () => {
  it.each([
    ['1,200.50', '.'],
    ['1.200,50', ','],
    ['€1.200,50', ','],
    ['1,200,000', '.'],
    ['1.200.000', ','],
    ['80,5', ','],
    ['12.50', '.'],
    ['0.125', '.'],
    ['0,125', ','],
    ['12.5K', '.'],
    ['1,2M', ','],
    ['1,200', 'ambiguous'],
    ['$1.200', 'ambiguous'],
    ['1200', null],
    ['', null],
    ['abc', null],
  ])('%j → %s', (v, e) => {
    expect(cellEvidence(v)).toBe(e);
  });
});

describe('decideColumn: the decimal mark of a column from all its values', () => {
  it.each([
    ['thousands commas, one decisive value', ['1,200', '3,400', '12,500.75'], '.', { mark: '.', by: 'values', ambiguous: false, conflicts: 0 }],
    ['European amounts', ['1.200', '80,5', '3.400'], '.', { mark: ',', by: 'values', ambiguous: false, conflicts: 0 }],
    ['a single decisive value far down the column', [...Array(500).fill('1,200'), '7,25'], '.', { mark: ',', by: 'values', ambiguous: false, conflicts: 0 }],
    ['every value like 1,200: ambiguous, the default applies', ['1,200', '3,400', '900'], '.', { mark: '.', by: 'default', ambiguous: true, example: '1,200', conflicts: 0 }],
    ['every value like 1.200 in a semicolon file', ['12.400', '900'], ',', { mark: ',', by: 'default', ambiguous: true, example: '12.400', conflicts: 0 }],
    ['plain integers: nothing to decide, nothing to ask', ['12', '400'], ',', { mark: ',', by: 'default', ambiguous: false, conflicts: 0 }],
    ['K/M suffixes decide', ['12.5K', '1.2M', '800'], ',', { mark: '.', by: 'values', ambiguous: false, conflicts: 0 }],
    ['a mixed column: the majority, with the conflicts counted', ['1.5', '2.25', '3,5'], '.', { mark: '.', by: 'values', ambiguous: false, conflicts: 1 }],
    ['typed numbers (Parquet, JSON) say nothing', [1200, 3.5], '.', { mark: '.', by: 'default', ambiguous: false, conflicts: 0 }],
  ])('%s', (_, values, fallback, expected) => {
    expect(decideColumn(values as unknown[], fallback as ',' | '.')).toEqual(expected);
  });
});
