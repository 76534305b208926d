-- A Kred-like score, reconstructed: influence on 1-1000 from points for reactions received (more
-- for reactions from accounts with 10,000+ followers), on a log scale with the top account at 1000;
-- outreach level 1-12 from the reactions the account gives to others. Kred published its idea, not
-- its exact table of points: the multipliers here are assumptions.
CREATE OR REPLACE MACRO kred_score() AS TABLE
WITH scaled AS (
  SELECT influencer_id,
         ln(1 + kred_points) AS influence_raw,
         ln(1 + reactions_given) AS outreach_raw
  FROM account_features
)
SELECT influencer_id,
       (1 + 999 * influence_raw / nullif(max(influence_raw) OVER (), 0))::DOUBLE AS influence,
       (1 + floor(11 * outreach_raw / nullif(max(outreach_raw) OVER (), 0)))::DOUBLE AS outreach_level
FROM scaled
