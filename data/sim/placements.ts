import { hash32 } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import type { SimContext } from './context.ts';
import { TIERS, type Tier } from './params.ts';

/**
 * Shares `total` out over tiers in proportion to `mix`, none above its capacity (water-filling,
 * integers by largest remainder); a tier with spare capacity takes what full tiers cannot. When
 * every tier with room has mix 0, the rest goes by capacity. Never more than the total capacity.
 */
export function allocate(total: number, mix: readonly number[], capacity: readonly number[]): number[] {
  const k = mix.length;
  const out = new Array<number>(k).fill(0);
  let remaining = Math.min(total, capacity.reduce((a, b) => a + b, 0));
  const open = new Set<number>();
  for (let t = 0; t < k; t++) if (capacity[t] > 0) open.add(t);
  while (remaining > 0 && open.size > 0) {
    let w = 0;
    for (const t of open) w += mix[t];
    const weight = (t: number) => (w > 0 ? mix[t] / w : capacity[t] - out[t]);
    const norm = w > 0 ? 1 : [...open].reduce((a, t) => a + weight(t), 0);
    const want = new Map<number, number>();
    let saturated = false;
    for (const t of open) {
      const x = (remaining * weight(t)) / norm;
      want.set(t, x);
      if (out[t] + x >= capacity[t]) {
        remaining -= capacity[t] - out[t];
        out[t] = capacity[t];
        open.delete(t);
        saturated = true;
      }
    }
    if (saturated) continue;
    const order = [...open].sort((a, b) => ((want.get(b) as number) % 1) - ((want.get(a) as number) % 1) || a - b);
    let given = 0;
    for (const t of open) {
      const f = Math.floor(want.get(t) as number);
      out[t] += f;
      given += f;
    }
    for (let j = 0; given < remaining; j = (j + 1) % order.length) {
      if (out[order[j]] < capacity[order[j]]) {
        out[order[j]]++;
        given++;
      }
    }
    remaining = 0;
  }
  return out;
}

/** The topics of brand b's field: the niche topics of the communities its marketers search (indices into the topic space). */
export function shortlistTopics(ctx: SimContext, b: number): Set<number> {
  const out = new Set<number>();
  for (const key of ctx.brands[b].spec.shortlist) {
    const c = ctx.communities[ctx.communityIndex.get(key) as number];
    for (const t of c.niche.topics) out.add(t);
  }
  return out;
}

/**
 * How many sponsored posts brand b bought from each account: placementsPerBrand stratified over
 * size tiers (placementTierMix, capped by the accounts there), and within a tier a shortlistShare
 * of them from accounts whose visible niche (`niche`: the most-posted topic, postedNiche.ts) lies
 * in the brand's field, the rest from any account. Accounts are picked by a hash of (seed, brand,
 * id); an account gets more than one post only when the world has fewer accounts than placements.
 */
export function selectPlacements(ctx: SimContext, acc: Accounts, b: number, niche: Int32Array): Int32Array {
  const p = ctx.params;
  const total = p.placementsPerBrand;
  const perAccount = Math.max(1, Math.ceil(total / acc.n));
  const field = shortlistTopics(ctx, b);
  const members = new Map<Tier, number[]>(TIERS.map((t) => [t, []]));
  for (let i = 0; i < acc.n; i++) (members.get(acc.tier[i]) as number[]).push(i);
  const alloc = allocate(
    total,
    TIERS.map((t) => p.placementTierMix[t]),
    TIERS.map((t) => (members.get(t) as number[]).length * perAccount),
  );
  const count = new Int32Array(acc.n);
  const keys = new Uint32Array(acc.n);
  for (let i = 0; i < acc.n; i++) keys[i] = hash32(p.seed, ctx.tag.select, b + 1, i + 1);
  const byKey = (x: number, y: number) => keys[x] - keys[y] || x - y;
  TIERS.forEach((tier, k) => {
    const list = members.get(tier) as number[];
    if (list.length === 0) return;
    const base = Math.floor(alloc[k] / list.length);
    const rest = alloc[k] - base * list.length;
    const inField = list.filter((i) => field.has(niche[i])).sort(byKey);
    const outField = list.filter((i) => !field.has(niche[i])).sort(byKey);
    let fromField = Math.min(inField.length, Math.round(p.shortlistShare * rest));
    let fromRest = rest - fromField;
    if (fromRest > outField.length) {
      fromRest = outField.length;
      fromField = rest - fromRest;
    }
    for (const i of list) count[i] = base;
    for (let j = 0; j < fromField; j++) count[inField[j]]++;
    for (let j = 0; j < fromRest; j++) count[outField[j]]++;
  });
  return count;
}
