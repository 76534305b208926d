import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { figuresIn, segments } from '../../../src/lib/chapters.ts';

describe('chapter segments', () => {
  const html = '<p>Rho is {{live:rho.a}}.</p>\n<p>{{figure:score-sell}}</p>\n<p>After.</p>';
  it('finds the figures a chapter places', () => {
    expect(figuresIn(html)).toEqual(['score-sell']);
  });
  it('fills live numbers as marked spans and splits at figures', () => {
    expect(segments(html, { 'rho.a': '0.31' })).toEqual([
      { kind: 'html', html: '<p>Rho is <span class="live" data-live="rho.a">0.31</span>.</p>\n' },
      { kind: 'figure', name: 'score-sell' },
      { kind: 'html', html: '\n<p>After.</p>' },
    ]);
  });
  it('refuses a live number no figure provides', () => {
    expect(() => segments(html, {})).toThrow(/rho\.a/);
  });
  it('escapes live text as HTML', () => {
    expect(segments('<p>{{live:x}}</p>', { x: '<b>' })[0]).toEqual({ kind: 'html', html: '<p><span class="live" data-live="x">&lt;b&gt;</span></p>' });
  });
});

describe('static blocks', () => {
  it('places a build-time block without counting it as a live figure', () => {
    const html = '<p>A</p>\n<p>{{static:robustness}}</p>\n<p>{{figure:score-sell}}</p>';
    expect(figuresIn(html)).toEqual(['score-sell']);
    expect(segments(html, {}).map((s) => s.kind)).toEqual(['html', 'static', 'html', 'figure', 'html']);
  });
});

describe('the essay states results only live', () => {
  const dir = join(process.cwd(), 'src/content/chapters');
  const chapters = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
  /** Chapters whose opening claim is about the score's design or the method, not a result of the simulation. */
  const DESIGN_CLAIMS = ['02-build-the-score.md', '07-trust-and-gaming.md', '10-methods.md'];
  it('opens every results chapter with a claim that holds a live verdict or number', () => {
    const claims = chapters.flatMap(({ file, text }) => [...text.matchAll(/<p class="claim">(.*?)<\/p>/g)].map((m) => ({ file, claim: m[1] })));
    expect(claims.length).toBeGreaterThanOrEqual(10);
    for (const { file, claim } of claims) if (!DESIGN_CLAIMS.includes(file)) expect(claim, file).toMatch(/\{\{live:[a-z0-9._-]+\}\}/i);
  });
  it('keeps none of the sentences that presumed the verdict', () => {
    const all = chapters.map((c) => c.text).join('\n');
    for (const phrase of ['set up for relevance to win', 'a finding, not an assumption', 'relevance wins everywhere', 'Relevance wins because', 'hiring by fit buys far more', 'the direction of the results is robust'])
      expect(all).not.toContain(phrase);
  });
});
