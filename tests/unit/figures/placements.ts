import type { Frame } from '../../../src/lib/data/frame.ts';
import { frameOf } from './frames.ts';

export const PLACEMENT_NAMES = ['brand', 'brand_name', 'goal', 'placement_id', 'influencer_id', 'score', 'kred', 'peerindex', 'outcome', 'audit_fake_share', 'reactions', 'replies', 'unique_reactors', 'posts', 'sponsored_posts'];

/**
 * Placements of brands with the trust columns held equal (so trust is the same for everyone), and
 * topics: brand b likes topic "t-b"; an account in `relevant` has its audience on it (relevance 1),
 * every other on an unrelated topic (relevance 0). Topics have no parents, so nothing spreads.
 */
export function placementFrames(brands: { slug: string; score: number[]; kred?: number[]; outcome: number[]; relevant?: number[]; goal?: string }[]): Frame[] {
  const rows: Record<string, unknown>[] = [];
  const audience: Record<string, unknown>[] = [];
  let id = 1;
  for (const b of brands) {
    audience.push({ influencer_id: null, brand: b.slug, topic_id: `t-${b.slug}`, weight: 1 });
    b.score.forEach((score, k) => {
      const account = id++;
      rows.push({
        brand: b.slug, brand_name: b.slug.toUpperCase(), goal: b.goal ?? 'sales', placement_id: account, influencer_id: account, score, kred: b.kred?.[k] ?? score, peerindex: -score, outcome: b.outcome[k],
        audit_fake_share: 0, reactions: 100, replies: 10, unique_reactors: 80, posts: 10, sponsored_posts: 1,
      });
      audience.push({ influencer_id: account, brand: null, topic_id: b.relevant?.includes(k) ? `t-${b.slug}` : 'elsewhere', weight: 1 });
    });
  }
  const topics = [...new Set(audience.map((a) => a.topic_id as string))];
  return [
    frameOf(PLACEMENT_NAMES, rows),
    frameOf(['influencer_id', 'brand', 'topic_id', 'weight'], audience),
    frameOf(['topic_id', 'parent_id', 'name'], topics.map((t) => ({ topic_id: t, parent_id: null, name: t }))),
  ];
}
