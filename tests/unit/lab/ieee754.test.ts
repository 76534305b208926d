import { describe, expect, it } from 'vitest';
import { cos, exp, log, log10 } from '../../../src/lib/ieee754.ts';
import { rng } from '../../../src/lib/random.ts';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8));
}

describe('engine-independent exp, log, log10, cos', () => {
  it.each([
    [exp, 0, 1],
    [exp, -Infinity, 0],
    [exp, Infinity, Infinity],
    [exp, 1000, Infinity],
    [exp, -1000, 0],
    [log, 1, 0],
    [log, 0, -Infinity],
    [log, -1, NaN],
    [log, Infinity, Infinity],
    [log10, 1000, 3],
    [log10, 1, 0],
    [log10, 0, -Infinity],
    [log10, -2, NaN],
    [cos, 0, 1],
    [cos, Infinity, NaN],
  ] as const)('%o(%s) = %s', (f, x, y) => {
    expect(f(x)).toBe(y);
  });

  it.each([exp, log, log10, cos])('%o returns NaN for NaN', (f) => expect(f(NaN)).toBeNaN());

  it('agree with Math within one unit in the last place (fdlibm is accurate to < 1 ulp)', () => {
    const u = rng(754);
    for (let k = 0; k < 20_000; k++) {
      const x = (u() - 0.5) * 80;
      const p = u() * 1e6 + 1e-9;
      const a = u() * 2 * Math.PI;
      expect(Math.abs(ulps(exp(x), Math.exp(x)))).toBeLessThanOrEqual(1);
      expect(Math.abs(ulps(log(p), Math.log(p)))).toBeLessThanOrEqual(1);
      expect(Math.abs(ulps(log10(p), Math.log10(p)))).toBeLessThanOrEqual(1);
      expect(Math.abs(cos(a) - Math.cos(a))).toBeLessThanOrEqual(2 ** -52);
    }
  });

  it('give fdlibm\'s bits where engines disagree (values checked against V8 13.6, whose Math is fdlibm)', () => {
    expect(exp(0.123456789)).toBe(1.1314011145122336);
    expect(log(7646876.5758909285)).toBe(15.84980783169615);
    expect(log10(7646876.5758909285)).toBe(6.8834840805325825);
    expect(cos(2.5)).toBe(-0.8011436155469337);
  });
});
