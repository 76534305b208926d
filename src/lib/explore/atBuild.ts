/**
 * Build-time data of the explore page: the filter choices and the first page of the default view,
 * from the very SQL the browser runs, on DuckDB for Node over the data step's world.
 */
import { readFileSync } from 'node:fs';
import { openWorld } from '../db/world.ts';
import { runQuery } from '../db/run.ts';
import { bindSql } from '../../sql/bind.ts';
import { QUERIES } from '../../sql/catalog.ts';
import { DEFAULT_STATE, queryParams } from './state.ts';
import { countSql } from './columns.ts';
import type { Frame } from '../data/frame.ts';

export interface Option {
  value: string;
  label: string;
  group: string;
  accounts: number | null;
}

export interface ExploreAtBuild {
  version: string;
  brands: Option[];
  tiers: Option[];
  topics: Option[];
  superTopics: Option[];
  followersMax: number;
  rows: number;
  page: Frame;
}

export async function exploreAtBuild(): Promise<ExploreAtBuild> {
  const db = await openWorld();
  try {
    const options = (await runQuery(db, 'explore_options', {})).frame;
    const of = (kind: string): Option[] => {
      const out: Option[] = [];
      for (let i = 0; i < options.length; i++) {
        if (options.columns.kind[i] !== kind) continue;
        out.push({ value: String(options.columns.value[i]), label: String(options.columns.label[i]), group: String(options.columns.grp[i] ?? ''), accounts: (options.columns.accounts[i] as number | null) ?? null });
      }
      return out;
    };
    const page = (await runQuery(db, 'explore_accounts', queryParams(DEFAULT_STATE))).frame;
    const counting = bindSql(countSql(QUERIES.explore_accounts), queryParams(DEFAULT_STATE));
    const count = await db.query(counting.sql, counting.values);
    const manifest = JSON.parse(readFileSync(`${process.cwd()}/public/data/manifest.json`, 'utf8')) as { version: string };
    return {
      version: manifest.version,
      brands: of('brand'),
      tiers: of('tier'),
      topics: of('topic'),
      superTopics: of('super_topic'),
      followersMax: Number(of('followers_max')[0]?.value ?? 0),
      rows: Number(count.columns.n[0]),
      page,
    };
  } finally {
    db.close();
  }
}
