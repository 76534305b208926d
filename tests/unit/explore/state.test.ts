import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fileStem, queryParams, readExploreState, writeExploreState } from '../../../src/lib/explore/state.ts';

const choices = { brands: ['yoga', 'energy'], tiers: ['nano', 'micro', 'mega'], topics: ['yoga', 'health'] };
const read = (s: string) => readExploreState(s, choices);

describe('readExploreState', () => {
  it('an empty query string is the default state', () => {
    expect(read('')).toEqual(DEFAULT_STATE);
  });

  it.each([
    ['brand=yoga', { brand: 'yoga' }],
    ['brand=<script>', { brand: '' }],
    ['brand=YOGA', { brand: '' }],
    ['tier=mega', { tier: 'mega' }],
    ['tier=giga', { tier: '' }],
    ['topic=health', { topic: 'health' }],
    ['topic=%27%20OR%201%3D1', { topic: '' }],
    ['fmin=1000&fmax=5000', { followersMin: 1000, followersMax: 5000 }],
    ['fmin=5000&fmax=1000', { followersMin: 1000, followersMax: 5000 }],
    ['fmin=-3', { followersMin: null }],
    ['fmin=1e30', { followersMin: null }],
    ['fmin=abc&fmax=NaN', { followersMin: null, followersMax: null }],
    ['fmin=12.6', { followersMin: 13 }],
    ['smin=20.5&smax=50', { scoreMin: 20.5, scoreMax: 50 }],
    ['smin=0', { scoreMin: null }],
    ['smax=101', { scoreMax: null }],
    ['q=%20Yoga%00Fan%20', { handle: 'YogaFan' }],
    ['q=' + 'x'.repeat(200), { handle: 'x'.repeat(64) }],
    ['sort=followers&dir=asc', { sort: 'followers', descending: false }],
    ['sort=followers;DROP%20TABLE%20x', { sort: 'score' }],
    ['dir=sideways', { descending: true }],
    ['page=3&size=100', { page: 3, pageSize: 100 }],
    ['page=0&size=7', { page: 1, pageSize: 50 }],
    ['page=Infinity', { page: 1 }],
    ['wf=0.2&wr=x&wu=9', { weights: { w_followers: 0.2, w_reactions: 0.5, w_reactors: 0.5 } }],
  ])('%s', (search, expected) => {
    expect(read(search)).toEqual({ ...DEFAULT_STATE, ...expected });
  });
});

describe('writeExploreState', () => {
  it('the default state writes nothing', () => {
    expect(writeExploreState(DEFAULT_STATE)).toBe('');
  });

  it('round-trips a full state', () => {
    const state = { ...DEFAULT_STATE, brand: 'yoga', tier: 'nano', topic: 'health', followersMin: 10, followersMax: 20_000, scoreMin: 5, scoreMax: 60.5, handle: 'a b&c', sort: 'handle' as const, descending: false, page: 4, pageSize: 25, weights: { w_followers: 0, w_reactions: 1, w_reactors: 0.5 } };
    const search = writeExploreState(state);
    expect(read(search)).toEqual(state);
    expect(search).toContain('brand=yoga');
    expect(search).toContain('wf=0');
    expect(search).not.toContain('wu=');
  });

  it('keeps unrelated keys of the current query string', () => {
    expect(writeExploreState({ ...DEFAULT_STATE, tier: 'nano' }, '?x=1')).toBe('?x=1&tier=nano');
  });
});

describe('queryParams', () => {
  it('binds one page by default and every row for downloads', () => {
    const state = { ...DEFAULT_STATE, page: 3, pageSize: 25 };
    expect(queryParams(state)).toMatchObject({ limit: 25, offset: 50, sort: 'score', descending: true, brand: '', followers_min: null });
    expect(queryParams(state, { all: true })).toMatchObject({ limit: null, offset: 0 });
  });
});

describe('fileStem', () => {
  it.each([
    [DEFAULT_STATE, 'influencers'],
    [{ ...DEFAULT_STATE, brand: 'yoga', tier: 'nano' }, 'influencers_brand-yoga_tier-nano'],
    [{ ...DEFAULT_STATE, followersMin: 1000 }, 'influencers_followers-1000-max'],
    [{ ...DEFAULT_STATE, scoreMax: 50 }, 'influencers_score-min-50'],
    [{ ...DEFAULT_STATE, handle: '../../etc/passwd' }, 'influencers_handle-etc-passwd'],
    [{ ...DEFAULT_STATE, handle: '<>' }, 'influencers'],
    [{ ...DEFAULT_STATE, weights: { w_followers: 0.2, w_reactions: 0.5, w_reactors: 0.5 } }, 'influencers_wf0.2'],
  ])('%#: %s', (state, stem) => {
    expect(fileStem(state)).toBe(stem);
  });
});
