/** One swept point's world: the parameters and simulator context with the assumption set to a value. */
import type { WorldParams } from '../../../data/sim/params.ts';
import { PARAM_DOCS } from '../../../data/sim/params.ts';
import type { SimContext } from '../../../data/sim/context.ts';
import type { Assumption } from './assumptions.ts';

/** The base world's value of an assumption (1 for a multiplier). */
export function defaultOf(a: Assumption, params: WorldParams): number {
  if (a.mode === 'scale') return 1;
  const v = a.path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], params);
  if (typeof v !== 'number') throw new RangeError(`${a.path} is not a numeric parameter`);
  return v;
}

/** Parameters with the assumption at `value` (a 'brands.' path leaves them as they are: see contextAt). */
export function paramsAt(a: Assumption, params: WorldParams, value: number): WorldParams {
  const out = structuredClone(params);
  if (a.path.startsWith('brands.')) return out;
  const keys = a.path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, out as unknown as Record<string, unknown>);
  const last = keys[keys.length - 1];
  const target = parent[last];
  if (a.mode === 'value') {
    if (typeof target !== 'number') throw new RangeError(`${a.path} is not a numeric parameter`);
    parent[last] = value;
  } else if (typeof target === 'number') {
    parent[last] = Math.min(PARAM_DOCS[a.path]?.max ?? Infinity, target * value);
  } else {
    const leaves = target as Record<string, number>;
    for (const k of Object.keys(leaves)) leaves[k] = Math.min(PARAM_DOCS[`${a.path}.${k}`]?.max ?? Infinity, leaves[k] * value);
  }
  return out;
}

/** The simulator context at the point: its parameters, and each brand's catalog value for a 'brands.' path (a multiplier capped at 1 for fitSaturation). */
export function contextAt(a: Assumption, ctx: SimContext, value: number): SimContext {
  const params = paramsAt(a, ctx.params, value);
  if (!a.path.startsWith('brands.')) return { ...ctx, params };
  const field = a.path.slice('brands.'.length) as 'fitSaturation';
  const brands = ctx.brands.map((b) => ({
    ...b,
    spec: { ...b.spec, [field]: a.mode === 'scale' ? Math.min(1, b.spec[field] * value) : value },
  }));
  return { ...ctx, params, brands };
}
