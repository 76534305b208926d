import { describe, expect, it } from 'vitest';
import { bindSql, parameterNames } from '../../../src/sql/bind.ts';

describe('bindSql', () => {
  it('turns named placeholders into positional ones, values in order of use', () => {
    expect(bindSql('SELECT $b + $a + $b', { a: 1, b: 2 })).toEqual({ sql: 'SELECT ? + ? + ?', values: [2, 1, 2] });
  });
  it('leaves text without placeholders alone', () => {
    expect(bindSql('SELECT 1', {})).toEqual({ sql: 'SELECT 1', values: [] });
  });
  it('throws on a parameter with no value instead of binding NULL', () => {
    expect(() => bindSql('SELECT $missing', { other: 1 })).toThrow(/missing/);
  });
  it('binds null, strings and booleans as given', () => {
    expect(bindSql('$x $y $z', { x: null, y: "o'brien", z: true }).values).toEqual([null, "o'brien", true]);
  });
  it('lists parameter names once, in first-use order', () => {
    expect(parameterNames('$w_b * $w_a + $w_b')).toEqual(['w_b', 'w_a']);
  });
});

import { macrosUsedBy } from '../../../src/sql/catalog.ts';

describe('macrosUsedBy', () => {
  it('finds macros called directly, through the tables they fill and through the macros they call', () => {
    // reach_score reads account_terms, which reach_terms fills, and calls reach_scale.
    expect(macrosUsedBy('SELECT * FROM reach_score(1, 2, 3) JOIN kred_scores USING (id)')).toEqual(['reach_terms', 'reach_scale', 'reach_score', 'kred_score']);
    expect(macrosUsedBy('SELECT reach_scale(r, 0, 1, 2, 3) FROM t')).toEqual(['reach_scale']);
    expect(macrosUsedBy('SELECT 1 FROM peerindex_scores_old')).toEqual([]);
  });
});
