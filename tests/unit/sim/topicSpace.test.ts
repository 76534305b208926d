import { describe, expect, it } from 'vitest';
import type { Ontology } from '../../../data/sim/ontology.ts';
import { compareIds, topicSpace } from '../../../data/sim/topicSpace.ts';
import { fullOntology } from './helpers.ts';

// root → health-super (1) → yoga (2) → bikram (3); root → sports-super (4) → pilates (5) → bikram; orphan (6).
const toy: Ontology = {
  topics: [
    { id: '3', slug: 'bikram', name: 'Bikram' },
    { id: '1', slug: 'health-super', name: 'Health' },
    { id: '2', slug: 'yoga', name: 'Yoga' },
    { id: '4', slug: 'sports-super', name: 'Sports' },
    { id: '5', slug: 'pilates', name: 'Pilates' },
    { id: '6', slug: 'orphan', name: 'Orphan' },
    { id: '7', slug: 'unused', name: 'Unused' },
  ],
  edges: [
    { parent: '0', child: '1' },
    { parent: '0', child: '4' },
    { parent: '1', child: '2' },
    { parent: '2', child: '3' },
    { parent: '4', child: '5' },
    { parent: '5', child: '3' },
    { parent: '1', child: '7' },
  ],
};

describe('topicSpace(ontology, slugs)', () => {
  it('holds the named topics and all their ancestors, in slug order', () => {
    const s = topicSpace(toy, ['bikram', 'orphan']);
    expect(s.slugs).toEqual(['bikram', 'health-super', 'orphan', 'pilates', 'sports-super', 'yoga']);
    expect(s.ids).toEqual(['3', '1', '6', '5', '4', '2']);
  });

  it('gives depth below the root, the nearest super-topic (ties by slug) and 0 / empty without a path', () => {
    const s = topicSpace(toy, ['bikram', 'orphan']);
    const at = (slug: string) => s.indexOf(slug);
    expect([...['bikram', 'yoga', 'health-super', 'orphan'].map((x) => s.depth[at(x)])]).toEqual([3, 2, 1, 0]);
    expect(['bikram', 'yoga', 'pilates', 'health-super', 'orphan'].map((x) => s.superSlug[at(x)])).toEqual([
      'health-super',
      'health-super',
      'sports-super',
      'health-super',
      '',
    ]);
  });

  it('lists each topic\'s ancestors with their shortest distance', () => {
    const s = topicSpace(toy, ['bikram']);
    const named = s.ancestors[s.indexOf('bikram')].map(({ index, distance }) => [s.slugs[index], distance]);
    expect(named).toEqual([
      ['bikram', 0],
      ['pilates', 1],
      ['yoga', 1],
      ['health-super', 2],
      ['sports-super', 2],
    ]);
  });

  it('keeps the edges among its topics, root edges included, sorted by id', () => {
    const s = topicSpace(toy, ['yoga']);
    expect(s.edgeParents.map((p, k) => `${p}>${s.edgeChildren[k]}`)).toEqual(['0>1', '1>2']);
  });

  it('gives the same space from the full ontology, a reordered one and its own subset', () => {
    const slugs = ['bikram-yoga', 'justin-bieber', 'red-bull', 'supply-chain', 'electricity'];
    const full = fullOntology();
    const a = topicSpace(full, slugs);
    const reversed = topicSpace({ topics: [...full.topics].reverse(), edges: [...full.edges].reverse() }, slugs);
    const subset: Ontology = {
      topics: a.ids.map((id, i) => ({ id, slug: a.slugs[i], name: a.names[i] })),
      edges: a.edgeParents.map((parent, k) => ({ parent, child: a.edgeChildren[k] })),
    };
    const b = topicSpace(subset, slugs);
    for (const other of [reversed, b]) {
      expect(other.ids).toEqual(a.ids);
      expect([...other.depth]).toEqual([...a.depth]);
      expect(other.superSlug).toEqual(a.superSlug);
      expect(other.edgeParents).toEqual(a.edgeParents);
      expect(other.edgeChildren).toEqual(a.edgeChildren);
      expect(other.ancestors).toEqual(a.ancestors);
    }
    // supply-chain sits under economics, the parent missing from Klout's topic file.
    expect(a.slugs).toContain('economics');
    expect(a.superSlug[a.indexOf('supply-chain')]).toBe('business-super');
  });

  it('throws naming a slug the ontology lacks', () => {
    expect(() => topicSpace(toy, ['royal-wedding'])).toThrow('topic "royal-wedding" is not in the ontology');
    expect(() => topicSpace(toy, ['yoga']).indexOf('bikram')).toThrow(/bikram/);
  });
});

describe('compareIds(a, b)', () => {
  it.each([
    ['9', '10', -1],
    ['10000000000000019794', '9223372036854775808', 1],
    ['18446744073709551615', '18446744073709551614', 1],
    ['42', '42', 0],
  ])('orders %s against %s numerically', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});
