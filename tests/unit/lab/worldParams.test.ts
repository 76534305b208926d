import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, PARAM_DOCS } from '../../../data/sim/params.ts';
import {
  LAB_CONTROLS,
  LAB_DEFAULTS,
  PRESETS,
  applyPreset,
  formatWorldValue,
  isDefaultWorld,
  readWorld,
  validWorldValue,
  worldParams,
  writeWorld,
} from '../../../src/lib/lab/worldParams.ts';

describe('validWorldValue', () => {
  it.each([
    ['relevanceEffect', '0', 0],
    ['relevanceEffect', '8', 8],
    ['relevanceEffect', '2.5', 2.5],
    ['relevanceEffect', '2.54', 2.5],
    ['relevanceEffect', '', 1.8],
    ['relevanceEffect', null, 1.8],
    ['relevanceEffect', 'abc', 1.8],
    ['relevanceEffect', 'NaN', 1.8],
    ['relevanceEffect', 'Infinity', 1.8],
    ['relevanceEffect', '-0.1', 1.8],
    ['relevanceEffect', '8.01', 1.8],
    ['relevanceEffect', '1e400', 1.8],
    ['relevanceEffect', '<script>', 1.8],
    ['relevanceEffect', '0x10', 1.8],
    ['fraudRateByTier.mega', '0.333', 0.33],
    ['fraudRateByTier.mega', '1', 1],
    ['costPerFollower', '0.0123', 0.012],
    ['accounts', '20000', 20_000],
    ['accounts', '1000', 1000],
    ['accounts', '999', 5000],
    ['accounts', '200000', 5000],
    ['accounts', '2740', 2500],
    ['seed', '7', 7],
    ['seed', '7.6', 8],
    ['seed', '-1', DEFAULT_PARAMS.seed],
    ['seed', String(2 ** 31), DEFAULT_PARAMS.seed],
  ])('%s: reads %j as %j (garbage and out-of-range fall back to the published default, values snap to the step)', (path, text, expected) => {
    expect(validWorldValue(path, text)).toBe(expected);
  });

  it('throws for a parameter the lab has no control for', () => {
    expect(() => validWorldValue('tailExponent', '2')).toThrow(/no lab control/);
  });

  it('0x10 and other number syntax Number() accepts but people do not type stay in range or fall back', () => {
    // Number('0x10') is 16, out of the relevance range, so it falls back; in range it would be accepted as 16.
    expect(validWorldValue('accounts', '0x10')).toBe(5000);
  });
});

describe('the lab controls', () => {
  it('cover the effects, fake-follower rates by tier, what a marketer sees (the audit, the brief), the cost model, the number of accounts and the seed', () => {
    const paths = LAB_CONTROLS.map((c) => c.path);
    for (const p of ['relevanceEffect', 'reachEffect', 'trustEffect', 'hierarchyDecay', 'costFixed', 'costPerFollower', 'accounts', 'seed']) expect(paths).toContain(p);
    for (const p of ['auditSample', 'auditPassThrough', 'briefNoise', 'briefTopics', 'briefMissRate']) expect(paths).toContain(p);
    for (const t of ['nano', 'micro', 'mid', 'macro', 'mega']) expect(paths).toContain(`fraudRateByTier.${t}`);
  });

  it('take label, range, step and source from PARAM_DOCS (accounts narrowed to 1,000–20,000)', () => {
    for (const c of LAB_CONTROLS) {
      expect(c.doc.label).toBe(PARAM_DOCS[c.path].label);
      expect(c.doc.source).toBe(PARAM_DOCS[c.path].source);
      if (c.path !== 'accounts') expect([c.doc.min, c.doc.max, c.doc.step]).toEqual([PARAM_DOCS[c.path].min, PARAM_DOCS[c.path].max, PARAM_DOCS[c.path].step]);
    }
    const accounts = LAB_CONTROLS.find((c) => c.path === 'accounts')!.doc;
    expect([accounts.min, accounts.max]).toEqual([1000, 20_000]);
  });

  it('have distinct URL keys that do not clash with the essay parameters', () => {
    const keys = LAB_CONTROLS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['wf', 'wr', 'wu', 'brand', 'budget', 'buy', 'mw']) expect(keys).not.toContain(k);
  });

  it('default to the published parameters', () => {
    expect(worldParams(LAB_DEFAULTS)).toEqual(DEFAULT_PARAMS);
    expect(isDefaultWorld(LAB_DEFAULTS)).toBe(true);
    expect(isDefaultWorld({ ...LAB_DEFAULTS, seed: 1 })).toBe(false);
  });
});

describe('world URL state', () => {
  it('an empty or garbage query string gives the published world', () => {
    expect(readWorld('')).toEqual(LAB_DEFAULTS);
    expect(readWorld('?rel=lots&n=-5&seed=&fmega=2&unknown=1')).toEqual(LAB_DEFAULTS);
  });

  it('round-trips changed values and keeps defaults and other keys out of the way', () => {
    const values = { ...LAB_DEFAULTS, relevanceEffect: 0, 'fraudRateByTier.nano': 0.1, accounts: 2000, seed: 42, costPerFollower: 0.02 };
    const search = writeWorld(values, '?brand=voltra');
    expect(search).toBe('?brand=voltra&rel=0&fnano=0.1&cpf=0.02&n=2000&seed=42');
    expect(readWorld(search)).toEqual(values);
    expect(writeWorld(LAB_DEFAULTS, search)).toBe('?brand=voltra');
  });

  it('worldParams applies nested paths and validates the result', () => {
    const p = worldParams({ 'fraudRateByTier.mega': 0, trustEffect: 0 });
    expect(p.fraudRateByTier).toEqual({ ...DEFAULT_PARAMS.fraudRateByTier, mega: 0 });
    expect(p.trustEffect).toBe(0);
    expect(DEFAULT_PARAMS.fraudRateByTier.mega).toBe(0.66);
    expect(() => worldParams({ relevanceEffect: -1 })).toThrow(RangeError);
  });
});

describe('presets', () => {
  const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

  it('"Reach only" turns relevance and trust off and removes fake and inactive followers, from the published world', () => {
    const v = applyPreset(preset('reach-only'), { ...LAB_DEFAULTS, seed: 3, relevanceEffect: 6 });
    const p = worldParams(v);
    expect(p.relevanceEffect).toBe(0);
    expect(p.trustEffect).toBe(0);
    expect(Object.values(p.fraudRateByTier)).toEqual([0, 0, 0, 0, 0]);
    expect(p.inactiveShareMean).toBe(0);
    expect(p.seed).toBe(DEFAULT_PARAMS.seed);
  });

  it('"Relevance off" changes relevance only (on clicks and purchases), keeping the other current values', () => {
    const v = applyPreset(preset('relevance-off'), { ...LAB_DEFAULTS, seed: 3, trustEffect: 2 });
    expect(v).toEqual({ ...LAB_DEFAULTS, seed: 3, trustEffect: 2, relevanceEffect: 0, relevancePurchaseEffect: 0 });
  });
});

describe('formatWorldValue', () => {
  it.each([
    ['fraudRateByTier.nano', 0.42, '42%'],
    ['costFixed', 80, '$80'],
    ['costPerFollower', 0.01, '$0.010'],
    ['accounts', 5000, '5,000'],
    ['seed', 20120401, '20120401'],
    ['relevanceEffect', 4, '4.0'],
    ['trustEffect', 1, '1.00'],
  ])('%s %s reads %s', (path, v, text) => {
    expect(formatWorldValue(path, v)).toBe(text);
  });
});
