// Rewrites the checked query for the store: each public alias becomes a subquery over its real table
// holding only the caller's workspace and retention window, now()/now64()/today() read the emulator's
// clock, and the whole result is capped at the row limit. The SQL is re-emitted from the tokens.
import { PUBLIC_TABLES, type PublicTable } from './schema';
import type { TableRef } from './query-scan';
import { isParenGroup, isWord, splitOnCommas, type QueryNode } from './query-tree';
import type { Token } from './query-tokenizer';
import { quoteString, type TokenEdits } from './query-virtual-columns';

export interface ScopeOptions {
  workspaceId: string;
  retentionDays: number;
  now: number;
  /** Whether the query bounds `time` from below itself (then the scope keeps whole buckets). */
  hasTimeFilter: boolean;
}

/** Bucket start for each aggregate; the raw table keeps Unix ms. */
const BUCKET: Record<PublicTable, string | undefined> = {
  key_verifications_v1: undefined,
  key_verifications_per_minute_v1: 'toStartOfMinute',
  key_verifications_per_hour_v1: 'toStartOfHour',
  key_verifications_per_day_v1: 'toDate',
  key_verifications_per_month_v1: 'toStartOfMonth',
};

/**
 * The retention floor inside the scope. With no lower bound of its own, a query gets Unkey's default
 * `time >= now() - INTERVAL N DAY`; with one (already checked against retention), the floor only stands
 * in for Unkey's row-level policy and is widened to whole buckets so it never trims a bucket the query
 * asked for.
 */
function retentionFloor(table: PublicTable, options: ScopeOptions): string | undefined {
  if (options.retentionDays <= 0) return undefined;
  const floorMs = options.now - options.retentionDays * 86_400_000;
  const bucket = BUCKET[table];
  if (bucket === undefined) return `time >= ${floorMs}`;
  const floor = `toDateTime(${Math.floor(floorMs / 1000)})`;
  return options.hasTimeFilter ? `time >= ${bucket}(${floor})` : `time >= ${floor}`;
}

export function scopedTable(table: PublicTable, options: ScopeOptions): string {
  const conditions = [`workspace_id = ${quoteString(options.workspaceId)}`, retentionFloor(table, options)];
  return `(SELECT * FROM ${PUBLIC_TABLES[table]} WHERE ${conditions.filter(Boolean).join(' AND ')})`;
}

export class QueryEdits {
  private readonly tokens = new Map<number, string>();
  private readonly ranges = new Map<number, { end: number; text: string }>();
  private readonly dropped = new Set<number>();

  constructor(tokenEdits: TokenEdits) {
    tokenEdits.forEach((text, index) => this.tokens.set(index, text));
  }

  replaceRange(start: number, end: number, text: string): void {
    this.ranges.set(start, { end, text });
  }

  drop(index: number): void {
    this.dropped.add(index);
  }

  render(tokens: readonly Token[]): string {
    let sql = '';
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i] as Token;
      const range = this.ranges.get(i);
      if (range) {
        sql += ` ${range.text} `;
        i = range.end;
        continue;
      }
      if (this.dropped.has(i)) continue;
      sql += `${token.spaceBefore && sql !== '' ? ' ' : ''}${this.tokens.get(i) ?? token.text}`;
    }
    return sql.trim();
  }
}

export function scopeTables(tables: readonly TableRef[], options: ScopeOptions, edits: QueryEdits): void {
  for (const ref of tables) {
    const alias = ref.hasAlias || ref.inList ? '' : ` AS ${ref.table}`;
    edits.replaceRange(ref.start, ref.end, `${scopedTable(ref.table, options)}${alias}`);
    ref.drop.forEach((index) => edits.drop(index));
  }
}

/** The clock call at nodes[k] with the emulator's time in it, or undefined when it is not one. */
function pinnedCall(nodes: QueryNode[], k: number, now: number): string | undefined {
  const node = nodes[k];
  const args = nodes[k + 1];
  if (!isWord(node, 'NOW', 'NOW64', 'TODAY') || !isParenGroup(args)) return undefined;
  const params = splitOnCommas(args.children).filter((param) => param.length > 0);
  const only = params.length === 1 && params[0]?.length === 1 ? params[0][0] : undefined;
  const literal = only?.type === 'token' ? only.token : undefined;
  const seconds = Math.floor(now / 1000);
  switch (node.token.upper) {
    case 'NOW':
      if (params.length === 0) return `toDateTime(${seconds})`;
      return literal?.kind === 'string' ? `toDateTime(${seconds}, ${literal.text})` : undefined;
    case 'NOW64':
      return params.length === 0 || literal?.kind === 'number' ? `fromUnixTimestamp64Milli(toInt64(${now}))` : undefined;
    default:
      return params.length === 0 ? `toDate(toDateTime(${seconds}))` : undefined;
  }
}

/** now(), now64() and today() read the emulator's clock, so seeded data and queries agree on "now". */
export function pinClock(nodes: QueryNode[], now: number, edits: QueryEdits): void {
  nodes.forEach((node, k) => {
    if (node.type === 'group') {
      pinClock(node.children, now, edits);
      return;
    }
    const text = pinnedCall(nodes, k, now);
    const args = nodes[k + 1];
    if (text !== undefined && args?.type === 'group') edits.replaceRange(node.index, args.close, text);
  });
}
