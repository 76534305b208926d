import { describe, expect, it } from 'vitest';
import { fitOf, relevanceOf, topicTree, topicVectors, trustOf } from '../../../src/lib/figures/signals.ts';
import { frameOf } from './frames.ts';

// A small topic tree: music → jazz, and sport, under the root "0".
const tree = frameOf(
  ['topic_id', 'parent_id', 'name'],
  [
    { topic_id: 'music', parent_id: '0', name: 'Music' },
    { topic_id: 'jazz', parent_id: 'music', name: 'Jazz' },
    { topic_id: 'sport', parent_id: '0', name: 'Sport' },
  ],
);
// Account 1's audience likes jazz, account 2's sport; brand b's brief names music. Account 3 has no estimate.
const audience = frameOf(
  ['influencer_id', 'brand', 'topic_id', 'weight'],
  [
    { influencer_id: 1, brand: null, topic_id: 'jazz', weight: 1 },
    { influencer_id: 2, brand: null, topic_id: 'sport', weight: 1 },
    { influencer_id: null, brand: 'b', topic_id: 'music', weight: 1 },
  ],
);

describe('the signals the figures share', () => {
  it('topicTree gives the display names by id', () => {
    expect(topicTree(tree).names.get('jazz')).toBe('Jazz');
  });

  it('relevance: jazz counts half for music (decay 0.5), so cos = 0.5 / √1.25; no shared topic or no estimate is 0', () => {
    const v = topicVectors(audience, tree);
    expect(v.accounts.get(1)).toEqual(new Map([['jazz', 1], ['music', 0.5]]));
    const r = relevanceOf([1, 2, 3, 1], 'b', v);
    expect(Array.from(r)).toEqual([0.5 / Math.sqrt(1.25), 0, 0, 0.5 / Math.sqrt(1.25)].map((x) => expect.closeTo(x, 12)));
    expect(Array.from(relevanceOf([1], 'no-such-brand', v))).toEqual([0]);
    // Expanded once per result: the same frame gives the same vectors.
    expect(topicVectors(audience, tree)).toBe(v);
  });

  it.each([
    // audit, reactions, replies, unique reactors, posts, sponsored → trust
    ['all components known: 0.4·0.8 + 0.2·0.1 + 0.2·0.5 + 0.2·(1 − 0.25)', [0.2, 100, 10, 50, 20, 5], 0.59],
    ['no reactions: conversation and diversity unknown, the weights renormalised', [0.5, 0, 0, 0, 10, 0], (0.4 * 0.5 + 0.2 * 1) / 0.6],
    ['nothing known', [null, null, null, null, null, null], NaN],
  ] as [string, (number | null)[], number][])('trust: %s', (_, [audit, reactions, replies, unique, posts, sponsored], expected) => {
    const frame = frameOf(['audit_fake_share', 'reactions', 'replies', 'unique_reactors', 'posts', 'sponsored_posts'], [
      { audit_fake_share: audit, reactions, replies, unique_reactors: unique, posts, sponsored_posts: sponsored },
    ]);
    const [t] = trustOf(frame);
    if (Number.isNaN(expected)) expect(t).toBeNaN();
    else expect(t).toBeCloseTo(expected, 12);
  });

  it('fit is relevance × trust × score, an unknown trust counting 0', () => {
    expect(Array.from(fitOf([0.5, 1, 0.2], [0.5, NaN, 1], [80, 50, 10]))).toEqual([20, 0, 2].map((x) => expect.closeTo(x, 12)));
    expect(Array.from(fitOf([], [], []))).toEqual([]);
  });
});
