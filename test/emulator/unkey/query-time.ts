// The retention check, after Unkey's time_range.go: in every WHERE / PREWHERE (and the plain
// parentheses inside them), a lower bound on the `time` column (bare or qualified) — `time >= x`,
// `time > x`, `time = x`, `x <= time`, `x < time`, `time BETWEEN x AND y` — counts as a time filter,
// and one older than the retention window is refused when its bound is readable. Readable bounds, as
// Unkey evaluates them:
//   - a whole number: Unix milliseconds (also inside toDateTime(...), as Unkey reads every number);
//   - a string 'YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss' or RFC 3339, read as UTC;
//   - now(), now64(), today(): the emulator's clock;
//   - toStartOf*/toDate/toDateTime/toDateTime64/formatDateTime/toUnixTimestamp64Milli/
//     fromUnixTimestamp64Milli(x): x (the truncation is ignored, as Unkey does); date_trunc(unit, x): x;
//   - x ± INTERVAL n UNIT or x ± toInterval<Unit>(n) (MONTH = 30 days, YEAR = 365 days);
//   - a parenthesised bound.
// Anything else (a column, an alias, arithmetic, another function) is let through, as Unkey lets it
// through; the workspace-scoped subquery still holds rows to the retention window.
import { refuse } from './query-errors';
import { isFunctionCall } from './query-functions';
import { isName, isOp, isParenGroup, isQueryGroup, isWord, splitOnCommas, type QueryNode } from './query-tree';

