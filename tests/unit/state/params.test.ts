import { describe, expect, it } from 'vitest';
import { DEFAULTS, PARAMS, formatParam, readParams, validParam, writeParams } from '../../../src/lib/state/params.ts';

describe('validParam', () => {
  it.each([
    ['1.5', 1.5],
    ['0', 0],
    ['2', 2],
    ['', PARAMS.w_followers.default],
    [null, PARAMS.w_followers.default],
    ['abc', PARAMS.w_followers.default],
    ['NaN', PARAMS.w_followers.default],
    ['Infinity', PARAMS.w_followers.default],
    ['-0.5', PARAMS.w_followers.default],
    ['2.01', PARAMS.w_followers.default],
    ['1e400', PARAMS.w_followers.default],
    ['0.52', 0.5],
    ['<script>', PARAMS.w_followers.default],
  ])('reads %j as %j (out of range or garbage falls back to the default, values snap to the step)', (text, expected) => {
    expect(validParam('w_followers', text)).toBe(expected);
  });
});

describe('URL state', () => {
  it('round-trips every parameter', () => {
    const values = { w_followers: 0.25, w_reactions: 1.75, w_reactors: 0, brand: 'voltra', budget: 7000, bought: 30000, min_weeks: 1 };
    expect(readParams(writeParams(values))).toEqual(values);
  });
  it('keeps default values out of the query string and other keys in it', () => {
    expect(writeParams({ ...DEFAULTS, w_reactions: 1 }, '?other=yoga')).toBe('?other=yoga&wr=1');
    expect(writeParams(DEFAULTS)).toBe('');
  });
  it('ignores unknown keys', () => {
    expect(readParams('?zzz=1&wf=0.1')).toEqual({ ...DEFAULTS, w_followers: 0.1 });
  });
});

describe('choice parameters', () => {
  it.each([
    ['voltra', 'voltra'],
    ['VOLTRA', PARAMS.brand.default],
    ['<img src=x>', PARAMS.brand.default],
    ['', PARAMS.brand.default],
  ])('reads brand %j as %j (only listed choices pass)', (text, expected) => {
    expect(validParam('brand', text)).toBe(expected);
  });
  it('round-trips a choice and a dollar amount through the URL', () => {
    const values = readParams(writeParams({ brand: 'taskwise', budget: 35000 }));
    expect(values.brand).toBe('taskwise');
    expect(values.budget).toBe(35000);
  });
});

describe('formatParam', () => {
  it.each([
    ['w_followers', 0.5, '0.50'],
    ['budget', 20000, '$20,000'],
    ['bought', 150000, '150,000'],
    ['brand', 'voltra', 'Voltra (energy drink, mass market)'],
  ] as const)('shows %s = %j as %j', (name, value, text) => {
    expect(formatParam(name, value)).toBe(text);
  });
});
