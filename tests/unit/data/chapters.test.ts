import { describe, expect, it } from 'vitest';
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
