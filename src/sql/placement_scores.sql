-- Every placement that ran, for every brand, with what a marketer could see of its account
-- (reach score under the current weights, Kred- and PeerIndex-like scores, followers, trust signals) and what the post did.
-- Relevance is added in TypeScript from the audience topics. `outcome` is what the brand's goal
-- counts: purchases for a sales brand, people who recall the post for an awareness brand.
SELECT p.placement_id,
       b.slug AS brand,
       b.name AS brand_name,
       b.goal,
       p.influencer_id,
       i.handle,
       i.followers::DOUBLE AS followers,
       s.score,
       k.influence AS kred,
       pi.score AS peerindex,
       i.audit_fake_share,
       f.reactions,
       f.replies,
       f.unique_reactors,
       f.posts,
       f.sponsored_posts,
       p.cost,
       p.impressions::DOUBLE AS impressions,
       p.clicks::DOUBLE AS clicks,
       p.conversions::DOUBLE AS conversions,
       p.recalled::DOUBLE AS recalled,
       (CASE WHEN b.goal = 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome,
       p.revenue
FROM placements p
JOIN brands b USING (brand_id)
JOIN influencers i USING (influencer_id)
JOIN account_features f USING (influencer_id)
JOIN reach_score($w_followers, $w_reactions, $w_reactors) s USING (influencer_id)
JOIN kred_scores k USING (influencer_id)
JOIN peerindex_scores pi USING (influencer_id)
ORDER BY p.brand_id, p.placement_id
