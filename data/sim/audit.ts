import { binomial, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import type { SimContext } from './context.ts';

/**
 * What a fake-follower audit reports per account, the way audit tools work: it inspects a sample
 * of auditSample followers and counts those that look fake. Each sampled follower is fake (bought
 * or inactive) with the account's hidden fake share; a share auditPassThrough of the fakes is
 * sophisticated enough to pass as real. The result (audit_fake_share) is the only fake-follower
 * figure a score sees.
 */
export function auditFakeShares(ctx: SimContext, acc: Accounts): Float64Array {
  const p = ctx.params;
  const n = p.auditSample;
  const out = new Float64Array(acc.n);
  for (let i = 0; i < acc.n; i++) {
    const u = rng(p.seed, ctx.tag.audit, i + 1);
    const fakes = binomial(u, n, acc.fakeShare[i]);
    out[i] = binomial(u, fakes, 1 - p.auditPassThrough) / n;
  }
  return out;
}
