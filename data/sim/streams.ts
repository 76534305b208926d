/**
 * Stream tags for seeded randomness: every draw comes from rng(seed, tag, entity ids…), so an
 * entity's values depend on the seed and its own ids, never on the order entities are visited.
 * The stages read their tags from the context (`ctx.tag`), so a test can re-seed one stream alone
 * (say, the hidden followers' interests) and check what changes and what does not.
 */
export const STREAM = {
  order: 1,
  account: 2,
  /** Hidden: the interests of the followers the outcomes are computed from. */
  audience: 3,
  /** The audience tool's sample of followers (audience_topics). */
  observe: 4,
  posts: 5,
  pair: 6,
  placement: 7,
  select: 8,
  reshare: 9,
  /** The fake-follower audit's sample (audit_fake_share). */
  audit: 10,
  /** The marketer's brief of each brand's customers (brand_topics). */
  brief: 11,
} as const;

export type StreamName = keyof typeof STREAM;
export type StreamTags = Record<StreamName, number>;

/** The tags with some streams re-seeded: stream s takes tag STREAM[s] + 100 × reseed[s] (0 leaves it as published). */
export function streamTags(reseed: Partial<Record<StreamName, number>> = {}): StreamTags {
  const tags = { ...STREAM } as StreamTags;
  for (const [name, salt] of Object.entries(reseed) as [StreamName, number][]) tags[name] = STREAM[name] + 100 * salt;
  return tags;
}
