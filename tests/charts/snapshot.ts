import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

const dir = new URL('./snapshots/', import.meta.url).pathname;

/** A document for rendering charts in Node, as the build does. */
export const chartDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** The SVG with numbers rounded to 1 decimal and Plot's generated class names renumbered, so snapshots compare meaning. */
export function normalise(svg: string): string {
  const classes = new Map<string, string>();
  return svg
    .replace(/plot-[a-z0-9]{6,}/g, (c) => classes.get(c) ?? (classes.set(c, `plot-${classes.size}`), classes.get(c)!))
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

/**
 * Compare with the saved snapshot `name.svg`; the first run writes it. On a difference the new
 * SVG is written beside it as `name-changed.svg` to look at, and the result says so.
 */
export function matchSnapshot(name: string, svg: string): { matches: boolean; created: boolean } {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.svg`;
  const actual = normalise(svg);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`snapshot ${name}.svg is missing: run the chart tests locally and commit it`);
    writeFileSync(file, actual);
    return { matches: true, created: true };
  }
  const matches = readFileSync(file, 'utf8') === actual;
  if (!matches) writeFileSync(`${dir}${name}-changed.svg`, actual);
  return { matches, created: false };
}
