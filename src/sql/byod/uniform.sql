-- A pseudo-random number in [0, 1) from a seed and two integers (a resample and a draw, or a run
-- and an account): DuckDB's own hash of the three, the same on every run and in both engines of the
-- same version (random() is neither). The resamples and random orders of the judging queries draw
-- from it, so the page gives the same numbers every time for the same file.
CREATE OR REPLACE MACRO byod_uniform(seed, a, b) AS hash(seed::BIGINT, a::BIGINT, b::BIGINT) / 18446744073709551616.0
