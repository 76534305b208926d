/**
 * Which names a piece of SQL or TypeScript mentions, comments left out: the words of the code and
 * the contents of its string literals (where TypeScript names a column: numbers(frame, 'x')). Used
 * by the test that keeps every score off the oracle and hidden columns of the data dictionary.
 */
import { TABLES } from '../../../src/lib/data/dictionary.ts';

/** The identifier-like words of a text after removing comments (`--` and block comments in SQL; `//` and block comments in TypeScript). */
export function namesIn(text: string, language: 'sql' | 'ts'): Set<string> {
  const line = language === 'sql' ? '--' : '//';
  let code = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && language === 'ts') {
        code += ch + (text[i + 1] ?? '');
        i++;
      } else {
        if (ch === quote) quote = '';
        code += ch;
      }
      continue;
    }
    if (text.startsWith(line, i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      code += ' ';
      continue;
    }
    if (ch === "'" || ch === '"' || (ch === '`' && language === 'ts')) quote = ch;
    code += ch;
  }
  return new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/**
 * The names no score may read, each with why (e.g. 'pair_outcomes.expected_conversions (oracle)'): hidden tables, and every oracle, hidden or outcome column whose name
 * no observable input column shares (a shared name such as topic_id is not evidence of a read).
 */
export function forbiddenNames(tables = TABLES): Map<string, string> {
  const allowed = new Set<string>();
  for (const t of tables) if (!t.hidden) for (const c of t.columns) if (c.kind === 'observable' && !c.outcome) allowed.add(c.name);
  const out = new Map<string, string>();
  for (const t of tables) {
    if (t.hidden) out.set(t.name, `${t.name} (hidden table)`);
    for (const c of t.columns) {
      const why = c.kind !== 'observable' ? c.kind : c.outcome ? 'outcome' : null;
      if (why && !allowed.has(c.name)) out.set(c.name, `${t.name}.${c.name} (${why})`);
    }
  }
  return out;
}

/** What a text reads of the forbidden names, as their reasons (empty when clean). */
export function forbiddenReads(text: string, language: 'sql' | 'ts', forbidden = forbiddenNames()): string[] {
  const names = namesIn(text, language);
  return [...forbidden].filter(([name]) => names.has(name)).map(([, why]) => why);
}