const DAY_MS = 86_400_000;
const COMPARISONS = ['>=', '>', '=', '==', '<=', '<', '!=', '<>'];
const LOWER_BOUNDS = new Set(['>=', '>', '=', '==']);
const FLIPPED: Record<string, string> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };
const BOUNDARY_WORDS = ['AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'END', 'BETWEEN', 'IS', 'LIKE', 'ILIKE', 'IN'];
const UNIT_MS: Record<string, number> = {
  SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: DAY_MS, WEEK: 7 * DAY_MS, MONTH: 30 * DAY_MS, YEAR: 365 * DAY_MS,
};
const PASS_THROUGH = new Set([
  'tostartofhour', 'tostartofday', 'tostartofweek', 'tostartofmonth', 'tostartofquarter', 'tostartofyear',
  'tostartofminute', 'todate', 'todatetime', 'todatetime64', 'formatdatetime', 'tounixtimestamp64milli',
  'fromunixtimestamp64milli',
]);

export interface RetentionWindow {
  retentionDays: number;
  now: number;
}

function isTimeColumn(nodes: QueryNode[], k: number): boolean {
  const node = nodes[k];
  return isName(node) && node.token.value.toLowerCase() === 'time' && !isParenGroup(nodes[k + 1]) && !isOp(nodes[k + 1], '.');
}

/** Subqueries have WHERE clauses of their own, checked separately. */
function isSubquery(node: QueryNode): boolean {
  return isQueryGroup(node);
}

function isBoundary(node: QueryNode | undefined): boolean {
  return node === undefined || isWord(node, ...BOUNDARY_WORDS) || isOp(node, ',', ...COMPARISONS);
}

/** Evaluates a bound to Unix ms, or undefined when it is not readable. */
function evaluate(nodes: QueryNode[], now: number): number | undefined {
  let k = 0;
  const term = (): number | undefined => {
    const node = nodes[k];
    if (node === undefined) return undefined;
    k += 1;
    if (node.type === 'group') return node.bracket === '(' && !isQueryGroup(node) ? evaluate(node.children, now) : undefined;
    const { kind, text, value } = node.token;
    if (kind === 'number') return /^\d+$/.test(text) ? Number(text) : undefined;
    if (kind === 'string') return parseDate(value);
    const args = nodes[k];
    if (!isName(node) || !isParenGroup(args)) return undefined;
    k += 1;
    const name = value.toLowerCase();
    const params = splitOnCommas(args.children);
    if (name === 'now' || name === 'now64' || name === 'today') return now;
    if (PASS_THROUGH.has(name)) return params[0] ? evaluate(params[0], now) : undefined;
    if (name === 'date_trunc') return params[1] ? evaluate(params[1], now) : undefined;
    return undefined;
  };
  const interval = (): number | undefined => {
    const node = nodes[k];
    if (isWord(node, 'INTERVAL')) {
      const amount = nodes[k + 1];
      const unit = nodes[k + 2];
      k += 3;
      if (amount?.type !== 'token' || !/^\d+$/.test(amount.token.text) || !isWord(unit)) return undefined;
      const ms = UNIT_MS[unit.token.upper];
      return ms === undefined ? undefined : Number(amount.token.text) * ms;
    }
    const args = nodes[k + 1];
    if (isName(node) && isParenGroup(args)) {
      k += 2;
      const match = /^tointerval(second|minute|hour|day|week|month|year)$/i.exec(node.token.value);
      const amount = args.children[0];
      const whole = args.children.length === 1 && amount?.type === 'token' && /^\d+$/.test(amount.token.text);
      if (!match?.[1] || !whole) return undefined;
      return Number(amount.token.text) * (UNIT_MS[match[1].toUpperCase()] as number);
    }
    return undefined;
  };
  let result = term();
  while (result !== undefined && isOp(nodes[k], '+', '-')) {
    const sign = isOp(nodes[k], '-') ? -1 : 1;
    k += 1;
    const ms = interval();
    result = ms === undefined ? undefined : result + sign * ms;
  }
  return k === nodes.length ? result : undefined;
}

function parseDate(text: string): number | undefined {
  const plain = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (plain) {
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = plain.slice(1).map((part) => Number(part ?? 0));
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    // Date.UTC rolls over out-of-range fields; Go's time.Parse (and so Unkey) rejects them.
    return new Date(ms).toISOString().startsWith(text.replace(' ', 'T')) ? ms : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Checks every WHERE clause; returns whether any of them puts a lower bound on `time`. */
export function checkRetention(whereClauses: QueryNode[][], window: RetentionWindow): boolean {
  const earliest = window.now - window.retentionDays * DAY_MS;
  let hasTimeFilter = false;
  const check = (operator: string, bound: QueryNode[]): void => {
    if (!LOWER_BOUNDS.has(operator)) return;
    hasTimeFilter = true;
    if (window.retentionDays <= 0) return;
    const ms = evaluate(bound, window.now);
    if (ms !== undefined && ms < earliest) {
      refuse(
        `Cannot query data older than ${window.retentionDays} days. Your query attempts to access data from ` +
          `${formatDay(ms)}, but only data from ${formatDay(earliest)} onwards is available.`,
      );
    }
  };
  const scan = (nodes: QueryNode[]): void => {
    nodes.forEach((node, k) => {
      if (isParenGroup(node) && !isFunctionCall(nodes, k - 1) && !isSubquery(node)) scan(node.children);
      if (isTimeColumn(nodes, k)) {
        const next = nodes[k + 1];
        if (isOp(next, ...COMPARISONS)) {
          let end = k + 2;
          while (!isBoundary(nodes[end])) end += 1;
          check(next.token.text, nodes.slice(k + 2, end));
        } else if (isWord(next, 'BETWEEN')) {
          let end = k + 2;
          while (nodes[end] && !isWord(nodes[end], 'AND')) end += 1;
          check('>=', nodes.slice(k + 2, end));
        }
      }
      let column = k + 1;
      while (isName(nodes[column]) && isOp(nodes[column + 1], '.')) column += 2;
      if (isOp(node, ...COMPARISONS) && isTimeColumn(nodes, column) && !isOp(nodes[column + 1], ...COMPARISONS)) {
        let start = k - 1;
        while (start >= 0 && !isBoundary(nodes[start])) start -= 1;
        check(FLIPPED[node.token.text] ?? node.token.text, nodes.slice(start + 1, k));
      }
    });
  };
  whereClauses.forEach(scan);
  return hasTimeFilter;
}
