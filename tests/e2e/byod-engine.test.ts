import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { browserSuite, pickByodFile, runSqlCell } from './browser.ts';
import { expected, spearmanRho, type Truth } from '../fixtures/byod/conventions.ts';

/**
 * "Your data" in the engine: the file's rows go into DuckDB-WASM as Arrow, the report's SQL judges
 * them (Show SQL lists it), the SQL cell reads the same tables, and the results come out as files
 * that, read back here, give the numbers the page shows. Nothing leaves the origin meanwhile.
 */
const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);
let page: Page;
let errors: string[];
const requests: Request[] = [];
/** The budget test's walk by reach as recomputed from the downloaded scores (for the ROI check). */
let byReach = { spent: 0, revenue: 0 };

beforeAll(async () => {
  const session = await suite.open('your-data/');
  page = session.page;
  errors = session.errors;
  page.on('request', (r) => requests.push(r));
});
afterAll(() => {
  // Only the page's own scripts, the engine and the simulated world's tables beside the page were
  // fetched, each with GET and no body: no request carried the file or anything computed from it.
  expect(requests.filter((r) => !/\/_astro\/|\/your-data\/|\/favicon/.test(new URL(r.url()).pathname)).map((r) => r.url())).toEqual([]);
  expect(requests.filter((r) => r.method() !== 'GET' || r.postData() !== null).map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  expect(errors).toEqual([]);
});

// 60 accounts, one row each; three handles that a spreadsheet would read as formulas.
const N = 60;
const HANDLES = Array.from({ length: N }, (_, i) => (i === 3 ? '=HYPERLINK("http://x.invalid")' : i === 4 ? '-minus' : i === 5 ? '@at' : `acct_${i}`));
const truth: Truth = {
  handle: HANDLES,
  reach: Array.from({ length: N }, (_, i) => 1000 * (i + 1) + ((i * 7919) % 13) * 100),
  cost: Array.from({ length: N }, (_, i) => 100 + (i % 5) * 20),
  conversions: Array.from({ length: N }, (_, i) => (i % 2 ? i : 1 + (i % 3))),
  revenue: Array.from({ length: N }, (_, i) => (i % 2 ? i : 1) * 25),
};
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const campaign = () => ({
  name: 'campaign.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['handle,followers,cost,conversions,revenue,topics', ...truth.handle.map((h, i) => [quote(h), truth.reach[i], truth.cost![i], truth.conversions[i], truth.revenue![i], i % 2 ? 'yoga; wellness' : 'gaming'].join(','))].join('\n') + '\n'),
});

/** A minimal RFC 4180 reader: rows of text cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

async function download(selector: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync((await dl.path())!);
}

const text = (sel: string) => page.locator(sel).textContent().then((t) => t ?? '');

const sqlCell = (sql: string) => runSqlCell(page, sql);

describe('Your data in the engine', () => {
  it('analyses the file in SQL and shows the statements that ran, with their parameters', async () => {
    expect(await pickByodFile(page, campaign())).toEqual({ state: 'loaded', error: '' });
    const e = expected(truth);
    expect(await text('[data-kpi="rho"] strong')).toBe(e.rho.toFixed(2));
    expect(await text('[data-kpi="rho"] span')).toMatch(/^95% interval −?\d\.\d\d to −?\d\.\d\d \(seeded bootstrap, 1,000 resamples\), over 60 accounts$/);
    const log = page.locator('[data-sql-log] > li');
    expect(await page.locator('[data-sql-log] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.statement ?? 'macro'))).toEqual(['macro', 'macro', 'macro', 'uniform', 'rows', 'features', 'terms', 'scores', 'topic_match', 'relevance', 'judged', 'rho', 'gain', 'deciles', 'budget', 'budget:random']);
    expect(await log.nth(0).textContent()).toMatch(/macros\/reach_terms\.sql[\s\S]*CREATE OR REPLACE MACRO reach_terms\(accounts := 'account_features'\)/);
    expect(await log.nth(1).textContent()).toMatch(/macros\/reach_scale\.sql[\s\S]*CREATE OR REPLACE MACRO reach_scale\(raw, lo, med, p95, hi\)/);
    expect(await log.nth(2).textContent()).toMatch(/macros\/reach_score\.sql[\s\S]*CREATE OR REPLACE MACRO reach_score\(w_followers, w_reactions, w_reactors, boost_id := -1, boost := 0, accounts := 'account_terms'\)/);
    expect(await page.locator('[data-sql-log] [data-statement="terms"]').textContent()).toMatch(/byod\/terms\.sql → byod_terms[\s\S]*FROM reach_terms\(accounts := 'byod_features'\)/);
    expect(await page.locator('[data-sql-log] [data-statement="scores"]').textContent()).toMatch(/byod\/scores\.sql → byod_scores — parameters: \$w_followers = 1, \$w_reactions = 0, \$w_reactors = 0, \$min_accounts = 200[\s\S]*FROM reach_score\(\$w_followers, \$w_reactions, \$w_reactors, accounts := 'byod_terms'\)[\s\S]*reach_scale\(o\.raw, w\.lo, w\.med, w\.p95, w\.hi\)/);
    expect(await page.locator('[data-sql-log] [data-statement="rows"]').textContent()).toContain('CREATE OR REPLACE TABLE byod_accounts AS');
    // The budget test in two passes: the orders with no random one, then the random orders apart.
    expect(await page.locator('[data-sql-log] [data-statement="budget"]').textContent()).toMatch(/\$budget_share = 0\.25, \$deterministic = true, \$seed = 1, \$runs = 0, \$random_rows = 200000, \$margin = NULL[\s\S]*WITH RECURSIVE/);
    expect(await page.locator('[data-sql-log] [data-statement="budget:random"]').textContent()).toMatch(/byod\/budget\.sql, random orders — parameters: \$budget_share = 0\.25, \$deterministic = false, \$seed = 1, \$runs = 200, \$random_rows = 200000, \$margin = NULL/);
    expect(await page.locator('[data-sql-log] [data-statement="rho"]').textContent()).toContain('$samples = 1000');
    // The component the file lacks weighs 0, and the page says so; 60 accounts are anchored on the simulated world.
    const note = page.locator('[data-score-note]');
    expect(await note.getAttribute('data-engagement-weight')).toBe('0');
    expect(await note.getAttribute('data-anchored-on')).toBe('world');
    expect(await note.textContent()).toMatch(/engagement at weight 0: your file has no engagement column; selective reactions at weight 0.*come from the simulated world's 5,000 accounts under the same weights, because your file has fewer than 200 accounts/);
  });

  it('the SQL cell reads the tables of the loaded file, read-only', async () => {
    expect((await sqlCell('SELECT count(*) AS n, sum(conversions) AS conversions FROM byod_accounts')).rows).toEqual([['60', String(truth.conversions.reduce((a, b) => a + b, 0))]]);
    const top = truth.reach.indexOf(Math.max(...truth.reach));
    expect((await sqlCell('SELECT a.handle, s.score_rank FROM byod_accounts a JOIN byod_scores s USING (account) ORDER BY s.score_rank LIMIT 1')).rows).toEqual([[truth.handle[top], '1']]);
    expect((await sqlCell('SELECT count(*) FROM byod_rows')).rows).toEqual([['60']]);
    const refused = await sqlCell('DROP TABLE byod_rows');
    expect(refused.state).toBe('refused');
    expect((await sqlCell("SELECT * FROM read_csv('/etc/passwd')")).state).not.toBe('done');
    expect((await sqlCell('SELECT count(*) FROM byod_rows')).rows).toEqual([['60']]);
  });

  it('a bad file leaves the loaded data in the engine as it was', async () => {
    const r = await pickByodFile(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('handle,followers,conversions\na,100,1\nb,-5,2\n') });
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/"bad.csv", row 3, column "followers": "-5" is negative/);
    expect((await sqlCell("SELECT count(*), min(handle) FROM byod_accounts WHERE handle LIKE 'acct_%'")).rows).toEqual([['57', 'acct_0']]);
  });

  it('downloads the accounts with their scores as CSV and Parquet; read back, they give the numbers on the page', async () => {
    await page.evaluate(() => document.querySelector('byod-app')!.removeAttribute('data-failed'));
    const csv = parseCsv((await download('[data-download="csv"]')).toString('utf8'));
    const [head, ...rows] = csv;
    expect(head).toEqual(['account', 'handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics', 'source_rows', 'score_raw', 'score', 'score_rank', 'anchored_on', 'relevance']);
    expect(rows.length).toBe(N);
    const col = (name: string) => rows.map((r) => r[head.indexOf(name)]);
    // Text that would start a formula is escaped; numbers stay plain numbers.
    expect(col('handle').slice(3, 6)).toEqual([`'=HYPERLINK("http://x.invalid")`, "'-minus", "'@at"]);
    expect(col('handle')[0]).toBe('acct_0');
    expect(col('reach').map(Number)).toEqual(truth.reach);
    expect(col('engagement').every((v) => v === '')).toBe(true);
    // The page's rho and its budget test's first row, recomputed from the downloaded scores.
    const score = col('score').map(Number);
    const conversions = col('conversions').map(Number);
    expect(spearmanRho(score, conversions).toFixed(2)).toBe(await text('[data-kpi="rho"] strong'));
    const order = score.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
    expect(col('score_rank').map(Number)).toEqual(score.map((s) => 1 + score.filter((t) => t > s).length));
    const cost = col('cost').map(Number);
    const amount = Math.round(cost.reduce((a, b) => a + b, 0) * 0.25 * 100) / 100;
    const revenue = col('revenue').map(Number);
    let [spent, bought, conv, rev] = [0, 0, 0, 0];
    for (const i of order) if (spent + cost[i] <= amount * (1 + 1e-12)) (spent += cost[i]), bought++, (conv += conversions[i]), (rev += revenue[i]);
    byReach = { spent, revenue: rev };
    const cells = await page.locator('[data-budget] tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([String(bought), spent.toLocaleString('en-US', { style: 'currency', currency: 'USD' }), conv.toLocaleString('en-US')]);

    const parquet = await download('[data-download="parquet"]');
    const buffer = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer;
    const objects = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
    expect(objects.length).toBe(N);
    expect(objects.map((o) => o.handle)).toEqual(truth.handle);
    expect(objects.map((o) => o.score)).toEqual(score);
    expect(objects.map((o) => o.score_rank)).toEqual(col('score_rank').map(Number));
    expect(objects[0].engagement).toBeNull();
    const meta = parquetMetadata(buffer).key_value_metadata!.find((kv) => kv.key === 'provenance')!;
    const prov = JSON.parse(meta.value!) as { file: string; rows: number; statements: { query: string; parameters: Record<string, unknown> }[] };
    expect(prov).toMatchObject({ file: 'campaign.csv', rows: N });
    expect(prov.statements.find((s) => s.query === 'byod/scores.sql')!.parameters).toEqual({ w_followers: 1, w_reactions: 0, w_reactors: 0, min_accounts: 200 });
  });

  it('downloads the chart as SVG and PNG', async () => {
    const svg = (await download('[data-download="svg"]')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Ranked by reach');
    expect(svg).toContain(`capture ${await text('[data-kpi="capture"] strong')} of conversions`);
    const png = await download('[data-download="png"]');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(600); // 2× the chart's width
  });

  it('ROI only once a margin is entered; relevance from free-text topics, matched to Klout topics with the match shown', async () => {
    expect(await page.locator('[data-budget] thead [data-col="roas"]').isVisible()).toBe(true);
    expect(await page.locator('[data-budget] thead [data-col="roi"]').isVisible()).toBe(false);
    expect(await text('[data-roi-note]')).toMatch(/ROI needs your gross margin/);
    await page.fill('#byod-margin', '40');
    await page.waitForSelector('[data-budget] thead [data-col="roi"]:not([hidden])');
    const reach = await page.locator('[data-budget] tbody tr[data-walk="reach"] td').allTextContents();
    const roi = Math.round(((byReach.revenue * 0.4 - byReach.spent) / byReach.spent) * 100);
    expect(byReach.spent).toBeGreaterThan(0);
    expect(reach[4]).toBe(`${(byReach.revenue / byReach.spent).toFixed(2)}×`);
    expect(reach[5]).toBe(`${roi > 0 ? '+' : ''}${roi}%`);
    await page.fill('#byod-brand-topics', 'Yoga, Wellness');
    await page.waitForSelector('[data-kpi="relevance"]');
    expect(await text('[data-topic-brand]')).toBe(`Your brand's topics, matched to Klout's topics: "wellness" → Klout's "Health and Wellness" (by its words of the name); "yoga" → Klout's "Yoga" (by its slug).`);
    expect(await text('[data-topic-file]')).toMatch(/^Your file's topic words: 3, 2 of them matched to a Klout topic/);
    await page.waitForSelector('[data-budget-more] tr[data-walk="fit"]');
    expect(await page.locator('[data-fit-hint]').isHidden()).toBe(true);
  });

  it('prints a one-page summary: the numbers, the chart and the budget test, without the controls', async () => {
    await page.waitForSelector('[data-budget] tr[data-walk="random"]');
    await page.emulateMedia({ media: 'print' });
    try {
      for (const sel of ['[data-kpis]', '[data-chart] svg', '[data-budget]', '[data-warnings]']) expect(await page.locator(sel).isVisible(), sel).toBe(true);
      for (const sel of ['.byod .drop', 'form.mapping', '[data-downloads]', '[data-sql-log-box]', 'sql-cell', '[data-deciles-box]']) expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBe(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('a file of 200 accounts or more is anchored on itself (its median account scores 20, its largest 99), and an engagement column weighs 0.5', async () => {
    const rows = Array.from({ length: 241 }, (_, i) => `a${i},${500 + ((i * 7919) % 100000)},${(i * 31) % 400},${(i * 13) % 9}`);
    expect(await pickByodFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,engagement,conversions', ...rows].join('\n')) })).toEqual({ state: 'loaded', error: '' });
    const note = page.locator('[data-score-note]');
    expect(await note.getAttribute('data-anchored-on')).toBe('file');
    expect(await note.getAttribute('data-engagement-weight')).toBe('0.5');
    expect(await note.textContent()).toMatch(/ln\(1 \+ engagement\) at weight 0\.5 \(column "engagement"\).*come from your 241 accounts/);
    expect((await sqlCell('SELECT round(max(score), 6), round(median(score), 6) FROM byod_scores')).rows).toEqual([['99', '20']]);
  });
});
