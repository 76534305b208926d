import { describe, expect, it } from 'vitest';
import { ancestorWeights, topicHierarchy } from '../../../src/lib/scoring/hierarchy.ts';

// Rows copied from data/klout/klout_topic_edge_20180601.csv (parentTopicId, parentSlug, childTopicId, childSlug).
// "economics" (8067190039628328240) is a parent missing from the ontology file; "freakonomics" has several parents.
const EDGES: [string, string, string, string][] = [
  ['0', '_ROOT_', '0', '_ROOT_'],
  ['0', '_ROOT_', '10000000000000000003', 'health-and-wellness-super'],
  ['10000000000000000003', 'health-and-wellness-super', '8849266951488068792', 'yoga'],
  ['8849266951488068792', 'yoga', '8408851980009543528', 'bikram-yoga'],
  ['0', '_ROOT_', '10000000000000016634', 'business-super'],
  ['0', '_ROOT_', '10000000000000000000', 'arts-and-humanities-super'],
  ['10000000000000016634', 'business-super', '8067190039628328240', 'economics'],
  ['9219221220892055161', 'social-sciences', '8067190039628328240', 'economics'],
  ['5867219350815217283', 'sociology', '9219221220892055161', 'social-sciences'],
  ['10000000000000000000', 'arts-and-humanities-super', '5867219350815217283', 'sociology'],
  ['8067190039628328240', 'economics', '10000000000000008557', 'freakonomics'],
  ['5867219350815217283', 'sociology', '10000000000000008557', 'freakonomics'],
  ['8067190039628328240', 'economics', '8582816108322829850', 'econometrics'],
  ['8582816108322829850', 'econometrics', '10000000000000008557', 'freakonomics'],
];
const T = Object.fromEntries(EDGES.flatMap(([p, ps, c, cs]) => [[ps, p], [cs, c]])) as Record<string, string>;
const h = topicHierarchy(EDGES.map((e) => e[0]), EDGES.map((e) => e[2]));

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('topicHierarchy(parentIds, childIds)', () => {
  it.each([
    ['bikram-yoga', ['yoga']],
    ['yoga', ['health-and-wellness-super']],
    ['economics', ['business-super', 'social-sciences']],
    ['freakonomics', ['economics', 'sociology', 'econometrics']],
    ['health-and-wellness-super', ['_ROOT_']],
    ['_ROOT_', []],
  ])('parentsOf(%s)', (slug, parents) => {
    expect(h.parentsOf(T[slug])).toEqual(parents.map((p) => T[p]));
  });

  it('keeps 64-bit ids as exact strings', () => {
    // As numbers these two ids are the same double (1e19); as topics they are different.
    expect(Number(T['health-and-wellness-super'])).toBe(Number(T['arts-and-humanities-super']));
    expect(h.parentsOf(T.yoga)).toEqual(['10000000000000000003']);
    expect(h.parentsOf(T.sociology)).toEqual(['10000000000000000000']);
  });

  it('returns no parents for an unknown topic', () => {
    expect(h.parentsOf('18446744073709551615')).toEqual([]);
  });

  it('ignores self loops, duplicate edges and empty ids', () => {
    const g = topicHierarchy(['a', 'a', 'b', '', null, 'c'], ['a', 'b', 'b', 'c', 'c', 'b']);
    expect(g.parentsOf('a')).toEqual([]);
    expect(g.parentsOf('b')).toEqual(['a', 'c']);
    expect(g.parentsOf('c')).toEqual([]);
  });

  it('is empty for empty edge lists', () => {
    expect(topicHierarchy([], []).parentsOf('1')).toEqual([]);
  });

  it('throws when the edge lists differ in length', () => {
    expect(() => topicHierarchy(['1'], [])).toThrow(RangeError);
  });
});

describe('ancestorWeights(h, id, decay)', () => {
  it('weights the topic 1 and each ancestor decay^distance, without the root', () => {
    expect(sorted(ancestorWeights(h, T['bikram-yoga'], 0.5))).toEqual(
      sorted(new Map([[T['bikram-yoga'], 1], [T.yoga, 0.5], [T['health-and-wellness-super'], 0.25]])),
    );
  });

  it('uses the shortest distance in a DAG with several parents', () => {
    // sociology is both a direct parent (1) and a grandparent via social-sciences → economics (3).
    expect(sorted(ancestorWeights(h, T.freakonomics, 0.5))).toEqual(
      sorted(
        new Map([
          [T.freakonomics, 1],
          [T.economics, 0.5],
          [T.sociology, 0.5],
          [T.econometrics, 0.5],
          [T['business-super'], 0.25],
          [T['social-sciences'], 0.25],
          [T['arts-and-humanities-super'], 0.25],
        ]),
      ),
    );
  });

  it.each([
    ['decay 0 keeps only the topic', 0, [[T.yoga, 1]]],
    ['decay 1 weights every ancestor 1', 1, [[T.yoga, 1], [T['health-and-wellness-super'], 1]]],
  ] as [string, number, [string, number][]][])('%s', (_name, decay, expected) => {
    expect(sorted(ancestorWeights(h, T.yoga, decay))).toEqual(sorted(new Map(expected)));
  });

  it('gives an unknown topic itself alone', () => {
    expect([...ancestorWeights(h, '12345678901234567890', 0.5)]).toEqual([['12345678901234567890', 1]]);
  });

  it('terminates on a cycle, each topic at its shortest distance', () => {
    const a = '10000000000000000001';
    const b = '10000000000000000002';
    const c = '10000000000000000003';
    const cyclic = topicHierarchy([b, c, a], [a, b, c]);
    expect(sorted(ancestorWeights(cyclic, a, 0.5))).toEqual(sorted(new Map([[a, 1], [b, 0.5], [c, 0.25]])));
  });

  it.each([-0.1, 1.5, NaN])('rejects decay %d', (decay) => {
    expect(() => ancestorWeights(h, T.yoga, decay)).toThrow(RangeError);
  });
});
