-- The reach score's 1-100 scale: raw mapped piecewise-linearly so that the anchors' minimum lands
-- on 1, median on 20, 95th percentile on 50 and maximum on 99 (Klout's stated anchors). A raw value
-- outside the anchors' range is extrapolated (below 1, above 99), never clamped, so the score always
-- orders accounts as raw does; degenerate anchors (all accounts alike) give 20.
CREATE OR REPLACE MACRO reach_scale(raw, lo, med, p95, hi) AS
  coalesce(CASE
    WHEN raw <= med THEN 1 + 19 * (raw - lo) / nullif(med - lo, 0)
    WHEN raw <= p95 THEN 20 + 30 * (raw - med) / nullif(p95 - med, 0)
    ELSE 50 + 49 * (raw - p95) / nullif(hi - p95, 0)
  END, 20)::DOUBLE
