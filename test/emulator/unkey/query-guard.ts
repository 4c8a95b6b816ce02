// Checks and rewrites a v2 `analytics.getVerifications` query the way Unkey's query parser
// (go/pkg/clickhouse/query-parser) does, so it runs safely on the emulator's ClickHouse store:
//   1. one statement (trailing semicolons tolerated), and it is a SELECT (WITH … SELECT, UNION, EXCEPT,
//      subqueries allowed);
//   2. every table is one of the five public aliases or a CTE in scope — system tables, real table
//      names and table functions are refused; SETTINGS, FORMAT and INTO OUTFILE are refused;
//   3. every function is on Unkey's allow-list;
//   4. apiId / externalId are resolved (see query-virtual-columns.ts);
//   5. a `time` lower bound past the retention window is refused (see query-time.ts);
//   6. each alias becomes a subquery over its real table holding only the caller's workspace and
//      retention window, now() reads the emulator's clock, and the result is capped at maxRows.
// A refusal is a 400 "Bad Request" whose detail reads like Unkey's: "Invalid SQL query <reason>".
import { INVALID_QUERY_PREFIX, QueryRefusal, refuse } from './query-errors';
import { checkFunctions } from './query-functions';
import { pinClock, QueryEdits, scopeTables } from './query-rewrite';
import { scanQuery } from './query-scan';
import { checkRetention } from './query-time';
import { tokenize, type Token } from './query-tokenizer';
import { buildTree } from './query-tree';
import { rewriteVirtualColumns, type TokenEdits } from './query-virtual-columns';

export interface GuardContext {
  workspaceId: string;
  /** API id → key space id, or undefined when the workspace has no such API. */
  resolveApiId(apiId: string): string | undefined;
  /** External id → identity id, or undefined when the workspace has no such identity. */
  resolveExternalId(externalId: string): string | undefined;
  retentionDays: number;
  /** Unix ms. */
  now: number;
  maxRows: number;
}

export type GuardResult = { ok: true; sql: string } | { ok: false; status: number; title: string; detail: string };

/** The statement's tokens without trailing semicolons; any other semicolon means a second statement. */
function singleStatement(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]?.kind === 'op' && tokens[end - 1]?.text === ';') end -= 1;
  const statement = tokens.slice(0, end);
  if (statement.length === 0) refuse('No SQL statements found');
  if (statement.some((token) => token.kind === 'op' && token.text === ';')) refuse('Only one SQL statement is allowed');
  return statement;
}

function rewrite(sql: string, ctx: GuardContext): string {
  const tokens = singleStatement(tokenize(sql));
  const tree = buildTree(tokens);
  const scan = scanQuery(tree);
  checkFunctions(tree);
  const tokenEdits: TokenEdits = new Map();
  rewriteVirtualColumns(tree, ctx, tokenEdits);
  const hasTimeFilter = checkRetention(scan.whereClauses, { retentionDays: ctx.retentionDays, now: ctx.now });
  const edits = new QueryEdits(tokenEdits);
  pinClock(tree, ctx.now, edits);
  const { workspaceId, retentionDays, now } = ctx;
  scopeTables(scan.tables, { workspaceId, retentionDays, now, hasTimeFilter }, edits);
  const scoped = edits.render(tokens);
  return ctx.maxRows > 0 ? `SELECT * FROM (\n${scoped}\n) LIMIT ${Math.floor(ctx.maxRows)}` : scoped;
}

export function guardQuery(sql: string, ctx: GuardContext): GuardResult {
  try {
    return { ok: true, sql: rewrite(sql, ctx) };
  } catch (error) {
    if (!(error instanceof QueryRefusal)) throw error;
    return { ok: false, status: 400, title: 'Bad Request', detail: `${INVALID_QUERY_PREFIX} ${error.message}` };
  }
}
