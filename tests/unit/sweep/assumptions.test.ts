import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../../src/lib/sweep/assumptions.ts';
import { defaultOf } from '../../../src/lib/sweep/point.ts';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';

describe('the swept assumptions', () => {
  it.each(ASSUMPTIONS.map((a) => [a.key, a] as const))('%s: a rising grid that passes through the published default, so "at the default" is measured there', (_, a) => {
    expect([...a.grid].sort((x, y) => x - y)).toEqual(a.grid);
    expect(new Set(a.grid).size).toBe(a.grid.length);
    expect(a.grid).toContain(defaultOf(a, DEFAULT_PARAMS));
  });
});
