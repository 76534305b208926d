/** Raw counts for one account. */
export interface TrustInputs {
  /** Accepted for completeness; authenticity uses auditFakeShare alone. */
  followers?: number | null;
  /** Share of an audit sample of followers that look fake (influencers.audit_fake_share): an estimate, never the true fake share. */
  auditFakeShare: number | null;
  reactions: number | null;
  replies: number | null;
  uniqueReactors: number | null;
  posts: number | null;
  sponsoredPosts: number | null;
}

/** Each in [0, 1], or NaN when undefined for this account. */
export interface TrustComponents {
  authenticity: number;
  conversation: number;
  diversity: number;
  saturation: number;
}

export type TrustWeights = TrustComponents;

/** The same inputs as columns, one entry per account. */
export type TrustColumns = { [K in keyof TrustInputs]: ArrayLike<number | null> };

/** Authenticity counts double: fake audiences are the failure trust exists to catch. */
export const DEFAULT_TRUST_WEIGHTS: TrustWeights = { authenticity: 0.4, conversation: 0.2, diversity: 0.2, saturation: 0.2 };

/** authenticity = 1 − the audit's fake share, conversation = replies ÷ reactions, diversity = unique reactors ÷ reactions, saturation = sponsored ÷ posts, each clamped to [0, 1]; a component is NaN (unknown, not bad) when an input is null/NaN or its denominator is 0 or negative (no reactions, no posts). */
export function trustComponents(inputs: TrustInputs): TrustComponents {
  return {
    authenticity: clamp01(1 - num(inputs.auditFakeShare)),
    conversation: ratio(inputs.replies, inputs.reactions),
    diversity: ratio(inputs.uniqueReactors, inputs.reactions),
    saturation: ratio(inputs.sponsoredPosts, inputs.posts),
  };
}

/** Weighted mean of authenticity, conversation, diversity and (1 − saturation), in [0, 1]; NaN components are left out and the remaining weights renormalised; NaN when no component with positive weight is known; throws RangeError on a negative or non-finite weight. */
export function trustScore(components: TrustComponents, weights: TrustWeights = DEFAULT_TRUST_WEIGHTS): number {
  checkWeights(weights);
  return combine(components.authenticity, components.conversation, components.diversity, components.saturation, weights);
}

/** trustScore(trustComponents(row)) for every row of column arrays (same conventions), without allocating per row; throws RangeError when columns differ in length. */
export function trustScores(columns: TrustColumns, weights: TrustWeights = DEFAULT_TRUST_WEIGHTS): Float64Array {
  checkWeights(weights);
  const { auditFakeShare, reactions, replies, uniqueReactors, posts, sponsoredPosts } = columns;
  const n = auditFakeShare.length;
  for (const column of Object.values(columns)) {
    if (column && column.length !== n) throw new RangeError(`trust columns differ in length (${column.length} vs ${n})`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = combine(
      clamp01(1 - num(auditFakeShare[i])),
      ratio(replies[i], reactions[i]),
      ratio(uniqueReactors[i], reactions[i]),
      ratio(sponsoredPosts[i], posts[i]),
      weights,
    );
  }
  return out;
}

function combine(a: number, c: number, d: number, s: number, w: TrustWeights): number {
  let sum = 0;
  let total = 0;
  if (a === a) {
    sum += w.authenticity * a;
    total += w.authenticity;
  }
  if (c === c) {
    sum += w.conversation * c;
    total += w.conversation;
  }
  if (d === d) {
    sum += w.diversity * d;
    total += w.diversity;
  }
  if (s === s) {
    sum += w.saturation * (1 - s);
    total += w.saturation;
  }
  return total > 0 ? clamp01(sum / total) : NaN;
}

function checkWeights(w: TrustWeights): void {
  for (const [k, v] of Object.entries(w)) {
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`trust weight ${k} must be a finite number ≥ 0, got ${v}`);
  }
}

function ratio(numerator: number | null, denominator: number | null): number {
  const d = num(denominator);
  return d > 0 ? clamp01(num(numerator) / d) : NaN;
}

function num(v: number | null | undefined): number {
  return v == null ? NaN : v;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
