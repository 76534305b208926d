/**
 * The user's results as files, made in the browser: every analysed account with its computed
 * score and ranks as CSV (pure data, text cells formula-escaped as every download of the site) and
 * as Parquet (typed columns, with what produced them under the key `provenance`). Pure functions of
 * (frame, provenance): no DOM.
 */
import type { Frame } from '../data/frame.ts';
import { column, type Column, type ColumnType } from '../data/dictionary.ts';
import { toCsv } from '../data/csv.ts';
import { parquetDownload } from '../explore/downloads.ts';
import { bindSql } from '../../sql/bind.ts';
import type { Statement } from './queries.ts';

/** The columns of src/sql/byod/scored_rows.sql, typed and described. */
export const SCORED_COLUMNS: { columns: Column[] } = {
  columns: [
    column('account', 'INTEGER', 'id', 'the account, numbered in the order it first appears in your file'),
    column('handle', 'VARCHAR', '', 'the handle, ad name or code, as in your file'),
    column('reach', 'DOUBLE', 'people', 'your reach column (the largest of the rows, when they were added up per account)'),
    column('engagement', 'DOUBLE', 'reactions', 'your engagement column (summed per account)'),
    column('cost', 'DOUBLE', 'currency of your file', 'your cost column (summed per account)'),
    column('conversions', 'DOUBLE', 'conversions', 'your conversions column (summed per account)'),
    column('revenue', 'DOUBLE', 'currency of your file', 'your revenue column (summed per account)'),
    column('topics', 'VARCHAR', '', "the account's topic words, separated by '; '"),
    column('source_rows', 'DOUBLE', 'rows', 'rows of your file behind the account'),
    column('score_raw', 'DOUBLE', 'log units', "the reach score before its 1-100 mapping: ln(1 + reach), plus 0.5 × ln(1 + engagement) when the file has engagement"),
    column('score', 'DOUBLE', 'points', 'the Klout-like reach score, 1-100 (below 1 or above 99 outside the anchoring accounts)'),
    column('score_rank', 'INTEGER', 'rank', '1 for the highest reach score; ties share a rank'),
    column('anchored_on', 'VARCHAR', '', "whose accounts set the score's 1-100 anchors: your file, or the simulated world"),
    column('relevance', 'DOUBLE', '0-1', "relevance of the account's topics to your brand's, when both are given"),
  ],
};

export interface ByodProvenance {
  source: string;
  file: string;
  rows: number;
  /** The statements behind the rows, in the order they ran, with their parameters. */
  statements: { query: string; sql: string; parameters: Statement['params']; bound_sql: string }[];
  columns: { name: string; type: ColumnType; unit: string; description: string }[];
  generated_at: string;
}

/** What produced the rows of a download. */
export function byodProvenance({ file, rows, log, generatedAt }: { file: string; rows: number; log: Statement[]; generatedAt: string }): ByodProvenance {
  return {
    source: 'Your file, analysed in your browser by Influence This (nothing was uploaded)',
    file,
    rows,
    statements: log.map((s) => ({ query: `byod/${s.name}.sql`, sql: s.text, parameters: s.params, bound_sql: bindSql(s.text, s.params).sql })),
    columns: SCORED_COLUMNS.columns.map(({ name, type, unit, description }) => ({ name, type, unit, description })),
    generated_at: generatedAt,
  };
}

/** The rows as CSV (formula-escaped text cells, plain numbers). */
export const scoredCsv = (frame: Frame): string => toCsv(frame);

/** The rows as Parquet bytes, typed as SCORED_COLUMNS says, with the provenance in the file's metadata. */
export const scoredParquet = (frame: Frame, prov: ByodProvenance): ArrayBuffer => parquetDownload(frame, prov, SCORED_COLUMNS);
