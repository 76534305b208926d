import { describe, expect, it } from 'vitest';
import { count, fixed, signed, tableValue, usd } from '../../../src/lib/format.ts';

describe('format', () => {
  it.each([
    [1234.5, '1,234.5'],
    [-0.35249, '−0.352'],
    [0.1, '0.1'],
    [2, '2'],
    [-0.0001, '0'],
    [1_000_000, '1,000,000'],
    [NaN, '–'],
  ])('a data-table value %s reads %s (typographic minus, at most three decimals)', (v, text) => {
    expect(tableValue(v)).toBe(text);
  });

  it('writes one minus sign everywhere', () => {
    expect([fixed(-1.5), count(-1200), usd(-5), signed(-0.05)]).toEqual(['−1.50', '−1,200', '−$5', '−0.05']);
    expect(signed(0.12)).toBe('+0.12');
  });
});
