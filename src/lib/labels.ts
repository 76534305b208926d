/**
 * Ids are the keys everywhere (models, live-number keys, chart data); these maps are the one
 * place each id gets the words a reader sees.
 */

/** The scores the report compares. */
export const SCORE_LABEL = {
  reach: 'Reach score (Klout-like)',
  kred: 'Kred-like',
  peerindex: 'PeerIndex-like',
  relevance: 'Relevance',
  fit: 'Fit (relevance × trust × reach)',
  oracle: 'Oracle',
} as const;
export type ScoreId = keyof typeof SCORE_LABEL;

/** How a sentence (the verdicts) names each score. */
export const SCORE_NAME: Record<ScoreId, string> = {
  reach: 'the reach score',
  kred: 'the Kred-like score',
  peerindex: 'the PeerIndex-like score',
  relevance: 'relevance',
  fit: 'fit',
  oracle: 'the oracle',
};

/** The leaderboards a budget is spent down (the budget figure's walks). */
export const STRATEGY_LABEL = {
  reach: 'Reach score',
  reachPerDollar: 'Reach score per dollar',
  fit: 'Fit (relevance × trust × reach)',
  fitPerDollar: 'Fit per dollar',
  random: 'Random',
  oracle: 'Oracle',
} as const;
export type StrategyId = keyof typeof STRATEGY_LABEL;
