import { describe, expect, it } from 'vitest';
import { checkParams, DEFAULT_PARAMS, PARAM_DOCS, paramLeaves, scaleParams } from '../../../data/sim/params.ts';

/** The short names of the sources in SCIENCE.md §3 and §7. */
const SOURCES = [
  'Yan et al',
  'MediaPost',
  'HypeAuditor',
  'Kwak et al',
  'Modash',
  'Wies',
  'Beichert',
  'Leung',
  'J. Marketing Research 2023',
  'industry reports 2021',
  'pricing guides',
  'Bakshy',
  '1,143-ad campaign dataset',
];

describe('PARAM_DOCS', () => {
  const withBought = { ...DEFAULT_PARAMS, boughtFollowers: [{ account: 'pop-star', share: 0.5 }] };

  it('documents every numeric parameter and nothing else', () => {
    expect(new Set(paramLeaves(withBought).map((l) => l.path))).toEqual(new Set(Object.keys(PARAM_DOCS)));
  });

  it.each(Object.entries(PARAM_DOCS))('%s has a label, unit, a range holding its default, and a source', (path, doc) => {
    expect(doc.label.length).toBeGreaterThan(3);
    expect(typeof doc.unit).toBe('string');
    expect(doc.min).toBeLessThan(doc.max);
    expect(doc.step).toBeGreaterThan(0);
    expect(doc.source === 'assumption' || /^(assumption|calibrated) \(/.test(doc.source) || SOURCES.some((s) => doc.source.includes(s))).toBe(true);
    if (doc.source.startsWith('calibrated (')) expect(SOURCES.some((s) => doc.source.includes(s))).toBe(true);
    const leaf = paramLeaves(withBought).find((l) => l.path === path);
    expect(leaf!.value).toBeGreaterThanOrEqual(doc.min);
    expect(leaf!.value).toBeLessThanOrEqual(doc.max);
  });

  it('cites the sources where SCIENCE.md has a figure', () => {
    expect(PARAM_DOCS['sizeMix.nano'].source).toMatch(/HypeAuditor/);
    expect(PARAM_DOCS['fraudRateByTier.mega'].source).toMatch(/66%/);
    expect(PARAM_DOCS['engagementByTier.1k-5k'].source).toMatch(/Modash/);
    expect(PARAM_DOCS.costPerFollower.source).toMatch(/pricing guides/);
    expect(PARAM_DOCS.tailExponent.source).toMatch(/Kwak/);
  });
});

describe('checkParams(params)', () => {
  it('accepts the defaults and the large scale', () => {
    expect(() => checkParams(DEFAULT_PARAMS)).not.toThrow();
    expect(() => checkParams(scaleParams('large'))).not.toThrow();
  });

  it.each([
    ['a negative effect', { relevanceEffect: -1 }, /relevanceEffect/],
    ['NaN', { trustEffect: NaN }, /trustEffect/],
    ['a share above 1', { fraudRateByTier: { ...DEFAULT_PARAMS.fraudRateByTier, nano: 1.5 } }, /fraudRateByTier.nano/],
    ['a bought share of 1', { boughtFollowers: [{ account: 1, share: 1 }] }, /boughtFollowers\[\].share/],
    ['a size mix without room for 100k–1M', { sizeMix: { nano: 0.8, micro: 0.2, mega: 0.001 } }, /sizeMix/],
    ['fractional accounts', { accounts: 1000.5 }, /integers/],
    ['postsMin above postsMax', { postsMin: 50, postsMax: 20 }, /postsMin/],
  ])('rejects %s', (_name, change, message) => {
    expect(() => checkParams({ ...DEFAULT_PARAMS, ...change })).toThrow(message);
  });
});

describe('scaleParams(scale)', () => {
  it('large is 100k accounts and 1M placements over the five brands', () => {
    const p = scaleParams('large');
    expect(p.accounts).toBe(100_000);
    expect(p.placementsPerBrand * 5).toBe(1_000_000);
    expect(p.reactionSampleCap).toBeLessThan(DEFAULT_PARAMS.reactionSampleCap);
  });

  it('default is a copy of the defaults (changing it leaves DEFAULT_PARAMS alone)', () => {
    const p = scaleParams('default');
    expect(p).toEqual(DEFAULT_PARAMS);
    p.fraudRateByTier.nano = 0;
    expect(DEFAULT_PARAMS.fraudRateByTier.nano).toBe(0.42);
  });

  it('throws on an unknown scale', () => {
    expect(() => scaleParams('huge' as 'large')).toThrow(RangeError);
  });
});
