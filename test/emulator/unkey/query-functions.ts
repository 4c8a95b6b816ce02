// Unkey's function allow-list (go/pkg/clickhouse/query-parser/validation.go), matched case-insensitively.
// Any name directly followed by a parenthesised group is a call, whatever the spacing.
import { refuse } from './query-errors';
import { isName, isOp, isParenGroup, isWord, type QueryNode, type TokenNode } from './query-tree';

export const ALLOWED_FUNCTIONS: readonly string[] = [
  // aggregate
  'count', 'sum', 'avg', 'min', 'max', 'any', 'groupArray', 'groupUniqArray', 'uniq', 'uniqExact', 'quantile',
  // date and time
  'now', 'now64', 'today', 'toDate', 'toDateTime', 'toDateTime64', 'toStartOfDay', 'toStartOfWeek',
  'toStartOfMonth', 'toStartOfYear', 'toStartOfHour', 'toStartOfMinute', 'date_trunc', 'formatDateTime',
  'fromUnixTimestamp64Milli', 'toUnixTimestamp64Milli', 'toIntervalDay', 'toIntervalWeek', 'toIntervalMonth',
  'toIntervalYear', 'toIntervalHour', 'toIntervalMinute', 'toIntervalSecond', 'toIntervalMillisecond',
  'toIntervalMicrosecond', 'toIntervalNanosecond', 'toIntervalQuarter',
  // string
  'lower', 'upper', 'substring', 'concat', 'length', 'trim', 'startsWith', 'endsWith',
  // math
  'round', 'floor', 'ceil', 'abs',
  // conditional
  'if', 'sumIf', 'case', 'coalesce', 'countIf',
  // type conversion
  'toString', 'toInt32', 'toInt64', 'toFloat64',
  // array
  'has', 'hasAny', 'hasAll', 'arrayJoin', 'arrayFilter',
];

const ALLOWED = new Set(ALLOWED_FUNCTIONS.map((name) => name.toLowerCase()));

/**
 * Keywords that may stand right before a bracket without calling a function
 * (`AS (`, `IN (`, `CAST(x AS T)` which Unkey's parser reads as a cast, not a call).
 */
const KEYWORDS_BEFORE_BRACKET = new Set([
  'AS', 'IN', 'NOT', 'AND', 'OR', 'ON', 'USING', 'FROM', 'JOIN', 'WHERE', 'PREWHERE', 'HAVING', 'SELECT',
  'DISTINCT', 'ALL', 'BY', 'WHEN', 'THEN', 'ELSE', 'CASE', 'BETWEEN', 'LIKE', 'ILIKE', 'IS', 'INTERVAL', 'WITH',
  'UNION', 'EXCEPT', 'INTERSECT', 'LIMIT', 'OFFSET', 'OVER', 'FILTER', 'TOP', 'ROLLUP', 'CUBE', 'SETS', 'DIV',
  'MOD', 'TO', 'STEP', 'INTERPOLATE', 'GLOBAL', 'CAST',
]);

function calledName(nodes: QueryNode[], k: number): string {
  let name = (nodes[k] as TokenNode).token.value;
  for (let j = k; isOp(nodes[j - 1], '.') && isName(nodes[j - 2]); j -= 2) {
    name = `${(nodes[j - 2] as TokenNode).token.value}.${name}`;
  }
  return name.toLowerCase();
}

/** Keywords that cannot end an operand: an IN after one of them is the function `in(x, table)`. */
const KEYWORDS_BEFORE_OPERAND = new Set([
  'SELECT', 'WHERE', 'PREWHERE', 'HAVING', 'AND', 'OR', 'NOT', 'ON', 'WHEN', 'THEN', 'ELSE', 'BY', 'DISTINCT',
  'CASE', 'LIKE', 'ILIKE', 'BETWEEN', 'IS', 'IN', 'INTERVAL', 'WITH', 'LIMIT', 'OFFSET', 'ALL', 'ANY', 'TOP',
  'USING', 'FROM', 'JOIN', 'AS', 'GLOBAL', 'QUALIFY',
]);

function endsOperand(node: QueryNode | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'group') return true;
  const { kind, upper } = node.token;
  if (kind === 'op') return false;
  return kind !== 'word' || !KEYWORDS_BEFORE_OPERAND.has(upper);
}

/** `x [GLOBAL] [NOT] IN (…)` is the operator; `in(x, t)` with nothing before it is a call. */
function isInOperator(nodes: QueryNode[], k: number): boolean {
  let before = k - 1;
  while (isWord(nodes[before], 'NOT', 'GLOBAL')) before -= 1;
  return endsOperand(nodes[before]);
}

/** Whether nodes[k] names a function called with the bracket that follows it. */
export function isFunctionCall(nodes: QueryNode[], k: number): boolean {
  const node = nodes[k];
  if (!isName(node) || !isParenGroup(nodes[k + 1])) return false;
  if (node.token.kind === 'quoted') return true;
  if (node.token.upper === 'IN') return !isInOperator(nodes, k);
  return !KEYWORDS_BEFORE_BRACKET.has(node.token.upper);
}

export function checkFunctions(nodes: QueryNode[]): void {
  nodes.forEach((node, k) => {
    if (node.type === 'group') {
      checkFunctions(node.children);
      return;
    }
    // APPLY runs a function named without a call: `SELECT * APPLY(f)`, `APPLY f`.
    if (isWord(node, 'APPLY')) refuse("Function 'apply' is not allowed");
    if (!isFunctionCall(nodes, k)) return;
    const name = calledName(nodes, k);
    if (!ALLOWED.has(name)) refuse(`Function '${name}' is not allowed`);
  });
}
