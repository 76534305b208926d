/**
 * Seeded pseudo-randomness shared by the simulator, the bootstrap and random baselines.
 * Never Math.random: the same seed must give the same numbers in Node and in every browser.
 */

import { cos, exp, log } from './ieee754.ts';

/** A 32-bit integer hash of any number of integers (a murmur3-style finaliser over a running mix). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9 | 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    // Fold the high part of values beyond 32 bits in too, so 64-bit-ish ids do not collide trivially.
    const high = Math.floor(p / 4294967296) | 0;
    if (high !== 0) h = Math.imul(h ^ high, 0x27d4eb2f);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** A generator of uniform numbers in [0, 1) (mulberry32), seeded by one or more integers. */
export function rng(...seed: number[]): () => number {
  let a = hash32(...seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from a uniform generator (Box–Muller; uses two draws). */
export function normal(u: () => number): number {
  const u1 = 1 - u();
  const u2 = u();
  return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
}

// The last mean's e^−λ: callers often draw many times with one mean (a follower's interests), and exp is the dearest step.
let lastLambda = NaN;
let lastLimit = 0;

/** A Poisson draw with mean `lambda` (Knuth for small means, a rounded normal approximation above 50). */
export function poisson(u: () => number, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(u)));
  if (lambda !== lastLambda) {
    lastLimit = exp(-lambda);
    lastLambda = lambda;
  }
  const limit = lastLimit;
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** A binomial draw (exact for small n, normal approximation when n·p·(1−p) is large). */
export function binomial(u: () => number, n: number, p: number): number {
  if (!(n > 0) || !(p > 0)) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  if (n < 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (u() < p) k++;
    return k;
  }
  const variance = mean * (1 - p);
  if (variance < 9) return Math.min(n, poisson(u, mean));
  return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(variance) * normal(u))));
}

/** A Fisher–Yates shuffle of 0..n-1, seeded. */
export function permutation(n: number, u: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
