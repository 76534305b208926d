/**
 * Essay chapters are Markdown content. Inside the prose, `{{live:key}}` marks a number that
 * follows the controls and `{{figure:name}}` (alone in a paragraph) places a figure cell.
 */

export type Segment = { kind: 'html'; html: string } | { kind: 'figure'; name: string } | { kind: 'static'; name: string };

/** `{{figure:name}}` places a live figure; `{{static:name}}` a build-time-only block (e.g. the robustness table). */
const FIGURE = /<p>\{\{(figure|static):([a-z0-9-]+)\}\}<\/p>/g;
const LIVE = /\{\{live:([a-z0-9._-]+)\}\}/gi;

/** The figures a chapter's HTML places, in order. */
export const figuresIn = (html: string): string[] => [...html.matchAll(FIGURE)].filter((m) => m[1] === 'figure').map((m) => m[2]);

/** Split a chapter's HTML at its figures and fill in live numbers (an unknown key is an error, not a blank). */
export function segments(html: string, live: Record<string, string>): Segment[] {
  const filled = html.replace(LIVE, (_, key: string) => {
    if (!(key in live)) throw new Error(`the prose asks for live number "${key}", which no figure provides`);
    return `<span class="live" data-live="${key}">${escapeHtml(live[key])}</span>`;
  });
  const out: Segment[] = [];
  let last = 0;
  for (const m of filled.matchAll(FIGURE)) {
    out.push({ kind: 'html', html: filled.slice(last, m.index) });
    out.push({ kind: m[1] as 'figure' | 'static', name: m[2] });
    last = m.index! + m[0].length;
  }
  out.push({ kind: 'html', html: filled.slice(last) });
  return out;
}

export const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
