/**
 * One hue per idea across every figure (Okabe–Ito, colour-blind safe): the reach score is always
 * blue, relevance green, the fit score (relevance × trust × reach) purple, the oracle orange and random grey.
 */
export const HUE = {
  reach: '#0072B2',
  /** The other two reach-family scores of 2012: lighter blue and amber. */
  kred: '#56B4E9',
  peerindex: '#E69F00',
  relevance: '#009E73',
  oracle: '#D55E00',
  random: '#888888',
  fit: '#CC79A7',
} as const;
