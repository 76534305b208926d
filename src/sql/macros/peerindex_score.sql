-- A PeerIndex-like score, reconstructed: topic authority from who reshares the account, audience
-- size relative to the population, and activity within its own topics (the share of its posts on
-- the topic it posts about most, the niche a marketer can see), each on 0-1 and combined
-- 50/30/20 onto 1-100. PeerIndex never published its weights: these are our assumptions.
CREATE OR REPLACE MACRO peerindex_score() AS TABLE
WITH parts AS (
  SELECT influencer_id,
         ln(1 + reshare_authority) / nullif(max(ln(1 + reshare_authority)) OVER (), 0) AS authority,
         percent_rank() OVER (ORDER BY followers) AS audience,
         niche_share AS activity
  FROM account_features
)
SELECT influencer_id,
       authority,
       audience,
       activity,
       (1 + 99 * (0.5 * coalesce(authority, 0) + 0.3 * audience + 0.2 * activity))::DOUBLE AS score
FROM parts
