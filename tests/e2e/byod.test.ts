import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSync, openSync, ftruncateSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { launch, openPage } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let session: Awaited<ReturnType<typeof openPage>>;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launch();
  session = await openPage(browser, baseURL);
  page = session.page;
  await page.goto(`${baseURL}your-data/`);
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  // Nothing left the origin while files were loaded and analysed, and no request carried a file.
  expect(session.offOrigin).toEqual([]);
  expect(requests.filter((u) => !/\/_astro\/|\/your-data\/|\/favicon/.test(new URL(u).pathname))).toEqual([]);
  expect(session.errors).toEqual([]);
  await browser.close();
});

// 60 accounts: followers grow with i; conversions follow followers for half of them.
const N = 60;
const rowsOf = (i: number) => ({ handle: `acct_${i}`, followers: 1000 * (i + 1), cost: 100 + (i % 5) * 20, conversions: i % 2 ? i : 1, revenue: (i % 2 ? i : 1) * 25, topics: i % 2 ? 'yoga; wellness' : 'gaming' });
const ACCOUNTS = Array.from({ length: N }, (_, i) => rowsOf(i));
const csv = (sep = ',', eol = '\n') => ['handle,followers,cost,conversions,revenue,topics'.replaceAll(',', sep), ...ACCOUNTS.map((a) => [a.handle, a.followers, a.cost, a.conversions, a.revenue, a.topics.replace(';', sep === ';' ? '|' : ';')].join(sep))].join(eol) + eol;

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const file = (name: string, content: string | Uint8Array | ArrayBuffer, mimeType = 'text/csv'): Upload => ({ name, mimeType, buffer: Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : new Uint8Array(content as ArrayBuffer)) });

/** Pick a file with the file picker and wait until the page has answered (loaded, or an error). */
async function pick(f: Upload | string) {
  await page.evaluate(() => {
    const el = document.querySelector('byod-app')!;
    el.removeAttribute('data-failed');
    el.setAttribute('data-state', 'picking');
  });
  await page.setInputFiles('#byod-file', f as never);
  await page.waitForFunction(() => {
    const el = document.querySelector('byod-app')!;
    return el.hasAttribute('data-failed') || ['loaded', 'mapping'].includes(el.getAttribute('data-state') ?? '');
  }, null, { timeout: 45_000 });
  const error = page.locator('[data-error]');
  return { error: (await error.isVisible()) ? (await error.textContent())! : '', meta: await page.locator('[data-file-meta]').textContent(), rho: await page.locator('[data-kpi="rho"] strong').textContent().catch(() => '') };
}

const mapping = () => page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll<HTMLSelectElement>('select[data-role]'), (s) => [s.dataset.role, s.value])));

