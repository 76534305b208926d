/**
 * What the page says beside a user's numbers, whichever engine computed them: what "reach" means
 * for the file, and the warnings that come with any analysis of it.
 */
import type { ReachProxy } from './mapping.ts';

/** Below this many accounts the page warns that the numbers are a first look. */
export const SMALL_SAMPLE = 50;

/**
 * What "reach" means for the file, in plain words: the report's score when there is engagement,
 * else the reach column alone, with what its proxy counts (`proxy`: from the column's name).
 */
export function reachMeaningOf(engagement: boolean, proxy: ReachProxy | null = 'followers'): string {
  const what = proxy === 'followers' || proxy === null ? 'followers' : proxy;
  if (engagement) return `Reach here is the report's score without its reactor term: ln(1 + ${what}) + 0.5 × ln(1 + engagement per post). It ranks accounts as a Klout-style score with the default weights would.`;
  if (proxy === 'followers') return 'Your file has no reaction or engagement data, so "reach" here is simply audience size: accounts are ranked by followers alone. (A Klout-style score adds engagement; map an engagement column to include it.)';
  const caveat: Record<Exclude<ReachProxy, 'followers'>, string> = {
    reach: 'Reach counts the people who saw each placement, not the account\'s audience: it grows with what was spent on the placement as well as with the account\'s popularity.',
    impressions: 'Impressions count how often each placement was shown, not how many people follow the account: they grow with what was spent as well as with popularity, and one person can count many times.',
    views: 'Views count plays of each post or video, not the account\'s audience.',
  };
  return `Your file has no reaction or engagement data, so "reach" here is simply ${proxy ?? 'the column you chose'}: accounts are ranked by it alone. ${proxy ? caveat[proxy] : ''} (A Klout-style score adds engagement; map an engagement column to include it.)`.replace('  ', ' ');
}

/**
 * The warnings of an analysis: a small sample (`used`: accounts with reach and conversions), the
 * selection bias of any campaign file, conversions that are all 0, rows left out (of `rows`).
 */
export function warningsFor({ used, rows, allZero }: { used: number; rows: number; allZero: boolean }): string[] {
  const out: string[] = [];
  if (used < SMALL_SAMPLE) out.push(`Only ${used} ${used === 1 ? 'row has' : 'rows have'} both reach and conversions. With fewer than ${SMALL_SAMPLE} accounts the interval is wide and one account can swing the result: read the numbers as a first look, not a verdict.`);
  out.push('Selection bias: your file holds only the accounts you chose to hire. If you picked them by reach, the big accounts that would not have sold are not here to show it, and reach can look better (or worse) than it would over all the accounts you could have hired.');
  if (allZero) out.push('Every conversion count is 0: there is nothing to rank, so the correlation and the gain curve are not defined.');
  const dropped = rows - used;
  if (dropped > 0) out.push(`${dropped.toLocaleString('en-US')} ${dropped === 1 ? 'row is' : 'rows are'} left out because reach or conversions is blank.`);
  return out;
}
