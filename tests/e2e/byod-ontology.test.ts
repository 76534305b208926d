/**
 * "Your data" matches a file's free-text topics to Klout's whole ontology, not only to the simulated
 * world's 142 topics: the page fetches the ontology (from its own folder) once a file with a topics
 * column is loaded, never for a file without one, and shows each match with Klout's attribution.
 */
import { describe, expect, inject, it } from 'vitest';
import { pickByodFile, runSqlCell, yourDataPage } from './browser.ts';

const opened = yourDataPage(inject('baseURL'));
const ontologyRequests: string[] = [];
let watching = false;
const watch = () => {
  if (watching) return;
  watching = true;
  opened.page().on('request', (r) => {
    if (/klout_ontology/.test(r.url())) ontologyRequests.push(r.url());
  });
};

const file = (name: string, header: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n') + '\n') });
const plain = file('plain.csv', 'handle,followers,conversions', Array.from({ length: 30 }, (_, i) => `a${i},${100 * (i + 1)},${i % 3}`));
const TOPICS = ['Zumba; Word of Mouth Marketing', 'Yoga', 'made up phrase'];
const withTopics = file('topics.csv', 'handle,followers,conversions,topics', Array.from({ length: 30 }, (_, i) => `a${i},${100 * (i + 1)},${i % 4},"${TOPICS[i % 3]}"`));

describe("Your data: topics matched to Klout's whole ontology", () => {
  it('a file without topics never asks for the ontology', async () => {
    const page = opened.page();
    watch();
    expect(await pickByodFile(page, plain)).toEqual({ state: 'loaded', error: '' });
    await page.waitForSelector('[data-kpi="rho"]');
    expect(await page.locator('[data-brand-box]').isHidden()).toBe(true);
    expect(ontologyRequests).toEqual([]);
  });

  it('a file with topics asks for it once, from the page\'s folder, and shows a match outside the 142 topics with the attribution', async () => {
    const page = opened.page();
    expect(ontologyRequests).toEqual([]);
    expect(await pickByodFile(page, withTopics)).toEqual({ state: 'loaded', error: '' });
    expect(ontologyRequests.map((u) => new URL(u).pathname)).toEqual([new URL('your-data/world/klout_ontology.arrow', inject('baseURL')).pathname]);
    expect(new URL(ontologyRequests[0]).origin).toBe(new URL(inject('baseURL')).origin);
    await page.fill('#byod-brand-topics', 'Yoga');
    await page.waitForSelector('[data-kpi="relevance"]');
    await expect.poll(() => page.locator('[data-topic-file]').textContent()).toMatch(/^Your file's topic words: 4, 3 of them matched to a Klout topic/);
    const said = (await page.locator('[data-topic-file]').textContent())!;
    expect(said).toContain(`"zumba" → Klout's "Zumba" (by its slug)`);
    expect(said).toContain(`"word-of-mouth-marketing" → Klout's "Word of Mouth Marketing" (by its slug)`);
    // The phrase that matched no topic is named, so a misspelling can be mended.
    expect(said).toContain('Not matched to a Klout topic, so compared as written: "made-up-phrase".');
    expect(await page.locator('[data-topic-brand]').textContent()).toBe(`Your brand's topics, matched to Klout's topics: "yoga" → Klout's "Yoga" (by its slug).`);
    const attribution = page.locator('[data-topic-attribution]');
    expect(await attribution.isVisible()).toBe(true);
    expect(await attribution.textContent()).toMatch(/Klout.*CC BY 3\.0/s);
    expect(await attribution.locator('a[rel="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/3.0/');
    expect(await attribution.locator('a:not([rel])').getAttribute('href')).toMatch(/\/data\/#attribution$/);
    // Zumba counts for the brand's Yoga through Health and Wellness, an ancestor both share; a phrase with no topic does not.
    // In the page's engine: Zumba counts for the brand's Yoga through Health and Wellness, the super-topic both sit under
    // (Zumba at 0.25 through Fitness, Yoga at 0.5), Word of Mouth Marketing and the unmatched phrase not at all.
    const cell = await runSqlCell(page, "SELECT DISTINCT array_to_string(list_sort(a.topics), ' ') AS topics, round(r.relevance, 6) AS relevance FROM byod_accounts a JOIN byod_relevance r USING (account) ORDER BY 1");
    expect(cell.error).toBe('');
    const zumbaAccount = 0.25 * 0.5 / (Math.sqrt(2 * (1 + 0.5 ** 2 + 0.25 ** 2)) * Math.sqrt(1 + 0.5 ** 2));
    expect(cell.rows).toEqual([
      ['made-up-phrase', '0'],
      ['word-of-mouth-marketing zumba', String(Math.round(zumbaAccount * 1e6) / 1e6)],
      ['yoga', '1'],
    ]);
  });

  it('a second file with topics uses the ontology already loaded; no new request', async () => {
    const page = opened.page();
    expect(await pickByodFile(page, { ...withTopics, name: 'again.csv' })).toEqual({ state: 'loaded', error: '' });
    expect(ontologyRequests).toHaveLength(1);
  });
});
