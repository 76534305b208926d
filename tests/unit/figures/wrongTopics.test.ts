import { describe, expect, it } from 'vitest';
import { wrongTopicsLive, wrongTopicsModel, EXAMPLE_PERSONA } from '../../../src/lib/figures/wrongTopics.ts';
import { frameOf, without } from './frames.ts';

const MENTION_NAMES = ['influencer_id', 'handle', 'persona', 'week', 'topic_id', 'mentions'];
const mention = (id: number, week: number, topic: string, mentions = 1) => ({ influencer_id: id, handle: `h${id}`, persona: id === 1 ? EXAMPLE_PERSONA : null, week, topic_id: topic, mentions });

// Account 1 (the example) posts about x in weeks 1–3 and about y once; accounts 2 and 3 about z in
// weeks 1–2. Naive profile of 1: x ¾, y ¼ (y a one-off); persistent (2 weeks or more): x alone.
// The brand likes x; its placements: accounts 1, 2, 3 converting 5, 1, 0.
const frames = () => [
  frameOf(MENTION_NAMES, [mention(1, 1, 'x'), mention(1, 2, 'x'), mention(1, 3, 'x'), mention(1, 1, 'y'), mention(2, 1, 'z'), mention(2, 2, 'z'), mention(3, 1, 'z'), mention(3, 2, 'z')]),
  frameOf(['topic_id', 'parent_id', 'name'], ['x', 'y', 'z'].map((t) => ({ topic_id: t, parent_id: null, name: `Topic ${t}` }))),
  frameOf(['influencer_id', 'brand', 'topic_id', 'weight'], [{ influencer_id: null, brand: 'b', topic_id: 'x', weight: 1 }]),
  frameOf(['brand', 'brand_name', 'influencer_id', 'conversions'], [1, 2, 3].map((id, k) => ({ brand: 'b', brand_name: 'Brand B', influencer_id: id, conversions: [5, 1, 0][k] }))),
];

describe('wrongTopicsModel(frames, brand, minWeeks)', () => {
  it('profiles the example account both ways, one-off topics marked', () => {
    const m = wrongTopicsModel(frames(), 'b', 2);
    expect(m.handle).toBe('h1');
    expect(m.brand).toBe('Brand B');
    expect(m.bars).toEqual([
      { topic: 'Topic x', method: 'Naive (any mention)', weight: 0.75, oneOff: false },
      { topic: 'Topic x', method: 'Persistent (recurring, rare)', weight: 1, oneOff: false },
      { topic: 'Topic y', method: 'Naive (any mention)', weight: 0.25, oneOff: true },
      { topic: 'Topic y', method: 'Persistent (recurring, rare)', weight: 0, oneOff: true },
    ]);
  });

  it.each([
    // minWeeks 2: one of three naive profiles has a one-off topic, no persistent one does
    [2, { naive: 1 / 3, persistent: 0 }],
    // minWeeks 4: nothing persists; the persistent profiles are empty
    [4, { naive: 1 / 3, persistent: 0 }],
  ])('shares with a one-off topic, min weeks %i', (minWeeks, share) => {
    expect(wrongTopicsModel(frames(), 'b', minWeeks).oneOffShare).toEqual(share);
  });

  it('ranks the brand’s placements by relevance from each profile', () => {
    const m = wrongTopicsModel(frames(), 'b', 2);
    // relevance (r, 0, 0) with r > 0 against conversions 5, 1, 0: ranks centred (1, −½, −½) and (1, 0, −1): 1.5 / √(1.5 · 2)
    expect(m.rho.naive).toBeCloseTo(1.5 / Math.sqrt(3), 12);
    expect(m.rho.persistent).toBeCloseTo(1.5 / Math.sqrt(3), 12);
    // no audience sample for any account: relevance constant, ρ not defined
    expect(m.rho.audience).toBeNaN();
    // with nothing persistent, persistent relevance is constant too
    expect(wrongTopicsModel(frames(), 'b', 4).rho.persistent).toBeNaN();
  });

  it('no rows: no bars, shares and ρ not defined, the brand by its slug', () => {
    const empty = frames().map((f) => frameOf(f.names, []));
    const m = wrongTopicsModel(empty, 'b', 2);
    expect(m).toMatchObject({ handle: '', bars: [], brand: 'b' });
    expect(m.oneOffShare.naive).toBeNaN();
    expect(m.rho.naive).toBeNaN();
    expect(wrongTopicsLive(m)).toEqual({
      'topics.oneoff.naive': '–', 'topics.oneoff.persistent': '–',
      'topics.rho.naive': '–', 'topics.rho.persistent': '–', 'topics.rho.audience': '–', 'topics.brand': 'b',
    });
  });

  it('throws naming a missing column', () => {
    const [mentions, ...rest] = frames();
    expect(() => wrongTopicsModel([without(mentions, 'week'), ...rest], 'b', 2)).toThrow(/no column week/);
  });

  it('live numbers', () => {
    expect(wrongTopicsLive(wrongTopicsModel(frames(), 'b', 2))).toEqual({
      'topics.oneoff.naive': '33%', 'topics.oneoff.persistent': '0%',
      'topics.rho.naive': '0.87', 'topics.rho.persistent': '0.87', 'topics.rho.audience': '–', 'topics.brand': 'Brand B',
    });
  });
});
