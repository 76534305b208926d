import { describe, expect, it } from 'vitest';
import { DEFAULTS, PARAMS, readParams, validParam, writeParams } from '../../../src/lib/state/params.ts';

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
    const values = { w_followers: 0.25, w_reactions: 1.75, w_reactors: 0 };
    expect(readParams(writeParams(values))).toEqual(values);
  });
  it('keeps default values out of the query string and other keys in it', () => {
    expect(writeParams({ ...DEFAULTS, w_reactions: 1 }, '?brand=yoga')).toBe('?brand=yoga&wr=1');
    expect(writeParams(DEFAULTS)).toBe('');
  });
  it('ignores unknown keys', () => {
    expect(readParams('?zzz=1&wf=0.1')).toEqual({ ...DEFAULTS, w_followers: 0.1 });
  });
});
