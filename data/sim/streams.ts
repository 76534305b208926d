/**
 * Stream tags for seeded randomness: every draw comes from rng(seed, STREAM.x, entity ids…), so an
 * entity's values depend on the seed and its own ids, never on the order entities are visited.
 */
export const STREAM = {
  order: 1,
  account: 2,
  audience: 3,
  observe: 4,
  posts: 5,
  pair: 6,
  placement: 7,
  select: 8,
  reshare: 9,
} as const;