describe('Your data: good files in several dialects', () => {
  it.each([
    ['comma, LF', () => file('campaign.csv', csv()), /delimiter: comma, line endings: LF, encoding: UTF-8/],
    ['CRLF', () => file('crlf.csv', csv(',', '\r\n')), /line endings: CRLF/],
    ['CR only (old Mac)', () => file('cr.csv', csv(',', '\r')), /line endings: CR\b/],
    ['semicolon', () => file('semi.csv', csv(';')), /delimiter: semicolon/],
    ['tab (TSV)', () => file('tabs.tsv', csv('\t'), 'text/tab-separated-values'), /delimiter: tab/],
    ['UTF-8 BOM', () => file('bom.csv', '\ufeff' + csv()), /encoding: UTF-8 with byte-order mark/],
  ])('%s', async (_, make, detected) => {
    const r = await pick(make());
    expect(r.error).toBe('');
    expect(r.meta).toMatch(new RegExp(`${N} rows × 6 columns`));
    expect(r.meta).toMatch(detected);
    expect(await mapping()).toEqual({ handle: 'handle', reach: 'followers', engagement: '', cost: 'cost', conversions: 'conversions', revenue: 'revenue', topics: 'topics' });
    expect(Number(r.rho!.replace('−', '-'))).toBeGreaterThan(0);
    expect(await page.locator('[data-chart] svg[role="img"] path').count()).toBeGreaterThan(2);
    expect(await page.locator('[data-budget] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-reach-meaning]').textContent()).toMatch(/no reaction or engagement data, so "reach" here is simply audience size/);
    expect(await page.locator('[data-warnings]').textContent()).toMatch(/Selection bias/);
  });

  it('quoted fields holding delimiters, quotes and line breaks; decimal commas in a semicolon file; windows-1252', async () => {
    const text = 'Handle;Followers;Fee (EUR);Sales;Notes\r\n"ana; the ""yogi""";"12.400";"1.250,50";7;"line one\r\nline two"\r\nbob;900;80,5;1;plain\r\n';
    const latin1 = Buffer.concat([Buffer.from(text.replace('bob', 'b'), 'latin1'), Buffer.from([0x6a, 0xf6, 0x72, 0x67, 0x3b, 0x31, 0x30, 0x3b, 0x31, 0x3b, 0x32, 0x3b, 0x78, 0x0d, 0x0a])]);
    const r = await pick({ name: 'quoted.csv', mimeType: 'text/csv', buffer: latin1 });
    expect(r.error).toBe('');
    expect(r.meta).toMatch(/3 rows × 5 columns.*delimiter: semicolon, line endings: CRLF, encoding: WINDOWS-1252/);
    expect(await page.locator('[data-notes]').textContent()).toMatch(/not valid UTF-8; it was read as Windows-1252/);
    expect(await mapping()).toMatchObject({ handle: 'Handle', reach: 'Followers', cost: 'Fee (EUR)', conversions: 'Sales' });
    expect(await page.locator('[data-warnings]').textContent()).toMatch(/Only 3 rows have both reach and conversions/);
    expect(await page.locator('[data-budget] tbody').textContent()).toMatch(/\$/);
  });

  it('a Parquet file (written with hyparquet-writer)', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'username', data: ACCOUNTS.map((a) => a.handle), type: 'STRING' },
        { name: 'follower_count', data: ACCOUNTS.map((a) => BigInt(a.followers)), type: 'INT64' },
        { name: 'engagement', data: ACCOUNTS.map((a) => a.followers / 50), type: 'DOUBLE' },
        { name: 'orders', data: ACCOUNTS.map((a) => a.conversions), type: 'INT32' },
      ],
    });
    const r = await pick(file('export.parquet', buffer, 'application/octet-stream'));
    expect(r.error).toBe('');
    expect(r.meta).toMatch(/60 rows × 4 columns.*format: Parquet/);
    expect(await mapping()).toMatchObject({ handle: 'username', reach: 'follower_count', engagement: 'engagement', conversions: 'orders', cost: '' });
    expect(await page.locator('[data-reach-meaning]').textContent()).toMatch(/ln\(1 \+ followers\) \+ 0\.5 × ln\(1 \+ engagement per post\)/);
    expect(await page.locator('[data-budget-box]').isHidden()).toBe(true);
  });

  it('a JSON array of objects, and NDJSON', async () => {
    let r = await pick(file('rows.json', JSON.stringify(ACCOUNTS), 'application/json'));
    expect(r.error).toBe('');
    expect(r.meta).toMatch(/60 rows × 6 columns.*JSON \(array of objects\)/);
    r = await pick(file('rows.ndjson', ACCOUNTS.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson'));
    expect(r.error).toBe('');
    expect(r.meta).toMatch(/60 rows × 6 columns.*one object per line/);
  });

  it('relevance runs when the file has topics and the brand topics are given', async () => {
    await pick(file('campaign.csv', csv()));
    await page.fill('#byod-brand-topics', 'Yoga, wellness');
    await page.waitForSelector('[data-kpi="relevance"]');
    expect(await page.locator('[data-kpi="relevance"]').textContent()).toMatch(/topics: yoga, wellness/);
    expect(await page.locator('[data-chart] svg').textContent()).toMatch(/Ranked by relevance/);
  });

  it('a manual mapping override re-runs the analysis; a bad choice is refused and the old one kept', async () => {
    await pick(file('campaign.csv', csv()));
    const before = await page.locator('[data-kpi="rho"] strong').textContent();
    await page.selectOption('#byod-role-conversions', 'revenue');
    await expect.poll(() => page.locator('[data-kpi="capture"]').textContent()).toBeTruthy();
    await page.selectOption('#byod-role-reach', 'handle');
    await page.waitForSelector('[data-error]:not([hidden])');
    expect(await page.locator('[data-error]').textContent()).toMatch(/"campaign.csv", row 2, column "handle": "acct_0" is not a number\. .* The previous choice is kept\./);
    expect(await page.locator('#byod-role-reach').inputValue()).toBe('followers');
    expect(before).toBeTruthy();
    // The choice is remembered for this header: put it back for the tests that load the same file.
    await page.selectOption('#byod-role-conversions', 'conversions');
    await expect.poll(() => page.locator('[data-kpi="rho"] strong').textContent()).toBe(before);
  });

  it('a file with no recognisable columns is no dead end: the mapping step opens with the reason', async () => {
    const r = await pick(file('cols.csv', 'alpha,beta\n1,2\n'));
    expect(r.error).toBe('');
    expect(await page.locator('byod-app').getAttribute('data-state')).toBe('mapping');
    expect(await page.locator('[data-mapping-reason]').textContent()).toMatch(/no column of "cols.csv" was recognised by its name as the reach \(followers, reach, impressions or views\) or the conversions .* \(its columns: "alpha", "beta"\)/);
    expect(await page.locator('#byod-role-reach').evaluate((s) => document.activeElement === s)).toBe(true);
  });

  it('drag and drop loads a file too', async () => {
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, csv());
    await page.evaluate(() => document.querySelector('byod-app')!.setAttribute('data-state', 'picking'));
    await page.dispatchEvent('[data-drop]', 'dragenter', { dataTransfer });
    await page.dispatchEvent('[data-drop]', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelector('byod-app')!.getAttribute('data-state') === 'loaded');
    expect(await page.locator('[data-file-meta]').textContent()).toMatch(/"dropped.csv": 60 rows/);
  });

  it('offers a template that loads as it is', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /template/i }).click()]);
    const text = readFileSync(await dl.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe('handle,followers,reactions_per_post,cost,conversions,revenue,topics');
    const r = await pick(file('template.csv', text));
    expect(r.error).toBe('');
    expect(await page.locator('[data-warnings]').textContent()).toMatch(/Only 4 rows/);
  });
});

