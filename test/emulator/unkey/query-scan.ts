// The structural pass: walks every query scope (the statement, UNION/EXCEPT branches, CTE bodies,
// subqueries anywhere) and checks that it is a SELECT whose tables are public aliases or CTEs in scope.
// It records where each alias is referenced (to be replaced by a workspace-scoped subquery) and the
// WHERE clauses (for the retention check).
import { refuse } from './query-errors';
import { PUBLIC_TABLES, type PublicTable } from './schema';
import {
  isName,
  isOp,
  isParenGroup,
  isQueryGroup,
  isWord,
  splitOnCommas,
  type QueryNode,
  type TokenNode,
} from './query-tree';

export interface TableRef {
  table: PublicTable;
  /** Token range of the (possibly dotted) name to replace. */
  start: number;
  end: number;
  /** Whether the reference already names itself (`FROM t AS x`, `FROM t x`). */
  hasAlias: boolean;
  /** `x IN table`: the replacement needs no alias. */
  inList: boolean;
  /** FINAL modifiers to drop: the scoped subquery is not a table engine that knows FINAL. */
  drop: number[];
}

export interface QueryScan {
  tables: TableRef[];
  /** Nodes of every WHERE / PREWHERE clause, at their own bracket level. */
  whereClauses: QueryNode[][];
}

interface Scope {
  ctes: Set<string>;
  /** `WITH <expr> AS name` aliases: usable on the right of IN. */
  aliases: Set<string>;
  parent: Scope | undefined;
}

const REAL_TABLES = new Set<string>(Object.values(PUBLIC_TABLES));
const NOT_AN_ALIAS = new Set([
  'WHERE', 'PREWHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'SETTINGS', 'FORMAT', 'UNION', 'EXCEPT',
  'INTERSECT', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'NATURAL', 'JOIN', 'ARRAY', 'GLOBAL', 'LOCAL',
  'ANY', 'ALL', 'ASOF', 'SEMI', 'ANTI', 'PASTE', 'ONLY', 'ON', 'USING', 'FINAL', 'SAMPLE', 'WINDOW', 'QUALIFY',
  'INTO', 'WITH',
]);
/** Words that start a statement other than SELECT; a bracket starting with one is refused. */
const OTHER_STATEMENTS = new Set([
  'FROM', 'EXPLAIN', 'SHOW', 'DESCRIBE', 'INSERT', 'ALTER', 'DROP', 'CREATE', 'ATTACH', 'DETACH', 'RENAME',
  'TRUNCATE', 'OPTIMIZE', 'SYSTEM', 'SET', 'GRANT', 'REVOKE', 'KILL', 'USE', 'EXCHANGE', 'UNDROP', 'DELETE',
  'UPDATE', 'BACKUP', 'RESTORE', 'CHECK', 'WATCH', 'MOVE', 'VALUES',
]);
const FORBIDDEN_CLAUSES = new Set(['SETTINGS', 'FORMAT', 'INTO', 'OUTFILE']);
const SET_OPERATIONS = ['UNION', 'EXCEPT', 'INTERSECT'];

function refuseNotSelect(): never {
  refuse('Only SELECT queries are allowed');
}

/** A bracket holding another statement: `(FROM t SELECT …)`, `(EXPLAIN …)`, not `(system.tables)`. */
function startsOtherStatement(node: QueryNode | undefined): boolean {
  if (!isParenGroup(node)) return false;
  const [first, second] = node.children;
  if (!isWord(first) || !OTHER_STATEMENTS.has(first.token.upper) || isOp(second, '.')) return false;
  // `values(…)` is a call, for the function check to refuse; FROM never is.
  return first.token.upper === 'FROM' || !isParenGroup(second);
}

function hasCte(scope: Scope | undefined, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.ctes.has(name)) return true;
  return false;
}

function hasAlias(scope: Scope | undefined, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.aliases.has(name)) return true;
  return false;
}

function isPublicTable(name: string): name is PublicTable {
  return Object.prototype.hasOwnProperty.call(PUBLIC_TABLES, name);
}

export function scanQuery(statement: QueryNode[]): QueryScan {
  const scan: QueryScan = { tables: [], whereClauses: [] };

  /** Reads a dotted name starting at k; returns its text and the last index. */
  const readName = (nodes: QueryNode[], k: number): { name: string; end: number } => {
    let name = (nodes[k] as TokenNode).token.value;
    let end = k;
    while (isOp(nodes[end + 1], '.') && isName(nodes[end + 2])) {
      name += `.${(nodes[end + 2] as TokenNode).token.value}`;
      end += 2;
    }
    return { name, end };
  };

  const recordTable = (nodes: QueryNode[], k: number, scope: Scope, inList: boolean): number => {
    const { name, end } = readName(nodes, k);
    if (isParenGroup(nodes[end + 1])) {
      refuse(`Table function '${name.toLowerCase()}' is not allowed for security reasons`);
    }
    if (isPublicTable(name)) {
      const drop: number[] = [];
      let next = end + 1;
      if (isWord(nodes[next], 'FINAL')) drop.push((nodes[next++] as TokenNode).index);
      const after = nodes[next];
      const bareAlias = isName(after) && (after.token.kind === 'quoted' || !NOT_AN_ALIAS.has(after.token.upper));
      const aliased = isWord(after, 'AS') || bareAlias;
      if (aliased) {
        const finalAfterAlias = nodes[next + (isWord(after, 'AS') ? 2 : 1)];
        if (isWord(finalAfterAlias, 'FINAL')) drop.push(finalAfterAlias.index);
      }
      const first = (nodes[k] as TokenNode).index;
      const last = (nodes[end] as TokenNode).index;
      scan.tables.push({ table: name, start: first, end: last, hasAlias: aliased, inList, drop });
      return end;
    }
    const cteOrAlias = !name.includes('.') && (hasCte(scope, name) || (inList && hasAlias(scope, name)));
    if (!cteOrAlias) refuse(`Access to table '${name}' is not allowed`);
    return end;
  };

  /** `x IN t`, `x IN (t)`, `x IN ((db.t AS a) AS b)` all read a table in ClickHouse. */
  const checkInTarget = (nodes: QueryNode[], k: number, scope: Scope): void => {
    const isTableName = (items: QueryNode[], at: number): boolean =>
      isName(items[at]) && !isWord(items[at], 'NULL', 'TRUE', 'FALSE') && !isParenGroup(items[readName(items, at).end + 1]);
    if (isName(nodes[k])) {
      if (isTableName(nodes, k)) recordTable(nodes, k, scope, true);
      return;
    }
    for (let group = nodes[k]; isParenGroup(group); ) {
      let inner = group.children;
      if (isWord(inner[inner.length - 2], 'AS') && isName(inner[inner.length - 1])) inner = inner.slice(0, -2);
      if (inner.length === 1 && isParenGroup(inner[0])) {
        group = inner[0];
        continue;
      }
      if (isTableName(inner, 0) && readName(inner, 0).end === inner.length - 1) recordTable(inner, 0, scope, true);
      return;
    }
  };

  const visitExpression = (nodes: QueryNode[], k: number, scope: Scope): number => {
    const node = nodes[k];
    if (node?.type === 'group') {
      if (isQueryGroup(node)) walkStatement(node.children, scope, false);
      else if (startsOtherStatement(node)) refuseNotSelect();
      else walkExpression(node.children, scope);
      return k;
    }
    if (isWord(node, 'IN')) checkInTarget(nodes, k + 1, scope);
    return k;
  };

  const walkExpression = (nodes: QueryNode[], scope: Scope): void => {
    for (let k = 0; k < nodes.length; k += 1) k = visitExpression(nodes, k, scope);
  };

  const readTableExpression = (nodes: QueryNode[], k: number, scope: Scope): number => {
    const node = nodes[k];
    if (isQueryGroup(node)) {
      walkStatement(node.children, scope, false);
      return k;
    }
    if (startsOtherStatement(node)) refuseNotSelect();
    if (!isName(node)) refuse('Invalid SQL syntax: expected a table name or a subquery after FROM or JOIN');
    return recordTable(nodes, k, scope, false);
  };

  /** IS [NOT] DISTINCT FROM is a comparison, not a FROM clause. */
  const isDistinctFrom = (nodes: QueryNode[], k: number): boolean =>
    isWord(nodes[k - 1], 'DISTINCT') && isWord(nodes[k - 2], 'IS', 'NOT');

  const walkClauses = (nodes: QueryNode[], start: number, scope: Scope, requireFrom: boolean): void => {
    let clause: 'select' | 'from' | 'arrayjoin' | 'joincondition' | 'where' | 'orderby' | 'other' = 'select';
    let expectTable = false;
    let sawFrom = false;
    let where: QueryNode[] = [];
    for (let k = start; k < nodes.length; k += 1) {
      const node = nodes[k] as QueryNode;
      if (expectTable) {
        expectTable = false;
        k = readTableExpression(nodes, k, scope);
        continue;
      }
      if (isWord(node)) {
        const word = node.token.upper;
        if (FORBIDDEN_CLAUSES.has(word) && !isParenGroup(nodes[k + 1])) refuse(`${word} is not allowed`);
        if (word === 'FROM' && clause !== 'orderby' && !isDistinctFrom(nodes, k)) {
          clause = 'from';
          expectTable = true;
          sawFrom = true;
          continue;
        }
        if (word === 'JOIN') {
          clause = isWord(nodes[k - 1], 'ARRAY') ? 'arrayjoin' : 'from';
          expectTable = clause === 'from';
          continue;
        }
        if ((word === 'ON' || word === 'USING') && clause === 'from') {
          clause = 'joincondition';
          continue;
        }
        if (word === 'WHERE' || word === 'PREWHERE') {
          clause = 'where';
          where = [];
          scan.whereClauses.push(where);
          continue;
        }
        if (word === 'ORDER') clause = 'orderby';
        if (['GROUP', 'HAVING', 'LIMIT', 'OFFSET', 'WINDOW', 'QUALIFY'].includes(word)) clause = 'other';
      }
      // After ON or USING a comma starts another table, as after FROM.
      if ((clause === 'from' || clause === 'joincondition') && isOp(node, ',')) {
        clause = 'from';
        expectTable = true;
        continue;
      }
      if (clause === 'where') where.push(node);
      k = visitExpression(nodes, k, scope);
    }
    if (expectTable) refuse('Invalid SQL syntax: expected a table name or a subquery after FROM or JOIN');
    if (requireFrom && !sawFrom) refuse('Query must have a FROM clause');
  };

  /** WITH items up to the SELECT: `name AS (query)` defines a CTE, `expr AS name` an alias. */
  const walkWith = (nodes: QueryNode[], scope: Scope): number => {
    const select = nodes.findIndex((node) => isWord(node, 'SELECT'));
    if (select === -1) refuseNotSelect();
    const items = splitOnCommas(nodes.slice(isWord(nodes[1], 'RECURSIVE') ? 2 : 1, select));
    for (const item of items) {
      const [name, as, body] = item;
      if (item.length === 3 && isName(name) && isWord(as, 'AS') && isQueryGroup(body)) {
        const cte = name.token.value;
        if (cte.includes('.') || REAL_TABLES.has(cte)) refuse(`CTE name '${cte}' is not allowed`);
        scope.ctes.add(cte);
        walkStatement(body.children, scope, false);
        continue;
      }
      const alias = item[item.length - 1];
      if (!isWord(item[item.length - 2], 'AS') || !isName(alias)) {
        refuse("Invalid SQL syntax: a WITH item is 'name AS (subquery)' or 'expression AS name'");
      }
      walkExpression(item, scope);
      scope.aliases.add(alias.token.value);
    }
    return select;
  };

  const walkSelect = (nodes: QueryNode[], scope: Scope, requireFrom: boolean): void => {
    const first = nodes[0];
    if (isParenGroup(first)) {
      if (!isQueryGroup(first)) refuseNotSelect();
      walkStatement(first.children, scope, false);
      walkClauses(nodes, 1, scope, false);
      return;
    }
    let select = 0;
    if (isWord(first, 'WITH')) select = walkWith(nodes, scope);
    if (!isWord(nodes[select], 'SELECT')) refuseNotSelect();
    walkClauses(nodes, select + 1, scope, requireFrom);
  };

  const walkStatement = (nodes: QueryNode[], parent: Scope | undefined, top: boolean): void => {
    if (nodes.length === 0) refuse('Invalid SQL syntax: empty query');
    const scope: Scope = { ctes: new Set(), aliases: new Set(), parent };
    let segment: QueryNode[] = [];
    let index = 0;
    for (let k = 0; k < nodes.length; k += 1) {
      const node = nodes[k] as QueryNode;
      if (isWord(node, ...SET_OPERATIONS)) {
        const next = isWord(nodes[k + 1], 'ALL', 'DISTINCT') ? k + 2 : k + 1;
        if (isWord(nodes[next], 'FROM')) refuseNotSelect();
        if (isWord(nodes[next], 'SELECT', 'WITH') || isQueryGroup(nodes[next])) {
          walkSelect(segment, scope, top && index === 0);
          segment = [];
          index += 1;
          k = next - 1;
          continue;
        }
      }
      segment.push(node);
    }
    walkSelect(segment, scope, top && index === 0);
  };

  walkStatement(statement, undefined, true);
  return scan;
}