describe('Your data: bad files get a specific message, and the data loaded before survives', () => {
  const big = join(mkdtempSync(join(tmpdir(), 'byod-')), 'huge.csv');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 101 * 1024 * 1024);
  closeSync(fd);

  it.each([
    ['empty', file('empty.csv', ''), /"empty.csv" is empty \(0 bytes\)/],
    ['blank lines only', file('blank.csv', '\n\r\n  \n'), /"blank.csv" contains no data/],
    ['binary', file('photo.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /"photo.csv" looks like a binary file, not text: byte 9 is a NUL/],
    ['no header', file('noheader.csv', '12000,35,250\n500,2,80\n'), /"noheader.csv" has no header row: row 1 holds values \("12000", "35", "250"\)/],
    ['blank header', file('blankhead.csv', 'handle,,conversions\na,1,2\n'), /"blankhead.csv", row 1, column 2: the column name is blank/],
    ['duplicate headers', file('dup.csv', 'followers,conversions,Followers\n1,2,3\n'), /"dup.csv", row 1: the column name "Followers" appears twice \(columns 1 and 3\)/],
    ['text in a numeric column', file('text.csv', 'handle,followers,conversions\na,100,1\nb,200,2\nc,300,3\nd,400,twelve\ne,500,5\n'), /"text.csv", row 5, column "conversions": "twelve" is not a number/],
    ['negative count', file('neg.csv', 'handle,followers,conversions\na,100,1\nb,-200,2\n'), /"neg.csv", row 3, column "followers": "-200" is negative; a count cannot be/],
    ['absurd count', file('absurd.csv', 'handle,followers,conversions\na,100,1\nb,99999999999999,2\n'), /"absurd.csv", row 3, column "followers": "99999999999999" is not a plausible reach value/],
    ['ragged row', file('ragged.csv', 'handle,followers,conversions\na,100,1\nb,1,200,2\n'), /"ragged.csv", row 3: it has 4 fields but the header has 3/],
    ['unclosed quote', file('quote.csv', 'handle,followers,conversions\n"a,100,1\nb,200,2\n'), /"quote.csv", row 2: a quoted value opens here and is never closed/],
    ['broken JSON', file('broken.json', '[{"followers": 1,}]', 'application/json'), /"broken.json" is not valid JSON/],
    ['broken NDJSON line', file('broken.ndjson', '{"followers": 1, "conversions": 2}\n{"followers": 2, "conversions": 3}\n{oops}\n', 'application/json'), /"broken.ndjson", line 3 is not valid JSON/],
    ['JSON that is not objects', file('numbers.json', '[1, 2, 3]', 'application/json'), /"numbers.json", record 1: expected an object/],
    ['broken Parquet', file('broken.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(20, 7), Buffer.from('PAR1')]), 'application/octet-stream'), /"broken.parquet" could not be read as Parquet/],
    ['very large', big, /"huge.csv" is 101 MB; this page analyses files up to 100 MB in your browser/],
  ])('%s', async (_, bad, message) => {
    const good = await pick(file('campaign.csv', csv()));
    expect(good.error).toBe('');
    const r = await pick(bad as Upload | string);
    expect(r.error).toMatch(message);
    // The earlier file and its results are still there, and the page still works.
    expect(await page.locator('byod-app').getAttribute('data-state')).toBe('loaded');
    expect(await page.locator('[data-file-meta]').textContent()).toBe(good.meta);
    expect(await page.locator('[data-kpi="rho"] strong').textContent()).toBe(good.rho);
    expect(await page.locator('[data-status]').textContent()).toMatch(/was not loaded; the results below are still those of "campaign.csv"/);
  });

  it('HTML and script in headers and cells are shown as text, never run', async () => {
    const r = await pick(file('xss.csv', 'handle,followers,conversions,"<img src=x onerror=""window.__pwned=1"">"\n"<script>window.__pwned=2</script>",100,1,x\nb,200,2,y\nc,300,3,z\n'));
    expect(r.error).toBe('');
    expect(await page.locator('[data-notes]').textContent()).toMatch(/1 column name .* and 1 cell \(first at "xss.csv", row 2, column "handle"\) contain HTML or script markup\. It is shown as plain text and never run\./);
    expect(await page.locator('#byod-role-topics option').allTextContents()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('byod-app img, byod-app script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
